package archive.publish;

import archive.testing.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feed, the sitemap, robots.txt, 404.html and the open-data downloads of the seed site, parsed. */
class FeedSitemapDownloadsTest {
    static final String SITE = "https://example.org/archive/";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final Set<String> SEED_IDS = Set.of("119a5904f4221201", "009ed611b62df4eb", "32458be4526a5db2", "6978820e8452eed3",
            "1012f6d7e23636c3");
    static TestProject project;

    @BeforeAll
    static void build() {
        project = TestProject.seedProject();
        project.build(project.config().withSiteUrl(SITE));
    }

    @AfterAll
    static void clean() { TestProject.delete(project.root); }

    static org.w3c.dom.Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    static List<Element> children(org.w3c.dom.Node parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    static String text(org.w3c.dom.Node parent, String name) { return children(parent, ATOM, name).get(0).getTextContent(); }

    @Test
    void theFeedIsAtomWithOneEntryPerArticleAndAbsoluteLinks() throws Exception {
        Element feed = xml(project.site().resolve("feed.xml")).getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals(SITE + "feed.xml", text(feed, "id"));
        assertTrue(children(feed, ATOM, "link").stream().anyMatch(l -> l.getAttribute("rel").equals("self")
                && l.getAttribute("href").equals(SITE + "feed.xml")));
        OffsetDateTime.parse(text(feed, "updated"));
        List<Element> entries = children(feed, ATOM, "entry");
        assertEquals(5, entries.size());
        Set<String> ids = new HashSet<>(), links = new HashSet<>();
        for (Element e : entries) {
            assertTrue(text(e, "id").matches("urn:uuid:[0-9a-f-]{36}"), text(e, "id"));
            ids.add(text(e, "id"));
            links.add(children(e, ATOM, "link").get(0).getAttribute("href"));
            assertFalse(text(e, "title").isBlank());
            OffsetDateTime published = OffsetDateTime.parse(text(e, "published"));
            assertTrue(!OffsetDateTime.parse(text(e, "updated")).isBefore(published));
        }
        assertEquals(5, ids.size());
        Set<String> expected = new HashSet<>();
        SEED_IDS.forEach(id -> expected.add(SITE + "articles/" + id + "/"));
        assertEquals(expected, links);
        Element first = entries.get(0);
        assertEquals("1959-12-24T00:00:00+08:00", text(first, "published"), "annotated articles, newest first");
        assertEquals("2026-11-21T00:00:00+08:00", text(first, "updated"), "updated when the editors signed the notes");
    }

    @Test
    void theSitemapListsEveryPageAbsolutely() throws Exception {
        Element set = xml(project.site().resolve("sitemap.xml")).getDocumentElement();
        String ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        assertEquals("urlset", set.getLocalName());
        List<String> locs = new ArrayList<>();
        for (Element u : children(set, ns, "url")) locs.add(children(u, ns, "loc").get(0).getTextContent());
        assertTrue(locs.contains(SITE));
        for (String id : SEED_IDS) assertTrue(locs.contains(SITE + "articles/" + id + "/"), id);
        assertTrue(locs.contains(SITE + "places/taiyuan/"));
        for (String loc : locs) {
            assertTrue(loc.startsWith(SITE) && loc.endsWith("/"), loc);
            String file = loc.substring(SITE.length()) + "index.html";
            assertTrue(Files.isRegularFile(project.site().resolve(file)), loc);
        }
        assertEquals(locs.size(), new HashSet<>(locs).size());
        String robots = Files.readString(project.site().resolve("robots.txt"));
        assertTrue(robots.contains("\nSitemap: " + SITE + "sitemap.xml\n"), robots);
    }

    @Test
    void aLargeArchiveGetsASitemapIndex() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < Sitemap.MAX_URLS + 1; i++) urls.add(SITE + "articles/" + i + "/");
        Map<String, byte[]> files = Sitemap.write(urls, SITE);
        assertEquals(List.of("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"), List.copyOf(files.keySet()));
        Path dir = Files.createTempDirectory("sitemap");
        try {
            for (var f : files.entrySet()) Files.write(dir.resolve(f.getKey()), f.getValue());
            Element index = xml(dir.resolve("sitemap.xml")).getDocumentElement();
            assertEquals("sitemapindex", index.getLocalName());
            assertEquals(2, index.getElementsByTagNameNS("*", "sitemap").getLength());
            assertEquals(SITE + "sitemap-2.xml", index.getElementsByTagNameNS("*", "loc").item(1).getTextContent());
            assertEquals(1, xml(dir.resolve("sitemap-2.xml")).getElementsByTagNameNS("*", "url").getLength());
        } finally {
            TestProject.delete(dir);
        }
    }

    @Test
    void withoutASiteUrlThereIsNoSitemapAndTheFeedLinksRelatively() throws Exception {
        TestProject p = TestProject.seedProject();
        try {
            p.build();
            assertFalse(Files.exists(p.site().resolve("sitemap.xml")));
            assertEquals("User-agent: *\nAllow: /\n", Files.readString(p.site().resolve("robots.txt")));
            Element feed = xml(p.site().resolve("feed.xml")).getDocumentElement();
            for (Element e : children(feed, ATOM, "entry")) {
                String href = children(e, ATOM, "link").get(0).getAttribute("href");
                assertTrue(href.matches("articles/[0-9a-f]{16}/"), href);
            }
            assertTrue(text(feed, "id").startsWith("urn:uuid:"));
            String notFound = Files.readString(p.site().resolve("404.html"));
            assertTrue(notFound.contains("href=\"/assets/site.css\""), "404.html links from the domain root");
        } finally {
            TestProject.delete(p.root);
        }
    }

    @Test
    void hostFilesArePresent() throws IOException {
        assertTrue(Files.isRegularFile(project.site().resolve(".nojekyll")));
        String notFound = Files.readString(project.site().resolve("404.html"));
        assertTrue(notFound.contains("href=\"" + SITE + "assets/site.css\""), "absolute links work at any depth");
        assertFalse(notFound.contains("href=\"../"), notFound);
    }

    @Test
    void theJsonDownloadHoldsEveryArticleWithItsIndexes() throws IOException {
        JsonNode doc = new JsonMapper().readTree(Files.readString(project.site().resolve("downloads/articles.json")));
        JsonNode articles = doc.get("articles");
        assertEquals(5, articles.size());
        assertEquals(5, doc.get("count").asInt());
        JsonNode a = null;
        for (JsonNode n : articles) if (n.get("id").asString().equals("119a5904f4221201")) a = n;
        assertNotNull(a);
        assertEquals(SITE + "articles/119a5904f4221201/", a.get("url").asString());
        assertEquals("1959-03-02", a.get("date").asString());
        assertEquals(1, a.get("page").asInt());
        assertTrue(a.get("title_en").asString().startsWith("Overwhelming Enthusiasm"));
        assertTrue(a.get("title_zh").asString().startsWith("干劲排山倒海"));
        List<String> places = new ArrayList<>();
        a.get("places").forEach(p -> places.add(p.asString()));
        assertTrue(places.contains("taiyuan") && places.contains("benxi"), places.toString());
        // Names, coordinates and pinyin are given once, in the dictionaries, for every slug the articles use.
        assertEquals("Taiyuan", doc.get("places").get("taiyuan").get("name").asString());
        assertEquals(2, doc.get("places").get("taiyuan").get("coords").size());
        assertTrue(a.get("industries").size() > 0);
        a.get("industries").forEach(i -> assertNotNull(doc.get("industries").get(i.asString()), i.asString()));
        assertTrue(a.get("glossary").size() > 0);
        a.get("glossary").forEach(g -> assertNotNull(doc.get("glossary").get(g.asString()).get("pinyin"), g.asString()));
        assertEquals("Archive editors", a.get("notes").get("by").asString());
        assertTrue(a.get("notes").get("introduction").asString().startsWith("This front-page report of 2 March 1959"));
    }

    @Test
    void theCsvDownloadIsWellFormedAndMatchesTheJson() throws IOException {
        String csv = Files.readString(project.site().resolve("downloads/articles.csv"), StandardCharsets.UTF_8);
        List<List<String>> rows = parseCsv(csv);
        assertEquals(OpenData.COLUMNS, rows.get(0));
        assertEquals(6, rows.size());
        Set<String> ids = new HashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(OpenData.COLUMNS.size(), row.size());
            ids.add(row.get(0));
            assertEquals(SITE + "articles/" + row.get(0) + "/", row.get(1));
        }
        assertEquals(SEED_IDS, ids);
        List<String> first = rows.stream().filter(r -> r.get(0).equals("119a5904f4221201")).findFirst().orElseThrow();
        assertTrue(List.of(first.get(OpenData.COLUMNS.indexOf("places")).split("; ")).contains("taiyuan"));
        assertTrue(first.get(OpenData.COLUMNS.indexOf("notes_introduction")).contains("“great battle”"));
    }

    @Test
    void theHomePageLinksTheDownloadsAndEveryPageTheFeed() {
        var home = project.page("");
        assertNotNull(home.selectFirst("a[href=downloads/articles.json]"));
        assertNotNull(home.selectFirst("a[href=downloads/articles.csv]"));
        assertEquals("../../feed.xml", project.page("articles/119a5904f4221201/")
                .selectFirst("link[rel=alternate][type=application/atom+xml]").attr("href"));
    }

    /** RFC 4180, strictly: quoted fields may hold commas, quotes ("") and line breaks; records end in CRLF. */
    static List<List<String>> parseCsv(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') { f.append('"'); i += 2; continue; }
                if (c == '"') { quoted = false; i++; continue; }
                f.append(c);
                i++;
            } else if (c == '"' && f.isEmpty()) {
                quoted = true;
                i++;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
                i++;
            } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                assertFalse(c == '"' || c == '\n' || c == '\r', "bare " + (int) c + " at " + i);
                f.append(c);
                i++;
            }
        }
        assertTrue(row.isEmpty() && f.isEmpty(), "the last record ends in CRLF");
        return rows;
    }
}
