package archive.source;

import archive.diag.Diagnostics;
import archive.model.Article;
import archive.model.ChineseText;
import archive.model.EnglishText;
import archive.model.Paragraph;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one seed file (format: docs/seed-format.md) into an {@link Article}.
 * Every problem is reported to {@link Diagnostics} with the file's own line numbers;
 * the parser keeps going so one build can report all of them.
 */
public final class SeedParser {
    private static final Pattern HEADER = Pattern.compile("(Title|Author|Date|Page):(.*)");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern PAGE_LINE = Pattern.compile("第\\s*(\\S*?)\\s*版\\s*[(（](.*)[)）]\\s*|第\\s*(\\S*?)\\s*版\\s*");
    private static final Pattern COLUMN_LINE = Pattern.compile("专栏[：:](.*)");
    private static final Pattern HR = Pattern.compile("\\s*<hr\\s*/?>\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL = Pattern.compile("Original:\\s*");
    /** Two or more ASCII spaces separate the deck lines of the Chinese headline. */
    private static final Pattern DECK_SEPARATOR = Pattern.compile(" {2,}");

    private final DatelineDetector datelines = new DatelineDetector();

    /** Lines of the file, 1-based line numbers kept alongside. */
    private record Line(int number, String text) {
        boolean blank() { return text.isBlank(); }
        String trimmed() { return text.strip(); }
    }

    /**
     * Parses {@code text} (already decoded) of the seed {@code file} whose id is {@code id}.
     * Returns null when the article cannot be built; the reasons are in {@code diags}.
     */
    public Article parse(Path file, String id, String text, Diagnostics diags) {
        // This file's problems are collected apart: seeds are parsed in parallel, and whether this
        // article is built must depend on its own errors only, never on another file's.
        Diagnostics own = new Diagnostics();
        Article article = parseFile(file, id, text, own);
        diags.addAll(own);
        return own.hasErrors() ? null : article;
    }

    private Article parseFile(Path file, String id, String text, Diagnostics diags) {
        String[] raw = text.split("\n", -1);
        List<Line> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) lines.add(new Line(i + 1, raw[i]));

        int hr = indexOf(lines, 0, l -> HR.matcher(l.text()).matches());
        int original = indexOf(lines, 0, l -> ORIGINAL.matcher(l.text().strip()).matches() && l.text().startsWith("Original:"));
        int firstContent = indexOf(lines, 0, l -> !l.blank());
        if (firstContent < 0) {
            diags.error(file, 1, "the file is empty; write the English half (Title:, Author:, Date:, Page:, paragraphs) "
                    + "and/or the Chinese half after `Original:`");
            return null;
        }
        boolean hasEnglishHalf = lines.get(firstContent).text().startsWith("Title:")
                || HEADER.matcher(lines.get(firstContent).text()).lookingAt();
        int englishEnd = hr >= 0 ? hr : (original >= 0 ? original : lines.size());
        if (hasEnglishHalf && original >= 0 && original < englishEnd) englishEnd = original;
        if (!hasEnglishHalf && original < 0) {
            diags.error(file, lines.get(firstContent).number(), "expected `Title:` to start the English half or "
                    + "`Original:` to start the Chinese half, found \"" + abbreviate(lines.get(firstContent).trimmed()) + "\"");
            return null;
        }

        EnglishHalf en = hasEnglishHalf ? parseEnglish(file, lines.subList(firstContent, englishEnd), diags) : null;
        ChineseHalf zh = null;
        if (original >= 0) {
            zh = parseChinese(file, lines.subList(original + 1, lines.size()), lines.get(original).number(), diags);
        } else if (hr >= 0 && indexOf(lines, hr + 1, l -> !l.blank()) >= 0) {
            Line stray = lines.get(indexOf(lines, hr + 1, l -> !l.blank()));
            diags.error(file, stray.number(), "text after `<hr />` but no `Original:` line; "
                    + "start the Chinese half with a line `Original:`");
        }

        LocalDate date = en != null ? en.date : null;
        int dateLine = en != null ? en.dateLine : 0;
        if (zh != null && zh.date != null) {
            if (date != null && !date.equals(zh.date)) {
                diags.error(file, zh.dateLine, "the Chinese date " + zh.date + " disagrees with the English `Date: "
                        + date + "` on line " + dateLine + "; correct whichever is wrong");
            }
            if (date == null) { date = zh.date; }
        }
        if (date == null && (en == null || en.dateLine == 0) && (zh == null || zh.dateLine == 0)) {
            diags.error(file, en != null ? en.headerStart : (zh != null ? zh.startLine : 1),
                    "no date: add a line `Date: YYYY-MM-DD` (English half) or the date line under the Chinese headline");
        }
        int page = en != null && en.page > 0 ? en.page : (zh != null ? zh.page : 0);
        if (page <= 0 && en != null && en.pageLine == 0 && (zh == null || zh.pageLine == 0)) {
            diags.error(file, en.headerStart, "no page: add a line `Page: N` after the `Date:` line");
        }
        if (en != null && zh != null && en.page > 0 && zh.page > 0 && en.page != zh.page) {
            diags.error(file, zh.pageLine, "the Chinese page 第" + zh.page + "版 disagrees with the English `Page: "
                    + en.page + "` on line " + en.pageLine + "; correct whichever is wrong");
        }
        boolean hasTitle = en != null && en.text.hasTitle();
        boolean hasHeadline = zh != null && zh.text.hasHeadline();
        if (!hasTitle && !hasHeadline) {
            diags.error(file, en != null ? en.headerStart : (zh != null ? zh.startLine : 1),
                    "no headline in either language: fill in `Title:` or the Chinese `### ` headline line");
        }
        if (en != null && zh != null && en.text.paragraphs().isEmpty() && zh.text.paragraphs().isEmpty()) {
            diags.error(file, en.headerStart, "the article has no paragraphs in either language");
        }
        if (diags.hasErrors() || date == null || page <= 0) return null;

        EnglishText english = en == null || (en.text.paragraphs().isEmpty() && !en.text.hasTitle()) ? null : en.text;
        ChineseText chinese = zh == null || (zh.text.paragraphs().isEmpty() && !zh.text.hasHeadline()) ? null : zh.text;
        if (english == null && chinese == null) {
            diags.error(file, 1, "the article has no text in either language");
            return null;
        }
        return new Article(id, file, date, page, english, chinese);
    }

    // ---- English half ------------------------------------------------------------------

    private static final class EnglishHalf {
        EnglishText text;
        LocalDate date;
        int dateLine, page, pageLine, headerStart;
    }

    private EnglishHalf parseEnglish(Path file, List<Line> lines, Diagnostics diags) {
        EnglishHalf half = new EnglishHalf();
        half.headerStart = lines.get(0).number();
        String title = null, author = null;
        String[] order = {"Title", "Author", "Date", "Page"};
        int expected = 0;
        int i = 0;
        for (; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.blank()) continue;
            Matcher m = HEADER.matcher(l.text());
            if (!m.matches() || expected >= order.length) break;
            String key = m.group(1), value = m.group(2).strip();
            int pos = List.of(order).indexOf(key);
            if (pos < expected) {
                diags.error(file, l.number(), "`" + key + ":` appears again or out of order; the English header is "
                        + "`Title:`, `Author:`, `Date:`, `Page:`, in that order, once each");
                continue;
            }
            for (int k = expected; k < pos; k++) {
                if (!order[k].equals("Author")) {
                    diags.error(file, l.number(), "missing `" + order[k] + ":` line before `" + key
                            + ":`; the English header is `Title:`, `Author:`, `Date:`, `Page:`, in that order");
                }
            }
            expected = pos + 1;
            switch (key) {
                case "Title" -> title = value;
                case "Author" -> author = value;
                case "Date" -> { half.dateLine = l.number(); half.date = parseDate(file, l.number(), value, "Date:", diags); }
                case "Page" -> { half.pageLine = l.number(); half.page = parsePage(file, l.number(), value, diags); }
                default -> throw new IllegalStateException(key);
            }
        }
        if (expected < order.length) {
            int at = i < lines.size() ? lines.get(i).number() : lines.get(lines.size() - 1).number();
            for (int k = expected; k < order.length; k++) {
                if (order[k].equals("Author")) continue;
                diags.error(file, at, "missing `" + order[k] + ":` line in the English header; the header is "
                        + "`Title:`, `Author:`, `Date:`, `Page:`, in that order");
            }
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (; i <= lines.size(); i++) {
            Line l = i < lines.size() ? lines.get(i) : null;
            if (l == null || l.blank()) {
                if (current != null) {
                    paragraphs.add(english(paragraphs.size() + 1, current.toString(), start));
                    current = null;
                }
                continue;
            }
            if (current == null) { current = new StringBuilder(l.trimmed()); start = l.number(); }
            else current.append(' ').append(l.trimmed());
        }
        half.text = new EnglishText(title, author, paragraphs);
        return half;
    }

    private Paragraph english(int number, String text, int line) {
        return new Paragraph(number, text, line, ParagraphKinds.english(text), datelines.english(text));
    }

    // ---- Chinese half ------------------------------------------------------------------

    private static final class ChineseHalf {
        ChineseText text;
        LocalDate date;
        int dateLine, page, pageLine, startLine;
    }

    private ChineseHalf parseChinese(Path file, List<Line> lines, int originalLine, Diagnostics diags) {
        ChineseHalf half = new ChineseHalf();
        half.startLine = originalLine;
        int i = indexOf(lines, 0, l -> !l.blank());
        List<String> deck = new ArrayList<>();
        if (i >= 0 && lines.get(i).text().startsWith("###")) {
            String headline = lines.get(i).text().substring(3).strip();
            for (String part : DECK_SEPARATOR.split(headline)) if (!part.isBlank()) deck.add(part.strip());
            i++;
        }
        String section = "", column = "";
        // The metadata lines (date, page, column) come in this order before the body; each is optional
        // here so that a damaged file still yields every error at once.
        int body = i < 0 ? lines.size() : i;
        for (int k = body; k < lines.size(); k++) {
            Line l = lines.get(k);
            if (l.blank()) { body = k + 1; continue; }
            if (isIndented(l.text())) break;
            String t = l.trimmed();
            Matcher pm = PAGE_LINE.matcher(t);
            Matcher cm = COLUMN_LINE.matcher(t);
            if (half.dateLine == 0 && ISO_DATE.matcher(t).matches()) {
                half.dateLine = l.number();
                half.date = parseDate(file, l.number(), t, "the Chinese date line", diags);
            } else if (half.dateLine == 0 && t.matches("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}[./]\\d{1,2}[./]\\d{1,2}")) {
                half.dateLine = l.number();
                diags.error(file, l.number(), "the Chinese date line \"" + t + "\" must be written YYYY-MM-DD, for example 1959-03-02");
            } else if (half.pageLine == 0 && pm.matches()) {
                half.pageLine = l.number();
                String number = pm.group(1) != null ? pm.group(1) : pm.group(3);
                section = pm.group(2) == null ? "" : pm.group(2).strip();
                half.page = parsePage(file, l.number(), number, diags);
            } else if (cm.matches()) {
                column = cm.group(1).strip();
            } else {
                break;
            }
            body = k + 1;
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        String deckRemaining = squash(String.join("", deck));
        boolean inDeck = !deckRemaining.isEmpty();
        for (int k = body; k < lines.size(); k++) {
            Line l = lines.get(k);
            if (l.blank()) continue;
            String t = stripIndent(l.text());
            if (inDeck) {
                String s = squash(t);
                if (!s.isEmpty() && deckRemaining.startsWith(s)) {
                    deckRemaining = deckRemaining.substring(s.length());
                    inDeck = !deckRemaining.isEmpty();
                    continue;
                }
                inDeck = false;
            }
            paragraphs.add(new Paragraph(paragraphs.size() + 1, t, l.number(),
                    ParagraphKinds.chinese(t), datelines.chinese(t)));
        }
        half.text = new ChineseText(deck, section, column, paragraphs);
        return half;
    }

    private static boolean isIndented(String s) {
        return s.startsWith("  ") || s.startsWith("\u3000") || s.startsWith("\t");
    }

    private static String stripIndent(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\u3000' || s.charAt(i) == '\t')) i++;
        return s.substring(i).strip();
    }

    /** The text without any white space, for comparing deck lines. */
    private static String squash(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isWhitespace(c) && c != '\u3000' && c != '\u00A0').forEach(sb::appendCodePoint);
        return sb.toString();
    }

    // ---- values ------------------------------------------------------------------------

    private static LocalDate parseDate(Path file, int line, String value, String what, Diagnostics diags) {
        Matcher m = ISO_DATE.matcher(value.strip());
        if (value.isBlank()) {
            diags.error(file, line, what + " is empty; write the date of the issue as YYYY-MM-DD, for example 1959-03-02");
            return null;
        }
        if (!m.matches()) {
            diags.error(file, line, what + " \"" + abbreviate(value) + "\" is not a date; write it as YYYY-MM-DD, for example 1959-03-02");
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            diags.error(file, line, what + " " + value.strip() + " is impossible (no such day in the calendar); "
                    + "check the day and month against the printed issue");
            return null;
        }
    }

    private static int parsePage(Path file, int line, String value, Diagnostics diags) {
        String v = value.strip();
        if (v.matches("\\d{1,4}")) {
            int n = Integer.parseInt(v);
            if (n > 0) return n;
        }
        diags.error(file, line, "the page \"" + abbreviate(v) + "\" is not a positive number; write the page of the issue, for example `Page: 1`");
        return 0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private interface LinePredicate { boolean test(Line l); }

    private static int indexOf(List<Line> lines, int from, LinePredicate p) {
        for (int i = Math.max(0, from); i < lines.size(); i++) if (p.test(lines.get(i))) return i;
        return -1;
    }
}
