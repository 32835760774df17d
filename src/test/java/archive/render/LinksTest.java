package archive.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The links a page writes: relative from where the page is, so the site works under any path and from file://. */
class LinksTest {
    private final Links online = new Links(false, null);
    private final Links offline = new Links(true, null);
    private final Links anchored = online.anchoredAt("/archive");

    /** Each row: the links' policy, the page's file, the site path linked to, the href the page gets. */
    private final Object[][] cases = {
            {online, "index.html", "places/taiyuan/", "places/taiyuan/"},
            {online, "index.html", "", "./"},
            {online, "index.html", "#p2", "./#p2"},
            {online, "index.html", "assets/site.css", "assets/site.css"},
            {online, "articles/abc/index.html", "places/taiyuan/", "../../places/taiyuan/"},
            {online, "articles/abc/index.html", "", "../../"},
            {online, "articles/abc/index.html", "#p2", "../../#p2"},
            {online, "articles/abc/index.html", "glossary/x/#conc-h", "../../glossary/x/#conc-h"},
            {online, "places/shanxi/taiyuan/page/2/index.html", "places/", "../../../../../places/"},
            // file:// needs the file named where a folder is linked.
            {offline, "articles/abc/index.html", "places/taiyuan/", "../../places/taiyuan/index.html"},
            {offline, "articles/abc/index.html", "", "../../index.html"},
            {offline, "articles/abc/index.html", "glossary/x/#conc-h", "../../glossary/x/index.html#conc-h"},
            {offline, "articles/abc/index.html", "assets/site.css", "../../assets/site.css"},
            {offline, "index.html", "#p2", "index.html#p2"},
            // A page served at any URL (404.html) links from a fixed base.
            {anchored, "a/b/index.html", "places/", "/archive/places/"},
            {anchored, "404.html", "", "/archive/"},
    };

    @Test
    void eachPageLinksFromWhereItIs() {
        for (Object[] c : cases) {
            Links links = (Links) c[0];
            String file = (String) c[1], to = (String) c[2];
            assertEquals(c[3], links.relative(links.from(file), to), file + " → " + to);
            assertEquals(c[3], links.relative(file, to), file + " → " + to);
        }
    }
}
