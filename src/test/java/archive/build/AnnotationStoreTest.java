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
        return TestProject.generated(TestProject.generator(11), 40);
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
        // The store keeps a row that is paragraph n anchored "pn" as its number alone, any other with its
        // strings: two paragraphs in one row, and an English paragraph without its original.
        AnnotatedArticle a = all.stream().filter(x -> x.rows().size() >= 3).findFirst().orElseThrow();
        List<archive.model.Row> rows = new java.util.ArrayList<>(a.rows());
        archive.model.Row one = rows.get(0), two = rows.get(1), three = rows.get(2);
        rows.set(0, new archive.model.Row(one.anchor(), List.of(two.anchor()), one.label() + "–" + two.label(),
                concat(one.zh(), two.zh()), concat(one.en(), two.en())));
        rows.set(1, new archive.model.Row("en" + three.en().get(0).number(), List.of(), "", List.of(), three.en()));
        rows.set(2, new archive.model.Row(three.anchor(), List.of(), three.label(), three.zh(), List.of()));
        AnnotatedArticle merged = new AnnotatedArticle(a.article(), List.copyOf(rows), a.zhMentions(), a.enMentions(),
                a.titleMentions(), a.deckMentions(), a.glossary(), a.places(), a.datelinePlaces(), a.industries(), a.notes());
        assertEquals(merged, AnnotationStore.decode(a.article(), a.notes(), AnnotationStore.encode(merged)));
    }

    /**
     * The fingerprint an article page is kept by changes with every part of its notes (each
     * component of the record, so one added later cannot be left out), but not with the folder the
     * notes were found through.
     */
    @Test
    void aPagesFingerprintChangesWithEveryPartOfItsNotes() throws ReflectiveOperationException {
        AnnotatedArticle a = new SiteBuild(project.config(), null).read(new Diagnostics()).articles().get(0);
        archive.model.ArticleNotes notes = new archive.model.ArticleNotes(Path.of("seeds/001_0123456789abcdef.notes.md"), "An Editor",
                java.time.LocalDate.of(2024, 3, 1), "Intro.\n\n## p1\nA note.\n", List.of(new archive.model.ArticleNotes.ParagraphNote(1, 3)));
        long with = fingerprintWith(a, notes);
        assertTrue(with != fingerprintWith(a, null), "notes added");
        assertEquals(with, fingerprintWith(a, new archive.model.ArticleNotes(Path.of("/elsewhere/seeds/001_0123456789abcdef.notes.md"),
                notes.by(), notes.written(), notes.markdown(), notes.paragraphNotes())), "the same notes found through another path");
        var cs = archive.model.ArticleNotes.class.getRecordComponents();
        Object[] values = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            values[i] = cs[i].getAccessor().invoke(notes);
            types[i] = cs[i].getType();
        }
        var canonical = archive.model.ArticleNotes.class.getDeclaredConstructor(types);
        for (int i = 0; i < cs.length; i++) {
            Object[] changed = values.clone();
            changed[i] = switch (cs[i].getName()) {
                case "file" -> Path.of("seeds/002_0123456789abcdef.notes.md");
                case "by", "markdown" -> values[i] + "x";
                case "written" -> notes.written().plusDays(1);
                case "paragraphNotes" -> List.of(new archive.model.ArticleNotes.ParagraphNote(1, 4));
                default -> throw new AssertionError("a part of the notes this test does not know: " + cs[i].getName());
            };
            assertTrue(with != fingerprintWith(a, (archive.model.ArticleNotes) canonical.newInstance(changed)), cs[i].getName());
        }
    }

    private static long fingerprintWith(AnnotatedArticle a, archive.model.ArticleNotes notes) {
        AnnotatedArticle n = new AnnotatedArticle(a.article(), a.rows(), a.zhMentions(), a.enMentions(), a.titleMentions(),
                a.deckMentions(), a.glossary(), a.places(), a.datelinePlaces(), a.industries(), notes);
        return AnnotationStore.contentFingerprintOfHash(7, n, 11);
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


    private static <T> List<T> concat(List<T> x, List<T> y) {
        List<T> out = new java.util.ArrayList<>(x);
        out.addAll(y);
        return List.copyOf(out);
    }
}
