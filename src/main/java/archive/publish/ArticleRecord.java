package archive.publish;

import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.render.Links;
import archive.render.PagePaths;

import java.time.LocalDate;

/**
 * The bibliographic facts of one article, gathered once and shared by the page metadata, the
 * citations, the BibTeX and RIS files, the feed and the downloads.
 *
 * @param path    site path of the article page ("articles/&lt;id&gt;/")
 * @param url     its absolute URL, or null when the site URL is not known
 * @param titleEn English headline, or empty when the translation is pending
 * @param titleZh Chinese headline on one line, or empty when the original is missing
 * @param author  the byline, often empty
 */
public record ArticleRecord(String id, String path, String url, LocalDate date, int page, String section, String column,
                            String author, String titleEn, String titleZh) {

    public static ArticleRecord of(AnnotatedArticle aa, Links links) {
        return of(aa.article(), links);
    }

    static ArticleRecord of(Article a, Links links) {
        String path = PagePaths.article(a.id());
        return new ArticleRecord(a.id(), path, links.absolute(path), a.date(), a.page(), a.section(), a.column(),
                a.author().strip(), a.title().strip(), a.headline().strip());
    }

    /**
     * The title a citation gives: the Chinese headline with the English translation in brackets
     * ("干劲排山倒海 … [Overwhelming Enthusiasm …]"), or whichever exists alone.
     */
    public String citationTitle() {
        if (titleZh.isEmpty()) return titleEn;
        if (titleEn.isEmpty()) return titleZh;
        return titleZh + " [" + titleEn + "]";
    }

    /** The headline readers of the English page see first. */
    public String displayTitle() { return titleEn.isEmpty() ? titleZh : titleEn; }

    public boolean hasAuthor() { return !author.isEmpty(); }

    /** Highwire Press form of the date, 1959/03/02. */
    public String slashedDate() {
        return archive.render.Dates.slashed(date);
    }
    // equals and hashCode written out: the record's own are made at their first use, which was
    // 18 ms of an edit's build (Citations compares an edited article's records).
    @Override
    public boolean equals(Object o) {
        return o instanceof ArticleRecord r && page == r.page && java.util.Objects.equals(id, r.id)
                && java.util.Objects.equals(path, r.path) && java.util.Objects.equals(url, r.url)
                && java.util.Objects.equals(date, r.date) && java.util.Objects.equals(section, r.section)
                && java.util.Objects.equals(column, r.column) && java.util.Objects.equals(author, r.author)
                && java.util.Objects.equals(titleEn, r.titleEn) && java.util.Objects.equals(titleZh, r.titleZh);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, path, url, date, page, section, column, author, titleEn, titleZh);
    }
}
