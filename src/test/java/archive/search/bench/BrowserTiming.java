package archive.search.bench;

import archive.search.SiteServer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Times queries on the search page in headless Chromium, each in a fresh context (cold cache). */
final class BrowserTiming {
    private BrowserTiming() {}

    static void run(Path site, List<String> queries) {
        try (SiteServer server = new SiteServer(site); Playwright pw = Playwright.create(); Browser browser = archive.browser.Chromium.launch(pw)) {
            System.out.println("| query | results | index files | transferred | query time | page load to results |");
            System.out.println("|---|---|---|---|---|---|");
            for (String q : queries) {
                for (int round = 0; round < 2; round++) {
                    try (BrowserContext ctx = browser.newContext()) {
                        Page page = ctx.newPage();
                        page.navigate(server.url("search/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
                        page.waitForSelector("html[data-search]", new Page.WaitForSelectorOptions().setTimeout(60_000));
                        Object m = page.evaluate("() => { const r = performance.getEntriesByType('resource')"
                                + ".filter(e => e.name.includes('/search/data/'));"
                                + " const q = performance.getEntriesByName('archive-search')[0];"
                                + " return [r.length, r.reduce((s, e) => s + e.encodedBodySize, 0), q ? q.duration : -1,"
                                + " q ? q.startTime + q.duration : -1, document.getElementById('search-status').textContent,"
                                + " document.documentElement.getAttribute('data-search')]; }");
                        List<?> v = (List<?>) m;
                        if (round == 1) {
                            System.out.printf("| %s | %s | %s | %.0f KB | %.0f ms | %.0f ms |%n", q, v.get(4), v.get(0),
                                    ((Number) v.get(1)).doubleValue() / 1024, ((Number) v.get(2)).doubleValue(),
                                    ((Number) v.get(3)).doubleValue());
                        }
                    }
                }
            }
        }
    }
}
