package archive.build;

import archive.diag.Diagnostics;
import archive.index.ArchiveIndex;
import archive.model.AnnotatedArticle;
import archive.testing.TestProject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which list a page of the site belongs to, with its further pages, and which concordance lines an article's move shifts: what an edit's rebuild makes again. */
class ArticleEditTest {
    @Test
    void aListsFurtherPagesBelongToIt() {
        assertEquals("", ArticleEdit.listOf("index.html"));
        assertEquals("", ArticleEdit.listOf("page/12/index.html"));
        assertEquals("dates/1959/03/", ArticleEdit.listOf("dates/1959/03/index.html"));
        assertEquals("dates/1959/03/", ArticleEdit.listOf("dates/1959/03/page/3/index.html"));
        assertEquals("dates/1959/", ArticleEdit.listOf("dates/1959/index.html"));
        assertEquals("articles/", ArticleEdit.listOf("articles/page/2/index.html"));
    }

    @Test
    void aFolderNamedPageIsNotAFurtherPage() {
        assertEquals("places/page/", ArticleEdit.listOf("places/page/index.html"));
        assertEquals("places/xpage/2/", ArticleEdit.listOf("places/xpage/2/index.html"));
        assertEquals("places/page/", ArticleEdit.listOf("places/page/page/2/index.html"));
        assertNull(ArticleEdit.listOf("articles/1012f6d7e23636c3/cite.bib"));
    }

    /**
     * The lines an article's move within its month shifts in each of its entries' concordances
     * (ArticleEdit#linesMoved, found from the index after the move alone) hold every line that
     * differs between the concordances the indexes before and after the move have: the month's
     * first article moved to its last day, and its last article to its first.
     */
    @Test
    void anArticleMovedWithinItsMonthShiftsOnlyTheLinesBetweenWhereItStoodAndWhereItStands() throws IOException {
        onCorpus(300, corpus -> {
            for (boolean forward : new boolean[] {true, false}) {
                ArchiveIndex was = new SiteBuild(corpus.config(), null).read(new Diagnostics()).index();
                Map<YearMonth, List<AnnotatedArticle>> byMonth = new TreeMap<>();
                was.articles().forEach(a -> byMonth.computeIfAbsent(YearMonth.from(a.article().date()), m -> new java.util.ArrayList<>()).add(a));
                List<AnnotatedArticle> month = byMonth.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
                AnnotatedArticle moved = forward ? month.get(0) : month.get(month.size() - 1);
                LocalDate from = moved.article().date(), to = (forward ? month.get(month.size() - 1) : month.get(0)).article().date();
                assertTrue(!from.equals(to) && !moved.glossary().isEmpty(), "a month of several days: " + month.size());
                String seed = Files.readString(moved.article().source());
                Files.writeString(moved.article().source(), seed.replace(from.toString(), to.toString()));
                ArchiveIndex now = new SiteBuild(corpus.config(), null).read(new Diagnostics()).index();
                int shifted = 0;
                for (String g : moved.glossary()) {
                    int[] lines = ArticleEdit.linesMoved(now, was.articles(), was.positionOf(moved), now.article(moved.id()), g);
                    assertEquals(was.lineCount(g), now.lineCount(g));
                    for (int i = 0; i < now.lineCount(g); i++) {
                        boolean same = was.lineArticle(g, i).id().equals(now.lineArticle(g, i).id()) && was.lineKey(g, i) == now.lineKey(g, i);
                        if (same) continue;
                        shifted++;
                        assertTrue(lines != null && lines[0] <= i && i < lines[1], g + ": line " + i + " changed, outside "
                                + java.util.Arrays.toString(lines));
                    }
                }
                assertTrue(shifted > 0, "the move shifted lines");
            }
        });
    }

    /**
     * A move within its month that also gives one of its entries one more line (a term said once
     * more) remakes every page of that entry's concordance, which each show how many lines it
     * has; its other entries' pages only where their lines shifted.
     */
    @Test
    void aMoveThatAddsALineOfAnEntryRemakesEveryPageOfThatEntry() throws IOException {
        onCorpus(300, corpus -> {
            SiteBuild.Corpus before = new SiteBuild(corpus.config(), null).read(new Diagnostics());
            Map<YearMonth, List<AnnotatedArticle>> byMonth = new TreeMap<>();
            before.index().articles().forEach(a -> byMonth.computeIfAbsent(YearMonth.from(a.article().date()),
                    m -> new java.util.ArrayList<>()).add(a));
            // An article whose day keeps another (no list loses a page), moved to another day of its month.
            AnnotatedArticle moved = null;
            LocalDate to = null;
            for (List<AnnotatedArticle> month : byMonth.values()) {
                for (AnnotatedArticle a : month) {
                    LocalDate d = a.article().date();
                    if (a.glossary().isEmpty() || month.stream().filter(b -> b.article().date().equals(d)).count() < 2) continue;
                    to = month.stream().map(b -> b.article().date()).filter(e -> !e.equals(d)).reduce((x, y) -> y).orElse(null);
                    if (to != null) moved = a;
                    break;
                }
                if (moved != null) break;
            }
            assertTrue(moved != null, "a day of two articles in a month of two days");
            LocalDate from = moved.article().date();
            String seed = Files.readString(moved.article().source());
            String chinese = seed.substring(seed.indexOf("\nOriginal:"));
            AnnotatedArticle mover = moved;
            archive.model.GlossaryEntry said = before.data().glossary().stream()
                    .filter(g -> mover.glossary().contains(g.slug()) && g.zh().stream().anyMatch(chinese::contains)).findFirst().orElseThrow();
            String term = said.zh().stream().filter(chinese::contains).findFirst().orElseThrow();
            Files.writeString(moved.article().source(), seed.replace(from.toString(), to.toString()).stripTrailing() + term + "\n");
            SiteBuild.Corpus after = new SiteBuild(corpus.config(), null).read(new Diagnostics());
            AnnotatedArticle now = after.index().article(moved.id());
            ArticleEdit edit = ArticleEdit.ofStoredMoved(Map.of(moved.id(), moved), Map.of(moved.id(), now),
                    before.index().articles(), after.index(), after.data().placesBySlug());
            assertTrue(edit != null && edit.moved(), "a move");
            assertTrue(edit.entryPages().containsKey(said.slug()) && edit.entryPages().get(said.slug()) == null,
                    said.slug() + ": every page, not " + edit.entryPages().get(said.slug()));
            for (String g : moved.glossary()) {
                if (!g.equals(said.slug())) assertTrue(edit.entryPages().get(g) != null, g + ": the pages its lines shifted on");
            }
        });
    }

    /**
     * An edit that gives an entry enough lines for one more page of its concordance, or takes one
     * away, is no edit the edit's way makes: counted from the index before the edit or after it.
     */
    @Test
    void anEntryThatWouldGainOrLoseAConcordancePageRefusesTheEditsWay() throws IOException {
        onCorpus(60, corpus -> {
            ArchiveIndex index = new SiteBuild(corpus.config(), null).read(new Diagnostics()).index();
            String g = index.articles().stream().flatMap(a -> a.glossary().stream()).findFirst().orElseThrow();
            int lines = index.lineCount(g), toNextPage = archive.render.Pagination.LINES - lines + 1;
            assertTrue(lines > 1 && lines < archive.render.Pagination.LINES, g + ": " + lines + " lines");
            // The index before the edit: that many more lines make a second page.
            assertTrue(!ArticleEdit.keepsEntryPages(index, false, Map.of(g, toNextPage)));
            assertTrue(ArticleEdit.keepsEntryPages(index, false, Map.of(g, toNextPage - 1)));
            // The index after it: one line more or fewer than before keeps the one page.
            assertTrue(ArticleEdit.keepsEntryPages(index, true, Map.of(g, 1)));
            assertTrue(ArticleEdit.keepsEntryPages(index, true, Map.of(g, -1)));
        });
    }

    private interface CorpusTest { void run(TestProject corpus) throws IOException; }

    /** Runs {@code test} on a synthetic corpus of {@code n} articles (generator seed 3), deleted afterwards. */
    private static void onCorpus(int n, CorpusTest test) throws IOException {
        TestProject corpus = TestProject.generated(TestProject.generator(3), n);
        try {
            test.run(corpus);
        } finally {
            TestProject.delete(corpus.root);
        }
    }
}
