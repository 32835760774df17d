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
}
