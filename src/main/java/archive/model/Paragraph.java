package archive.model;

/**
 * One paragraph of one language of an article.
 *
 * @param number   1-based position among the paragraphs of its language
 * @param text     the paragraph text, white space trimmed
 * @param line     line of the seed file where it starts (for diagnostics)
 * @param kind     ordinary text, a photo caption or a marker such as "(Attached picture)"
 * @param dateline the news-agency dateline opening the paragraph, or null
 */
public record Paragraph(int number, String text, int line, Kind kind, Dateline dateline) {
    public enum Kind { TEXT, CAPTION, MARKER }

    public Paragraph {
        if (text == null) throw new IllegalArgumentException("text");
        if (kind == null) kind = Kind.TEXT;
    }

    public boolean isCaption() { return kind == Kind.CAPTION; }
    public boolean isMarker() { return kind == Kind.MARKER; }
}
