package archive.build;

import archive.testing.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A build after a change gives exactly the site a clean build gives, and leaves untouched what did not change. */
class IncrementalBuildTest {
    private final TestProject project = TestProject.seedProject();

    @AfterEach
    void clean() { TestProject.delete(project.root); }

    @Test
    void aBuildWithNothingChangedRewritesNothing() throws IOException {
        project.build();
        Map<String, FileTime> before = times(project.site());
        SiteBuild.Result again = project.build();
        assertEquals(0, again.filesWritten());
        Map<String, FileTime> after = times(project.site());
        for (String f : before.keySet()) assertEquals(before.get(f), after.get(f), f);
        assertEquals(before.keySet(), after.keySet());
    }

    @Test
    void afterEditingOneArticleTheSiteEqualsACleanBuildAndOtherArticlesAreKept() throws IOException {
        project.build();
        Map<String, FileTime> before = times(project.site());
        editFirstSeed();
        SiteBuild.Result r = project.build();
        assertSameSite(cleanBuild(), project.site());
        Map<String, FileTime> after = times(project.site());
        assertNotEquals(before.get("articles/119a5904f4221201/index.html"), after.get("articles/119a5904f4221201/index.html"));
        assertEquals(before.get("articles/1012f6d7e23636c3/index.html"), after.get("articles/1012f6d7e23636c3/index.html"));
        assertEquals(before.get("glossary/index.html"), after.get("glossary/index.html"));
        java.util.Set<String> changed = new java.util.TreeSet<>();
        for (String f : after.keySet()) if (!after.get(f).equals(before.get(f))) changed.add(f);
        // The author appears on the article's page, in its citations, the open-data downloads and its search text.
        assertEquals(changed.size(), r.filesWritten(), changed.toString());
        for (String f : changed) {
            assertTrue(f.startsWith("articles/119a5904f4221201/") || f.startsWith("downloads/") || f.startsWith("search/data/")
                    || f.equals("feed.xml"), "only files about the edited article change, not " + f + " in " + changed);
        }
    }

    @Test
    void thePreviewsRememberedArticlesGiveTheSameSiteAsACleanBuild() throws IOException {
        ArticleCache cache = new ArticleCache();
        new SiteBuild(project.config(), null, cache).build();
        editFirstSeed();
        project.write("data/places.yaml", project.read("data/places.yaml") + "\n- slug: test-town\n  name: Testtown\n"
                + "  zh: 测试镇\n  type: town\n  parent: shanxi\n");
        new SiteBuild(project.config(), null, cache).build();
        assertSameSite(cleanBuild(), project.site());
    }

    @Test
    void changingATemplateRendersEveryPageAgain() throws IOException {
        project.build();
        project.write("templates/article-item.peb", project.read("templates/article-item.peb").replace("article-item", "article-item x"));
        project.build();
        assertSameSite(cleanBuild(), project.site());
    }

    private void editFirstSeed() {
        String seed = "seeds/000_119a5904f4221201.txt";
        project.write(seed, project.read(seed).replaceFirst("\nAuthor:", "\nAuthor: An Editor"));
    }

    private Path cleanBuild() {
        Path out = project.root.resolve("clean-site");
        project.build(project.config().withOut(out));
        return out;
    }

    private static void assertSameSite(Path expected, Path actual) throws IOException {
        Map<String, FileTime> e = times(expected), a = times(actual);
        assertEquals(e.keySet(), a.keySet());
        for (String f : e.keySet()) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
    }

    private static Map<String, FileTime> times(Path root) throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
        }
        return out;
    }
}
