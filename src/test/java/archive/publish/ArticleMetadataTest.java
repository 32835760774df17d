package archive.publish;

import archive.testing.TestProject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metadata of a seed article page, as reference managers and search engines read it. */
class ArticleMetadataTest {
    static final String SITE = "https://example.org/archive/";
    static final String ID = "119a5904f4221201";
    static TestProject project;
    static Document page;

    @BeforeAll
    static void build() {
        project = TestProject.seedProject();
        project.build(project.config().withSiteUrl(SITE));
        page = project.page("articles/" + ID + "/");
    }

    @AfterAll
    static void clean() { TestProject.delete(project.root); }

    static String meta(Document d, String name) {
        Element e = d.selectFirst("head meta[name=" + name + "], head meta[property=" + name + "]");
        return e == null ? null : e.attr("content");
    }

    @Test
    void canonicalAndOpenGraphNameTheArticleAbsolutely() {
        String url = SITE + "articles/" + ID + "/";
        assertEquals(url, page.selectFirst("head link[rel=canonical]").attr("href"));
        assertEquals("article", meta(page, "og:type"));
        assertEquals(url, meta(page, "og:url"));
        assertTrue(meta(page, "og:title").startsWith("Overwhelming Enthusiasm, Exhaustive Measures"));
    }

    @Test
    void highwireTagsGiveTitleDatePageLanguageAndUrl() {
        String title = meta(page, "citation_title");
        assertTrue(title.startsWith("干劲排山倒海　措施千方百计 时间分秒必争　指标超额完成 太原本溪誓师大战三月份，确保完成全年计划 [Overwhelming Enthusiasm"),
                title);
        assertTrue(title.endsWith("Annual Plan]"), title);
        assertEquals("1959/03/02", meta(page, "citation_publication_date"));
        assertEquals("1", meta(page, "citation_firstpage"));
        assertEquals("zh", meta(page, "citation_language"));
        assertEquals(SITE + "articles/" + ID + "/", meta(page, "citation_public_url"));
    }

    @Test
    void zoteroSavesANewspaperArticleOfPeoplesDaily() {
        // Embedded Metadata takes the type from these Highwire tags before Dublin Core: none may be there.
        for (String t : List.of("citation_journal_title", "citation_conference_title", "citation_book_title",
                "citation_inbook_title", "citation_dissertation_institution", "citation_technical_report_institution", "citation_isbn")) {
            assertNull(meta(page, t), t);
        }
        assertEquals("newspaperArticle", meta(page, "DC.type"));
        String source = meta(page, "DC.source");
        assertTrue(source.contains("People's Daily") && source.contains("人民日报"), source);
        assertEquals("1959-03-02", meta(page, "DC.date"));
    }

    @Test
    void jsonLdIsANewsArticleTranslatingTheChineseOriginal() {
        Element script = page.selectFirst("head script[type=application/ld+json]");
        JsonNode ld = new JsonMapper().readTree(script.data());
        assertEquals("https://schema.org", ld.get("@context").asString());
        assertEquals("NewsArticle", ld.get("@type").asString());
        assertEquals("en", ld.get("inLanguage").asString());
        assertTrue(ld.get("headline").asString().startsWith("Overwhelming Enthusiasm"));
        JsonNode original = ld.get("translationOfWork");
        assertEquals("NewsArticle", original.get("@type").asString());
        assertEquals("zh", original.get("inLanguage").asString());
        assertEquals("1959-03-02", original.get("datePublished").asString());
        assertEquals("1", original.get("pageStart").asString());
        assertTrue(original.get("headline").asString().startsWith("干劲排山倒海"));
        assertEquals("人民日报", original.get("isPartOf").get("name").asString());
        assertEquals(SITE + "articles/" + ID + "/", ld.get("url").asString());
    }

    @Test
    void otherPagesAreNotArticles() {
        Document home = project.page("");
        assertNull(meta(home, "og:type"));
        assertNull(meta(home, "citation_title"));
    }

    @Test
    void withoutASiteUrlNoRelativeUrlPosesAsAbsolute() {
        TestProject p = TestProject.seedProject();
        try {
            p.build();
            Document d = p.page("articles/" + ID + "/");
            assertNull(d.selectFirst("link[rel=canonical]"));
            assertNull(meta(d, "citation_public_url"));
            assertNull(meta(d, "og:url"));
            assertEquals("1959/03/02", meta(d, "citation_publication_date"));
            assertFalse(new JsonMapper().readTree(d.selectFirst("script[type=application/ld+json]").data()).has("url"));
        } finally {
            TestProject.delete(p.root);
        }
    }

    @Test
    void aTitleThatLooksLikeMarkupStaysDataInTheJsonLd() {
        TestProject p = TestProject.empty();
        try {
            String title = "Steel </script><script>alert(1)</script> & <!-- more";
            p.write("seeds/000_00000000000000aa.txt", TestProject.seed("1959-03-02", 3, title, "钢铁",
                    new String[]{"One paragraph."}, new String[]{"一段。"}));
            p.build();
            Document d = p.page("articles/00000000000000aa/");
            assertEquals(1, d.select("script[type=application/ld+json]").size());
            assertTrue(d.select("script:not([type]), script[src]").stream().allMatch(s -> s.hasAttr("src")),
                    "no inline script may appear");
            JsonNode ld = new JsonMapper().readTree(d.selectFirst("script[type=application/ld+json]").data());
            assertEquals(title, ld.get("headline").asString());
            assertEquals("钢铁 [" + title + "]", meta(d, "citation_title"));
        } finally {
            TestProject.delete(p.root);
        }
    }
}
