package archive.source;

import archive.diag.Diagnostics;
import archive.model.ArticleNotes;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an article's notes file: an optional first line {@code By: NAME, YYYY-MM-DD}, an
 * introduction, then sections headed {@code ## pN}. Whether pN exists is checked later, against
 * the article's rows.
 */
public final class NotesParser {
    private static final Pattern BY = Pattern.compile("By:\\s*(.+?),\\s*(\\d{4})-(\\d{2})-(\\d{2})\\s*");
    private static final Pattern SECTION = Pattern.compile("##\\s+(.*?)\\s*#*\\s*");
    private static final Pattern PARAGRAPH = Pattern.compile("p([1-9]\\d{0,4})");
    private static final Pattern FENCE = Pattern.compile("\\s{0,3}(```|~~~).*");

    public ArticleNotes read(Path file, Diagnostics diags) {
        String text = SourceText.readText(file, diags);
        return text == null ? null : parse(file, text, diags);
    }

    public ArticleNotes parse(Path file, String text, Diagnostics diags) {
        String[] lines = text.split("\n", -1);
        String by = "";
        LocalDate written = null;
        if (lines.length > 0 && lines[0].startsWith("By:")) {
            Matcher m = BY.matcher(lines[0]);
            if (!m.matches()) {
                diags.error(file, 1, "malformed `By:` line; write `By: NAME, YYYY-MM-DD`, for example `By: Archive editors, 2026-11-21`");
            } else {
                try {
                    written = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                    by = m.group(1).strip();
                } catch (DateTimeException e) {
                    diags.error(file, 1, "the date in the `By:` line is impossible; write `By: NAME, YYYY-MM-DD`");
                }
            }
            lines[0] = "";
        }
        List<ArticleNotes.ParagraphNote> notes = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (FENCE.matcher(l).matches()) inFence = !inFence;
            Matcher s = SECTION.matcher(l);
            if (!inFence && s.matches()) {
                Matcher p = PARAGRAPH.matcher(s.group(1));
                if (!p.matches()) {
                    diags.error(file, i + 1, "the heading \"" + l.strip() + "\" is not a paragraph note; head a note on "
                            + "paragraph 3 with `## p3` (use ### for headings inside a note)");
                    continue;
                }
                int n = Integer.parseInt(p.group(1));
                if (!seen.add(n)) {
                    diags.error(file, i + 1, "a second note on paragraph " + n + "; merge the two `## p" + n + "` sections");
                    continue;
                }
                notes.add(new ArticleNotes.ParagraphNote(n, i + 1));
            }
        }
        return new ArticleNotes(file, by, written, String.join("\n", lines), notes);
    }
}
