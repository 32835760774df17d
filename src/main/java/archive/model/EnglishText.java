package archive.model;

import java.util.List;

/** The English translation of an article: headline, author (may be empty) and paragraphs. */
public record EnglishText(String title, String author, List<Paragraph> paragraphs) {
    public EnglishText {
        title = title == null ? "" : title;
        author = author == null ? "" : author;
        paragraphs = List.copyOf(paragraphs);
    }

    public boolean hasTitle() { return !title.isBlank(); }
}
