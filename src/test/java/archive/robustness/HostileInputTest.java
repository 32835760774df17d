package archive.robustness;

import archive.diag.BuildFailedException;
import archive.fuzz.UrlAsBrowsersReadIt;
import archive.diag.Diagnostic;
import archive.source.SourceText;
import archive.testing.TestProject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs from careless or hostile hands, each through the real build: what the editor is told,
 * and what a reader of the built site sees. (Parser-level cases — invalid UTF-8 in a seed, a GBK
 * seed, bad names and duplicate ids — are in SeedParserTest.)
 */
class HostileInputTest {
    private final List<TestProject> projects = new ArrayList<>();

    private TestProject project() {
        TestProject p = Fixtures.project();
        projects.add(p);
        return p;
    }

    @AfterEach
    void cleanUp() {
        projects.forEach(p -> TestProject.delete(p.root));
    }

    private static List<String> messages(BuildFailedException e) {
        return e.errors().stream().map(Diagnostic::format).toList();
    }

    private static boolean anyContains(List<String> messages, String... parts) {
        return messages.stream().anyMatch(m -> Stream.of(parts).allMatch(m::contains));
    }

    // ---- bytes that are not text -------------------------------------------------------------

    @Test
    void binaryGarbageIsRefusedNamingTheFirstBadByte() {
        byte[] garbage = new byte[64 * 1024];
        new Random(8).nextBytes(garbage);
        TestProject p = project().write("seeds/" + Fixtures.SEED, garbage);
        List<String> ms = messages(p.buildFails());
        int offset = firstMalformedByte(garbage);
        assertTrue(anyContains(ms, Fixtures.SEED, "not valid UTF-8 at byte offset " + offset + ";", "re-save it as UTF-8"), ms::toString);
        assertFalse(Files.exists(p.site()), "a failed build writes nothing");
    }

    @Test
    void invalidUtf8InNotesDataAndPagesNamesTheByteOffsetToo() {
        byte[] bad = "# Title\n\nabc\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        TestProject p = project().write("seeds/" + Fixtures.SEED, Fixtures.goodSeed())
                .write("seeds/000_" + Fixtures.ID + ".notes.md", bad)
                .write("pages/about.md", bad)
                .write("data/places.yaml", concat(Fixtures.PLACES.getBytes(StandardCharsets.UTF_8), new byte[]{'#', (byte) 0xE9, '\n'}));
        List<String> ms = messages(p.buildFails());
        assertTrue(anyContains(ms, ".notes.md:3: not valid UTF-8 at byte offset 12"), ms::toString);
        assertTrue(anyContains(ms, "about.md:3: not valid UTF-8 at byte offset 12"), ms::toString);
        int line = (int) Fixtures.PLACES.lines().count() + 1, offset = Fixtures.PLACES.getBytes(StandardCharsets.UTF_8).length + 1;
        assertTrue(anyContains(ms, "places.yaml:" + line + ": not valid UTF-8 at byte offset " + offset + ";"), ms::toString);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int firstMalformedByte(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(in, CharBuffer.allocate(bytes.length + 1), true);
        assertTrue(r.isError());
        return in.position();
    }

    // ---- size --------------------------------------------------------------------------------

    @Test
    void aTwentyMegabyteFileIsRefusedBeforeItIsRead() {
        byte[] big = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        TestProject p = project().write("seeds/" + Fixtures.SEED, big)
                .write("seeds/001_00000000000000aa.txt", Fixtures.goodSeed())
                .write("seeds/001_00000000000000aa.notes.md", big)
                .write("data/glossary.yaml", big);
        List<String> ms = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> messages(p.buildFails()));
        String limit = "file is 20971520 bytes, more than the limit of " + SourceText.MAX_BYTES + " bytes";
        assertTrue(anyContains(ms, Fixtures.SEED + ": " + limit), ms::toString);
        assertTrue(anyContains(ms, "001_00000000000000aa.notes.md: " + limit), ms::toString);
        assertTrue(anyContains(ms, "glossary.yaml: " + limit), ms::toString);
    }

    /**
     * A 2 MB paragraph full of terms, places and blockers goes through reading, alignment, matching
     * and rendering: nothing on the way is quadratic. (The bound is a hang guard, not a speed target.)
     */
    @Test
    void aTwoMegabyteParagraphGoesThroughTheWholeBuild() {
        String zhUnit = "太原市举行大跃进誓师大会，太原来的代表三千五百人，钢铁产量翻一番。";
        String enUnit = "Taiyuan held a Great Leap Forward rally with 3,500 people; steel output doubled. ";
        String zh = zhUnit.repeat(2 * 1024 * 1024 / zhUnit.getBytes(StandardCharsets.UTF_8).length);
        String en = enUnit.repeat(1024 * 1024 / enUnit.length());
        TestProject p = project().write("seeds/" + Fixtures.SEED, Fixtures.seed(
                new String[]{en, "A second English paragraph.", "A third."}, new String[]{zh}));
        assertTrue(zh.getBytes(StandardCharsets.UTF_8).length > 2_000_000);
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> { p.build(); });
        Document page = p.page("articles/" + Fixtures.ID + "/");
        int units = zh.length() / zhUnit.length();
        // Every 太原市 and 大跃进 is linked; 太原来 is a blocker, so the second 太原 of each unit is not.
        assertEquals(units * 2, page.select("div.zh a.term, div.zh a.place").size(), "links in the Chinese paragraph");
        assertEquals(3, page.select("div.en p").size(), "every English paragraph is shown once");
    }

    @Test
    void thousandsOfUnequalParagraphsAreAlignedInBoundedTime() {
        String[] zh = new String[2400], en = new String[1600];
        for (int i = 0; i < zh.length; i++) zh[i] = "第" + i + "段。";
        for (int i = 0; i < en.length; i++) en[i] = "Paragraph " + i + ".";
        TestProject p = project().write("seeds/" + Fixtures.SEED, Fixtures.seed(en, zh));
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> { p.build(); });
        Document page = p.page("articles/" + Fixtures.ID + "/");
        assertEquals(2400, page.select("div.zh p").size(), "every Chinese paragraph is shown once");
        assertEquals(1600, page.select("div.en p").size(), "every English paragraph is shown once");
    }

    // ---- file names and links out of the folder ------------------------------------------------

    @Test
    void badlyNamedSeedsAreRefusedAndOthersIgnored() {
        TestProject p = project().write("seeds/" + Fixtures.SEED, Fixtures.goodSeed())
                .write("seeds/notes.txt", Fixtures.goodSeed())
                .write("seeds/000_0123456789abcdeg.txt", Fixtures.goodSeed())
                .write("seeds/000_0123456789abcdef.txt.bak", Fixtures.goodSeed());
        List<String> ms = messages(p.buildFails());
        assertTrue(anyContains(ms, "notes.txt: bad seed file name: rename it NNN_<id>.txt"), ms::toString);
        assertTrue(anyContains(ms, "000_0123456789abcdeg.txt: bad seed file name"), ms::toString);
        assertEquals(2, ms.size(), ms::toString);
    }

    /** Links are how a file name "escapes the folder": a seed, notes or page that links outside is refused. */
    @Test
    void symbolicLinksOutOfTheProjectAreRefusedAndNothingOfTheirTargetIsPublished() throws IOException {
        Path secret = Files.createTempFile("secret", ".txt");
        try {
            Files.writeString(secret, "TOP-SECRET-CONTENT\n" + Fixtures.goodSeed());
            TestProject p = project().write("seeds/001_00000000000000aa.txt", Fixtures.goodSeed());
            Files.createSymbolicLink(p.root.resolve("seeds/" + Fixtures.SEED), secret);
            Files.createSymbolicLink(p.root.resolve("seeds/001_00000000000000aa.notes.md"), secret);
            Files.createSymbolicLink(p.root.resolve("pages/leak.md"), secret);
            List<String> ms = messages(p.buildFails());
            assertTrue(anyContains(ms, Fixtures.SEED + ": seed files must be plain files, not symbolic links"), ms::toString);
            assertTrue(anyContains(ms, ".notes.md: notes and overrides must be plain files, not symbolic links"), ms::toString);
            assertTrue(anyContains(ms, "leak.md: pages must be plain files, not symbolic links"), ms::toString);
            assertFalse(Files.exists(p.site()));
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    // ---- invisible characters ----------------------------------------------------------------

    private static final String INVISIBLE = "\u0000\u0007\u001b\u202e\u2066\u200f\u0085";

    /**
     * NUL, bell, escape, right-to-left override and isolate, RLM and NEL in every kind of input —
     * raw, or written as escapes that only decode later (YAML "\u202E", Markdown &amp;#x202E;) —
     * never reach a page. The raw ones are reported to the editor.
     */
    @Test
    void controlAndBidiCharactersNeverReachAPage() throws IOException {
        String evil = "ev" + INVISIBLE + "il";
        TestProject p = project()
                .write("seeds/" + Fixtures.SEED, Fixtures.seed(new String[]{"Taiyuan " + evil + " rally.", "Second."},
                        new String[]{"太原" + evil + "大会。", "第二段。"}).replace("Title: Taiyuan rally", "Title: Taiyuan " + evil))
                .write("seeds/000_" + Fixtures.ID + ".notes.md", "By: Ed" + evil + ", 2026-11-21\n\nIntro " + evil
                        + " &#x202E;x&#0;y&#8238;z&#x2066;\n\n## p1\nNote " + evil + "\n")
                .write("pages/about.md", "# About " + evil + "\n\nText &#x202e; " + evil + "\n")
                .write("data/glossary.yaml", Fixtures.GLOSSARY.replace("gloss: great leap forward",
                        "gloss: \"great\\u202Eleap\\x00forward\\u2066\""));
        var result = p.build();
        assertTrue(result.diagnostics().warnings().stream().anyMatch(d -> d.message().contains("invisible control character")));
        List<Path> pages;
        try (Stream<Path> s = Files.walk(p.site())) {
            pages = s.filter(f -> f.toString().endsWith(".html")).toList();
        }
        assertTrue(pages.size() > 10);
        for (Path f : pages) {
            String html = Files.readString(f);
            html.codePoints().forEach(c -> assertFalse(SourceText.isInvisibleControl(c),
                    () -> f + " contains U+" + Integer.toHexString(c)));
            for (String ref : List.of("&#x202e;", "&#8238;", "&#0;", "&#x2066;", "&#x0;")) {
                assertFalse(html.toLowerCase().contains(ref), () -> f + " contains " + ref);
            }
        }
        Document article = p.page("articles/" + Fixtures.ID + "/");
        assertTrue(article.select("h1.title-en").text().contains("Taiyuan evil"), article.select("h1").text());
        assertTrue(article.select(".introduction").text().contains("Intro evil x"), article.select(".introduction").text());
        assertTrue(p.page("about/").select("h1").text().contains("About evil"));
        assertTrue(p.page("glossary/great-leap-forward/").text().contains("greatleapforward"));
    }

    // ---- links in editors' Markdown ------------------------------------------------------------

    private static final String HOSTILE_MARKDOWN = """
            [one](javascript:alert(1)) [two](JaVaScRiPt:alert(2)) [three]( javascript:alert(3))
            [four](java&#09;script:alert(4)) [five](&#106;avascript:alert(5)) [six](vbscript:msgbox(6))
            [seven](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==) ![eight](data:image/svg+xml,<svg onload=alert(8)>)
            <javascript:alert(9)> [ten][r] <a href="javascript:alert(11)">eleven</a> <img src=x onerror=alert(12)>
            <script>alert(13)</script> [fourteen](\\javascript:alert(14)) [fifteen](%6Aavascript:alert(15))

            [r]: javascript:alert(10)
            """;

    /** Every hostile link variant loses its URL; the words stay; raw HTML shows as text, inert. */
    @Test
    void javascriptAndDataUrlsInEditorsMarkdownAreRemoved() throws IOException {
        TestProject p = project()
                .write("seeds/" + Fixtures.SEED, Fixtures.goodSeed())
                .write("seeds/000_" + Fixtures.ID + ".notes.md", "Intro.\n\n" + HOSTILE_MARKDOWN + "\n## p1\n" + HOSTILE_MARKDOWN)
                .write("pages/about.md", "# About\n\n" + HOSTILE_MARKDOWN)
                .write("data/glossary.yaml", Fixtures.GLOSSARY.replace("explanation: The campaign of 1958–1960.",
                        "explanation: |\n" + HOSTILE_MARKDOWN.indent(4).stripTrailing()));
        p.build();
        for (String path : List.of("articles/" + Fixtures.ID + "/", "about/", "glossary/great-leap-forward/")) {
            Document page = p.page(path);
            for (Element e : page.getAllElements()) {
                e.attributes().forEach(a -> {
                    String v = UrlAsBrowsersReadIt.normalise(a.getValue());
                    assertFalse(v.startsWith("javascript:") || v.startsWith("data:") || v.startsWith("vbscript:"),
                            () -> path + ": " + e.tagName() + " " + a);
                    assertFalse(a.getKey().toLowerCase().startsWith("on"), () -> path + ": event handler " + a);
                });
            }
            assertTrue(page.select("script").stream().allMatch(s -> s.hasAttr("src") || !s.data().contains("alert")),
                    () -> path + " runs an editor's script");
            for (String word : List.of("one", "two", "six", "seven", "ten", "fourteen")) {
                assertTrue(page.text().contains(word), () -> path + " lost the link text " + word);
            }
        }
    }

    /**
     * flexmark 0.64.8 reads "\\!" two ways inside a link label: after an unclosed "[", 30 such pairs
     * took it 112 s and every pair doubles it. The build refuses them at once instead.
     */
    @Test
    void manyBackslashesAfterABracketAreRefusedInsteadOfHangingTheParser() {
        TestProject p = project().write("seeds/" + Fixtures.SEED, Fixtures.goodSeed())
                .write("seeds/000_" + Fixtures.ID + ".notes.md", "Intro.\n\n## p1\nSee [" + "\\!".repeat(60) + "\n")
                .write("pages/about.md", "# About\n\ntext\n\n[" + "\\".repeat(200) + "\n");
        List<String> ms = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> messages(p.buildFails()));
        assertTrue(anyContains(ms, ".notes.md:4: more than 16 backslashes after a `[`"), ms::toString);
        assertTrue(anyContains(ms, "about.md:5: more than 16 backslashes after a `[`"), ms::toString);
    }

    // ---- data that would link half the text, or blow up ---------------------------------------

    @Test
    void oneCharacterFormsAreRefused() {
        TestProject p = project().write("seeds/" + Fixtures.SEED, Fixtures.goodSeed())
                .write("data/glossary.yaml", Fixtures.GLOSSARY.replace("zh: [大跃进]", "zh: [大跃进, 跃]")
                        .replace("en: [Great Leap Forward]", "en: [Great Leap Forward, a]"))
                .write("data/places.yaml", Fixtures.PLACES.replace("zh: 太原市", "zh: 并").replace("short: [太原]", "short: [原]"));
        List<String> ms = messages(p.buildFails());
        assertTrue(anyContains(ms, "glossary.yaml:3: the Chinese form \"跃\" is one character long: it would link half the text"), ms::toString);
        assertTrue(anyContains(ms, "glossary.yaml:5: the English form \"a\" is one character long"), ms::toString);
        assertTrue(anyContains(ms, "places.yaml:3: the Chinese name \"并\" is one character long"), ms::toString);
        assertTrue(anyContains(ms, "places.yaml:4: the short form \"原\" is one character long"), ms::toString);
    }

    /** "Billion laughs": nine levels of nine aliases would be 387 million strings. */
    @Test
    void aYamlBombIsRefusedQuickly() {
        StringBuilder bomb = new StringBuilder("- slug: bomb\n  kind: term\n  zh: [炸弹]\n  gloss: g\n  explanation: e\n  references:\n");
        bomb.append("    - &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 9; i++) {
            bomb.append("    - &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) bomb.append(k == 0 ? "" : ",").append("*a").append(i - 1);
            bomb.append("]\n");
        }
        TestProject p = project().write("seeds/" + Fixtures.SEED, Fixtures.goodSeed()).write("data/glossary.yaml", bomb.toString());
        List<String> ms = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> messages(p.buildFails()));
        assertTrue(anyContains(ms, "glossary.yaml:", "invalid YAML", "aliases"), ms::toString);
    }

    @Test
    void deeplyNestedYamlIsRefusedWithoutOverflowingTheStack() {
        String deep = "- slug: deep\n  related: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        TestProject p = project().write("seeds/" + Fixtures.SEED, Fixtures.goodSeed()).write("data/glossary.yaml", deep);
        List<String> ms = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> messages(p.buildFails()));
        assertTrue(anyContains(ms, "glossary.yaml:2: invalid YAML", "nested more than"), ms::toString);
    }
}
