package archive.build;

import archive.diag.Diagnostics;
import archive.model.EditorialData;
import archive.source.EditorialDataLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editorial data kept beside the output is the data the YAML gives, and only while the files hold the same bytes. */
class DataStoreTest {
    private static final long GENERATOR = 1958;

    @TempDir
    Path dir;

    private Path copyOfTheArchivesData() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        for (String f : EditorialDataLoader.FILES) Files.copy(Path.of("data").resolve(f), data.resolve(f));
        return data;
    }

    private static EditorialData parsed(Path data) {
        Diagnostics d = new Diagnostics();
        EditorialData parsed = new EditorialDataLoader().load(data, d);
        assertTrue(d.all().isEmpty(), d.all()::toString);
        return parsed;
    }

    @Test
    void theArchivesDataReadsBackAsTheYamlGivesIt() throws IOException {
        EditorialData yaml = parsed(copyOfTheArchivesData());
        assertFalse(yaml.glossary().isEmpty() || yaml.places().isEmpty() || yaml.industries().isEmpty());
        StoreBytes.In in = new StoreBytes.In(DataStore.encode(yaml));
        assertEquals(yaml, DataStore.decode(in), "every entry, place and industry, with the files and lines they are written at");
        assertTrue(in.atEnd());
    }

    @Test
    void aBuildTakesTheStoredDataWhileTheFilesAreAsTheyWereAndParsesThemOnceChanged() throws IOException {
        Path data = copyOfTheArchivesData(), file = dir.resolve(".site.cache").resolve(DataStore.FILE);
        Path glossary = data.resolve("glossary.yaml");
        String original = Files.readString(glossary);
        Diagnostics diags = new Diagnostics();
        EditorialData first = DataStore.load(data, file, GENERATOR, true, diags);
        assertTrue(Files.isRegularFile(file), "kept beside the output");
        assertEquals(first, DataStore.load(data, file, GENERATOR, true, diags));

        // Taken from the store, not parsed: a store of other data (another gloss) under the key of these files is believed.
        String gloss = first.glossary().get(0).gloss();
        Files.writeString(glossary, original.replace("gloss: " + gloss, "gloss: a gloss of the stored data"));
        Path otherFile = dir.resolve("other.bin");
        EditorialData other = DataStore.load(data, otherFile, GENERATOR, true, diags);
        assertEquals("a gloss of the stored data", other.glossary().get(0).gloss());
        Files.writeString(glossary, original);
        byte[] stale = Files.readAllBytes(otherFile), mine = Files.readAllBytes(file);
        System.arraycopy(mine, 9, stale, 9, 8); // the key (after the magic number and the format)
        Files.write(file, stale);
        assertEquals(other, DataStore.load(data, file, GENERATOR, true, diags), "the store, as long as its key fits");

        // A file edited (here only a line added): parsed again, whatever the store says.
        Files.writeString(data.resolve("places.yaml"), Files.readString(data.resolve("places.yaml")) + "\n");
        EditorialData again = DataStore.load(data, file, GENERATOR, true, diags);
        assertEquals(parsed(data), again);
        assertEquals(gloss, again.glossary().get(0).gloss());
        // Another generator: parsed again.
        Files.write(file, stale);
        assertEquals(gloss, DataStore.load(data, file, GENERATOR + 1, true, diags).glossary().get(0).gloss());
        assertTrue(diags.all().isEmpty(), diags.all()::toString);
    }

    @Test
    void aDamagedStoreOnlyMeansTheYamlIsParsed() throws IOException {
        Path data = copyOfTheArchivesData(), file = dir.resolve(DataStore.FILE);
        EditorialData first = DataStore.load(data, file, GENERATOR, true, new Diagnostics());
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 0x20;
        Files.write(file, b);
        assertEquals(first, DataStore.load(data, file, GENERATOR, true, new Diagnostics()));
        Files.write(file, new byte[] {1, 2, 3});
        assertEquals(first, DataStore.load(data, file, GENERATOR, true, new Diagnostics()));
    }

    @Test
    void dataTheLoaderFindsFaultWithIsNeverKeptSoEveryBuildSaysSo() throws IOException {
        Path data = copyOfTheArchivesData(), file = dir.resolve(DataStore.FILE);
        Files.writeString(data.resolve("glossary.yaml"), Files.readString(data.resolve("glossary.yaml"))
                .replaceFirst("kind: slogan", "kind: motto"));
        for (int build = 1; build <= 2; build++) {
            Diagnostics diags = new Diagnostics();
            DataStore.load(data, file, GENERATOR, true, diags);
            List<String> messages = diags.all().stream().map(Object::toString).toList();
            assertTrue(messages.stream().anyMatch(m -> m.contains("unknown kind `motto`")), "build " + build + ": " + messages);
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void aBuildThatOnlyChecksKeepsNothing() throws IOException {
        Path data = copyOfTheArchivesData(), file = dir.resolve(DataStore.FILE);
        assertEquals(parsed(data), DataStore.load(data, file, GENERATOR, false, new Diagnostics()));
        assertFalse(Files.exists(file));
    }
}
