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
}
