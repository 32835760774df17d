package archive.build;

import archive.testing.TestProject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The site built from the repository's own seeds, data and pages, checked as a reader would see it. */
class SeedSiteTest {
    static TestProject project;
    static final String TAIYUAN_BENXI = "119a5904f4221201", XINJIANG = "009ed611b62df4eb", BEIJING_FEB = "32458be4526a5db2",
            BEIJING_DEC = "6978820e8452eed3", JIANGSU_JIANGXI = "1012f6d7e23636c3";
    static final List<String> ALL = List.of(TAIYUAN_BENXI, XINJIANG, BEIJING_FEB, BEIJING_DEC, JIANGSU_JIANGXI);

    @BeforeAll
    static void build() {
        project = archive.testing.SeedSite.project();
    }

    static Document article(String id) { return project.page("articles/" + id + "/"); }

    static Set<String> articleIdsLinked(Document d, String cssScope) {
        Set<String> ids = new TreeSet<>();
        for (Element a : d.select(cssScope + " a[href]")) {
            var m = java.util.regex.Pattern.compile("articles/([0-9a-f]{16})/").matcher(a.attr("href"));
            if (m.find()) ids.add(m.group(1));
        }
        return ids;
    }

    // ---- article pages (issue 2) ----------------------------------------------------------

    @Test
    void everySeedHasABilingualPageWithAlignedNumberedRows() {
        for (String id : ALL) {
            Document d = article(id);
            Elements rows = d.select(".row");
            assertFalse(rows.isEmpty(), id);
            for (int i = 0; i < rows.size(); i++) {
                Element row = rows.get(i);
                assertEquals("p" + (i + 1), row.id(), "rows are numbered by the Chinese original");
                assertEquals("#p" + (i + 1), row.selectFirst("a.pnum").attr("href"));
                assertEquals("zh-Hans", row.selectFirst(".zh").attr("lang"));
                assertEquals("en", row.selectFirst(".en").attr("lang"));
                assertFalse(row.select(".zh p").text().isBlank());
                assertFalse(row.select(".en p").text().isBlank());
            }
        }
    }

    @Test
    void articlePageShowsHeadlinesSourceLineAndDeckLines() {
        Document d = article(TAIYUAN_BENXI);
        assertTrue(d.selectFirst("h1").text().startsWith("Overwhelming Enthusiasm, Exhaustive Measures"));
        assertEquals(List.of("干劲排山倒海　措施千方百计", "时间分秒必争　指标超额完成", "太原本溪誓师大战三月份，确保完成全年计划"),
                d.select(".title-zh .deck").eachText());
        assertEquals("People's Daily 人民日报, 2 March 1959, page 1", d.selectFirst(".source-line").text());
        Element first = d.selectFirst("#p1 .zh p").clone();
        first.select(".gloss").remove();
        assertTrue(first.text().startsWith("据新华社太原1日电"), first.text());
        Element firstEn = d.selectFirst("#p1 .en p").clone();
        firstEn.select(".gloss").remove();
        assertTrue(firstEn.text().startsWith("Xinhua News Agency, Taiyuan, 1st"), firstEn.text());
        assertEquals(List.of("Paragraph 1"), List.of(d.selectFirst("#p1 a.pnum").text()));
    }

    @Test
    void articlesLinkTheirDayMonthYearAndNeighboursByDate() {
        Document d = article(TAIYUAN_BENXI);
        List<String> hrefs = d.select(".crumbs a").eachAttr("href");
        assertEquals(List.of("../../dates/1959/", "../../dates/1959/03/", "../../dates/1959/03/02/"), hrefs);
        assertEquals("../../articles/" + BEIJING_FEB + "/", d.selectFirst("a[rel=prev]").attr("href"));
        assertEquals("../../articles/" + XINJIANG + "/", d.selectFirst("a[rel=next]").attr("href"));
        assertNull(article(JIANGSU_JIANGXI).selectFirst("a[rel=prev]"), "the earliest article has no previous one");
    }

    @Test
    void readingModeSwitchWorksWithoutScript() {
        Document d = article(TAIYUAN_BENXI);
        Elements radios = d.select(".reader > input[type=radio][name=mode]");
        assertEquals(List.of("mode-both", "mode-en", "mode-zh"), radios.eachAttr("id"));
        assertTrue(radios.get(0).hasAttr("checked"), "side by side is the default");
        for (Element r : radios) assertNotNull(d.selectFirst("label[for=" + r.id() + "]"));
    }

    @Test
    void captionsAreMarkedAsCaptions() {
        Document d = article(BEIJING_DEC);
        Element last = d.select(".row").last();
        assertEquals("caption", last.selectFirst(".en p").className());
        assertTrue(last.selectFirst(".zh p").text().endsWith("楚英摄"));
    }

    @Test
    void homeAndArticleListLinkEveryArticle() {
        assertEquals(new TreeSet<>(ALL), articleIdsLinked(project.page(""), "main"));
        assertEquals(new TreeSet<>(ALL), articleIdsLinked(project.page("articles/"), "main"));
        assertTrue(project.page("").select(".counts").text().contains("5 articles"));
    }

    // ---- glossary (issue 3) -----------------------------------------------------------------

    @Test
    void greatLeapForwardIsLinkedInEveryArticleThatUsesItAndTheConcordanceListsExactlyThose() throws IOException {
        Set<String> containing = new TreeSet<>();
        for (Path seed : seedFiles()) {
            String text = Files.readString(seed);
            String chinese = text.substring(text.indexOf("Original:"));
            if (chinese.replaceAll("[\\s　]", "").contains("大跃进")) containing.add(seed.getFileName().toString().substring(4, 20));
        }
        assertFalse(containing.isEmpty());
        for (String id : ALL) {
            boolean linked = !article(id).select(".zh a.term[href$=glossary/great-leap-forward/]").isEmpty();
            assertEquals(containing.contains(id), linked, "大跃进 linked in " + id);
        }
        Document entry = project.page("glossary/great-leap-forward/");
        assertEquals(containing, articleIdsLinked(entry, ".kwic"));
        for (Element line : entry.select(".kwic td[lang=zh-Hans] mark")) assertEquals("大跃进", line.text());
    }

    @Test
    void termsAreLinkedInBothLanguagesWithAGlossOnTheLink() {
        Document d = article(TAIYUAN_BENXI);
        Element zhTerm = d.selectFirst("#p2 .zh a.term[href$=glossary/utilization-coefficient/]");
        assertNotNull(zhTerm, "利用系数 linked in the Chinese");
        assertEquals("en", zhTerm.selectFirst(".gloss").attr("lang"));
        assertNotNull(d.selectFirst("#p2 .en a.term[href$=glossary/utilization-coefficient/]"), "linked in the English");
        assertTrue(d.select(".about-article").text().contains("Slogans and terms"));
        assertFalse(d.select(".about-article .entries li").isEmpty());
    }

    @Test
    void linksNeverNest() {
        for (String id : ALL) assertTrue(article(id).select("a a").isEmpty(), id);
    }

    @Test
    void sloganPartsAreFoundSplitByPunctuation() {
        // Seed 000's body has 干劲排山倒海、措施千方百计、时间分秒必争、指标超额完成 (split by 、) and 分秒必争 alone.
        Document d = article(TAIYUAN_BENXI);
        assertNotNull(d.selectFirst("#p2 .zh a.term[href$=glossary/overwhelming-enthusiasm-slogan/]"));
        assertFalse(d.select(".zh a.term[href$=glossary/seize-every-second/]").isEmpty());
    }

    @Test
    void glossaryIndexGroupsByKindWithCountsAndEveryEntryHasAPage() {
        Document d = project.page("glossary/");
        assertTrue(d.select("section h2").eachText().stream().anyMatch(t -> t.startsWith("Slogans")));
        Elements entries = d.select(".entry-list li a");
        assertTrue(entries.size() >= 40, "at least 40 entries, got " + entries.size());
        for (Element a : entries) {
            String slug = a.attr("href").replaceAll(".*glossary/([^/]+)/$", "$1");
            assertTrue(Files.exists(project.site().resolve("glossary/" + slug + "/index.html")), slug);
        }
    }

    // ---- indexes (issue 4) -----------------------------------------------------------------

    @Test
    void placePagesListTheRightArticles() {
        assertTrue(articleIdsLinked(project.page("places/taiyuan/"), "main").contains(TAIYUAN_BENXI));
        assertTrue(articleIdsLinked(project.page("places/benxi/"), "main").contains(TAIYUAN_BENXI));
        assertEquals(Set.of(BEIJING_FEB, BEIJING_DEC), articleIdsLinked(project.page("places/beijing/"), "main .article-list"));
        assertTrue(articleIdsLinked(project.page("places/jiangsu/"), "main").contains(JIANGSU_JIANGXI));
        assertTrue(articleIdsLinked(project.page("places/jiangxi/"), "main").contains(JIANGSU_JIANGXI));
    }

    @Test
    void karamaySitsUnderXinjiang() {
        Document index = project.page("places/");
        Element xinjiang = index.getElementById("xinjiang");
        assertNotNull(xinjiang.getElementById("karamay"), "Karamay is nested under Xinjiang");
        Document karamay = project.page("places/karamay/");
        assertTrue(karamay.select(".crumbs a").eachAttr("href").contains("../../places/xinjiang/"));
    }

    @Test
    void theDayPageListsItsArticlesInPageOrder() {
        Document d = project.page("dates/1959/03/02/");
        assertEquals(List.of("Page 1 · 第1版", "Page 2 · 第2版"), d.select(".paper-page h2").eachText());
        List<String> inOrder = new ArrayList<>();
        for (Element a : d.select(".paper-page .article-list a")) inOrder.add(a.attr("href").replaceAll(".*articles/([0-9a-f]{16})/", "$1"));
        assertEquals(List.of(TAIYUAN_BENXI, XINJIANG), inOrder);
    }

    @Test
    void datelinesPlacesAndIndustriesAreLinkedFromTheArticle() {
        Document d = article(TAIYUAN_BENXI);
        String about = d.select(".about-article").text();
        assertTrue(about.contains("Dateline"));
        List<String> datelines = d.select(".about-article h2:contains(Dateline) + ul a").eachAttr("href");
        assertEquals(List.of("../../places/taiyuan/", "../../places/benxi/"), datelines);
        assertTrue(d.select(".about-article a").eachAttr("href").contains("../../industries/iron-and-steel/"));
    }

    @Test
    void noPlaceOrIndustryPageIsEmpty() throws IOException {
        for (String kind : List.of("places", "industries")) {
            try (Stream<Path> s = Files.list(project.site().resolve(kind))) {
                for (Path dir : s.filter(Files::isDirectory).toList()) {
                    Document d = project.page(kind + "/" + dir.getFileName() + "/");
                    assertFalse(articleIdsLinked(d, "main").isEmpty(), kind + "/" + dir.getFileName());
                }
            }
        }
    }

    @Test
    void chartsAreInlineSvgWithATextAlternative() {
        Document d = project.page("dates/");
        Element fig = d.selectFirst("figure.chart");
        assertEquals("true", fig.selectFirst("svg").attr("aria-hidden"));
        assertFalse(fig.select("table tbody tr").isEmpty());
    }

    // ---- notes and pages (issue 9) -----------------------------------------------------------

    @Test
    void notesAppearBesideTheirRowsAndTheIntroductionAboveTheText() {
        for (String id : ALL) {
            Document d = article(id);
            assertFalse(d.select(".introduction p").isEmpty(), id + " has an introduction");
            Elements notes = d.select(".row aside.note");
            assertTrue(notes.size() >= 2, id + " has paragraph notes");
            for (Element note : notes) {
                Element row = note.parent();
                assertEquals("note-" + row.id(), note.id());
                assertEquals("#note-" + row.id(), row.selectFirst("a.note-marker").attr("href"));
                assertEquals("#" + row.id(), note.selectFirst(".back a").attr("href"));
            }
        }
        Document notesIndex = project.page("notes/");
        assertEquals(new TreeSet<>(ALL), articleIdsLinked(notesIndex, "main"));
    }

    @Test
    void editorialPagesExistAndAreLinkedFromTheFooter() {
        List<String> footer = project.page("").select("footer a").eachAttr("href");
        for (String name : List.of("about", "editorial-method", "how-to-cite", "sources")) {
            assertTrue(footer.contains(name + "/"), footer.toString());
            assertFalse(project.page(name + "/").select("main h1").text().isBlank());
        }
    }

    // ---- the site as a whole ---------------------------------------------------------------

    @Test
    void everyInternalLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        Path site = project.site().toAbsolutePath();
        try (Stream<Path> s = Files.walk(site)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document d = org.jsoup.Jsoup.parse(f.toFile(), "UTF-8");
                for (Element el : d.select("a[href], link[href], script[src]")) {
                    String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                    if (ref.startsWith("http") || ref.startsWith("mailto:")) continue;
                    // 404.html is served at any depth, so its links start at the site root.
                    URI u = ref.startsWith("/") ? site.toUri().resolve(ref.substring(1)) : f.toUri().resolve(ref);
                    Path target = Path.of(u.getPath());
                    if (Files.isDirectory(target)) target = target.resolve("index.html");
                    if (!Files.exists(target)) { broken.add(site.relativize(f) + " -> " + ref); continue; }
                    String frag = u.getFragment();
                    if (frag != null && !frag.isEmpty() && target.toString().endsWith(".html")) {
                        Document t = target.equals(f) ? d : org.jsoup.Jsoup.parse(target.toFile(), "UTF-8");
                        if (t.getElementById(frag) == null) broken.add(site.relativize(f) + " -> " + ref + " (no #" + frag + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void theSameInputGivesAByteIdenticalSite() throws IOException {
        TestProject again = TestProject.seedProject();
        try {
            again.build();
            assertEquals(tree(project.site()), tree(again.site()));
        } finally {
            TestProject.delete(again.root);
        }
    }

    static List<String> tree(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.add(root.relativize(p) + " " + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static List<Path> seedFiles() throws IOException {
        try (Stream<Path> s = Files.list(project.root.resolve("seeds"))) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @Test
    void everyArticleAnchorIsUnique() {
        for (String id : ALL) {
            Set<String> seen = new HashSet<>();
            for (Element e : article(id).select("[id]")) assertTrue(seen.add(e.id()), id + " repeats id " + e.id());
        }
    }
}
