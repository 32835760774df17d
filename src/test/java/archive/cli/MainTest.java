package archive.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as typed: each run models only the command it names, and must read as if it modelled them all. */
class MainTest {
    private record Ran(int code, String out, String err) {}

    private static Ran run(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Ran(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void theUsageListsEveryCommand() {
        Ran r = run("--help");
        assertEquals(0, r.code());
        for (String c : new String[]{"build", "check", "new", "serve", "bench", "help"}) {
            assertTrue(r.out().contains("\n  " + c + " "), c + " missing from:\n" + r.out());
        }
        assertEquals(r.out(), run("help").out());
    }

    @Test
    void aCommandsHelpAndVersionReadAsTheWholeCommandLines() {
        Ran help = run("build", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: archive build "), help.out());
        assertEquals(help.out(), run("help", "build").out());
        Ran version = run("build", "--version");
        assertEquals(0, version.code());
        assertEquals(run("--version").out(), version.out());
        assertTrue(version.out().startsWith("archive "), version.out());
    }

    @Test
    void aMistypedCommandIsNamedWithTheOneMeant() {
        Ran r = run("biuld");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Did you mean: archive build?"), r.err());
    }

    /** The bench's clean build asks for the search index after the pages: the option is the build's, and so it builds. */
    @Test
    void aBuildWithTheSearchIndexApartIndexesAfterEveryPage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Ran r = run("build", "--search-index-apart", "--permalinks", "none", "--out", dir.resolve("site").toString());
        assertEquals(0, r.code(), r.err());
        java.util.List<String> lines = r.err().lines().filter(l -> l.startsWith("[")).toList();
        assertTrue(lines.size() >= 3 && lines.get(lines.size() - 3).contains("] Rendered ")
                && lines.get(lines.size() - 2).contains("] Indexed ") && lines.get(lines.size() - 1).contains("] Published "), r.err());
    }
}
