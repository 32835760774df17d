package archive.robustness;

import archive.site.SiteWriter;
import archive.testing.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real command line in child JVMs, killed with SIGKILL while it writes, or racing another
 * build: the published site is always the previous one or the new one, whole.
 */
class CrashSafetyTest {
    /** Enough articles that a build writes for a couple of seconds on a busy two-core machine. */
    private static final int COPIES = 400;

    private final List<TestProject> projects = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        processes.forEach(Process::destroyForcibly);
        projects.forEach(p -> TestProject.delete(p.root));
    }

    private TestProject bigProject() {
        TestProject p = CliProcess.bigProject(COPIES);
        projects.add(p);
        return p;
    }

    private Process start(TestProject p, String... args) throws IOException {
        Process proc = CliProcess.start(p.root, Files.createTempFile(p.root, "cli", ".log"), args);
        processes.add(proc);
        return proc;
    }

    private static String log(TestProject p) {
        StringBuilder sb = new StringBuilder();
        for (String n : CliProcess.names(p.root)) {
            if (n.endsWith(".log")) sb.append(p.read(n));
        }
        return sb.toString();
    }

    /** Files in the staging folder now, or -1 while it is being created or renamed. */
    private static long staged(Path staging) {
        try {
            return CliProcess.countFiles(staging);
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    @Test
    void aBuildKilledAtAnyMomentOfWritingLeavesThePreviousSiteWhole() throws Exception {
        TestProject p = bigProject();
        p.build();
        Path staging = p.root.resolve(".site.staging");
        String before = CliProcess.treeHash(p.site());
        // --offline changes every page, so the new site differs from the published one in every page,
        // and each of them is staged before the published folder is touched.
        long total;
        try (Stream<Path> s = Files.walk(p.site())) {
            total = s.filter(f -> f.toString().endsWith(".html")).count();
        }
        assertTrue(total > COPIES, "the corpus is big enough: " + total + " pages");
        for (double share : new double[]{0.0, 0.25, 0.5, 0.75, 0.95}) {
            long wanted = Math.max(1, (long) (share * total));
            Process build = start(p, "build", "--offline");
            while (build.isAlive() && staged(staging) < wanted) Thread.onSpinWait();
            if (!build.isAlive()) fail("the build finished before it could be killed at " + share + "; raise COPIES\n" + log(p));
            build.destroyForcibly();
            assertTrue(build.waitFor(30, TimeUnit.SECONDS));
            assertNotEquals(0, build.exitValue());
            assertEquals(before, CliProcess.treeHash(p.site()), "the site changed after a kill at " + share + " of the writing");
        }
        assertTrue(Files.exists(staging), "the killed build left its staging folder, for the next build to clear");

        Process next = start(p, "build", "--offline");
        assertTrue(next.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, next.exitValue(), () -> log(p));
        assertNotEquals(before, CliProcess.treeHash(p.site()), "the next build published its site");
        assertTrue(Files.readString(p.site().resolve("index.html")).contains("index.html\""), "the offline site is the one published");
        // .site.cache (citations) and .site.pages (the page manifest) are kept on purpose; nothing else may remain.
        assertEquals(List.of(".site.cache", ".site.folders", ".site.lock", ".site.pages", "data", "pages", "seeds", "site", "templates"),
                CliProcess.names(p.root).stream().filter(n -> !n.endsWith(".log")).toList(), "no temporary folders pile up");
    }

    /** The test process holds the lock, as a running build does: a build started now refuses and changes nothing. */
    @Test
    void aSecondBuildOnTheSameFolderRefusesWithAClearMessage() throws Exception {
        TestProject p = Fixtures.project().write("seeds/" + Fixtures.SEED, Fixtures.goodSeed());
        projects.add(p);
        p.build();
        String before = CliProcess.treeHash(p.site());
        try (SiteWriter running = SiteWriter.open(p.site())) {
            Process second = start(p, "build", "--offline");
            assertTrue(second.waitFor(2, TimeUnit.MINUTES));
            assertEquals(1, second.exitValue());
            assertTrue(log(p).contains("another build is writing " + p.site() + " right now; wait for it to finish"),
                    () -> log(p));
        }
        assertEquals(before, CliProcess.treeHash(p.site()));
    }

    /** Two real builds of one project started together: each either publishes whole or refuses; never a mixture. */
    @Test
    void twoBuildsStartedTogetherNeverInterleave() throws Exception {
        TestProject p = bigProject();
        Process a = start(p, "build", "--offline");
        Path staging = p.root.resolve(".site.staging");
        while (a.isAlive() && staged(staging) < 1) Thread.onSpinWait();
        Process b = start(p, "build", "--offline");
        assertTrue(a.waitFor(5, TimeUnit.MINUTES) && b.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, a.exitValue(), () -> log(p));
        if (b.exitValue() != 0) {
            assertTrue(log(p).contains("another build is writing"), () -> log(p));
        }
        Process clean = start(p, "build", "--offline", "--out", "reference");
        assertTrue(clean.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, clean.exitValue(), () -> log(p));
        assertEquals(CliProcess.treeHash(p.root.resolve("reference")), CliProcess.treeHash(p.site()),
                "the published site is exactly one build's output");
        assertFalse(Files.exists(staging));
    }
}
