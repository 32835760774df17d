package archive.build;

import archive.diag.Diagnostics;
import archive.model.AnnotatedArticle;
import archive.testing.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build reuses the previous build's annotations only where nothing they depend on changed. */
class AnnotationStoreTest {
    private final TestProject project = corpus();

    private static TestProject corpus() {
        TestProject p = TestProject.empty();
        TestProject.copyTree(TestProject.REPO.resolve("data"), p.root.resolve("data"));
        TestProject.copyTree(TestProject.REPO.resolve("pages"), p.root.resolve("pages"));
        try {
            new archive.bench.CorpusGenerator(TestProject.REPO.resolve("seeds"), TestProject.REPO.resolve("data"), 11)
                    .write(p.root.resolve("seeds"), 40);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    @AfterEach
    void clean() { TestProject.delete(project.root); }

    @Test
    void aStoredAnnotationIsTheAnnotationItWasMadeFrom() throws IOException {
        List<AnnotatedArticle> all = new SiteBuild(project.config(), null).read(new Diagnostics()).articles();
        assertTrue(all.size() >= 40);
        for (AnnotatedArticle a : all) {
            assertEquals(a, AnnotationStore.decode(a.article(), a.notes(), AnnotationStore.encode(a)), a.id());
        }
    }

    @Test
    void aRebuildReusesUnchangedAnnotationsAndAChangeOfDataAnnotatesAgain() throws IOException {
        project.build();
        // A build that finds nothing changed reads nothing (SiteBuild#keptAsPublished): without the
        // record of the published site, this one reads the articles and takes their annotations as stored.
        Files.deleteIfExists(archive.publish.Publishing.cacheFolder(project.config()).resolve(PublishedState.FILE));
        String second = buildLog();
        assertTrue(second.contains("unchanged since the previous build"), second);

        // A new English rendering of a glossary entry changes what is found in many articles: they are
        // annotated again; the articles without it keep their annotations (see AnnotationForms).
        String glossary = project.read("data/glossary.yaml");
        project.write("data/glossary.yaml", glossary.replaceFirst("\n  en: \\[", "\n  en: [the masses, "));
        String third = buildLog();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "Aligned and annotated (\\d+) articles \\((\\d+) unchanged since the previous build, (\\d+) of them holding none").matcher(third);
        assertTrue(m.find(), third);
        int all = Integer.parseInt(m.group(1)), kept = Integer.parseInt(m.group(2));
        assertTrue(kept > 0 && kept < all, "the articles with \"the masses\" annotated again, the others kept: " + third);
        Path clean = project.root.resolve("clean-site");
        TestProject.delete(project.root.resolve(".clean-site.cache"));
        project.build(project.config().withOut(clean));
        TestProject.assertSameSite(clean, project.site());
    }

    @Test
    void aRewordedGlossKeepsTheAnnotationsAndTheSiteEqualsACleanBuild() throws IOException {
        project.build();
        // A gloss is shown in pages but changes nothing that is found in the articles.
        String glossary = project.read("data/glossary.yaml");
        project.write("data/glossary.yaml", glossary.replaceFirst("\n  gloss: ([^\n]*)", "\n  gloss: $1, reworded"));
        String log = buildLog();
        assertTrue(log.matches("(?s).*Aligned and annotated (\\d+) articles \\(\\1 unchanged since the previous build\\).*"), log);
        assertTrue(log.contains("Kept the search index"), "a gloss is not searched: " + log);
        Path clean = project.root.resolve("clean-site");
        TestProject.delete(project.root.resolve(".clean-site.cache"));
        project.build(project.config().withOut(clean));
        TestProject.assertSameSite(clean, project.site());
    }

    private String buildLog() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SiteBuild(project.config(), new PrintStream(out, true, StandardCharsets.UTF_8)).build();
        return out.toString(StandardCharsets.UTF_8);
    }

}
