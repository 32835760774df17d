package archive.cli;

import archive.diag.Diagnostics;
import archive.model.Article;
import archive.source.SeedReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bench's date edit must give a seed the reader accepts, with the article a day away and otherwise the
 * same; the search index's share of a build's wall time is read from its progress lines.
 */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMovedSeedReadsWithBothDatesMovedOneDay() throws Exception {
        List<Path> seeds;
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertFalse(seeds.isEmpty());
        for (Path seed : seeds) {
            Article before = read(seed);
            Path moved = dir.resolve(seed.getFileName());
            Files.writeString(moved, BenchCommand.movedOneDay(Files.readString(seed, StandardCharsets.UTF_8)));
            Article after = read(moved);
            assertEquals(1, Math.abs(after.date().toEpochDay() - before.date().toEpochDay()), seed.toString());
            assertEquals(before.date().getMonth(), after.date().getMonth(), seed.toString());
            assertEquals(before.title(), after.title());
            assertEquals(before.page(), after.page());
        }
    }

    @Test
    void theLastDayOfAMonthMovesBackADay() throws Exception {
        Path seed;
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            seed = s.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        String date = read(seed).date().toString();
        Path endOfMonth = dir.resolve(seed.getFileName());
        Files.writeString(endOfMonth, text.replace(date, "1959-03-31"));
        assertEquals(LocalDate.of(1959, 3, 31), read(endOfMonth).date());
        Files.writeString(endOfMonth, BenchCommand.movedOneDay(Files.readString(endOfMonth)));
        assertEquals(LocalDate.of(1959, 3, 30), read(endOfMonth).date());
    }

    private static Article read(Path file) {
        Diagnostics diags = new Diagnostics();
        Article a = new SeedReader().read(file, diags);
        assertTrue(diags.all().isEmpty(), () -> file + ": " + diags.all());
        return a;
    }

    /** Made after the pages, the search index's stage counts; made beside them, only what it added after them. */
    @Test
    void theSearchIndexCountsForWhatItAddsToTheWall() {
        List<String> after = List.of("[  0.50 s, CPU   0.90 s] Read 10 articles", "[  9.00 s, CPU  17.00 s] Rendered 13 pages of 13",
                "[ 11.50 s, CPU  21.00 s] Indexed 10 articles for search", "[ 11.70 s, CPU  21.20 s] Published 13 pages to site",
                "stats: wall=12.0");
        assertEquals(2.5, BenchCommand.searchSeconds(after), 1e-9);
        List<String> besideDoneFirst = List.of("[  5.00 s, CPU   9.00 s] Rendered 10 of 10 article pages",
                "[  7.00 s, CPU  13.00 s] Indexed 10 articles for search", "[  8.00 s, CPU  15.00 s] Rendered the glossary",
                "[  9.00 s, CPU  17.00 s] Rendered 13 pages of 13", "[  9.20 s, CPU  17.20 s] Published 13 pages to site");
        assertEquals(0, BenchCommand.searchSeconds(besideDoneFirst), 1e-9);
        List<String> besideDoneLast = List.of("[  5.00 s, CPU   9.00 s] Rendered 10 of 10 article pages",
                "[  9.00 s, CPU  17.00 s] Rendered 13 pages of 13", "[  9.80 s, CPU  18.00 s] Kept the search index: nothing changed",
                "[ 10.00 s, CPU  18.20 s] Published 13 pages to site");
        assertEquals(0.8, BenchCommand.searchSeconds(besideDoneLast), 1e-9);
    }
}
