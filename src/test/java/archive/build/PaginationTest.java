package archive.build;

import archive.testing.TestProject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A synthetic archive large enough that unpaginated lists would pass 1 MB: every page stays under it. */
class PaginationTest {
    static final int ARTICLES = 1500;
    static TestProject project;

    @BeforeAll
    static void build() throws IOException {
        project = TestProject.generated(TestProject.generator(7), ARTICLES);
        project.build();
    }

    @AfterAll
    static void clean() { TestProject.delete(project.root); }

    @Test
    void noPageOfTheSiteReachesOneMegabyte() throws IOException {
        List<Path> html;
        try (Stream<Path> s = Files.walk(project.site())) {
            html = s.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertTrue(html.size() > ARTICLES, "every article has a page");
        for (Path p : html) assertTrue(Files.size(p) < 1_000_000, p + " is " + Files.size(p) + " bytes");
    }

    @Test
    void theListOfAllArticlesRunsOverNumberedPagesThatLinkToEachOther() {
        Document first = project.page("articles/");
        assertEquals(200, first.select("ul.article-list > li").size());
        assertEquals("articles/page/2/", target("articles/", first.selectFirst("nav.pagination a[rel=next]").attr("href")));
        int last = (ARTICLES + 199) / 200;
        String lastPath = "articles/page/" + last + "/";
        Document end = project.page(lastPath);
        assertEquals(ARTICLES - 200 * (last - 1), end.select("ul.article-list > li").size());
        assertTrue(end.select("nav.pagination a[rel=next]").isEmpty());
        assertEquals("articles/page/" + (last - 1) + "/", target(lastPath, end.selectFirst("nav.pagination a[rel=prev]").attr("href")));
        assertEquals("page", end.selectFirst("nav.pagination a[aria-current=page]").attr("aria-current"));
        // The entries link to the articles from the page's own depth.
        String article = target(lastPath, end.selectFirst("ul.article-list a").attr("href"));
        assertTrue(article.startsWith("articles/") && Files.isRegularFile(project.site().resolve(article + "index.html")), article);
    }

    /** The site path a relative link on the page at {@code from} leads to. */
    private static String target(String from, String href) {
        Path root = Path.of("/site");
        return root.relativize(root.resolve(from).resolve(href).normalize()) + "/";
    }

    @Test
    void theHomePageShowsTheIntroductionOnlyOnItsFirstPage() {
        assertFalse(project.page("").select("ul.counts").isEmpty());
        Document second = project.page("page/2/");
        assertTrue(second.select("ul.counts").isEmpty());
        assertTrue(second.title().contains("page 2 of"), second.title());
    }

    @Test
    void aLongConcordanceContinuesOnFurtherPagesOfTheEntry() throws IOException {
        Path entries = project.site().resolve("glossary");
        Path paged;
        try (Stream<Path> s = Files.list(entries)) {
            paged = s.filter(p -> Files.isDirectory(p.resolve("page/2"))).findFirst().orElseThrow();
        }
        String slug = paged.getFileName().toString();
        Document first = project.page("glossary/" + slug + "/");
        Document second = project.page("glossary/" + slug + "/page/2/");
        assertEquals(500, first.select("table.kwic tbody tr").size());
        assertFalse(first.select("section.explanation").isEmpty());
        assertTrue(second.select("section.explanation").isEmpty());
        String page = "glossary/" + slug + "/page/2/";
        String link = second.selectFirst("table.kwic tbody tr a").attr("href");
        String article = target(page, link.substring(0, link.indexOf('#')));
        assertTrue(Files.isRegularFile(project.site().resolve(article + "index.html")), link);
    }

    @Test
    void aLongListSumsItselfUpOnItsFirstPageAndItsLaterPagesLinkThere() throws IOException {
        for (String kind : List.of("glossary", "places", "industries")) {
            Path lists = project.site().resolve(kind);
            String slug;
            try (Stream<Path> s = Files.list(lists)) {
                slug = s.filter(p -> Files.isDirectory(p.resolve("page/2"))).findFirst().orElseThrow().getFileName().toString();
            }
            String base = kind + "/" + slug + "/", later = base + "page/2/";
            Document first = project.page(base), second = project.page(later);
            assertFalse(first.select("figure.chart").isEmpty(), base + " has its chart by month");
            assertTrue(second.select("figure.chart").isEmpty(), later + " leaves the chart to the first page");
            assertTrue(second.select("span.count").isEmpty(), later + " leaves the counts to the first page");
            assertEquals(base, target(later, second.selectFirst("p.summary-link a").attr("href")), later + " links to the summary");
        }
        assertTrue(project.page("articles/").selectFirst("main h1 + p").text().matches("\\d+ articles, by date and page\\."));
        assertEquals("By date and page.", project.page("articles/page/2/").selectFirst("main h1 + p").text());
    }
}
