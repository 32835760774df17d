package archive.source;

import archive.diag.Diagnostic;
import archive.diag.Diagnostics;
import archive.model.Article;
import archive.model.Paragraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SeedParserTest {
    private static final Path SEEDS = Path.of("seeds");
    private final SeedReader reader = new SeedReader();

    private static Article parse(String text, Diagnostics d) {
        return new SeedParser().parse(Path.of("seeds/000_0123456789abcdef.txt"), "0123456789abcdef", text, d);
    }

    private static Article parseOk(String text) {
        Diagnostics d = new Diagnostics();
        Article a = parse(text, d);
        assertTrue(d.errors().isEmpty(), () -> "unexpected errors: " + d.errors());
        assertNotNull(a);
        return a;
    }

    private static Diagnostic onlyError(String text) {
        Diagnostics d = new Diagnostics();
        assertNull(parse(text, d));
        assertEquals(1, d.errors().size(), () -> "errors: " + d.errors());
        return d.errors().get(0);
    }

    private static final String GOOD = """
            Title: A headline
            Author:
            Date: 1959-03-02
            Page: 1

            Xinhua News Agency, Taiyuan, 1st – First paragraph with 3,500 people.

            Second paragraph.

            <hr />

            Original:

            ### 第一行　口号  第二行

            1959-03-02
            第1版()
            专栏：

                第一行　口号
                第二行
                据新华社太原1日电　第一段，三千五百多人。
                第二段。
            """;

    @Test
    void allFiveSeedsParseWithTheirFields() {
        Diagnostics d = new Diagnostics();
        List<Article> all = reader.readAll(SEEDS, d);
        assertEquals(List.of(), d.errors());
        assertEquals(5, all.size());
        Article a = all.stream().filter(x -> x.id().equals("119a5904f4221201")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(1959, 3, 2), a.date());
        assertEquals(1, a.page());
        assertTrue(a.title().startsWith("Overwhelming Enthusiasm, Exhaustive Measures"));
        assertEquals("", a.author());
        assertEquals(List.of("干劲排山倒海　措施千方百计", "时间分秒必争　指标超额完成", "太原本溪誓师大战三月份，确保完成全年计划"), a.chinese().deck());
        assertEquals(5, a.enParagraphs().size());
        assertEquals(5, a.zhParagraphs().size());
        assertTrue(a.zhParagraphs().get(0).text().startsWith("据新华社太原1日电"));
        assertEquals("据新华社太原1日电", a.zhParagraphs().get(0).dateline().text());
        assertEquals("太原", a.zhParagraphs().get(0).dateline().place());
        assertEquals("本溪", a.zhParagraphs().get(2).dateline().place());
        assertEquals("Taiyuan", a.enParagraphs().get(0).dateline().place());
        assertEquals("", a.section());
        assertEquals("", a.column());

        Article beijing = all.stream().filter(x -> x.id().equals("32458be4526a5db2")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(1959, 2, 3), beijing.date());
        assertEquals(3, beijing.chinese().deck().size());
        assertNull(beijing.zhParagraphs().get(0).dateline().place(), "新华社2日讯 names no place");
        assertNull(beijing.enParagraphs().get(0).dateline().place(), "'February 2nd' is not a place");

        Article photo = all.stream().filter(x -> x.id().equals("6978820e8452eed3")).findFirst().orElseThrow();
        assertEquals(Paragraph.Kind.CAPTION, photo.enParagraphs().get(photo.enParagraphs().size() - 1).kind());
        assertEquals(Paragraph.Kind.CAPTION, photo.zhParagraphs().get(photo.zhParagraphs().size() - 1).kind());
        assertEquals(photo.enParagraphs().size(), photo.zhParagraphs().size());

        List<String> order = all.stream().map(Article::id).toList();
        assertEquals(List.of("1012f6d7e23636c3", "32458be4526a5db2", "119a5904f4221201", "009ed611b62df4eb", "6978820e8452eed3"),
                order, "sorted by date, page, id");
    }

    @Test
    void acceptsCrlfBomTrailingSpacesAndMissingBlankLines() {
        String messy = "\uFEFF" + GOOD.replace("\n\n", "\n\n\n").replace("\n", "  \r\n")
                .replace("Author:  \r\n\r\n\r\n", "Author:  \r\n");
        Diagnostics d = new Diagnostics();
        Article a = parseOk(SourceText.decode(Path.of("x.txt"), messy.getBytes(StandardCharsets.UTF_8), d));
        assertEquals(List.of(), d.all());
        assertEquals(2, a.enParagraphs().size());
        assertEquals(2, a.zhParagraphs().size());
        assertEquals("A headline", a.title());
        assertEquals(List.of("第一行　口号", "第二行"), a.chinese().deck());
        Article tight = parseOk(GOOD.replace("Page: 1\n\n", "Page: 1\n"));
        assertEquals(2, tight.enParagraphs().size());
    }

    @Test
    void acceptsSectionColumnAuthorAndIdeographicIndent() {
        Article a = parseOk(GOOD.replace("第1版()", "第1版(要闻)").replace("专栏：", "专栏：工业战线").replace("Author:", "Author: Xinhua")
                .replace("    第二段。", "\u3000\u3000第二段。"));
        assertEquals("要闻", a.section());
        assertEquals("工业战线", a.column());
        assertEquals("Xinhua", a.author());
        assertEquals("第二段。", a.zhParagraphs().get(1).text());
    }

    @Test
    void acceptsEnglishOnlyAndChineseOnly() {
        Article en = parseOk(GOOD.substring(0, GOOD.indexOf("<hr />")));
        assertTrue(en.hasEnglish());
        assertFalse(en.hasChinese());
        Article zh = parseOk(GOOD.substring(GOOD.indexOf("Original:")));
        assertFalse(zh.hasEnglish());
        assertEquals(LocalDate.of(1959, 3, 2), zh.date());
        assertEquals(1, zh.page());
        assertEquals(2, zh.zhParagraphs().size());
    }

    @Test
    void captionsAndMarkersAreRecognised() {
        Article a = parseOk(GOOD.replace("Second paragraph.", "(Attached picture)")
                .replace("    第二段。", "    工人在装配机床　楚英摄"));
        assertEquals(Paragraph.Kind.MARKER, a.enParagraphs().get(1).kind());
        assertEquals(Paragraph.Kind.CAPTION, a.zhParagraphs().get(1).kind());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            impossible date        | Date: 1959-03-02 | Date: 1959-02-30 | 3  | 1959-02-30 is impossible
            malformed date         | Date: 1959-03-02 | Date: March 1959 | 3  | is not a date; write it as YYYY-MM-DD
            page not positive      | Page: 1          | Page: 0          | 4  | is not a positive number
            page not a number      | Page: 1          | Page: one        | 4  | is not a positive number
            dates disagree         | 专栏：           | 专栏：           | 16 | disagrees with the English `Date: 1959-03-02` on line 3
            impossible Chinese date| 专栏：           | 专栏：           | 16 | 1959-02-29 is impossible
            Chinese page disagrees | 专栏：           | 专栏：           | 17 | the Chinese page 第2版 disagrees
            """)
    void reportsErrorsWithFileAndLine(String name, String from, String to, int line, String message) {
        String text = GOOD.replace(from, to);
        if (name.equals("dates disagree")) text = GOOD.replace("\n1959-03-02\n第1版", "\n1959-03-03\n第1版");
        if (name.equals("impossible Chinese date")) text = GOOD.replace("\n1959-03-02\n第1版", "\n1959-02-29\n第1版");
        if (name.equals("Chinese page disagrees")) text = GOOD.replace("第1版()", "第2版()");
        Diagnostic e = onlyError(text);
        assertEquals(line, e.line(), e::format);
        assertTrue(e.message().contains(message), e::format);
        assertTrue(e.format().startsWith("seeds/000_0123456789abcdef.txt:" + line + ": "), e::format);
    }

    @Test
    void anotherFilesErrorNeverDropsAValidArticle() throws Exception {
        // Seeds are parsed in parallel into one collector: other files' errors arrive at any moment,
        // also while this file is being parsed. A valid article must be built every time.
        Diagnostics shared = new Diagnostics();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread other = new Thread(() -> {
            for (int i = 0; !done.get() && i < 20_000; i++) {
                shared.error(Path.of("seeds/999_ffffffffffffffff.txt"), i, "another file's error");
                java.util.concurrent.locks.LockSupport.parkNanos(20_000);
            }
        });
        other.start();
        try {
            long dropped = java.util.stream.IntStream.range(0, 2000).parallel()
                    .filter(i -> parse(GOOD, shared) == null).count();
            assertEquals(0, dropped, "valid articles dropped because of another file's errors");
        } finally {
            done.set(true);
            other.join();
        }
    }

    @Test
    void noHeadlineInEitherLanguageIsAnError() {
        Diagnostic e = onlyError(GOOD.replace("Title: A headline", "Title:").replace("### 第一行　口号  第二行\n", ""));
        assertTrue(e.message().contains("no headline in either language"), e::format);
        assertEquals(1, e.line());
    }

    @Test
    void missingDateIsAnError() {
        Diagnostics d = new Diagnostics();
        assertNull(parse(GOOD.replace("Date: 1959-03-02\n", "").replace("1959-03-02\n第1版", "第1版"), d));
        assertTrue(d.errors().stream().anyMatch(x -> x.message().contains("missing `Date:`")), d.errors()::toString);
    }

    @Test
    void oneFileReportsAllItsErrors() {
        Diagnostics d = new Diagnostics();
        parse(GOOD.replace("Date: 1959-03-02", "Date: 1959-02-30").replace("Page: 1", "Page: -3"), d);
        assertEquals(2, d.errors().size(), d.errors()::toString);
    }

    @Test
    void invalidUtf8NamesTheByteOffset(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 1];
        System.arraycopy(good, 0, bad, 0, 20);
        bad[20] = (byte) 0xFF;
        System.arraycopy(good, 20, bad, 21, good.length - 20);
        Path f = dir.resolve("000_0123456789abcdef.txt");
        Files.write(f, bad);
        Diagnostics d = new Diagnostics();
        assertNull(reader.read(f, d));
        assertTrue(d.errors().get(0).message().contains("not valid UTF-8 at byte offset 20"), d.errors()::toString);
        assertEquals(2, d.errors().get(0).line());
    }

    @Test
    void gbkFileIsRecognised(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("000_0123456789abcdef.txt");
        Files.write(f, GOOD.getBytes(Charset.forName("GBK")));
        Diagnostics d = new Diagnostics();
        assertNull(reader.read(f, d));
        assertTrue(d.errors().get(0).message().contains("GBK"), d.errors()::toString);
    }

    @Test
    void controlCharactersAreRemovedWithAWarning() {
        Diagnostics d = new Diagnostics();
        String text = SourceText.decode(Path.of("x.txt"), GOOD.replace("First paragraph", "First\u202E para\u0000graph")
                .getBytes(StandardCharsets.UTF_8), d);
        Article a = parse(text, d);
        assertTrue(a.enParagraphs().get(0).text().contains("First paragraph"));
        assertEquals(1, d.warnings().size());
        assertEquals(6, d.warnings().get(0).line());
    }

    @Test
    void badFileNamesAndDuplicateIdsAreErrors(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("000_0123456789abcdef.txt"), GOOD);
        Files.writeString(dir.resolve("001_0123456789abcdef.txt"), GOOD);
        Files.writeString(dir.resolve("002_0123456789ABCDEF.txt"), GOOD);
        Files.writeString(dir.resolve("003_12345.txt"), GOOD);
        Diagnostics d = new Diagnostics();
        List<Article> all = reader.readAll(dir, d);
        assertEquals(List.of("000_0123456789abcdef.txt"), all.stream().map(a -> a.source().getFileName().toString()).toList());
        List<String> messages = d.errors().stream().map(Diagnostic::format).toList();
        assertEquals(3, messages.size(), messages::toString);
        assertTrue(messages.get(0).contains("001_0123456789abcdef.txt: the id 0123456789abcdef is already used by 000_"), messages::toString);
        assertTrue(messages.get(1).contains("002_0123456789ABCDEF.txt: bad seed file name: the id must be written in lowercase"), messages::toString);
        assertTrue(messages.get(2).contains("003_12345.txt: bad seed file name"), messages::toString);
    }
}
