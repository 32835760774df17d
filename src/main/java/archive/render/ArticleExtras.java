package archive.render;

import archive.model.AnnotatedArticle;

import java.util.Map;

/**
 * Variables a later stage adds to every article page: the publishing stage puts the page's
 * metadata and its "Cite this article" box here. Called from several threads at once.
 */
@FunctionalInterface
public interface ArticleExtras {
    /** None: the article template then shows no metadata and no citation box. */
    ArticleExtras NONE = (article, path) -> Map.of();

    /** The variables for the page of {@code article}, written at site path {@code path}. */
    Map<String, Object> vars(AnnotatedArticle article, String path);

    /**
     * Writes the files that go beside the page (citation downloads). They are made from the page's
     * own inputs, so they are recorded with its fingerprint {@code inputs} (0: not to be kept).
     */
    default void writeFiles(AnnotatedArticle article, String path, long inputs) { }

    /** Keeps the files beside a page that was kept; any that cannot be kept is written again. */
    default void keepFiles(AnnotatedArticle article, String path, long inputs) { }
}
