package archive.source;

import archive.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The seeds folder's listing, whole and brought up to date for the files a watcher reports. */
class SeedFolderTest {
    @TempDir
    Path dir;

    private static List<String> describe(List<SeedFolder.Entry> entries) {
        return entries.stream().map(e -> e.path().getFileName() + " " + e.size()).toList();
    }

    private static void assertSameListing(SeedFolder expected, SeedFolder actual) {
        Diagnostics a = new Diagnostics(), b = new Diagnostics();
        assertEquals(describe(expected.seeds(a)), describe(actual.seeds(b)));
        assertEquals(describe(expected.notes(a)), describe(actual.notes(b)));
        assertEquals(describe(expected.overrides(a)), describe(actual.overrides(b)));
        assertEquals(a.all().stream().map(d -> d.format()).toList(), b.all().stream().map(d -> d.format()).toList());
    }

    @Test
    void aListingUpdatedForTheChangedFilesEqualsAWholeListing() throws IOException {
        Path seeds = dir.resolve("seeds");
        Files.createDirectories(seeds);
        Files.writeString(seeds.resolve("001_aaaaaaaaaaaaaaaa.txt"), "one");
        Files.writeString(seeds.resolve("002_bbbbbbbbbbbbbbbb.txt"), "two");
        Files.writeString(seeds.resolve("003_cccccccccccccccc.txt"), "three");
        SeedFolder before = SeedFolder.scan(seeds);

        // Edited (longer), removed, added, a notes file added, a badly named file, and a subfolder's file.
        Path edited = seeds.resolve("001_aaaaaaaaaaaaaaaa.txt"), removed = seeds.resolve("002_bbbbbbbbbbbbbbbb.txt");
        Path added = seeds.resolve("004_dddddddddddddddd.txt"), notes = seeds.resolve("003_cccccccccccccccc.notes.md");
        Path badName = seeds.resolve("5_E.txt"), nested = seeds.resolve("old").resolve("006_ffffffffffffffff.txt");
        Files.writeString(edited, "one, edited");
        Files.delete(removed);
        Files.writeString(added, "four");
        Files.writeString(notes, "Notes.");
        Files.writeString(badName, "bad");
        Files.createDirectories(nested.getParent());
        Files.writeString(nested, "not a seed of this folder");

        SeedFolder updated = before.updated(List.of(edited, removed, added, notes, badName, nested.getParent(), nested));
        assertSameListing(SeedFolder.scan(seeds), updated);
        assertEquals(List.of("001_aaaaaaaaaaaaaaaa.txt 11", "003_cccccccccccccccc.txt 5", "004_dddddddddddddddd.txt 4"),
                describe(updated.seeds(new Diagnostics())));
        // The paths may come absolute, as a watcher gives them, for a folder named relative to the working directory.
        Path relative = Path.of("").toAbsolutePath().relativize(seeds);
        SeedFolder fromRelative = SeedFolder.scan(relative);
        Files.writeString(edited, "one, edited again");
        assertSameListing(SeedFolder.scan(relative), fromRelative.updated(List.of(edited.toAbsolutePath())));
    }

    @Test
    void filesAreListedInTheirPathsOrderWhateverTheirNames() throws IOException {
        // Notes files, listed as they are named (a notes file's name is checked against its seed's later).
        List<String> names = new java.util.ArrayList<>(List.of("002_bbbbbbbbbbbbbbbb", "001_aaaaaaaaaaaaaaaa", "zeta", "Z", "_draft",
                "~old", "0", "a.b", "a"));
        // Names not in ASCII, where the file system's names can hold them (not under the POSIX locale).
        String foreign = "\u00e9t\u00e9 \u00c4rger \u62a5\u9053 \ud83d\udcf0 \uff21";
        String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (java.nio.charset.Charset.isSupported(encoding) && java.nio.charset.Charset.forName(encoding).newEncoder().canEncode(foreign)) {
            names.addAll(List.of(foreign.split(" ")));
        }
        for (String n : names) Files.writeString(dir.resolve(n + ".notes.md"), n);
        List<String> listed = SeedFolder.scan(dir).notes(new Diagnostics()).stream().map(e -> e.path().getFileName().toString()).toList();
        List<String> expected = names.stream().map(n -> dir.resolve(n + ".notes.md")).sorted().map(p -> p.getFileName().toString()).toList();
        assertEquals(expected, listed);
    }
}
