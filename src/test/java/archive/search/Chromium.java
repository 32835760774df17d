package archive.search;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;

/** Headless Debian Chromium through Playwright, as ../shared/docs/libraries.md prescribes. */
public final class Chromium {
    private Chromium() {}

    public static Browser launch(Playwright pw) {
        return pw.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync")));
    }
}
