package archive.render;

import java.time.LocalDate;
import java.time.YearMonth;

/** Site paths of every kind of page, in one place so that no template or page invents its own. */
public final class PagePaths {
    private PagePaths() {}

    public static final String HOME = "";
    public static final String ARTICLES = "articles/";
    public static final String DATES = "dates/";
    public static final String PLACES = "places/";
    public static final String INDUSTRIES = "industries/";
    public static final String GLOSSARY = "glossary/";
    public static final String NOTES = "notes/";

    public static String article(String id) { return "articles/" + id + "/"; }
    public static String paragraph(String id, String anchor) { return article(id) + "#" + anchor; }
    public static String year(int y) { return "dates/" + y + "/"; }
    public static String month(YearMonth m) {
        return Dates.numeric(new StringBuilder(16).append("dates/"), m.getYear(), m.getMonthValue(), '/').append('/').toString();
    }
    public static String day(LocalDate d) {
        return Dates.numeric(new StringBuilder(20).append("dates/"), d, '/').append('/').toString();
    }
    public static String place(String slug) { return "places/" + slug + "/"; }
    public static String industry(String slug) { return "industries/" + slug + "/"; }
    public static String entry(String slug) { return "glossary/" + slug + "/"; }
    public static String page(String name) { return name + "/"; }

    /** The file a folder path is written to. */
    public static String file(String path) { return path + "index.html"; }
}
