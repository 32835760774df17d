package archive.publish;

import archive.cli.Main;
import archive.diag.BuildFailedException;
import archive.testing.TestProject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The permalink registry and the redirects file: a published path never silently disappears. */
class PermalinkRegistryTest {
    static final String A = "00000000000000a1", B = "00000000000000b2";
    TestProject p;

    @BeforeEach
    void twoArticles() {
        p = TestProject.empty();
        p.write("seeds/000_" + A + ".txt", TestProject.seed("1959-03-02", 1, "First", "第一篇",
                new String[]{"One.", "Two."}, new String[]{"一。", "二。"}));
        p.write("seeds/001_" + B + ".txt", TestProject.seed("1959-03-03", 2, "Second", "第二篇",
                new String[]{"Three."}, new String[]{"三。"}));
    }

    @AfterEach
    void clean() { TestProject.delete(p.root); }

    Path registry() { return p.root.resolve("data/permalinks.txt"); }

    List<String> paths() throws IOException {
        return Files.readAllLines(registry()).stream().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void theFirstBuildRecordsEveryPageSortedAndTheNextLeavesTheFileAlone() throws IOException {
        p.build();
        List<String> paths = paths();
        assertTrue(paths.contains("/articles/" + A + "/"));
        assertTrue(paths.contains("/articles/" + B + "/"));
        assertTrue(paths.contains("/"));
        assertTrue(paths.contains("/dates/1959/03/02/"));
        assertTrue(paths.contains("/feed.xml"));
        assertTrue(paths.contains("/downloads/articles.csv"));
        assertFalse(paths.contains("/404.html"), "the host's error page is no permanent URL");
        assertFalse(paths.stream().anyMatch(s -> s.endsWith(".bib") || s.startsWith("/assets/")));
        assertEquals(paths.stream().sorted().toList(), paths);
        assertTrue(Files.readString(registry()).startsWith(PermalinkRegistry.HEADER));

        byte[] before = Files.readAllBytes(registry());
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(registry(), old);
        p.build();
        assertEquals(old, Files.getLastModifiedTime(registry()), "an unchanged registry is not rewritten");
        assertEquals(new String(before), Files.readString(registry()));
    }

    @Test
    void removingAPublishedArticleFailsAtTheRegistryLineAndTouchesNothing() throws IOException {
        p.build();
        byte[] registryBefore = Files.readAllBytes(registry());
        byte[] pageBefore = Files.readAllBytes(p.site().resolve("articles/" + B + "/index.html"));
        Files.delete(p.root.resolve("seeds/001_" + B + ".txt"));

        BuildFailedException e = p.buildFails();
        int line = Files.readAllLines(registry()).indexOf("/articles/" + B + "/") + 1;
        assertTrue(e.getMessage().contains("permalinks.txt:" + line + ": /articles/" + B + "/ was published and would no longer be produced"),
                e.getMessage());
        assertTrue(e.getMessage().contains("redirects.yaml"), "the message says how to move or withdraw it");
        assertTrue(e.getMessage().contains("permalinks.txt:" + (Files.readAllLines(registry()).indexOf("/dates/1959/03/03/") + 1)),
                "the day page of the removed article is reported too");
        assertEquals(new String(registryBefore), Files.readString(registry()));
        assertEquals(new String(pageBefore), Files.readString(p.site().resolve("articles/" + B + "/index.html")),
                "the previous site is untouched");
    }

    @Test
    void aWithdrawnArticleGetsAPageSayingWhy() {
        p.build();
        p.write("seeds/001_" + B + ".txt", TestProject.seed("1959-03-02", 2, "Second", "第二篇",
                new String[]{"Three."}, new String[]{"三。"})); // same day as A: the old day page goes too
        p.write("data/redirects.yaml", """
                - path: /articles/%s/
                  withdrawn: The file duplicated <another> article.
                  date: 2026-12-01
                - path: /dates/1959/03/03/
                  moved_to: /dates/1959/03/02/
                """.formatted("0000000000000000"));
        // A path may be withdrawn without being in the registry (published before the registry existed).
        p.build();
        Document moved = p.page("dates/1959/03/03/");
        String target = "../../../../dates/1959/03/02/";
        assertEquals("0; url=" + target, moved.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals(target, moved.selectFirst("link[rel=canonical]").attr("href"));
        assertNotNull(moved.selectFirst("main a[href=" + target + "]"), "a visible link for browsers that do not forward");
        assertEquals("noindex", moved.selectFirst("meta[name=robots]").attr("content"));

        Document withdrawn = p.page("articles/0000000000000000/");
        assertTrue(withdrawn.select("main").text().contains("Why: The file duplicated <another> article."),
                withdrawn.select("main").text());
        assertTrue(withdrawn.select("main").text().contains("1 December 2026"));
    }

    @Test
    void movedPagesPointToAbsoluteCanonicalsWithASiteUrl() throws IOException {
        p.build();
        Files.delete(p.root.resolve("seeds/001_" + B + ".txt"));
        p.write("data/redirects.yaml", """
                - path: /articles/%s/
                  moved_to: /articles/%s/#p2
                  note: Both dispatches are now one article.
                - path: /dates/1959/03/03/
                  withdrawn: No article of that day remains in the archive.
                """.formatted(B, A));
        p.build(p.config().withSiteUrl("https://example.org/archive/"));
        Document moved = p.page("articles/" + B + "/");
        assertEquals("0; url=../../articles/" + A + "/#p2", moved.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("https://example.org/archive/articles/" + A + "/#p2", moved.selectFirst("link[rel=canonical]").attr("href"));
        assertTrue(moved.select("main").text().contains("Both dispatches are now one article."));
        assertFalse(Files.readString(p.site().resolve("sitemap.xml")).contains(B), "redirects are not in the sitemap");
        assertTrue(paths().contains("/articles/" + B + "/"), "the moved path stays in the registry");
    }

    @Test
    void redirectMistakesAreReportedAtTheirLines() {
        p.write("data/redirects.yaml", """
                - path: /articles/%s/
                  withdrawn: Still a page.
                - path: /articles/0000000000000001/
                  moved_to: /articles/0000000000000002/
                - path: articles/no-slash
                  withdrawn: x
                - path: /articles/0000000000000003/
                  moved_to: /articles/%s/
                  withdrawn: both
                - path: /articles/0000000000000004/
                  moved_too: /articles/%s/
                """.formatted(A, A, A));
        String m = p.buildFails().getMessage();
        assertTrue(m.contains("redirects.yaml:1: /articles/" + A + "/ is still a page of the site"), m);
        assertTrue(m.contains("redirects.yaml:3: `moved_to: /articles/0000000000000002/` is not a page of the site"), m);
        assertTrue(m.contains("redirects.yaml:5: `path: articles/no-slash` is not a page path"), m);
        assertTrue(m.contains("redirects.yaml:7: say what happened"), m);
        assertTrue(m.contains("redirects.yaml:11: unknown key `moved_too`"), m);
    }

    @Test
    void aDamagedRegistryLineIsReported() {
        p.write("data/permalinks.txt", "/\n<<<<<<< HEAD\n/articles/x y/\n");
        String m = p.buildFails().getMessage();
        assertTrue(m.contains("permalinks.txt:2: a merge conflict marker"), m);
        assertTrue(m.contains("permalinks.txt:3: \"/articles/x y/\" is not a site path"), m);
    }

    @Test
    void checkReportsButNeverWrites() throws IOException {
        p.build();
        Files.delete(p.root.resolve("seeds/001_" + B + ".txt"));
        byte[] before = Files.readAllBytes(registry());
        try {
            new archive.build.SiteBuild(p.config(), null).check();
            throw new AssertionError("check should fail");
        } catch (BuildFailedException e) {
            assertTrue(e.getMessage().contains("/articles/" + B + "/ was published"));
        }
        assertEquals(new String(before), Files.readString(registry()));
    }

    @Test
    void theCommandLineNamesAnotherRegistryOrNone() throws IOException {
        String[] folders = {"build", "--seeds", p.root.resolve("seeds").toString(), "--data", p.root.resolve("data").toString(),
                "--pages", p.root.resolve("pages").toString(), "--templates", p.root.resolve("templates").toString(),
                "--out", p.site().toString()};
        Path other = p.root.resolve("other-registry.txt");
        assertEquals(0, Main.run(concat(folders, "--permalinks", other.toString())));
        assertTrue(Files.readString(other).contains("/articles/" + B + "/"));
        assertFalse(Files.exists(registry()));

        Files.delete(p.root.resolve("seeds/001_" + B + ".txt"));
        assertEquals(1, Main.run(concat(folders, "--permalinks", other.toString())));
        assertEquals(0, Main.run(concat(folders, "--permalinks", "none")));
        assertFalse(Files.exists(registry()));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
