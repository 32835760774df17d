package archive.publish;

import archive.testing.TestProject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed site served the way GitHub Pages serves a project site (under /archive/ on a real
 * HTTP server on loopback), at a domain root, and opened from file:// after --offline: every
 * page is crawled and no internal link, asset or paragraph anchor may be broken.
 */
class SubPathCrawlTest {
    TestProject project;
    PagesLikeServer server;

    @BeforeEach
    void setUp() throws IOException {
        project = TestProject.seedProject();
        // A moved and a withdrawn path, so that their pages are served and checked too.
        project.write("data/redirects.yaml", """
                - path: /articles/0000000000000001/
                  moved_to: /articles/119a5904f4221201/#p2
                - path: /articles/0000000000000002/
                  withdrawn: A test of withdrawal.
                """);
        server = new PagesLikeServer();
    }

    @AfterEach
    void tearDown() {
        server.close();
        TestProject.delete(project.root);
    }

    /** Every HTML page of the site, as a path under the site folder ("articles/x/index.html"). */
    Set<String> htmlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(project.site())) {
            Set<String> out = new TreeSet<>();
            s.filter(f -> f.toString().endsWith(".html")).forEach(f -> out.add(project.site().relativize(f).toString().replace('\\', '/')));
            return out;
        }
    }

    static final Set<String> UNLINKED = Set.of("404.html", "articles/0000000000000001/index.html", "articles/0000000000000002/index.html");

    /**
     * Every page was reached by links and nothing is broken; the pages no link leads to (redirects,
     * withdrawals, 404.html) are checked on their own. Without a site URL 404.html links from the
     * domain root, which cannot work under a project path: {@code checkNotFound} is false then.
     */
    void assertCrawlCoversEverything(LinkCrawler crawler, String root, boolean checkNotFound) throws IOException {
        for (String file : htmlFiles()) {
            URI u = URI.create(root + file);
            if (file.equals("404.html") && !checkNotFound) continue;
            if (UNLINKED.contains(file)) {
                Document d = crawler.html(u);
                if (file.equals("404.html") && d == null) continue; // served only for missing paths
                assertNotNull(d, file);
                crawler.check(u, d);
                continue;
            }
            String asLinked = root + (file.endsWith("index.html") && !root.startsWith("file:") ? file.substring(0, file.length() - 10) : file);
            assertTrue(crawler.pagesVisited.contains(LinkCrawler.key(URI.create(asLinked))), "not reachable by links: " + asLinked);
        }
        assertTrue(crawler.problems.isEmpty(), LinkCrawler.report(crawler.problems));
    }

    @Test
    void relativeLinksWorkUnderAProjectPath() throws IOException {
        project.build();
        server.serve("/archive/", project.site());
        String root = server.base() + "/archive/";
        LinkCrawler crawler = new LinkCrawler(URI.create(root));
        crawler.crawl(URI.create(root));
        assertTrue(crawler.pagesVisited.size() > 150, "crawled " + crawler.pagesVisited.size());
        assertCrawlCoversEverything(crawler, root, false);
        assertEquals(200, crawler.status(URI.create(root + "articles/119a5904f4221201/cite.ris")));
    }

    @Test
    void absoluteUrlsAndTheNotFoundPageWorkUnderAProjectPath() throws Exception {
        String root = server.base() + "/archive/";
        project.build(project.config().withSiteUrl(root));
        server.serve("/archive/", project.site());
        LinkCrawler crawler = new LinkCrawler(URI.create(root));
        crawler.crawl(URI.create(root));
        assertCrawlCoversEverything(crawler, root, true);

        // GitHub Pages answers a missing path at any depth with 404.html: its links must all work from there.
        for (String missing : List.of("nothing", "articles/ffffffffffffffff/", "a/b/c/d/e/")) {
            URI u = URI.create(root + missing);
            assertEquals(404, crawler.status(u));
            Document d = crawler.html(u);
            assertTrue(d.select("h1").text().contains("Page not found"));
            assertTrue(crawler.check(u, d).size() >= 3);
        }
        // Every URL of the sitemap loads.
        Document sitemap = org.jsoup.Jsoup.parse(Files.readString(project.site().resolve("sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser());
        for (var loc : sitemap.select("loc")) assertEquals(200, crawler.status(URI.create(loc.text())), loc.text());
        assertTrue(crawler.problems.isEmpty(), LinkCrawler.report(crawler.problems));
    }

    @Test
    void theNotFoundPageWithoutASiteUrlWorksAtADomainRoot() {
        project.build();
        server.serve("/", project.site());
        String root = server.base() + "/";
        LinkCrawler crawler = new LinkCrawler(URI.create(root));
        URI deep = URI.create(root + "articles/ffffffffffffffff/p/q/");
        assertEquals(404, crawler.status(deep));
        crawler.check(deep, crawler.html(deep));
        assertTrue(crawler.problems.isEmpty(), LinkCrawler.report(crawler.problems));
    }

    @Test
    void anOfflineBuildWorksFromFiles() throws IOException {
        project.build(project.config().withOffline(true));
        String root = project.site().toUri().toString();
        LinkCrawler crawler = new LinkCrawler(URI.create(root));
        crawler.crawl(URI.create(root + "index.html"));
        assertCrawlCoversEverything(crawler, root, false);
    }
}
