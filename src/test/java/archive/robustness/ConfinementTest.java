package archive.robustness;

import archive.diag.BuildFailedException;
import archive.site.SiteWriter;
import archive.testing.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build writes only its output folder (and that folder's hidden siblings .site.staging,
 * .site.old and .site.lock, which the atomic swap needs, and .site.discarded-N, where an update's
 * replaced files wait to be deleted); it refuses an output folder that is or
 * holds an input, and never deletes a folder it did not make.
 */
class ConfinementTest {
    private final List<Path> roots = new ArrayList<>();

    private TestProject project() {
        TestProject p = Fixtures.project().write("seeds/" + Fixtures.SEED, Fixtures.goodSeed());
        roots.add(p.root);
        return p;
    }

    @AfterEach
    void cleanUp() {
        roots.forEach(TestProject::delete);
    }

    private static String refusal(TestProject p, Path out) {
        BuildFailedException e = assertThrows(BuildFailedException.class, () -> p.build(p.config().withOut(out)));
        return e.getMessage();
    }

    @Test
    void theOutputFolderMayNotBeOrHoldAnInputOrTheProject() throws IOException {
        TestProject p = project();
        String hashBefore = CliProcess.treeHash(p.root);
        Path r = p.root;
        assertTrue(refusal(p, r).contains("would replace the input folder"));
        assertTrue(refusal(p, r).contains("is a project folder"));
        assertTrue(refusal(p, r.getParent()).contains("would replace the input folder " + r.resolve("seeds")));
        assertTrue(refusal(p, r.resolve("seeds/../data")).contains("would replace the input folder " + r.resolve("data")));
        for (String in : List.of("seeds", "data", "templates", "pages")) {
            assertTrue(refusal(p, r.resolve(in)).contains("would replace the input folder " + r.resolve(in)), in);
            assertTrue(refusal(p, r.resolve(in).resolve("site")).contains("is inside the input folder " + r.resolve(in)), in);
        }
        Files.createSymbolicLink(r.resolve("link-to-seeds"), r.resolve("seeds"));
        assertTrue(refusal(p, r.resolve("link-to-seeds")).contains("would replace the input folder"));
        assertTrue(refusal(p, r.resolve("link-to-seeds/site")).contains("is inside the input folder"));
        Files.delete(r.resolve("link-to-seeds"));
        assertEquals(hashBefore, CliProcess.treeHash(p.root), "a refused build wrote nothing");
    }

    @Test
    void anOutputFolderThatIsALinkIsRefusedAndItsTargetUntouched() throws IOException {
        TestProject p = project();
        Path elsewhere = Files.createTempDirectory("elsewhere");
        roots.add(elsewhere);
        Files.writeString(elsewhere.resolve(SiteWriter.MARKER), "forged");
        Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(p.site(), elsewhere);
        SiteWriter.SiteException e = assertThrows(SiteWriter.SiteException.class, p::build);
        assertTrue(e.getMessage().contains("is a symbolic link; a build replaces its output folder whole"), e.getMessage());
        assertEquals("keep me", Files.readString(elsewhere.resolve("precious.txt")));
        assertTrue(Files.isSymbolicLink(p.site()));
    }

    @Test
    void aNonEmptyFolderWithoutTheMarkerIsRefusedAndUntouched() throws IOException {
        TestProject p = project();
        Path out = p.root.resolve("mine");
        Files.createDirectories(out.resolve("sub"));
        Files.writeString(out.resolve("thesis.docx"), "years of work");
        Files.writeString(out.resolve("sub/index.html"), "<p>my page</p>");
        String before = CliProcess.treeHash(out);
        SiteWriter.SiteException e = assertThrows(SiteWriter.SiteException.class, () -> p.build(p.config().withOut(out)));
        assertTrue(e.getMessage().contains("is not empty and was not made by Archive (no .archive-site file in it); "
                + "a build will not delete files it did not create"), e.getMessage());
        assertEquals(before, CliProcess.treeHash(out));
        assertFalse(Files.exists(p.root.resolve(".mine.staging")));
    }

    @Test
    void anEmptyFolderIsAdoptedAndAMarkedOneReplaced() throws IOException {
        TestProject p = project();
        Files.createDirectories(p.site());
        p.build();
        assertTrue(Files.exists(p.site().resolve(SiteWriter.MARKER)));
        Files.writeString(p.site().resolve("stale.html"), "from an older build");
        p.build();
        assertFalse(Files.exists(p.site().resolve("stale.html")), "a site the generator made is replaced whole");
    }

    /** Every file a build creates is inside the output folder, one of its hidden companions, or the permalink registry. */
    @Test
    void aBuildWritesNothingOutsideItsOutputFolder() throws IOException {
        TestProject p = project();
        Path out = p.root.resolve("deep/out");
        List<String> before = allPaths(p.root);
        p.build(p.config().withOut(out));
        List<String> created = new ArrayList<>(allPaths(p.root));
        created.removeAll(before);
        // Besides the output folder: its hidden companions (lock, page manifest, citation cache) and the
        // permalink registry, the one input a successful build is asked to extend (README, "Stable URLs").
        assertTrue(created.stream().allMatch(f -> f.startsWith("deep/out") || f.equals("deep") || f.equals("deep/.out.lock")
                        || f.equals("deep/.out.pages") || f.equals("deep/.out.folders") || f.startsWith("deep/.out.cache") || f.equals("data/permalinks.txt")),
                created::toString);
        assertTrue(created.contains("deep/out/index.html"));
    }

    /** A build killed between the two renames of the swap left no output folder: the next one restores it first. */
    @Test
    void thePreviousSiteIsRestoredAfterAKillBetweenTheTwoRenames() throws IOException {
        TestProject p = project();
        p.build();
        String before = CliProcess.treeHash(p.site());
        Files.move(p.site(), p.root.resolve(".site.old"));
        Files.createDirectories(p.root.resolve(".site.staging/articles"));
        try (SiteWriter w = SiteWriter.open(p.site())) {
            assertEquals(before, CliProcess.treeHash(p.site()), "restored before anything else");
        }
        assertFalse(Files.exists(p.root.resolve(".site.old")));
        assertFalse(Files.exists(p.root.resolve(".site.staging")));
    }

    /** A build killed while updating the published folder in place: the next build finishes that update first. */
    @Test
    void anInPlaceUpdateInterruptedMidwayIsFinishedByTheNextBuild() throws IOException {
        TestProject p = project();
        p.build();
        // The update a build had promised (its journal) and begun: one page still staged, one file to delete.
        Files.writeString(p.site().resolve("stale.html"), "made by the earlier build");
        leaveUpdate(p, "the new about page",
                "archive-publish-1\nD\tstale.html\nM\tabout/index.html\nM\tmoved-already.html\nend\n");
        try (SiteWriter w = SiteWriter.open(p.site())) {
            assertEquals("the new about page", Files.readString(p.site().resolve("about/index.html")), "finished before anything else");
            assertFalse(Files.exists(p.site().resolve("stale.html")));
        }
        assertFalse(Files.exists(p.root.resolve(".site.publish")));
        assertFalse(Files.exists(p.root.resolve(".site.staging")));
    }

    /** What a build killed while publishing in place leaves: a staged about page and its journal. */
    private static void leaveUpdate(TestProject p, String aboutPage, String journal) throws IOException {
        Files.createDirectories(p.root.resolve(".site.staging/about"));
        Files.writeString(p.root.resolve(".site.staging/about/index.html"), aboutPage);
        Files.writeString(p.root.resolve(".site.publish"), journal);
    }

    /** A published file where the new site has a folder of the same name is removed before the folder is made. */
    @Test
    void aFileInTheWayOfANewFolderIsReplacedByIt() throws IOException {
        TestProject p = project();
        p.build();
        Files.createDirectories(p.site().resolve("a"));
        Files.writeString(p.site().resolve("a/b"), "a file the new site does not have");
        try (SiteWriter w = SiteWriter.open(p.site())) {
            w.write("a/b/index.html", "the new page".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            w.publish();
        }
        assertEquals("the new page", Files.readString(p.site().resolve("a/b/index.html")));
        assertFalse(Files.exists(p.root.resolve(".site.publish")));
    }

    /**
     * An in-place update removes the files the previous build published and this one does not
     * make, and anything put by hand into a folder since the last build, however deep, even where
     * the folder's other files are kept as they were (see FolderTimes).
     */
    @Test
    void filesNoLongerMadeAndFilesPutByHandGo() throws IOException {
        Path out = project().root.resolve("out");
        for (int build = 0; build < 2; build++) { // the first makes the folder, the second records its folders' times
            try (SiteWriter w = SiteWriter.open(out)) {
                for (String f : List.of("a/x/index.html", "b/index.html", "c/index.html")) w.write(f, bytes(f));
                w.publish();
            }
        }
        Files.writeString(out.resolve("a/x/by-hand.txt"), "put there after the build");
        Files.createDirectories(out.resolve("a/new/deeper"));
        Files.writeString(out.resolve("a/new/deeper/page.html"), "a folder of pages by hand");
        Files.createDirectories(out.resolve("d/index.html"));
        Files.writeString(out.resolve("d/index.html/in-the-way.txt"), "a folder where a new page goes");
        try (SiteWriter w = SiteWriter.open(out)) {
            for (String f : List.of("a/x/index.html", "c/index.html", "d/index.html")) w.write(f, bytes(f));
            w.publish();
        }
        assertEquals(List.of("", ".archive-site", "a", "a/x", "a/x/index.html", "c", "c/index.html", "d", "d/index.html"), allPaths(out));
        assertEquals("d/index.html", Files.readString(out.resolve("d/index.html")));
        // Nothing changed since: the next update keeps every file as it is.
        String before = CliProcess.treeHash(out);
        try (SiteWriter w = SiteWriter.open(out)) {
            for (String f : List.of("a/x/index.html", "c/index.html", "d/index.html")) w.write(f, bytes(f));
            w.publish();
        }
        assertEquals(before, CliProcess.treeHash(out));
    }

    private static byte[] bytes(String s) { return s.getBytes(java.nio.charset.StandardCharsets.UTF_8); }

    /**
     * What an update takes away (the files it replaces or removes, the emptied staging folder) is
     * kept beside the site while the update runs, then deleted: by the build itself when it is little.
     */
    @Test
    void whatALittleUpdateTakesAwayIsDeletedByIt() throws IOException {
        Path out = project().root.resolve("out");
        publish(out, "one", List.of("a/index.html", "b/index.html"));
        publish(out, "two", List.of("a/index.html"));
        assertEquals("a/index.html two", Files.readString(out.resolve("a/index.html")));
        assertEquals(List.of("", ".archive-site", "a", "a/index.html"), allPaths(out));
        assertEquals(List.of(), discarded(out), "nothing left beside the site");
        assertFalse(Files.exists(out.resolveSibling(".out.staging")));
    }

    /**
     * A large update's discards, and those a killed build left behind, are deleted by a process of
     * their own after the build; the site is the new one at once.
     */
    @Test
    void whatALargeUpdateTakesAwayIsDeletedAfterIt() throws Exception {
        Path out = project().root.resolve("out");
        // More pages than a build deletes itself (archive.site.Discards#DELETED_AT_ONCE).
        List<String> pages = java.util.stream.IntStream.range(0, 700).mapToObj(i -> "p/" + i + "/index.html").toList();
        publish(out, "one", pages);
        Path stale = out.resolveSibling(".out.discarded-1");
        Files.createDirectories(stale.resolve("0"));
        Files.writeString(stale.resolve("0/index.html"), "left by a build killed before it deleted its discards");
        publish(out, "two", pages.subList(1, pages.size()));
        for (String f : pages.subList(1, pages.size())) assertEquals(f + " two", Files.readString(out.resolve(f)));
        assertFalse(Files.exists(out.resolve(pages.get(0))));
        awaitNoDiscards(out);
    }

    /**
     * A build that writes many pages and then publishes nothing (stopped for a newer save, or failed)
     * leaves the site as it was; its staging folder is gone at once, deleted apart (a little one by the
     * build itself).
     */
    @Test
    void whatABuildThatPublishedNothingWroteIsDeletedApart() throws Exception {
        Path out = project().root.resolve("out");
        List<String> pages = java.util.stream.IntStream.range(0, 700).mapToObj(i -> "p/" + i + "/index.html").toList();
        publish(out, "one", pages);
        String before = CliProcess.treeHash(out);
        for (List<String> written : List.of(pages.subList(0, 3), pages)) {
            try (SiteWriter w = SiteWriter.open(out)) {
                for (String f : written) w.write(f, bytes(f + " unpublished"));
            }
            assertFalse(Files.exists(out.resolveSibling(".out.staging")), "the staging folder is gone");
            if (written.size() == 3) assertEquals(List.of(), discarded(out), "a little one deleted by the build");
            assertEquals(before, CliProcess.treeHash(out));
        }
        awaitNoDiscards(out);
    }

    /** A discard folder a killed build left goes with the next update, however little. */
    @Test
    void aDiscardFolderLeftBehindGoesWithTheNextUpdate() throws Exception {
        Path out = project().root.resolve("out");
        publish(out, "one", List.of("a/index.html"));
        Path stale = out.resolveSibling(".out.discarded-1");
        Files.createDirectories(stale.resolve("0"));
        Files.writeString(stale.resolve("0/index.html"), "left behind");
        publish(out, "two", List.of("a/index.html"));
        assertEquals("a/index.html two", Files.readString(out.resolve("a/index.html")));
        awaitNoDiscards(out);
    }

    /** One in-place update (after the first build, which makes the folder) publishing {@code files}, each "path round". */
    private static void publish(Path out, String round, List<String> files) throws IOException {
        try (SiteWriter w = SiteWriter.open(out)) {
            for (String f : files) w.write(f, bytes(f + " " + round));
            w.publish();
        }
    }

    /** The discard folders beside {@code out}. */
    private static List<String> discarded(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + out.getFileName() + ".discarded-")).sorted().toList();
        }
    }

    private static void awaitNoDiscards(Path out) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!discarded(out).isEmpty() && System.nanoTime() < deadline) Thread.sleep(100);
        assertEquals(List.of(), discarded(out), "the discards deleted after the update");
    }

    /** A journal without its closing line was never acted on: the published site stays as it is. */
    @Test
    void anUnfinishedJournalIsDiscarded() throws IOException {
        TestProject p = project();
        p.build();
        String before = CliProcess.treeHash(p.site());
        leaveUpdate(p, "never published", "archive-publish-1\nD\tinde");
        try (SiteWriter w = SiteWriter.open(p.site())) {
            assertEquals(before, CliProcess.treeHash(p.site()));
        }
        assertFalse(Files.exists(p.root.resolve(".site.publish")));
    }

    private static List<String> allPaths(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }
}
