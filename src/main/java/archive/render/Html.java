package archive.render;

/** Escaping for the few fragments built in Java (annotated text, charts); templates autoescape. */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        if (s == null) return "";
        int n = s.length();
        char[] cs = archive.model.Chars.of(s, 0, n);
        int i = 0;
        while (i < n && !needsEscape(cs[i])) i++;
        if (i == n) return s; // most values (titles, dates, links) have nothing to escape: no copy
        StringBuilder sb = new StringBuilder(n + 16).append(cs, 0, i);
        escape(cs, i, n, sb);
        return sb.toString();
    }

    private static boolean needsEscape(char c) {
        return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
    }

    public static void escape(String s, int from, int to, StringBuilder sb) {
        escape(archive.model.Chars.of(s, from, to), 0, to - from, sb);
    }

    /** Appends {@code cs[start..n)}, escaped. */
    private static void escape(char[] cs, int start, int n, StringBuilder sb) {
        // Copy runs of ordinary characters at once; most text has nothing to escape.
        int run = start;
        for (int i = start; i < n; i++) {
            String rep;
            switch (cs[i]) {
                case '<' -> rep = "&lt;";
                case '>' -> rep = "&gt;";
                case '&' -> rep = "&amp;";
                case '"' -> rep = "&quot;";
                case '\'' -> rep = "&#39;";
                default -> { continue; }
            }
            sb.append(cs, run, i - run).append(rep);
            run = i + 1;
        }
        sb.append(cs, run, n - run);
    }
}
