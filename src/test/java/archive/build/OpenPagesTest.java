package archive.build;

import archive.testing.TestProject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview's first pages after a template's change (SiteBuild#renderOnly): the pages open in
 * the browsers, made before every other, exactly as the build then publishes them, while the
 * published site stays as it was.
 */
class OpenPagesTest {

    @Test
    void theOpenPagesAreMadeAsTheBuildThenPublishesThemAndNothingIsPublishedBefore() throws IOException {
        onOpenPages(project -> project.write("templates/base.peb", project.read("templates/base.peb")
                .replace("<footer class=\"colophon\">", "<footer class=\"colophon\"><!-- first-marker -->")), (made, project) -> {
            for (var e : made.entrySet()) {
                assertTrue(new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8).contains("<!-- first-marker -->"),
                        e.getKey() + " is made with the changed template");
            }
        });
    }

    /** A save to the data: a gloss, which the articles' pages show. */
    @Test
    void afterAGlossIsReworded() throws IOException {
        onOpenPages(project -> project.write("data/glossary.yaml", project.read("data/glossary.yaml")
                .replace("\n  gloss: Great Leap Forward\n", "\n  gloss: Great Leap Forward (1958-1960)\n")), (made, project) -> { });
    }

    /** A save to the data that moves articles: a new entry, whose form they hold, puts them on its lists (the lists follow). */
    @Test
    void afterAGlossaryEntryIsAdded() throws IOException {
        onOpenPages(project -> project.write("data/glossary.yaml", project.read("data/glossary.yaml") + "\n- slug: test-factory\n"
                + "  kind: term\n  zh: [工厂]\n  pinyin: gōngchǎng\n  en: [factory]\n  gloss: a factory\n"
                + "  explanation: |\n    A term for a test.\n"), (made, project) -> { });
    }

    /**
     * Builds 450 articles (the lists and the concordances have second pages) in a preview's cache,
     * makes {@code change}, and has the open pages of every kind made first: each is made, checked
     * by {@code check}, nothing is published by it, and the preview's builds then publish each page
     * as it was shown (after a template's change the first build does; after the data's the build
     * that catches up may), and end with a clean build's site.
     */
    private static void onOpenPages(java.util.function.Consumer<TestProject> change,
                                    java.util.function.BiConsumer<Map<String, byte[]>, TestProject> check) throws IOException {
        TestProject project = TestProject.generated(TestProject.generator(23), 450);
        try {
            ArticleCache cache = new ArticleCache();
            new SiteBuild(project.config(), null, cache).build();
            Set<String> open = openPagesOfEveryKind(project.site());
            Set<String> asked = new TreeSet<>(open);
            asked.add("assets/site.css");          // not a page: left alone
            asked.add("places/nowhere/index.html"); // no such page
            Map<String, byte[]> before = published(project.site(), asked);
            int filesBefore = TestProject.files(project.site()).size();

            change.accept(project);
            Map<String, byte[]> made = new SiteBuild(project.config(), null, cache).renderOnly(asked);

            assertEquals(open, new TreeSet<>(made.keySet()), "every open page is made, and nothing else");
            assertTrue(made.entrySet().stream().anyMatch(e -> !java.util.Arrays.equals(e.getValue(), before.get(e.getKey()))),
                    "the change shows on some open page");
            check.accept(made, project);
            Map<String, byte[]> after = published(project.site(), asked);
            for (String f : before.keySet()) assertArrayEquals(before.get(f), after.get(f), f + " is published as it was");
            assertEquals(filesBefore, TestProject.files(project.site()).size(), "no file is added or taken away");

            // The preview's builds that follow publish each page as it was shown.
            SiteBuild.Result quick = new SiteBuild(project.config(), null, cache).deferringIndexes().build();
            if (quick.indexesDeferred()) new SiteBuild(project.config(), null, cache).build();
            for (var e : made.entrySet()) {
                assertArrayEquals(e.getValue(), Files.readAllBytes(project.site().resolve(e.getKey())), e.getKey());
            }
            // And the preview's next build is a clean build's site: nothing it remembered went wrong.
            new SiteBuild(project.config(), null, cache).build();
            Path clean = project.root.resolve("clean-site");
            project.build(project.config().withOut(clean));
            TestProject.assertSameSite(clean, project.site());
        } finally {
            TestProject.delete(project.root);
        }
    }

    /** Of each kind of page (each first folder of the site, the home page), its first and its last (paginated lists' later pages). */
    private static Set<String> openPagesOfEveryKind(Path site) {
        Map<String, List<String>> byKind = new TreeMap<>();
        for (String f : TestProject.files(site)) {
            if (!f.endsWith("index.html") || f.startsWith("search/data")) continue;
            byKind.computeIfAbsent(f.contains("/") ? f.substring(0, f.indexOf('/')) : f, k -> new ArrayList<>()).add(f);
        }
        Set<String> open = new TreeSet<>();
        byKind.forEach((kind, files) -> {
            files.sort(null);
            open.add(files.get(0));
            open.add(files.get(files.size() - 1));
        });
        // The pages this corpus must have: a second page of a concordance, of a list, of the home page.
        for (String f : List.of("index.html", "page/2/index.html", "articles/page/2/index.html", "glossary/index.html",
                "notes/index.html", "search/index.html", "about/index.html", "dates/index.html", "places/index.html",
                "industries/index.html")) {
            assertTrue(Files.exists(site.resolve(f)), f);
            open.add(f);
        }
        for (String kind : List.of("glossary", "places")) {
            open.add(TestProject.files(site).stream().filter(f -> f.matches(kind + "/[^/]+/page/2/index\\.html")).findFirst().orElseThrow());
        }
        return open;
    }

    private static Map<String, byte[]> published(Path site, Set<String> files) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String f : files) if (Files.isRegularFile(site.resolve(f))) out.put(f, Files.readAllBytes(site.resolve(f)));
        return out;
    }
}
