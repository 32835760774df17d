package archive.publish;

import archive.config.BuildConfig;
import archive.model.AnnotatedArticle;
import archive.model.Place;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable description of an article page, for the {@code <head>}.
 *
 * <p>Reference managers: Zotero's "Embedded Metadata" translator takes the item type from
 * {@code citation_journal_title} first (which would make a journal article, so it is never
 * written), then from Dublin Core {@code DC.type} when it names a Zotero type: hence
 * {@code DC.type = newspaperArticle}, and the paper's name in {@code DC.source}, which becomes
 * the publication. Highwire Press {@code citation_*} tags give title, date (1959/03/02), page,
 * language and URL; Open Graph says {@code og:type = article} for link previews; schema.org
 * JSON-LD describes the page as a {@code NewsArticle}, the translation of the Chinese original.
 */
public final class ArticleMetadata {
    /** One {@code <meta>}: {@code attribute} is "name" or "property" (Open Graph). */
    public record Tag(String attribute, String key, String value) {}

    /** What the head of an article page carries. {@code jsonLd} is safe inside a script element. */
    public record View(List<Tag> tags, String jsonLd) {}

    private ArticleMetadata() {}

    public static View of(ArticleRecord r, AnnotatedArticle aa, Map<String, Place> places, String description) {
        List<Tag> t = new ArrayList<>();
        name(t, "citation_title", r.citationTitle());
        if (r.hasAuthor()) name(t, "citation_author", r.author());
        name(t, "citation_publication_date", r.slashedDate());
        name(t, "citation_firstpage", String.valueOf(r.page()));
        name(t, "citation_language", Newspaper.LANGUAGE);
        if (r.url() != null) name(t, "citation_public_url", r.url());
        name(t, "DC.type", "newspaperArticle");
        name(t, "DC.title", r.citationTitle());
        if (r.hasAuthor()) name(t, "DC.creator", r.author());
        name(t, "DC.source", Newspaper.CITATION_NAME);
        name(t, "DC.date", r.date().toString());
        name(t, "DC.language", Newspaper.LANGUAGE);
        property(t, "og:type", "article");
        property(t, "og:title", r.displayTitle());
        property(t, "og:description", description);
        if (r.url() != null) property(t, "og:url", r.url());
        property(t, "og:site_name", BuildConfig.TITLE_EN);
        property(t, "og:locale", "en_GB");
        property(t, "og:locale:alternate", "zh_CN");
        property(t, "article:published_time", r.date().toString());
        return new View(List.copyOf(t), Json.forScript(jsonLd(r, aa, places)));
    }

    private static void name(List<Tag> t, String key, String value) { t.add(new Tag("name", key, value)); }

    private static void property(List<Tag> t, String key, String value) { t.add(new Tag("property", key, value)); }

    /** The page as a schema.org NewsArticle: the English translation of the Chinese original. */
    static Map<String, Object> jsonLd(ArticleRecord r, AnnotatedArticle aa, Map<String, Place> places) {
        Map<String, Object> paper = new LinkedHashMap<>();
        paper.put("@type", "Periodical");
        paper.put("name", Newspaper.NAME_ZH);
        paper.put("alternateName", List.of(Newspaper.NAME_EN, Newspaper.ROMANISED));

        Map<String, Object> original = new LinkedHashMap<>();
        original.put("@type", "NewsArticle");
        if (!r.titleZh().isEmpty()) original.put("headline", r.titleZh());
        original.put("inLanguage", Newspaper.LANGUAGE);
        original.put("datePublished", r.date().toString());
        original.put("pageStart", String.valueOf(r.page()));
        if (!r.section().isEmpty()) original.put("printSection", r.section());
        if (!r.column().isEmpty()) original.put("printColumn", r.column());
        if (r.hasAuthor()) original.put("author", Json.object("@type", "Person", "name", r.author()));
        original.put("isPartOf", paper);

        List<Map<String, Object>> locations = new ArrayList<>();
        for (String slug : aa.places()) {
            Place p = places.get(slug);
            if (p == null) continue;
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            place.put("name", p.name());
            place.put("alternateName", p.zh());
            locations.add(place);
        }

        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        if (r.titleEn().isEmpty()) {
            // Translation pending: the page presents the original itself.
            ld.putAll(original);
        } else {
            ld.put("@type", "NewsArticle");
            ld.put("headline", r.titleEn());
            ld.put("inLanguage", "en");
            ld.put("translationOfWork", original);
        }
        if (r.url() != null) {
            ld.put("url", r.url());
            ld.put("mainEntityOfPage", r.url());
        }
        if (!locations.isEmpty()) ld.put("contentLocation", locations);
        ld.put("isPartOf", Json.object("@type", "WebSite", "name", BuildConfig.TITLE_EN));
        return ld;
    }
}
