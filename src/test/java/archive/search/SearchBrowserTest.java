package archive.search;

import archive.testing.TestProject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search as a reader uses it, in headless Chromium: the seed site served over HTTP with the strict
 * Content-Security-Policy, and the offline build opened from file://.
 */
class SearchBrowserTest {
    static TestProject project;
    static SiteServer server;
    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;
    final List<String> errors = new ArrayList<>();

    @BeforeAll
    static void start() {
        project = TestProject.seedProject();
        project.build();
        server = new SiteServer(project.site());
        playwright = Playwright.create();
        browser = archive.browser.Chromium.launch(playwright);
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        server.close();
        TestProject.delete(project.root);
    }

    @BeforeEach
    void open() {
        context = browser.newContext();
        page = context.newPage();
        // The site has no favicon (not this test's subject); Chromium asks for one anyway.
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.location().contains("/favicon.ico")) errors.add(m.text() + " at " + m.location());
        });
        page.onPageError(errors::add);
        page.onResponse(r -> { if (r.status() >= 400) errors.add(r.status() + " " + r.url()); });
    }

    @AfterEach
    void close() {
        context.close();
        assertEquals(List.of(), errors, "console errors");
    }

    private void waitForResults() {
        page.waitForSelector("html[data-search]", new Page.WaitForSelectorOptions().setTimeout(30_000));
        assertEquals("done", page.getAttribute("html", "data-search"), page.textContent("#search-status"));
    }

    @Test
    void chineseTypedInTheBoxOfAnyPageLandsOnTheParagraph() {
        page.navigate(server.url("glossary/"));
        page.fill("#site-q", "钢铁");
        page.press("#site-q", "Enter");
        waitForResults();
        assertTrue(page.url().contains("search/?q="), page.url());
        Locator hits = page.locator(".search-hit");
        assertEquals(3, hits.count());
        assertTrue(page.textContent("#search-status").startsWith("3 articles"), page.textContent("#search-status"));
        assertEquals("钢铁", hits.first().locator("mark").first().textContent());
        assertEquals("钢铁", page.inputValue("#search-q"));
        hits.first().locator("a.hit-link").click();
        page.waitForLoadState();
        String anchor = page.url().substring(page.url().indexOf('#') + 1);
        assertTrue(anchor.matches("p\\d+"), page.url());
        assertTrue(page.textContent("[id='" + anchor + "']").contains("钢铁"));
    }

    @Test
    void englishWithAYearFilterAndThenAnotherFilter() {
        page.navigate(server.url("search/?q=furnaces"));
        waitForResults();
        int all = page.locator(".search-hit").count();
        assertTrue(all >= 2, "furnaces: " + all);
        assertEquals("furnaces", page.locator(".search-hit mark").first().textContent().toLowerCase());
        page.navigate(server.url("search/?q=steel&year=1958"));
        waitForResults();
        for (String meta : page.locator(".hit-meta").allTextContents()) assertTrue(meta.startsWith("1958-"), meta);
        assertEquals("1958", page.inputValue("#search-year"));
        page.selectOption("#search-year", "1959");
        page.waitForURL("**year=1959**");
        waitForResults();
        for (String meta : page.locator(".hit-meta").allTextContents()) assertTrue(meta.startsWith("1959-"), meta);
    }

    @Test
    void aQuotedPhraseFindsTheWordsTogether() {
        page.navigate(server.url("search/?q=steel+production"));
        waitForResults();
        int words = page.locator(".search-hit").count();
        page.fill("#search-q", "\"steel production\"");
        page.press("#search-q", "Enter");
        page.waitForURL("**q=%22steel**");
        waitForResults();
        int phrase = page.locator(".search-hit").count();
        assertTrue(phrase >= 1 && phrase < words, "the phrase narrows " + words + " articles to " + phrase);
        assertTrue(page.textContent("#search-status").startsWith(phrase + (phrase == 1 ? " article" : " articles")
                + " for \"steel production\""), page.textContent("#search-status"));
        for (String m : page.locator(".search-hit mark").allTextContents()) {
            assertTrue(m.toLowerCase().matches("steels? productions?"), m);
        }
    }

    /**
     * "More results" pages through every hit in rank order: three articles dense in the word first,
     * then twenty that tie in score, by date; the files are numbered out of date order.
     */
    @Test
    void moreResultsPagesThroughEveryHitInRankOrder() {
        TestProject many = TestProject.empty();
        try {
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                String date = "1960-03-0" + (k + 1);
                many.write("seeds/" + (100 + k) + "_" + String.format("%016x", 0xd0 + k) + ".txt", TestProject.seed(date, 1, "Dense " + k, "钢铁钢铁",
                        new String[] {"Steel."}, new String[] {"钢铁钢铁钢铁。"}));
                expected.add(date);
            }
            for (int k = 0; k < 20; k++) {
                int day = 1 + (k * 7) % 20;
                String date = String.format("1959-01-%02d", day);
                many.write("seeds/" + k + "_" + String.format("%016x", 0xa0 + k) + ".txt", TestProject.seed(date, 1, "Plain " + k, "生产",
                        new String[] {"Steel output went up."}, new String[] {"我们的钢铁生产很好，继续努力。"}));
            }
            for (int day = 1; day <= 20; day++) expected.add(String.format("1959-01-%02d", day));
            many.build();
            try (SiteServer s = new SiteServer(many.site())) {
                page.navigate(s.url("search/?q=%E9%92%A2%E9%93%81"));
                waitForResults();
                assertEquals(10, page.locator(".search-hit").count());
                assertTrue(page.textContent("#search-status").startsWith("23 articles"), page.textContent("#search-status"));
                for (int shown : new int[] {20, 23}) {
                    page.click("#search-more");
                    page.waitForFunction("n => document.querySelectorAll('.search-hit').length === n", shown);
                }
                assertTrue(page.locator("#search-more").isHidden(), "no more results after the last");
                List<String> dates = page.locator(".hit-meta").allTextContents().stream().map(m -> m.substring(0, 10)).toList();
                assertEquals(expected, dates);
            }
        } finally {
            TestProject.delete(many.root);
        }
    }

    @Test
    void pinyinFindsTheGlossaryTerm() {
        page.navigate(server.url("search/?q=da+yue+jin"));
        waitForResults();
        assertTrue(page.textContent("#search-status").contains("大跃进"), page.textContent("#search-status"));
        assertTrue(page.locator(".search-hit").count() > 0);
        assertEquals("大跃进", page.locator(".search-hit mark").first().textContent());
    }

    @Test
    void offlineBuildSearchesFromFile() {
        TestProject offline = TestProject.seedProject();
        try {
            offline.build(offline.config().withOffline(true));
            page.navigate(offline.site().resolve("search/index.html").toUri() + "?q=%E9%92%A2%E9%93%81");
            waitForResults();
            assertEquals(3, page.locator(".search-hit").count());
            String href = page.locator("a.hit-link").first().getAttribute("href");
            assertTrue(href.matches("\\.\\./articles/[0-9a-f]{16}/index\\.html#p\\d+"), href);
        } finally {
            TestProject.delete(offline.root);
        }
    }
}
