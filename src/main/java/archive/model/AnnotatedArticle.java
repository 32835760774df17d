package archive.model;

import java.util.List;

/**
 * An article with everything the later stages need: aligned rows, the mentions found in each
 * paragraph (indexed by paragraph number - 1) and headline, and what it is about.
 *
 * @param glossary       glossary slugs used, in order of first occurrence
 * @param places         places mentioned (after context rules and editors' overrides), in order of first occurrence
 * @param datelinePlaces places named in its datelines
 * @param industries     industries assigned, in data order
 * @param notes          the editors' notes, or null
 */
public record AnnotatedArticle(Article article, List<Row> rows,
                               List<List<Mention>> zhMentions, List<List<Mention>> enMentions,
                               List<Mention> titleMentions, List<List<Mention>> deckMentions,
                               List<String> glossary, List<String> places, List<String> datelinePlaces,
                               List<String> industries, ArticleNotes notes) {
    public String id() { return article.id(); }

    public boolean annotated() { return notes != null; }

    /** The anchor of the row holding the given Chinese (zh=true) or English paragraph number. */
    public String anchorOf(boolean zh, int paragraphNumber) {
        for (Row r : rows) {
            for (Paragraph p : zh ? r.zh() : r.en()) if (p.number() == paragraphNumber) return r.anchor();
        }
        return rows.isEmpty() ? "top" : rows.get(0).anchor();
    }
}
