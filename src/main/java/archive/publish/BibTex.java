package archive.publish;

import archive.config.BuildConfig;

import java.util.Locale;

/**
 * The BibTeX entry of an article (articles/&lt;id&gt;/cite.bib). BibTeX has no newspaper type:
 * it is an {@code @article} with biblatex's {@code entrysubtype = {newspaper}}, and both
 * {@code journaltitle} (biblatex) and {@code journal} (BibTeX) for the paper. The title is
 * braced twice so that no style changes its case.
 */
public final class BibTex {
    private BibTex() {}

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    public static String entry(ArticleRecord r) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("@article{").append(key(r)).append(",\n");
        if (r.hasAuthor()) field(sb, "author", "{" + escape(r.author()) + "}");
        field(sb, "title", "{" + escape(r.citationTitle()) + "}");
        field(sb, "journaltitle", escape(Newspaper.CITATION_NAME));
        field(sb, "journal", escape(Newspaper.CITATION_NAME));
        field(sb, "entrysubtype", "newspaper");
        field(sb, "date", r.date().toString());
        field(sb, "year", String.valueOf(r.date().getYear()));
        sb.append("  month = ").append(MONTHS[r.date().getMonthValue() - 1]).append(",\n");
        field(sb, "pages", String.valueOf(r.page()));
        field(sb, "langid", "chinese");
        if (r.url() != null) field(sb, "url", r.url().replace("{", "%7B").replace("}", "%7D"));
        field(sb, "note", escape("English translation: " + BuildConfig.TITLE_EN));
        sb.append("}\n");
        return sb.toString();
    }

    /** A key that is ASCII, unique (it holds the id) and tells the reader what it is. */
    static String key(ArticleRecord r) {
        return Newspaper.ROMANISED.toLowerCase(Locale.ROOT).replace(" ", "") + r.date().getYear() + "-" + r.id();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /** Escapes the characters that (La)TeX reads as commands. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '{', '}', '$', '&', '%', '#', '_' -> sb.append('\\').append(c);
                case '^' -> sb.append("\\^{}");
                case '~' -> sb.append("\\~{}");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
