package archive.index;

import archive.build.SiteBuild;
import archive.diag.Diagnostics;
import archive.model.AnnotatedArticle;
import archive.model.GlossaryEntry;
import archive.testing.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The concordance of an archive large enough to be found in runs of articles on every core has
 * each entry's lines in reading order, each article's as the article alone gives them.
 */
class ConcordanceRunsTest {
    private final TestProject project = TestProject.generated(TestProject.generator(3), 1100);

    @AfterEach
    void clean() { TestProject.delete(project.root); }

    @Test
    void anEntrysLinesFollowTheReadingOrderAcrossRuns() throws IOException {
        SiteBuild.Corpus corpus = new SiteBuild(project.config(), null).read(new Diagnostics());
        List<AnnotatedArticle> articles = corpus.articles();
        assertTrue(articles.size() >= 1100, "enough articles for several runs: " + articles.size());
        ArchiveIndex index = new ArchiveIndex(articles, corpus.data().placesBySlug());
        int lines = 0;
        for (GlossaryEntry g : corpus.data().glossary()) {
            String slug = g.slug();
            int at = 0;
            for (int i = 0; i < articles.size(); i++) {
                Map<String, List<Occurrence>> own = ArchiveIndex.concordanceOf(articles.get(i));
                int n = own.getOrDefault(slug, List.of()).size();
                for (int k = 0; k < n; k++, at++) assertEquals(i, index.linePosition(slug, at), slug + " line " + at);
            }
            assertEquals(at, index.lineCount(slug), slug);
            lines += at;
        }
        assertTrue(lines > 2000, lines + " lines");
    }

    /**
     * An index that finds its concordance when asked (an edit's build) answers where an article's
     * lines stand from the articles' counts of their lines, reading no article's mentions, and finds
     * a page of an entry's lines from the mentions of the articles that page quotes alone, each line
     * as the whole concordance has it.
     */
    @Test
    void aLazyIndexCountsWhereLinesStandAndFindsAPageOfThemFromTheArticlesItQuotes() throws IOException {
        SiteBuild.Corpus corpus = new SiteBuild(project.config(), null).read(new Diagnostics());
        List<AnnotatedArticle> articles = corpus.articles();
        ArchiveIndex found = new ArchiveIndex(articles, corpus.data().placesBySlug());
        java.util.Set<Integer> read = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ArchiveIndex lazy = new ArchiveIndex(articles, corpus.data().placesBySlug(), i -> {
            read.add(i);
            return articles.get(i);
        }, true);
        String longest = null;
        for (GlossaryEntry g : corpus.data().glossary()) {
            String slug = g.slug();
            assertEquals(found.lineCount(slug), lazy.lineCount(slug), slug);
            for (AnnotatedArticle a : found.usingEntry(slug)) {
                assertEquals(found.linesBefore(slug, a), lazy.linesBefore(slug, a), slug + " before " + a.id());
                org.junit.jupiter.api.Assertions.assertArrayEquals(found.linesOf(slug, a), lazy.linesOf(slug, a), slug + " of " + a.id());
            }
            if (longest == null || found.lineCount(slug) > found.lineCount(longest)) longest = slug;
        }
        assertTrue(read.isEmpty(), "counting read the mentions of " + read.size() + " articles");

        int from = archive.render.Pagination.LINES, to = 2 * archive.render.Pagination.LINES;
        assertTrue(found.lineCount(longest) > to, longest + " has " + found.lineCount(longest) + " lines");
        lazy.findLinesOf(longest, from, to);
        java.util.Set<Integer> quoted = new java.util.TreeSet<>();
        for (int i = from; i < to; i++) {
            int at = found.linePosition(longest, i);
            quoted.add(at);
            assertEquals(at, lazy.linePosition(longest, i), "line " + i);
            assertEquals(found.lineKey(longest, i), lazy.lineKey(longest, i), "line " + i);
            archive.model.ArticleText text = archive.model.ArticleText.of(articles.get(at).article());
            assertTrue(found.line(longest, i, text).sameLine(lazy.line(longest, i, text)), "line " + i);
        }
        assertEquals(quoted, new java.util.TreeSet<>(read), "the articles read are those the page quotes");
        assertTrue(read.size() < found.usingEntry(longest).size() / 2, read.size() + " of " + found.usingEntry(longest).size());
    }
}
