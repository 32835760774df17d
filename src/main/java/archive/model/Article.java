package archive.model;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One article of the paper as read from its seed file. Either half may be missing
 * (translation pending, original not yet transcribed) but not both.
 *
 * @param id      the permanent 16-hex identity from the file name; the article's URL
 * @param source  the seed file it was read from
 * @param date    date of the issue
 * @param page    page of the issue (第N版)
 * @param english the translation, or null when pending
 * @param chinese the original, or null when not yet transcribed
 */
public record Article(String id, Path source, LocalDate date, int page, EnglishText english, ChineseText chinese) {
    public static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

    public Article {
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("bad id: " + id);
        if (date == null) throw new IllegalArgumentException("date");
        if (page < 1) throw new IllegalArgumentException("page");
        if (english == null && chinese == null) throw new IllegalArgumentException("article has no text");
    }

    public boolean hasEnglish() { return english != null && !english.paragraphs().isEmpty(); }
    public boolean hasChinese() { return chinese != null && !chinese.paragraphs().isEmpty(); }

    public String section() { return chinese == null ? "" : chinese.section(); }
    public String column() { return chinese == null ? "" : chinese.column(); }
    public String author() { return english == null ? "" : english.author(); }

    /** English headline, or empty when the translation is pending. */
    public String title() { return english == null ? "" : english.title(); }

    /** Chinese headline on one line, or empty when the original is missing. */
    public String headline() { return chinese == null ? "" : chinese.headline(); }

    public List<Paragraph> enParagraphs() { return english == null ? List.of() : english.paragraphs(); }
    public List<Paragraph> zhParagraphs() { return chinese == null ? List.of() : chinese.paragraphs(); }

    /** Every dateline in the article, Chinese first, in paragraph order. */
    public List<Dateline> datelines() {
        List<Dateline> out = new ArrayList<>();
        for (Paragraph p : zhParagraphs()) if (p.dateline() != null) out.add(p.dateline());
        for (Paragraph p : enParagraphs()) if (p.dateline() != null) out.add(p.dateline());
        return out;
    }
}
