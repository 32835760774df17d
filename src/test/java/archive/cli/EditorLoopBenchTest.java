package archive.cli;

import archive.config.BuildConfig;
import archive.testing.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bench's editor loop saves a seed through a running preview; when it is done, the seed and
 * the site must be as they were: the bench's later builds, and anyone opening its site, read them.
 */
class EditorLoopBenchTest {
    private final List<TestProject> projects = new java.util.ArrayList<>();

    @AfterEach
    void delete() {
        projects.forEach(p -> TestProject.delete(p.root));
    }

    /**
     * Each save's reloaded page shows its change (the bench fails otherwise), and the file saved is
     * put back: a seed, a template (of a copy of the project's, as the bench makes) or the glossary.
     */
    @ParameterizedTest
    @EnumSource(value = EditorLoopBench.Edit.class, names = {"AUTHOR", "NEW", "TEMPLATE", "GLOSS"})
    void theSiteIsLeftAsACleanBuildMakesIt(EditorLoopBench.Edit edit) throws Exception {
        TestProject edited = project(), clean = project();
        Path saved = edited.root.resolve(switch (edit) {
            case TEMPLATE -> "templates/base.peb";
            case GLOSS -> "data/glossary.yaml";
            default -> "seeds/000_119a5904f4221201.txt";
        });
        byte[] before = Files.readAllBytes(saved);
        List<EditorLoopBench.Save> saves = new EditorLoopBench(asTheBenchBuilds(edited), edit).run(saved, "articles/119a5904f4221201/", 2);
        assertEquals(2, saves.size());
        assertArrayEquals(before, Files.readAllBytes(saved));
        clean.build(asTheBenchBuilds(clean));
        TestProject.assertSameSite(clean.site(), edited.site());
    }

    /** Saving again at once, while the last save's builds may run (`--interval 0`): each save is shown, and the site ends as a clean build's. */
    @ParameterizedTest
    @EnumSource(value = EditorLoopBench.Edit.class, names = {"AUTHOR", "TEMPLATE"})
    void savesWhileTheLastOnesBuildsRunAreEachShown(EditorLoopBench.Edit edit) throws Exception {
        TestProject edited = project(), clean = project();
        Path saved = edited.root.resolve(edit == EditorLoopBench.Edit.TEMPLATE ? "templates/base.peb" : "seeds/000_119a5904f4221201.txt");
        byte[] before = Files.readAllBytes(saved);
        List<EditorLoopBench.Save> saves = new EditorLoopBench(asTheBenchBuilds(edited), edit, 0).run(saved, "articles/119a5904f4221201/", 4);
        assertEquals(4, saves.size());
        assertArrayEquals(before, Files.readAllBytes(saved));
        clean.build(asTheBenchBuilds(clean));
        TestProject.assertSameSite(clean.site(), edited.site());
    }

    /** The bench's corpus is built without a permalink registry: its saves add articles, and take them off again. */
    private static BuildConfig asTheBenchBuilds(TestProject p) {
        BuildConfig c = p.config();
        return new BuildConfig(c.seeds(), c.templates(), c.data(), c.pages(), c.out(), c.siteUrl(), c.offline(), null);
    }

    private TestProject project() {
        TestProject p = TestProject.seedProject().settle();
        projects.add(p);
        return p;
    }
}
