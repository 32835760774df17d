package archive.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless Debian Chromium driven by Playwright; a test class starts one (about 2 s) and
 * opens a fresh context per test. Playwright never downloads a browser here: the tests use the
 * system's /usr/bin/chromium (set CHROMIUM to use another), installed by .ci/run.
 */
public final class Chromium implements AutoCloseable {
    /** The flags of ../shared/docs/libraries.md: no sandbox in containers, no GPU, no background traffic. */
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync");

    /** A desktop window and a phone: the two layouts every page must serve. */
    public static Browser.NewContextOptions desktop() {
        return new Browser.NewContextOptions().setViewportSize(1280, 900);
    }

    /** A 375 px wide touch screen without hover, as the smallest phones in use. */
    public static Browser.NewContextOptions phone() {
        return new Browser.NewContextOptions().setViewportSize(375, 740).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true);
    }

    private final Playwright playwright;
    private final Browser browser;

    public Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = launch(playwright);
    }

    /** Debian's headless Chromium (or $CHROMIUM) with the flags above, for tests that manage Playwright themselves. */
    public static Browser launch(Playwright playwright) {
        Path exe = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException("the browser tests need Chromium at " + exe
                    + ": run `apt-get install -y chromium fonts-noto-cjk` (as .ci/run does) or set CHROMIUM");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(exe).setHeadless(true).setArgs(ARGS));
    }

    /** A fresh context (own storage, own viewport) with a watched first page. */
    public WatchedPage open(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(10_000); // a static page answers in milliseconds: fail fast
        return new WatchedPage(context, context.newPage());
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** A page that records every console error, uncaught exception and failed request, for tests to assert none. */
    public static final class WatchedPage implements AutoCloseable {
        public final BrowserContext context;
        public final Page page;
        private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();

        WatchedPage(BrowserContext context, Page page) {
            this.context = context;
            this.page = page;
            page.onConsoleMessage(m -> {
                if (m.type().equals("error") || m.type().equals("warning")) {
                    problems.add("console " + m.type() + " on " + page.url() + ": " + m.text());
                }
            });
            page.onPageError(e -> problems.add("uncaught error on " + page.url() + ": " + e));
            page.onRequestFailed(r -> problems.add("request failed: " + r.url() + " (" + r.failure() + ")"));
            page.onResponse(r -> {
                if (r.status() >= 400) problems.add("HTTP " + r.status() + " for " + r.url());
            });
        }

        /** Everything that went wrong so far: console errors and warnings (CSP violations among them), exceptions, failed loads. */
        public List<String> problems() { return List.copyOf(problems); }

        public void clearProblems() { problems.clear(); }

        @Override
        public void close() { context.close(); }
    }
}
