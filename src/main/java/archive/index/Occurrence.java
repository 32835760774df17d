package archive.index;

import archive.model.AnnotatedArticle;

/**
 * One occurrence of a glossary entry, as a keyword-in-context line of a concordance.
 *
 * @param anchor the row id of the paragraph it is in ("title" for a headline)
 * @param lang   "zh-Hans" or "en"
 */
public record Occurrence(AnnotatedArticle article, String anchor, String lang, String left, String match, String right) {}
