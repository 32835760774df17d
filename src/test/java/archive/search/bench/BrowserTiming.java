package archive.search.bench;

import archive.search.SiteServer;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Times queries on the search page in headless Chromium: each query once to warm the server, then
 * {@link #RUNS} times in a fresh context (cold browser cache), reporting the medians.
 */
final class BrowserTiming {
    static final int RUNS = 5;

    private BrowserTiming() {}

    /** One cold run: what the page shows and what it cost. */
    record Run(String status, int files, double bytes, double queryMs, double loadMs, double cpuMs) {}

    static void run(Path site, List<String> queries) {
        try (SiteServer server = new SiteServer(site); Playwright pw = Playwright.create(); Browser browser = archive.browser.Chromium.launch(pw)) {
            System.out.println("| query | results | index files | transferred | query time | main-thread CPU | page load to results | load average |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (String q : queries) {
                once(browser, server, q);
                List<Run> runs = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) runs.add(once(browser, server, q));
                Run last = runs.get(runs.size() - 1);
                System.out.printf("| %s | %s | %d | %.0f KB | %.0f ms (%.0f–%.0f) | %.0f ms | %.0f ms | %.1f |%n", q, last.status(), last.files(),
                        last.bytes() / 1024, median(runs, Run::queryMs), min(runs, Run::queryMs), max(runs, Run::queryMs),
                        median(runs, Run::cpuMs), median(runs, Run::loadMs), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    private static Run once(Browser browser, SiteServer server, String q) {
        try (BrowserContext ctx = browser.newContext()) {
            Page page = ctx.newPage();
            CDPSession cdp = ctx.newCDPSession(page);
            cdp.send("Performance.enable");
            server.takeServed();
            page.navigate(server.url("search/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
            page.waitForSelector("html[data-search]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            List<?> v = (List<?>) page.evaluate("() => { const q = performance.getEntriesByName('archive-search')[0];"
                    + " return [q ? q.duration : -1, q ? q.startTime + q.duration : -1,"
                    + " document.getElementById('search-status').textContent, document.documentElement.getAttribute('data-search')]; }");
            if (!"done".equals(v.get(3))) throw new IllegalStateException(q + ": " + v.get(2));
            // Counted by the server, the same ruler as for Pagefind (whose worker's fetches the page does not see).
            List<SiteServer.Served> files = server.takeServed().stream().filter(f -> f.path().contains("/search/data/")).toList();
            return new Run((String) v.get(2), files.size(), files.stream().mapToLong(SiteServer.Served::bytes).sum(),
                    ((Number) v.get(0)).doubleValue(), ((Number) v.get(1)).doubleValue(), taskMillis(cdp.send("Performance.getMetrics")));
        }
    }

    /** TaskDuration: the renderer main thread's busy time since the page began to load, in ms. */
    private static double taskMillis(JsonObject metrics) {
        JsonArray all = metrics.getAsJsonArray("metrics");
        for (JsonElement m : all) {
            JsonObject o = m.getAsJsonObject();
            if (o.get("name").getAsString().equals("TaskDuration")) return o.get("value").getAsDouble() * 1000;
        }
        return -1;
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) { return runs.stream().mapToDouble(f).min().orElse(-1); }

    private static double max(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) { return runs.stream().mapToDouble(f).max().orElse(-1); }
}
