package archive.search;

import archive.testing.TestProject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The site's scripts (templates/assets) and the search client's node tests pass ESLint's
 * recommended rules: tools/lint/eslint.config.js, with ESLint pinned by tools/lint/package-lock.json
 * and installed by {@code npm ci --prefix tools/lint} (.ci/run does it, and so does this test
 * when ESLint is missing). Skipped only on a developer's machine without node; under CI a missing
 * ESLint fails.
 */
class ScriptLintTest {
    static final String ESLINT = "tools/lint/node_modules/eslint/bin/eslint.js", CONFIG = "tools/lint/eslint.config.js";

    @BeforeAll
    static void eslintIsInstalled() {
        if (Files.isRegularFile(TestProject.REPO.resolve(ESLINT))) return;
        // A newcomer's `mvn test` installs the pinned ESLint itself when npm is there.
        if (runs("npm", "ci", "--prefix", "tools/lint", "--no-audit", "--no-fund", "--loglevel=error")
                && Files.isRegularFile(TestProject.REPO.resolve(ESLINT))) return;
        if (!"true".equals(System.getenv("CI"))) Assumptions.assumeTrue(runs("node", "--version"), "node is not installed");
        fail("ESLint is not installed and `npm ci --prefix tools/lint` failed (needs node, npm and the npm registry)");
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(TestProject.REPO.toFile()).inheritIO().start();
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void scriptsPassTheLinter() {
        Node.Run r = Node.run("", ESLINT, "--config", CONFIG, "--max-warnings", "0", "templates/assets", "src/test/js");
        assertEquals(0, r.exit(), "ESLint found problems:\n" + r.out() + r.err());
    }

    /** The configuration applies to the site's scripts: browser globals are known, node's and undefined names are not. */
    @Test
    void theLinterReportsAnUndefinedNameInASiteScript() {
        String probe = "window.addEventListener(\"load\", function () { document.title = helperNobodyDefined(require(\"x\")); });\n";
        Node.Run r = Node.run(probe, ESLINT, "--config", CONFIG, "--stdin", "--stdin-filename", "templates/assets/probe.js");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("'helperNobodyDefined' is not defined"), r.out());
        assertTrue(r.out().contains("'require' is not defined"), r.out());
        assertFalse(r.out().contains("'window' is not defined") || r.out().contains("'document' is not defined"), r.out());
    }
}
