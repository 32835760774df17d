package archive.model;

import java.util.List;

/**
 * The Chinese original: the headline as its deck lines, the page's section and column
 * (both often empty), and the body paragraphs (the repeated deck lines removed).
 */
public record ChineseText(List<String> deck, String section, String column, List<Paragraph> paragraphs) {
    public ChineseText {
        deck = List.copyOf(deck);
        section = section == null ? "" : section;
        column = column == null ? "" : column;
        paragraphs = List.copyOf(paragraphs);
    }

    /** The headline on one line, deck lines separated by a space. */
    public String headline() { return String.join(" ", deck); }

    public boolean hasHeadline() { return !deck.isEmpty(); }
}
