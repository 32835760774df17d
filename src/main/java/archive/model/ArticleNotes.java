package archive.model;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The editors' notes on one article (seeds/NNN_id.notes.md). The Markdown is kept whole, with
 * the {@code By:} line blanked, so that rendering it once gives unique footnote ids and line
 * numbers that are the notes file's own.
 *
 * @param by             who wrote the notes, or empty
 * @param written        when, or null
 * @param markdown       the whole file; text before the first {@code ## pN} heading is the introduction
 * @param paragraphNotes the {@code ## pN} sections in file order
 */
public record ArticleNotes(Path file, String by, LocalDate written, String markdown,
                           List<ParagraphNote> paragraphNotes) {
    public ArticleNotes {
        by = by == null ? "" : by;
        paragraphNotes = List.copyOf(paragraphNotes);
    }

    /** A section headed {@code ## pN}, at 1-based {@code line} of the notes file. */
    public record ParagraphNote(int paragraph, int line) {}
}
