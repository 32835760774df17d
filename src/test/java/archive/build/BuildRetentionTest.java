package archive.build;

import archive.testing.TestProject;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A process that builds again and again (the preview, one build a save, for hours) keeps nothing
 * of a build once later builds have replaced it: a thread-local of the rendering once kept every
 * build's render context, with its indexes and manifests, on each thread that rendered a page
 * (2.6 MB a save at 230 articles, growing with the archive).
 */
class BuildRetentionTest {
    @Test
    void aPreviewBuildIsFreedOnceLaterBuildsReplacedIt() throws InterruptedException {
        TestProject corpus = TestProject.generated(TestProject.generator(3), 40);
        try {
            ArticleCache cache = new ArticleCache();
            String seed = "seeds/" + TestProject.generator(3).fileName(20);
            WeakReference<SiteBuild> first = null;
            for (int save = 0; save < 3; save++) {
                corpus.write(seed, corpus.read(seed).replaceFirst("\nAuthor:[^\n]*", "\nAuthor: Editor " + save));
                SiteBuild build = new SiteBuild(corpus.config(), null, cache);
                build.build();
                if (first == null) first = new WeakReference<>(build);
            }
            assertNull(collected(first), "the first build is still reachable after two more");
        } finally {
            TestProject.delete(corpus.root);
        }
    }

    @Test
    void oneOffBuildsInOneProcessKeepNothingOfEachOther() throws InterruptedException {
        TestProject corpus = TestProject.generated(TestProject.generator(4), 40);
        try {
            SiteBuild build = new SiteBuild(corpus.config(), null);
            build.build();
            WeakReference<SiteBuild> first = new WeakReference<>(build);
            build = null;
            new SiteBuild(corpus.config().withOut(corpus.root.resolve("other-site")), null).build();
            assertNull(collected(first), "the first build is still reachable");
        } finally {
            TestProject.delete(corpus.root);
        }
    }

    /** The referent after collections have had their chance: null once it was unreachable. */
    private static <T> T collected(WeakReference<T> ref) throws InterruptedException {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ref.get();
    }
}
