package archive.fuzz;

import archive.diag.Diagnostic;
import archive.diag.Diagnostics;
import archive.model.EditorialData;
import archive.source.EditorialDataLoader;
import archive.source.NotesParser;
import archive.source.OverridesLoader;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any bytes as data/glossary.yaml, places.yaml, industries.yaml, a .meta.yaml or a .notes.md:
 * the loaders answer with data or with their own diagnostics, never with another exception,
 * a hang, or an alias expansion that eats the memory.
 */
class DataLoaderFuzzTest {
    private static final Path DIR;
    private static final EditorialData DATA = new EditorialDataLoader().load(Path.of("data"), new Diagnostics());

    static {
        try {
            DIR = Files.createTempDirectory("archive-fuzz");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        Path f = DIR.resolve(name);
        Files.write(f, bytes);
        f.toFile().deleteOnExit();
        return f;
    }

    private static void checkDiagnostics(Diagnostics d) {
        for (Diagnostic x : d.all()) {
            assertNotNull(x.message());
            assertTrue(x.line() >= 0, x::toString);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void glossaryYaml(byte[] bytes) throws IOException {
        Diagnostics d = new Diagnostics();
        new EditorialDataLoader().loadGlossary(file("glossary.yaml", bytes), d);
        checkDiagnostics(d);
    }

    @FuzzTest(maxDuration = "30s")
    void placesYaml(byte[] bytes) throws IOException {
        Diagnostics d = new Diagnostics();
        new EditorialDataLoader().loadPlaces(file("places.yaml", bytes), d);
        checkDiagnostics(d);
    }

    @FuzzTest(maxDuration = "30s")
    void industriesYaml(byte[] bytes) throws IOException {
        Diagnostics d = new Diagnostics();
        new EditorialDataLoader().loadIndustries(file("industries.yaml", bytes), d);
        checkDiagnostics(d);
    }

    @FuzzTest(maxDuration = "30s")
    void overridesYaml(byte[] bytes) throws IOException {
        Diagnostics d = new Diagnostics();
        assertNotNull(new OverridesLoader().read(file("000_0123456789abcdef.meta.yaml", bytes), DATA, d));
        checkDiagnostics(d);
    }

    @FuzzTest(maxDuration = "30s")
    void notesMarkdown(byte[] bytes) throws IOException {
        Diagnostics d = new Diagnostics();
        new NotesParser().read(file("000_0123456789abcdef.notes.md", bytes), d);
        checkDiagnostics(d);
    }
}
