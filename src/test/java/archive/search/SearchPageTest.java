package archive.search;

import archive.build.SiteBuild;
import archive.testing.TestProject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search page and the search box of every page, as built from the seeds. */
class SearchPageTest {
    static TestProject project;
    static SiteBuild.Result result;

    @BeforeAll
    static void build() {
        project = TestProject.seedProject();
        result = project.build();
    }

    @AfterAll
    static void clean() { TestProject.delete(project.root); }

    static List<Path> htmlFiles(Path site) throws IOException {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void everyPageHasASearchBoxThatIsAPlainGetFormToTheSearchPage() throws IOException {
        for (Path f : htmlFiles(project.site())) {
            String rel = project.site().relativize(f).toString();
            Document d = project.page(rel);
            Element form = d.selectFirst("form.site-search");
            assertNotNull(form, rel);
            assertEquals("get", form.attr("method"), rel);
            String action = form.attr("action");
            // 404.html is served at any depth, so its links start at the site root.
            Path target = action.startsWith("/") ? project.site().resolve(action.substring(1)).normalize()
                    : f.getParent().resolve(action).normalize();
            assertEquals(project.site().resolve("search"), target, rel + " → " + form.attr("action"));
            assertEquals("q", form.selectFirst("input[type=search]").attr("name"));
            Element input = form.selectFirst("input");
            assertNotNull(d.selectFirst("label[for=" + input.id() + "]"), "the box has a label");
        }
    }

    @Test
    void theSearchPageOffersFiltersAndTellsReadersWithoutJavaScriptWhatToDo() {
        Document d = project.page("search/");
        assertEquals("Search · 搜索 · People's Daily Archive, 1958–1960", d.title());
        Element form = d.getElementById("search-form");
        assertEquals("get", form.attr("method"));
        for (String name : List.of("q", "year", "place", "industry", "entry")) assertNotNull(form.selectFirst("[name=" + name + "]"), name);
        assertEquals(List.of("", "1958", "1959"), form.select("select[name=year] option").eachAttr("value"));
        assertTrue(form.select("select[name=place] option").eachAttr("value").contains("taiyuan"));
        assertTrue(form.select("select[name=entry] option").eachAttr("value").contains("great-leap-forward"));
        assertTrue(form.select("select[name=industry] option").size() > 1);
        Element noscript = d.selectFirst("noscript");
        assertTrue(noscript.html().contains("needs JavaScript"), noscript.html());
        assertEquals("../search/data/meta.js", form.attr("data-index"));
        assertTrue(Files.isRegularFile(project.site().resolve("search/data/meta.js")));
        assertEquals("../articles/__id__/", form.attr("data-article"));
    }

    @Test
    void theSearchPageNeedsNoInlineScriptOrStyle() {
        Document d = project.page("search/");
        assertTrue(d.select("script:not([src])").isEmpty());
        assertTrue(d.select("style, [style]").isEmpty());
        assertTrue(d.select("*").stream().noneMatch(e -> e.attributes().asList().stream().anyMatch(a -> a.getKey().startsWith("on"))));
        for (Element s : d.select("script[src]")) assertTrue(Files.isRegularFile(project.site().resolve("search").resolve(s.attr("src")).normalize()));
    }

    @Test
    void theIndexIsNotCountedAsPages() throws IOException {
        assertEquals(htmlFiles(project.site()).size(), result.pages());
        try (Stream<Path> s = Files.walk(project.site().resolve("search/data"))) {
            assertTrue(s.filter(Files::isRegularFile).count() > result.articles());
        }
    }

    @Test
    void offlineLinksEndInIndexHtml() {
        TestProject p = TestProject.seedProject();
        try {
            p.build(p.config().withOffline(true));
            Document d = p.page("search/");
            assertEquals("../search/data/meta.js", d.getElementById("search-form").attr("data-index"));
            assertEquals("../articles/__id__/index.html", d.getElementById("search-form").attr("data-article"));
            assertEquals("../search/index.html", d.selectFirst("form.site-search").attr("action"));
        } finally {
            TestProject.delete(p.root);
        }
    }

    @Test
    void theIndexIsByteForByteTheSameOnARebuild() throws IOException {
        TestProject p = TestProject.seedProject();
        try {
            p.build(p.config().withOut(p.root.resolve("other")));
            for (Path f : Files.walk(project.site().resolve("search/data")).filter(Files::isRegularFile).toList()) {
                Path twin = p.root.resolve("other").resolve(project.site().relativize(f).toString());
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(twin), f.toString());
            }
        } finally {
            TestProject.delete(p.root);
        }
    }
}
