package archive.build;

import archive.diag.BuildFailedException;
import archive.testing.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notes rendered by an earlier build are reused only while every link they resolved resolves the same. */
class NotesStoreTest {
    private final TestProject project = TestProject.seedProject();

    @AfterEach
    void clean() { TestProject.delete(project.root); }

    @Test
    void keptNotesStillFailWhenAnArticleTheyLinkToIsGone() throws Exception {
        project.build();
        project.build();
        Path store = archive.publish.Publishing.cacheFolder(project.config()).resolve(NotesStore.FILE);
        assertTrue(Files.size(store) > 0, "the rendered notes are kept");
        // The notes of the first seed link to this article; they are unchanged, but the link no longer resolves.
        Files.delete(project.root.resolve("seeds/001_009ed611b62df4eb.txt"));
        Files.deleteIfExists(project.root.resolve("seeds/001_009ed611b62df4eb.notes.md"));
        BuildFailedException e = assertThrows(BuildFailedException.class, project::build);
        assertTrue(e.getMessage().contains("000_119a5904f4221201.notes.md") && e.getMessage().contains("009ed611b62df4eb"),
                e.getMessage());
    }

    @Test
    void aKeptPageOfTheArchiveStillFailsWhenAnArticleItLinksToIsGone() throws Exception {
        // The archive's own pages and the glossary's explanations are kept rendered as the notes are (see RenderContext#renderMarkdown).
        project.write("pages/about.md", project.read("pages/about.md") + "\nSee [an article](article:009ed611b62df4eb).\n");
        project.build();
        assertTrue(project.read("site/about/index.html").contains("articles/009ed611b62df4eb/"));
        Files.delete(archive.publish.Publishing.cacheFolder(project.config()).resolve(PublishedState.FILE));
        project.build(); // every page checked, the page's Markdown taken as the first build rendered it
        Files.delete(project.root.resolve("seeds/001_009ed611b62df4eb.txt"));
        Files.deleteIfExists(project.root.resolve("seeds/001_009ed611b62df4eb.notes.md"));
        BuildFailedException e = assertThrows(BuildFailedException.class, project::build);
        assertTrue(e.getMessage().contains("about.md") && e.getMessage().contains("unknown cross-reference `article:009ed611b62df4eb`"),
                e.getMessage());
    }

    @Test
    void keptNotesEqualNotesRenderedAnew() throws Exception {
        project.build();
        // A second build renders no notes anew: they come from the store, and the site is byte for byte the same.
        Path first = project.root.resolve("first");
        TestProject.copyTree(project.site(), first);
        // Without the record of the published site the build checks every page (instead of keeping them unseen).
        Files.delete(archive.publish.Publishing.cacheFolder(project.config()).resolve(PublishedState.FILE));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new SiteBuild(project.config(), new PrintStream(log, true, StandardCharsets.UTF_8)).build();
        long withNotes;
        try (var seeds = Files.list(project.root.resolve("seeds"))) {
            withNotes = seeds.filter(f -> f.toString().endsWith(".notes.md")).count();
        }
        assertTrue(withNotes > 0);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("; " + withNotes + " articles' notes as an earlier build rendered them"),
                log.toString(StandardCharsets.UTF_8));
        TestProject.assertSameSite(first, project.site());
        // The same seeds folder named another way ("seeds/../seeds"): the notes as rendered are still theirs.
        archive.config.BuildConfig c = project.config();
        archive.config.BuildConfig renamed = new archive.config.BuildConfig(c.seeds().resolve("../seeds"), c.templates(), c.data(),
                c.pages(), c.out(), c.siteUrl(), c.offline(), c.permalinks());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new SiteBuild(renamed, new PrintStream(again, true, StandardCharsets.UTF_8)).build();
        assertTrue(again.toString(StandardCharsets.UTF_8).contains("Rendered 0 of"), again.toString(StandardCharsets.UTF_8));
        TestProject.assertSameSite(first, project.site());
        // An edited note shows at once.
        String notes = "seeds/000_119a5904f4221201.notes.md";
        project.write(notes, project.read(notes).replaceFirst("\n\n", "\n\nA sentence added by an editor.\n\n"));
        project.build();
        assertTrue(project.read("site/articles/119a5904f4221201/index.html").contains("A sentence added by an editor."));
        assertFalse(project.read("site/articles/009ed611b62df4eb/index.html").contains("A sentence added by an editor."));
    }
}
