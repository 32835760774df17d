package archive.build;

import archive.cli.Main;
import archive.diag.BuildFailedException;
import archive.diag.Diagnostic;
import archive.testing.TestProject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Whole builds of small inline projects: what editors and readers see when the input varies. */
class BuildBehaviourTest {
    static final String ID = "00000000000000a1", ID2 = "00000000000000b2";
    static final String GLOSSARY = """
            - slug: great-leap-forward
              kind: campaign
              zh: [大跃进]
              en: [Great Leap Forward]
              gloss: great leap forward
              explanation: |
                The campaign of 1958–1960. See [the day](date:1959-03-02).
            - slug: steel-slogan
              kind: slogan
              zh: [以钢为纲]
              en: [take steel as the key link]
              gloss: take steel as the key link
              explanation: A slogan of 1958.
            """;
    static final String PLACES = """
            - slug: shanxi
              name: Shanxi
              zh: 山西省
              short: [山西]
              type: province
            - slug: datong
              name: Datong
              zh: 大同市
              short: [大同]
              type: city
              parent: shanxi
            - slug: pingan-mine
              name: Ping'an
              zh: 平安煤矿
              short: [平安]
              type: mine
              parent: shanxi
              confirm: english
            """;
    static final String INDUSTRIES = """
            - slug: coal
              name: Coal
              zh: 煤炭工业
              signals:
                zh: [煤炭, 煤矿, 原煤]
                en: [coal]
            """;

    TestProject p = TestProject.empty();

    @AfterEach
    void clean() { TestProject.delete(p.root); }

    TestProject withData() {
        return p.write("data/glossary.yaml", GLOSSARY).write("data/places.yaml", PLACES).write("data/industries.yaml", INDUSTRIES);
    }

    static String seed(String date, String en, String zh) {
        return TestProject.seed(date, 1, "A headline about coal", "煤炭标题", new String[]{en}, new String[]{zh});
    }

    @Test
    void aNewArticleWithKnownTermsAndAGazetteerPlaceIsAnnotatedWithNoCodeChange() {
        withData().write("seeds/001_" + ID + ".txt", seed("1959-03-02",
                "Xinhua News Agency, Datong, 1st – Datong coal miners of the Great Leap Forward produced coal, coal and coal.",
                "据新华社大同1日电　大同煤矿工人在大跃进中生产煤炭、原煤和煤炭。"));
        p.build();
        Document d = p.page("articles/" + ID + "/");
        assertNotNull(d.selectFirst(".zh a.term[href=../../glossary/great-leap-forward/]"));
        assertNotNull(d.selectFirst(".en a.term[href=../../glossary/great-leap-forward/]"));
        assertNotNull(d.selectFirst(".zh a.place[href=../../places/datong/]"));
        assertEquals(List.of("../../places/datong/"), d.select(".about-article h2:contains(Dateline) + ul a").eachAttr("href"));
        assertTrue(d.select(".about-article a").eachAttr("href").contains("../../industries/coal/"));
        Document datong = p.page("places/datong/");
        assertEquals(List.of("../../articles/" + ID + "/"), datong.select("main .article-list a").eachAttr("href"));
        Document shanxi = p.page("places/shanxi/");
        assertEquals(List.of("../../articles/" + ID + "/"), shanxi.select(".sub-place a").eachAttr("href"),
                "the province lists its city's article, marked as from a sub-place");
        Document entry = p.page("glossary/great-leap-forward/");
        assertEquals(2, entry.select(".kwic tbody tr").size(), "one line per language");
        assertTrue(entry.select(".explanation a").attr("href").endsWith("dates/1959/03/02/"));
    }

    @Test
    void anAmbiguousNameCountsOnlyWhenTheEnglishAgrees() {
        withData()
                .write("seeds/001_" + ID + ".txt", seed("1959-03-02", "The Ping'an mine exceeded its plan.", "平安煤矿超额完成计划。"))
                .write("seeds/002_" + ID2 + ".txt", seed("1959-03-03", "Everything went well.", "一路平安。"));
        p.build();
        assertNotNull(p.page("articles/" + ID + "/").selectFirst("a.place[href$=pingan-mine/]"));
        assertNull(p.page("articles/" + ID2 + "/").selectFirst("a.place"), "平安 the word is not the mine");
        assertEquals(List.of("../../articles/" + ID + "/"), p.page("places/pingan-mine/").select("main .article-list a").eachAttr("href"));
    }

    @Test
    void editorsOverrideDetectedPlacesAndIndustries() {
        withData()
                .write("seeds/001_" + ID + ".txt", seed("1959-03-02", "Datong produced coal.", "大同生产煤炭。"))
                .write("seeds/001_" + ID + ".meta.yaml", "places:\n  add: [shanxi]\n  remove: [datong]\nindustries:\n  add: [coal]\n");
        p.build();
        List<String> links = p.page("articles/" + ID + "/").select(".about-article a").eachAttr("href");
        assertTrue(links.contains("../../places/shanxi/"));
        assertFalse(links.contains("../../places/datong/"));
        assertTrue(links.contains("../../industries/coal/"), "one passing word is not evidence, but the editor said so");
    }

    @Test
    void theDayPageGroupsAPageByColumn() {
        withData()
                .write("seeds/001_" + ID + ".txt", seed("1959-03-02", "Coal.", "煤炭。").replace("专栏：", "专栏：工业战线"))
                .write("seeds/002_" + ID2 + ".txt", seed("1959-03-02", "More coal.", "更多煤炭。"));
        p.build();
        Document day = p.page("dates/1959/03/02/");
        assertEquals(List.of("Column · 专栏：工业战线"), day.select("#page-1 h3.column").eachText());
        assertEquals(2, day.select("#page-1 ul.article-list").size(), "the article without a column, then the column's");
    }

    @Test
    void textThatLooksLikeHtmlIsShownAsText() {
        withData().write("seeds/001_" + ID + ".txt", TestProject.seed("1959-03-02", 1, "<script>alert(1)</script> & co",
                "<b>标题</b>", new String[]{"An <img src=x onerror=alert(1)> paragraph."}, new String[]{"<script>坏</script>段落。"}));
        p.build();
        Document d = p.page("articles/" + ID + "/");
        assertTrue(d.select("main script, main img, main b").isEmpty());
        assertEquals("<script>alert(1)</script> & co", d.selectFirst("h1").text());
        assertTrue(d.selectFirst(".en p").text().contains("<img src=x onerror=alert(1)>"));
        assertTrue(d.selectFirst(".zh p").text().contains("<script>坏</script>"));
    }

    @Test
    void englishOnlyAndChineseOnlyArticlesSaySoPlainly() {
        String full = seed("1959-03-02", "English text.", "中文段落。");
        withData().write("seeds/001_" + ID + ".txt", full.substring(0, full.indexOf("<hr />")))
                .write("seeds/002_" + ID2 + ".txt", full.substring(full.indexOf("Original:")));
        p.build();
        assertTrue(p.page("articles/" + ID + "/").select(".pending").text().contains("Original not yet transcribed"));
        assertTrue(p.page("articles/" + ID2 + "/").select(".pending").text().contains("Translation pending"));
        assertEquals("p1", p.page("articles/" + ID + "/").selectFirst(".row").id(), "English-only articles number their English paragraphs");
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteByteIdentical() throws Exception {
        withData().write("seeds/001_" + ID + ".txt", seed("1959-03-02", "Coal.", "煤炭。"));
        p.build();
        List<String> before = SeedSiteTest.tree(p.site());
        p.write("seeds/002_" + ID2 + ".txt", seed("1959-02-30", "Coal.", "煤炭。").replace("\n1959-02-30\n第1版", "\n1959-03-01\n第1版"));
        BuildFailedException e = p.buildFails();
        assertTrue(e.getMessage().contains("002_" + ID2 + ".txt:3: Date: 1959-02-30 is impossible"), e.getMessage());
        assertEquals(before, SeedSiteTest.tree(p.site()));
        try (var s = Files.list(p.root)) {
            assertEquals(List.of(), s.map(x -> x.getFileName().toString()).filter(n -> n.contains("staging")).toList(),
                    "no staging folder is left behind");
        }
        // The output, opened while the seeds were read, was let go: the corrected seed builds.
        p.write("seeds/002_" + ID2 + ".txt", seed("1959-03-01", "Coal.", "煤炭。"));
        p.build();
        assertTrue(Files.isRegularFile(p.site().resolve("articles/" + ID2 + "/index.html")), "the corrected article is published");
    }

    /**
     * A page made after the article pages fails while the search index is being made beside them: the
     * build fails with that page's error, and leaves the published site as it was.
     */
    @Test
    void aTemplateFailingAfterTheArticlePagesFailsTheBuildAndKeepsThePreviousSite() throws Exception {
        withData().write("seeds/001_" + ID + ".txt", seed("1959-03-02",
                "Xinhua News Agency, Datong, 1st – Datong coal miners of the Great Leap Forward produced coal.", "新华社大同1日电　大跃进。"));
        p.build();
        List<String> before = SeedSiteTest.tree(p.site());
        String template = p.read("templates/glossary-entry.peb");
        p.write("templates/glossary-entry.peb", template.replace("{% block content %}", "{% block content %}{{ 1 / 0 }}"));
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> p.build());
        assertTrue(e.getMessage().contains("glossary-entry"), e.getMessage());
        assertEquals(before, SeedSiteTest.tree(p.site()));
        try (var s = Files.list(p.root)) {
            assertEquals(List.of(), s.map(x -> x.getFileName().toString()).filter(n -> n.contains("staging")).toList(),
                    "no staging folder is left behind");
        }
    }

    @Test
    void aTemplatesFolderNamedWithDotsBuilds() throws Exception {
        withData().write("seeds/001_" + ID + ".txt", seed("1959-03-02", "Coal.", "煤炭。"));
        Path out = p.root.resolve("site");
        // "./templates" and "seeds/../templates", as a shell's completion or a script writes them.
        Cli cli = runCli("build", "--seeds", p.root.resolve("seeds").toString(), "--data", p.root.resolve("data").toString(),
                "--templates", p.root.resolve("seeds/.././templates").toString(), "--pages", p.root.resolve("pages").toString(),
                "--out", out.toString());
        assertEquals(0, cli.code(), cli.output());
        assertTrue(Files.isRegularFile(out.resolve("articles/" + ID + "/index.html")), cli.output());
    }

    @Test
    void theCommandLineExitsNonZeroNamingFileAndLine() throws Exception {
        withData().write("seeds/001_" + ID + ".txt", seed("1959-02-30", "Coal.", "煤炭。").replace("\n1959-02-30\n第1版", "\n1959-03-01\n第1版"));
        Path out = p.root.resolve("site");
        Cli cli = runCli("build", "--seeds", p.root.resolve("seeds").toString(), "--data", p.root.resolve("data").toString(),
                "--templates", p.root.resolve("templates").toString(), "--pages", p.root.resolve("pages").toString(),
                "--out", out.toString());
        assertEquals(1, cli.code(), cli.output());
        assertTrue(cli.output().contains("001_" + ID + ".txt:3: Date: 1959-02-30 is impossible"), cli.output());
        assertFalse(Files.exists(out));
    }

    @Test
    void reportsEveryBadInputOfTheDataWithFileAndLine() {
        p.write("data/glossary.yaml", GLOSSARY + """
                - slug: great-leap-forward
                  kind: campaign
                  zh: [跃进]
                  gloss: x
                  explanation: x
                - slug: no-chinese
                  kind: term
                  gloss: x
                  explanation: x
                - slug: one-char
                  kind: slogan
                  zh: [钢]
                  gloss: x
                  explanation: x
                  related: [nowhere]
                """).write("data/places.yaml", PLACES + """
                - slug: taiyuan
                  name: Taiyuan
                  zh: 太原市
                  type: city
                  parent: shanxii
                - slug: other-datong
                  name: Datong
                  zh: 大同县
                  short: [大同]
                  type: county
                """).write("data/industries.yaml", "- slug: coal\n  name: [unclosed\n");
        BuildFailedException e = p.buildFails();
        List<String> m = e.errors().stream().map(Diagnostic::format).toList();
        String all = String.join("\n", m);
        assertTrue(all.contains("glossary.yaml:14: duplicate slug `great-leap-forward`"), all);
        assertTrue(all.contains("glossary.yaml:19: the entry has no Chinese form"), all);
        assertTrue(all.contains("glossary.yaml:25: the Chinese form \"钢\" is one character long"), all);
        assertTrue(all.contains("glossary.yaml:28: `related:` names `nowhere`"), all);
        assertTrue(all.contains("places.yaml:23: unknown parent `shanxii`"), all);
        assertTrue(all.contains("the Chinese name \"大同\" is shared by datong, other-datong"), all);
        assertTrue(all.contains("industries.yaml:2: invalid YAML"), all);
    }

    @Test
    void warnsOnUnusedEntriesAndMissingEnglishRenderings() {
        withData().write("seeds/001_" + ID + ".txt", seed("1959-03-02", "The leap went on.", "大跃进继续。"));
        var r = p.build();
        String w = String.join("\n", r.diagnostics().warnings().stream().map(Diagnostic::format).toList());
        assertTrue(w.contains("glossary.yaml:8: warning: the glossary entry `steel-slogan` matches nothing"), w);
        assertTrue(w.contains("uses 大跃进 in Chinese but none of `great-leap-forward`'s English renderings"), w);
    }

    @Test
    void notesErrorsPointAtTheNotesFileLine() {
        withData().write("seeds/001_" + ID + ".txt", seed("1959-03-02", "Coal.", "煤炭。"))
                .write("seeds/001_" + ID + ".notes.md", "By: Editors 2026\n\nIntro [bad](place:nowhere).\n\n## p1\nok\n\n## p99\nNo such paragraph.\n")
                .write("seeds/009_00000000000000ff.notes.md", "Orphan notes.\n");
        BuildFailedException e = p.buildFails();
        String all = String.join("\n", e.errors().stream().map(Diagnostic::format).toList());
        assertTrue(all.contains("001_" + ID + ".notes.md:1: malformed `By:` line"), all);
        assertTrue(all.contains("009_00000000000000ff.notes.md:1: notes file without a seed"), all);
        // The paragraph check runs once the files have been read; fix the first errors and look again.
        p.write("seeds/001_" + ID + ".notes.md", "By: Editors, 2026-11-21\n\nIntro [bad](place:nowhere).\n\n## p1\nok\n\n## p99\nNo such paragraph.\n");
        try { Files.delete(p.root.resolve("seeds/009_00000000000000ff.notes.md")); } catch (Exception x) { throw new AssertionError(x); }
        all = String.join("\n", p.buildFails().errors().stream().map(Diagnostic::format).toList());
        assertTrue(all.contains("001_" + ID + ".notes.md:8: a note on paragraph 99"), all);
    }

    @Test
    void unknownCrossReferenceFailsAtItsLine() {
        withData().write("seeds/001_" + ID + ".txt", seed("1959-03-02", "Coal.", "煤炭。"))
                .write("seeds/001_" + ID + ".notes.md", "By: Editors, 2026-11-21\n\nIntro.\n\nSee [x](glossary:nothing-here).\n\n## p1\nSee [y](article:" + ID2 + ").\n");
        String all = String.join("\n", p.buildFails().errors().stream().map(Diagnostic::format).toList());
        assertTrue(all.contains("notes.md:5: unknown cross-reference `glossary:nothing-here`"), all);
        assertTrue(all.contains("notes.md:8: unknown cross-reference `article:" + ID2 + "`"), all);
    }

    /** A bad link in a glossary entry's explanation or reference is reported at the line it is written on, not the entry's. */
    @Test
    void unknownCrossReferenceInTheGlossaryFailsAtItsLine() {
        withData().write("seeds/001_" + ID + ".txt", seed("1959-03-02", "Coal.", "煤炭。"))
                .write("data/glossary.yaml", GLOSSARY + """
                        - slug: late-entry
                          kind: term
                          zh: [后来者]
                          gloss: a late entry
                          explanation: |
                            A first line.
                            See [x](glossary:nothing-here).
                          references:
                            - "A book."
                            - "See [y](place:nowhere)."
                        """);
        String all = String.join("\n", p.buildFails().errors().stream().map(Diagnostic::format).toList());
        int entry = (int) GLOSSARY.lines().count() + 1;
        assertTrue(all.contains("glossary.yaml:" + (entry + 6) + ": unknown cross-reference `glossary:nothing-here`"), all);
        assertTrue(all.contains("glossary.yaml:" + (entry + 9) + ": unknown cross-reference `place:nowhere`"), all);
    }

    @Test
    void hostileMarkdownIsMadeHarmless() {
        withData().write("seeds/001_" + ID + ".txt", seed("1959-03-02", "Coal.", "煤炭。"))
                .write("seeds/001_" + ID + ".notes.md", """
                        By: Editors, 2026-11-21

                        Intro <script>alert(1)</script> <b onclick="x()">bold</b> <div>unclosed

                        [js](javascript:alert(1)) [data](data:text/html,hi) [vb](vbscript:msgbox) [ok](https://example.org/)

                        ## p1
                        A note with a footnote[^1] and a table:

                        | a | b |
                        |---|---|
                        | 1 | 2 |

                        [^1]: The source.
                        """);
        p.build();
        Document d = p.page("articles/" + ID + "/");
        assertTrue(d.select("main script, [onclick]").isEmpty());
        assertTrue(d.select(".introduction").text().contains("<script>alert(1)</script>"), "raw HTML is shown as text");
        for (String bad : List.of("javascript:", "data:", "vbscript:")) {
            assertTrue(d.select("a[href^=" + bad + "]").isEmpty(), bad);
        }
        assertEquals("https://example.org/", d.selectFirst(".introduction a[href^=https]").attr("href"));
        assertNotNull(d.selectFirst("#p1 aside.note table"));
        assertNotNull(d.selectFirst(".footnotes li"), "footnotes are collected below the text");
        assertNotNull(d.selectFirst("main > article > .reader"), "the note did not break the layout");
    }

    @Test
    void offlineLinksEndInIndexHtml() {
        withData().write("seeds/001_" + ID + ".txt", seed("1959-03-02", "Coal.", "煤炭。"));
        p.build(p.config().withOffline(true));
        Document d = p.page("articles/" + ID + "/");
        for (String href : d.select("a[href]").eachAttr("href")) {
            if (href.startsWith("#") || href.startsWith("http")) continue;
            String path = href.replaceAll("#.*", "");
            if (path.substring(path.lastIndexOf('/') + 1).matches(".+\\.(bib|ris|css|js|svg|xml|json|csv)")) continue;
            assertTrue(path.endsWith("index.html"), href);
        }
    }

    @Test
    void newWritesASeedSkeletonWithAFreshId() throws Exception {
        Cli cli = runCli("new", "--seeds", p.root.resolve("seeds").toString(), "--date", "1959-03-02");
        assertEquals(0, cli.code(), cli.output());
        try (var s = Files.list(p.root.resolve("seeds"))) {
            List<Path> files = s.toList();
            assertEquals(1, files.size());
            assertTrue(files.get(0).getFileName().toString().matches("000_[0-9a-f]{16}\\.txt"));
            assertTrue(Files.readString(files.get(0)).contains("Date: 1959-03-02"));
        }
    }

    @Test
    void refusesToWriteIntoAnInputFolderOrAForeignFolder() throws Exception {
        withData().write("seeds/001_" + ID + ".txt", seed("1959-03-02", "Coal.", "煤炭。"));
        BuildFailedException e = assertThrows(BuildFailedException.class, () -> p.build(p.config().withOut(p.root.resolve("data"))));
        assertTrue(e.getMessage().contains("would replace the input folder"), e.getMessage());
        Path foreign = p.root.resolve("mine");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("precious.txt"), "keep me");
        var refused = assertThrows(archive.site.SiteWriter.SiteException.class, () -> p.build(p.config().withOut(foreign)));
        assertTrue(refused.getMessage().contains("was not made by Archive"), refused.getMessage());
        assertEquals("keep me", Files.readString(foreign.resolve("precious.txt")));
    }

    /** What the command line printed and the exit code it returned. */
    private record Cli(int code, String output) {}

    private static Cli runCli(String... args) {
        PrintStream oldErr = System.err, oldOut = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setErr(ps);
            System.setOut(ps);
            int code = Main.run(args);
            return new Cli(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }
}
