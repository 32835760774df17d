package archive.build;

import archive.diag.Diagnostics;
import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.testing.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build takes from the article store the seeds that did not change, parsed and annotated, and parses only the others. */
class ArticleStoreTest {
    private static final Pattern TAKEN = Pattern.compile("Read (\\d+) articles \\((\\d+) as the previous build left them\\)");

    private final archive.bench.CorpusGenerator generator = TestProject.generator(11);
    private final TestProject project = corpus();

    private TestProject corpus() {
        TestProject p = TestProject.generated(generator, 40);
        // Saved a while ago, as an archive's seeds are: the store trusts a seed's attributes only then.
        return p.settle();
    }

    @AfterEach
    void clean() { TestProject.delete(project.root); }

    @Test
    void anArticleReadBackEqualsTheParsedOne() {
        // The real seeds (datelines, captions, deck lines, a missing author) and the synthetic ones.
        for (TestProject p : List.of(TestProject.seedProject(), project)) {
            List<AnnotatedArticle> all = new SiteBuild(p.config(), null).read(new Diagnostics()).articles();
            assertFalse(all.isEmpty());
            for (AnnotatedArticle aa : all) {
                Article a = aa.article();
                StoreBytes.Out out = new StoreBytes.Out(1024);
                ArticleCodec.encode(a, out);
                byte[] bytes = out.toArray();
                StoreBytes.In in = new StoreBytes.In(bytes);
                assertEquals(a, ArticleCodec.decode(in, a.source()), a.id());
                assertTrue(in.atEnd(), a.id());
            }
            if (p != project) TestProject.delete(p.root);
        }
    }

    @Test
    void unchangedSeedsAreTakenFromTheStoreAndTheSiteEqualsACleanBuild() {
        assertEquals(-1, taken(buildLog()), "the first build parses every seed");
        assertEquals(40, taken(readingBuildLog()));
        assertSameAsClean();
    }

    @Test
    void aTouchedSeedIsNotParsedAgainAndAnEditedOneIs() throws IOException {
        buildLog();
        // A checkout gives every file a new time: the bytes are those stored.
        Path seeds = project.root.resolve("seeds");
        try (var s = Files.list(seeds)) {
            for (Path f : s.toList()) Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        }
        assertEquals(40, taken(readingBuildLog()));

        String seed = firstSeed();
        String text = project.read(seed);
        int body = text.indexOf("\n\n") + 2;
        project.write(seed, text.substring(0, body) + "A sentence the store has never seen. " + text.substring(body));
        String log = buildLog();
        assertEquals(39, taken(log), log);
        assertTrue(project.read("site/articles/" + idOf(seed) + "/index.html").contains("A sentence the store has never seen."));
        assertSameAsClean();
        assertEquals(40, taken(readingBuildLog()), "the edited seed is stored as it is now");
    }

    @Test
    void anEditAddsItsEntryToTheStoreAndAnAdditionCutShortOnlyCostsTime() throws IOException {
        buildLog();
        Path store = archive.publish.Publishing.cacheFolder(project.config()).resolve(ArticleStore.FILE);
        Object file = Files.readAttributes(store, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        long before = Files.size(store);
        String seed = firstSeed();
        String text = project.read(seed);
        int body = text.indexOf("\n\n") + 2;
        project.write(seed, text.substring(0, body) + "A sentence the store has never seen. " + text.substring(body));
        assertEquals(39, taken(buildLog()));
        // The edited entry and a new index were added to the file as it was, not the whole store written again.
        assertEquals(file, Files.readAttributes(store, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        long after = Files.size(store);
        assertTrue(after > before && after - before < before / 4, before + " → " + after);
        assertEquals(40, taken(readingBuildLog()), "the edited seed is read back from what was added");
        assertSameAsClean();
        // A build killed while adding leaves a file that does not end with its index: the store is not used.
        project.write(seed, text);
        byte[] bytes = Files.readAllBytes(store);
        Files.write(store, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        String log = buildLog();
        assertEquals(-1, taken(log), log);
        assertSameAsClean();
        assertEquals(40, taken(readingBuildLog()), "a build after it writes a good store");
    }

    @Test
    void aDamagedStoreOnlyCostsTime() throws IOException {
        buildLog();
        Path store = archive.publish.Publishing.cacheFolder(project.config()).resolve(ArticleStore.FILE);
        byte[] bytes = Files.readAllBytes(store);
        // Damage the text of a stored article (a letter of its headline changed, as a disk error
        // might), and in a second round the end of the file (the index).
        String seed = project.read(firstSeed());
        String title = seed.substring(seed.indexOf("Title: ") + 7, seed.indexOf('\n', seed.indexOf("Title: "))).strip();
        int at = indexOf(bytes, title.getBytes(StandardCharsets.UTF_8));
        assertTrue(at > 0, "the stored headline");
        for (int round = 0; round < 2; round++) {
            byte[] damaged = bytes.clone();
            if (round == 0) damaged[at] = (byte) (damaged[at] == 'Q' ? 'R' : 'Q');
            else for (int i = damaged.length - 20; i < damaged.length; i++) damaged[i] ^= 0x5A;
            Files.write(store, damaged);
            String log = readingBuildLog();
            assertEquals(round == 0 ? 39 : -1, taken(log), log);
            assertSameAsClean();
        }
        assertEquals(40, taken(readingBuildLog()), "a build after a damaged store writes a good one");
    }

    @Test
    void aSeedWithAWarningIsParsedByEveryBuildAndWarnsEveryTime() throws IOException {
        String seed = firstSeed();
        String text = project.read(seed);
        int body = text.indexOf("\n\n") + 2;
        // An invisible control character: removed with a warning.
        project.write(seed, text.substring(0, body) + "Before\u202Eafter. " + text.substring(body));
        for (int build = 0; build < 3; build++) {
            // (Settled again: the first build wrote the permalink registry, an input the next stamp would find just saved.)
            if (build == 1) {
                project.settle();
                Files.deleteIfExists(archive.publish.Publishing.cacheFolder(project.config()).resolve(PublishedState.FILE));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SiteBuild.Result r = new SiteBuild(project.config(), new PrintStream(out, true, StandardCharsets.UTF_8)).build();
            String log = out.toString(StandardCharsets.UTF_8);
            assertTrue(r.diagnostics().warnings().stream().anyMatch(d -> d.message().contains("invisible control")),
                    "build " + build + ": " + r.diagnostics().warnings());
            // The second build reads the seeds (the store gives the others, the seed is parsed again);
            // the third finds nothing changed, reads nothing, and gives the same warning.
            if (build == 1) assertEquals(39, taken(log), log);
            if (build == 2) assertTrue(log.contains("Nothing changed since the previous build"), log);
        }
    }

    @Test
    void anArchiveHeldHollowGivesTheSameSiteAsOneHeldWhole() {
        // Above the threshold the archive is held without its text, each page reading its article
        // back from the store: the pages must not differ by a byte.
        // The editors' warnings too: held hollow, the build reads every article's mentions back from the store for them.
        java.util.function.Supplier<String> hollowBuild = () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SiteBuild.Result r = new SiteBuild(project.config(), new PrintStream(out, true, StandardCharsets.UTF_8)).holdingTextUpTo(0).build();
            hollowWarnings = messages(r);
            return out.toString(StandardCharsets.UTF_8);
        };
        assertEquals(-1, taken(hollowBuild.get()), "the first build parses every seed, then holds them hollow");
        assertSameAsCleanWithItsWarnings();
        assertEquals(40, taken(hollowBuild.get()), "the next takes them from the store without their text");
        assertSameAsCleanWithItsWarnings();
        // An edit: the edited article is parsed whole, the others stay hollow; the concordance lines quoting it change.
        String seed = firstSeed();
        String text = project.read(seed);
        int body = text.indexOf("\n\n") + 2;
        project.write(seed, text.substring(0, body) + "鼓足干劲，力争上游。" + text.substring(body));
        String log = hollowBuild.get();
        assertEquals(39, taken(log));
        // Taken the edit's way: where its lines stand counted from the stored counts, the changed page's lines read back from the store.
        assertTrue(log.contains("Published the edit of 1 article"), log);
        assertSameAsCleanWithItsWarnings();
        // A byline: no concordance line changes.
        project.write(seed, project.read(seed).replaceFirst("\nAuthor:[^\n]*", "\nAuthor: A Corrector"));
        log = hollowBuild.get();
        assertTrue(log.contains("Published the edit of 1 article"), log);
        assertSameAsCleanWithItsWarnings();
        // A new article (the first one copied under a name of its own, sorting last): every page is checked,
        // and the search index, which keeps every other article's postings, is made beside the pages.
        project.write("seeds/999999_ed17000000000001.txt", project.read(seed).replaceFirst("(?m)^Title: ", "Title: Added: "));
        log = hollowBuild.get();
        assertTrue(log.contains("Indexed 41 articles for search (1 tokenized"), log);
        assertSameAsCleanWithItsWarnings();
    }

    /** The warnings of the last build held hollow. */
    private List<String> hollowWarnings;

    /** Asserts that a clean build makes the same site; returns its warnings. */
    private List<String> assertSameAsClean() {
        Path clean = project.root.resolve("clean-site");
        TestProject.delete(clean);
        TestProject.delete(project.root.resolve(".clean-site.cache"));
        List<String> warnings = messages(project.build(project.config().withOut(clean)));
        TestProject.assertSameSite(clean, project.site());
        return warnings;
    }

    /** The same as {@link #assertSameAsClean}, and the hollow build's warnings the same as the clean one's. */
    private void assertSameAsCleanWithItsWarnings() {
        List<String> clean = assertSameAsClean();
        assertTrue(clean.stream().anyMatch(w -> w.contains(" in Chinese but none of ")), "some articles lack a rendering");
        assertEquals(clean, hollowWarnings);
    }

    private static List<String> messages(SiteBuild.Result r) {
        return r.diagnostics().warnings().stream().map(String::valueOf).toList();
    }

    /** A synthetic seed, whose text starts after its header's blank line. */
    private String firstSeed() { return "seeds/" + generator.fileName(39); }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }

    private static String idOf(String seed) {
        return seed.substring(seed.indexOf('_') + 1, seed.length() - ".txt".length());
    }

    /** How many articles the build took from the store, or -1 when the log says none. */
    private static int taken(String log) {
        Matcher m = TAKEN.matcher(log);
        return m.find() ? Integer.parseInt(m.group(2)) : -1;
    }

    private String buildLog() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SiteBuild(project.config(), new PrintStream(out, true, StandardCharsets.UTF_8)).build();
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * A build that reads its inputs, which is when the store is read: one that finds nothing changed
     * since the previous build reads none (SiteBuild#keptAsPublished), so the record of the
     * published site that lets it know is removed first.
     */
    private String readingBuildLog() {
        try {
            Files.deleteIfExists(archive.publish.Publishing.cacheFolder(project.config()).resolve(PublishedState.FILE));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return buildLog();
    }

    /**
     * The bench asks whether the caches beside a site are this build of the generator's own before it
     * times a build "with caches kept": none before the first build, its own after it, and not a store
     * another build of the generator wrote (its fingerprint in the store's head differs).
     */
    @Test
    void aStoreIsKnownAsThisGeneratorsOwnOnlyWhenItMadeIt() throws IOException {
        TestProject p = TestProject.seedProject();
        try {
            assertFalse(SiteBuild.cachesMadeByThisGenerator(p.config()));
            p.build();
            assertTrue(SiteBuild.cachesMadeByThisGenerator(p.config()));
            Path store = archive.publish.Publishing.cacheFolder(p.config()).resolve(ArticleStore.FILE);
            byte[] bytes = Files.readAllBytes(store);
            bytes[12] ^= 1; // within the generator's fingerprint, after the magic number and the format
            Files.write(store, bytes);
            assertFalse(SiteBuild.cachesMadeByThisGenerator(p.config()));
        } finally {
            TestProject.delete(p.root);
        }
    }
}
