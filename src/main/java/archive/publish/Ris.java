package archive.publish;

import archive.config.BuildConfig;

/**
 * The RIS record of an article (articles/&lt;id&gt;/cite.ris), type {@code NEWS}, which Zotero,
 * EndNote and Mendeley import as a newspaper article. Lines end in CR LF as the format asks.
 */
public final class Ris {
    private Ris() {}

    public static String record(ArticleRecord r) {
        StringBuilder sb = new StringBuilder(512);
        line(sb, "TY", "NEWS");
        line(sb, "TI", r.citationTitle());
        if (r.hasAuthor()) line(sb, "AU", r.author());
        line(sb, "T2", Newspaper.CITATION_NAME);
        line(sb, "PY", String.valueOf(r.date().getYear()));
        line(sb, "DA", r.slashedDate() + "/");
        line(sb, "SP", String.valueOf(r.page()));
        line(sb, "LA", Newspaper.LANGUAGE);
        if (r.url() != null) line(sb, "UR", r.url());
        line(sb, "DB", BuildConfig.TITLE_EN);
        line(sb, "N1", "English translation: " + BuildConfig.TITLE_EN);
        sb.append("ER  - \r\n");
        return sb.toString();
    }

    private static void line(StringBuilder sb, String tag, String value) {
        sb.append(tag).append("  - ").append(oneLine(value).strip()).append("\r\n");
    }

    /** {@code value} with each run of line breaks and tabs as one space: a RIS field is one line. (A loop: the regular expression was a tenth of a citation's cost.) */
    static String oneLine(String value) {
        int i = 0, n = value.length();
        while (i < n && !breaksLine(value.charAt(i))) i++;
        if (i == n) return value;
        StringBuilder sb = new StringBuilder(n).append(value, 0, i);
        while (i < n) {
            char c = value.charAt(i++);
            if (!breaksLine(c)) {
                sb.append(c);
                continue;
            }
            sb.append(' ');
            while (i < n && breaksLine(value.charAt(i))) i++;
        }
        return sb.toString();
    }

    private static boolean breaksLine(char c) { return c == '\r' || c == '\n' || c == '\t'; }
}
