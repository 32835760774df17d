package archive.search.bench;

import archive.search.SiteServer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pagefind's side of the comparison: times {@code pagefind.search(q)} and the data of its first ten
 * results in headless Chromium, on a site that Pagefind has indexed into the given bundle folders.
 * Usage: {@code PagefindTiming SITE BUNDLE[,BUNDLE…] QUERY…} (bench/pagefind-timing.sh). Writes a
 * small page of its own into SITE and serves it as the search page is served (loopback, the site's
 * Content-Security-Policy); bytes are counted by the server, since Pagefind fetches in a worker.
 */
public final class PagefindTiming {
    private static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind timing</title>
            <script src="pagefind-timing.js" defer></script></head><body></body></html>
            """;
    private static final String SCRIPT = """
            (function () {
              var params = new URLSearchParams(location.search), root = document.documentElement;
              var t0 = performance.now();
              import("./" + params.get("bundle") + "/pagefind.js").then(function (pagefind) {
                var t1 = performance.now();
                return pagefind.search(params.get("q")).then(function (search) {
                  return Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (data) {
                    root.setAttribute("data-count", String(search.results.length));
                    root.setAttribute("data-query-ms", String(performance.now() - t1));
                    root.setAttribute("data-total-ms", String(performance.now() - t0));
                    root.setAttribute("data-first", data.map(function (d) { return d.url; }).join(" "));
                    root.setAttribute("data-search", "done");
                  });
                });
              }).catch(function (e) { root.setAttribute("data-search", "failed: " + e); });
            })();
            """;

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        List<String> bundles = List.of(args[1].split(","));
        List<String> queries = Arrays.asList(args).subList(2, args.length);
        Files.writeString(site.resolve("pagefind-timing.html"), PAGE);
        Files.writeString(site.resolve("pagefind-timing.js"), SCRIPT);
        try (Playwright pw = Playwright.create(); Browser browser = archive.browser.Chromium.launch(pw); SiteServer server = new SiteServer(site)) {
            System.out.println("| bundle | query | results | files | transferred | of which index | query time | page load to results |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (String bundle : bundles) {
                for (String q : queries) {
                    once(browser, server, bundle, q);
                    List<Run> runs = new ArrayList<>();
                    for (int i = 0; i < BrowserTiming.RUNS; i++) runs.add(once(browser, server, bundle, q));
                    Run r = runs.get(runs.size() - 1);
                    double[] ms = runs.stream().mapToDouble(Run::queryMs).sorted().toArray();
                    double[] total = runs.stream().mapToDouble(Run::totalMs).sorted().toArray();
                    System.out.printf("| %s | %s | %d | %d | %.0f KB | %.0f KB | %.0f ms (%.0f–%.0f) | %.0f ms |%n", bundle, q, r.count(),
                            r.files(), r.bytes() / 1024, r.indexBytes() / 1024, ms[ms.length / 2], ms[0], ms[ms.length - 1],
                            total[total.length / 2]);
                }
            }
        }
    }

    record Run(String state, int count, int files, double bytes, double indexBytes, double queryMs, double totalMs) {}

    /** Pagefind's code (the script, its worker and WebAssembly), as opposed to its index. */
    private static final java.util.regex.Pattern LIBRARY = java.util.regex.Pattern.compile(".*/(pagefind[^/]*\\.js|wasm\\.[^/]*\\.pagefind)$");

    private static Run once(Browser browser, SiteServer server, String bundle, String q) {
        try (BrowserContext ctx = browser.newContext()) {
            Page page = ctx.newPage();
            server.takeServed();
            page.navigate(server.url("pagefind-timing.html?bundle=" + bundle + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
            page.waitForSelector("html[data-search]", new Page.WaitForSelectorOptions().setTimeout(120_000));
            String state = page.getAttribute("html", "data-search");
            if (!"done".equals(state)) throw new IllegalStateException(bundle + " " + q + ": " + state);
            List<SiteServer.Served> files = server.takeServed().stream().filter(f -> f.path().startsWith("/" + bundle + "/")).toList();
            long bytes = files.stream().mapToLong(SiteServer.Served::bytes).sum();
            long index = files.stream().filter(f -> !LIBRARY.matcher(f.path()).matches()).mapToLong(SiteServer.Served::bytes).sum();
            return new Run(state, Integer.parseInt(page.getAttribute("html", "data-count")), files.size(), bytes, index,
                    Double.parseDouble(page.getAttribute("html", "data-query-ms")), Double.parseDouble(page.getAttribute("html", "data-total-ms")));
        }
    }
}
