package archive.render;

import java.util.List;

/** The records handed to templates. They hold text and site paths only: templates make links with url(). */
public final class Views {
    private Views() {}

    /** A link in the navigation or footer, labelled in both interface languages. */
    public record NavItem(String path, String en, String zh) {
        /** The kind of page this item leads to ("dates" for "dates/"), to mark the current section. */
        public String kind() { return path.replace("/", ""); }
    }

    /** What every page knows about itself. {@code canonical} is absolute, or null without a site URL. */
    public record PageInfo(String title, String path, String description, String canonical, String kind) {}

    /** The site as a whole, for the layout. */
    public record SiteInfo(String titleEn, String titleZh, List<NavItem> nav, List<NavItem> footer) {}

    /** One article in a list. */
    public record ArticleSummary(String id, String path, String title, String headline, String dateIso, String dateEn,
                                 String dateZh, int page, String section, String column, boolean annotated,
                                 boolean hasEnglish, boolean hasChinese, String dayPath) {
        // equals and hashCode written out: the record's own are made at their first use, in an edit's
        // build the comparison of an edited article's summaries.
        @Override
        public boolean equals(Object o) {
            return o instanceof ArticleSummary s && page == s.page && annotated == s.annotated && hasEnglish == s.hasEnglish
                    && hasChinese == s.hasChinese && java.util.Objects.equals(id, s.id) && java.util.Objects.equals(path, s.path)
                    && java.util.Objects.equals(title, s.title) && java.util.Objects.equals(headline, s.headline)
                    && java.util.Objects.equals(dateIso, s.dateIso) && java.util.Objects.equals(dateEn, s.dateEn)
                    && java.util.Objects.equals(dateZh, s.dateZh) && java.util.Objects.equals(section, s.section)
                    && java.util.Objects.equals(column, s.column) && java.util.Objects.equals(dayPath, s.dayPath);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(id, path, title, headline, dateIso, dateEn, dateZh, page, section, column, annotated,
                    hasEnglish, hasChinese, dayPath);
        }
    }

    /** A link to an index page with a count: a place, an industry, a glossary entry, a month. */
    public record Ref(String path, String en, String zh, int count, String note) {}

    /** One paragraph of one side of a row, as HTML, with its kind (text, caption, marker). */
    public record Para(HtmlText html, String kind) {}

    /** One aligned row of an article page. {@code note} is the editors' note HTML, or empty. */
    public record RowView(String anchor, List<String> extraAnchors, String label, List<Para> zh, List<Para> en,
                          String note) {
        public boolean hasNote() { return !note.isEmpty(); }
    }

    /** A group of articles under a heading (a day, a page of the paper), as the HTML of their list entries. */
    public record Group(String id, String en, String zh, List<HtmlText> articles) {}

    /** A group of index references under a heading. */
    public record RefGroup(String id, String en, String zh, List<Ref> refs) {}
}
