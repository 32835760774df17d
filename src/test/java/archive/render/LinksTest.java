package archive.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The links a page writes: relative from where the page is, so the site works under any path and from file://. */
class LinksTest {
    private final Links online = new Links(false, null);
    private final Links offline = new Links(true, null);

    @Test
    void fromTheRootPage() {
        Links.From home = online.from("index.html");
        assertEquals("places/taiyuan/", online.relative(home, "places/taiyuan/"));
        assertEquals("./", online.relative(home, ""));
        assertEquals("./#p2", online.relative(home, "#p2"));
        assertEquals("assets/site.css", online.relative(home, "assets/site.css"));
    }

    @Test
    void fromAPageTwoFoldersDown() {
        Links.From article = online.from("articles/abc/index.html");
        assertEquals("../../places/taiyuan/", online.relative(article, "places/taiyuan/"));
        assertEquals("../../", online.relative(article, ""));
        assertEquals("../../#p2", online.relative(article, "#p2"));
        assertEquals("../../glossary/x/#conc-h", online.relative(article, "glossary/x/#conc-h"));
    }

    @Test
    void offlineLinksNameTheFileThatFileUrlsNeed() {
        Links.From article = offline.from("articles/abc/index.html");
        assertEquals("../../places/taiyuan/index.html", offline.relative(article, "places/taiyuan/"));
        assertEquals("../../index.html", offline.relative(article, ""));
        assertEquals("../../glossary/x/index.html#conc-h", offline.relative(article, "glossary/x/#conc-h"));
        assertEquals("../../assets/site.css", offline.relative(article, "assets/site.css"));
        assertEquals("index.html#p2", offline.relative(offline.from("index.html"), "#p2"));
    }

    @Test
    void fromDeepPagesAndFromAFixedBase() {
        Links.From fifthPage = online.from("places/shanxi/taiyuan/page/2/index.html");
        assertEquals("../../../../../places/", online.relative(fifthPage, "places/"));
        assertEquals("../../../../../#top", online.relative(fifthPage, "#top"));
        Links anchored = online.anchoredAt("/archive");
        assertEquals("/archive/places/", anchored.relative(anchored.from("a/b/index.html"), "places/"));
        assertEquals("/archive/", anchored.relative(anchored.from("404.html"), ""));
    }
}
