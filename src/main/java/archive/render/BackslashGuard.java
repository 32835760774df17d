package archive.render;

/**
 * Protects flexmark from editors' Markdown that would make it run for hours. flexmark 0.64.8
 * matches a link label with a regular expression in which a backslash followed by punctuation can
 * be read two ways; after a "[" that is never closed, every such pair doubles the work
 * ("[" followed by 32 backslashes takes 0.4 s, 50 take minutes, 60 take hours). No real note
 * needs many backslashes near a bracket, so more than {@link #MAX_BACKSLASHES} within the
 * {@link #WINDOW} characters after a "[" is an error, and those backslashes are written as the
 * character reference {@code &#92;} (which the expression reads one way only) before parsing.
 */
final class BackslashGuard {
    static final int MAX_BACKSLASHES = 16;
    /** flexmark's link label is at most 999 characters. */
    static final int WINDOW = 1000;

    private BackslashGuard() {}

    /** Where the first dangerous "[" is, or -1 when the text is safe as it is. */
    static int firstDanger(String s) {
        int[] backslashesBefore = prefixCounts(s);
        for (int i = s.indexOf('['); i >= 0; i = s.indexOf('[', i + 1)) {
            int end = Math.min(s.length(), i + 1 + WINDOW);
            if (backslashesBefore[end] - backslashesBefore[i + 1] > MAX_BACKSLASHES) return i;
        }
        return -1;
    }

    /** The text with every backslash inside a dangerous window written as {@code &#92;}. */
    static String defuse(String s) {
        int[] backslashesBefore = prefixCounts(s);
        boolean[] replace = new boolean[s.length()];
        int coveredTo = 0;
        for (int i = s.indexOf('['); i >= 0; i = s.indexOf('[', i + 1)) {
            int end = Math.min(s.length(), i + 1 + WINDOW);
            if (backslashesBefore[end] - backslashesBefore[i + 1] <= MAX_BACKSLASHES) continue;
            for (int k = Math.max(i + 1, coveredTo); k < end; k++) replace[k] = s.charAt(k) == '\\';
            coveredTo = Math.max(coveredTo, end);
        }
        StringBuilder sb = new StringBuilder(s.length() + 64);
        for (int k = 0; k < s.length(); k++) {
            if (replace[k]) sb.append("&#92;");
            else sb.append(s.charAt(k));
        }
        return sb.toString();
    }

    private static int[] prefixCounts(String s) {
        int[] out = new int[s.length() + 1];
        for (int k = 0; k < s.length(); k++) out[k + 1] = out[k] + (s.charAt(k) == '\\' ? 1 : 0);
        return out;
    }

    /** 0-based line of {@code offset}. */
    static int lineOf(String s, int offset) {
        int line = 0;
        for (int k = 0; k < offset; k++) if (s.charAt(k) == '\n') line++;
        return line;
    }
}
