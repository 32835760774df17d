package archive.index;

import archive.model.AnnotatedArticle;

/**
 * One occurrence of a glossary entry, as a keyword-in-context line of a concordance. It keeps a
 * reference to the paragraph's text and the match's offsets, and cuts the context when asked:
 * the concordance of a large archive has millions of lines, and three strings per line would
 * triple the memory the articles themselves take. The index holds the lines packed (see
 * {@link ConcordanceLines}) and makes an occurrence when a page asks for it.
 */
public final class Occurrence {
    /** Characters of context on each side of a line, per language. */
    private static final int ZH_CONTEXT = 18, EN_CONTEXT = 48;

    private final AnnotatedArticle article;
    private final String anchor, lang, text;
    private final int start, end, width;

    /**
     * @param anchor the row id of the paragraph it is in ("title" for a headline)
     * @param lang   "zh-Hans" or "en"
     * @param text   the whole paragraph or headline
     * @param width  characters of context on each side
     */
    private Occurrence(AnnotatedArticle article, String anchor, String lang, String text, int start, int end, int width) {
        this.article = article;
        this.anchor = anchor;
        this.lang = lang;
        this.text = text;
        this.start = start;
        this.end = end;
        this.width = width;
    }

    /** A line of the Chinese original ({@code zh}) or of the translation, with its language's width of context. */
    static Occurrence of(AnnotatedArticle article, String anchor, boolean zh, String text, int start, int end) {
        return new Occurrence(article, anchor, zh ? "zh-Hans" : "en", text, start, end, zh ? ZH_CONTEXT : EN_CONTEXT);
    }

    public AnnotatedArticle article() { return article; }

    public String anchor() { return anchor; }

    public String lang() { return lang; }

    /** Where the match starts and ends in its paragraph. */
    public int start() { return start; }

    public int end() { return end; }

    /** The text before the match, at most the context width, with "…" when cut. */
    public String left() {
        String left = text.substring(Math.max(0, start - width), start);
        return start > width ? "…" + left : left;
    }

    public String match() { return text.substring(start, end); }

    /** The paragraph or headline the line is cut from. */
    public String text() { return text; }

    /** Where the context before the match starts; text before it is left out (with "…" when any is). */
    public int contextStart() { return Math.max(0, start - width); }

    /** Where the context after the match ends; text after it is left out (with "…" when any is). */
    public int contextEnd() { return Math.min(text.length(), end + width); }

    /** Whether a concordance shows this line as it shows {@code o}: the same paragraph, language and text in context. */
    public boolean sameLine(Occurrence o) {
        return anchor.equals(o.anchor) && lang.equals(o.lang) && left().equals(o.left()) && match().equals(o.match())
                && right().equals(o.right());
    }

    /** The text after the match, at most the context width, with "…" when cut. */
    public String right() {
        String right = text.substring(end, Math.min(text.length(), end + width));
        return end + width < text.length() ? right + "…" : right;
    }
}
