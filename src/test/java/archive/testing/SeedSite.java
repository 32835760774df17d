package archive.testing;

import java.nio.file.Path;

/**
 * The repository's seed site, built once per test run into a temporary folder and shared by the
 * read-only tests (browser, validity, links, accessibility) that only look at it.
 */
public final class SeedSite {
    private static TestProject project;

    private SeedSite() {}

    /** The built seed project; built on first use. */
    public static synchronized TestProject project() {
        if (project == null) {
            TestProject p = TestProject.seedProject();
            p.build();
            project = p;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestProject.delete(p.root)));
        }
        return project;
    }

    /** The built seed site folder. */
    public static Path site() { return project().site(); }
}
