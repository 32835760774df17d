package archive.browser;

import archive.testing.SeedSite;
import archive.testing.SiteServer;
import archive.testing.TestProject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Finding one's way: from the home page to a glossary entry by clicks alone, on a phone and on a
 * desktop; every kind of page fits a 375 px screen; the offline build works from file://. Every
 * page visited must leave the console clean (no error, no CSP violation, no failed load).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NavigationBrowserTest {
    private Chromium chromium;
    private SiteServer server;

    @BeforeAll
    void start() {
        server = SiteServer.start(SeedSite.site());
        chromium = new Chromium();
    }

    @AfterAll
    void stop() {
        chromium.close();
        server.close();
    }

    /** Clicks the first link matching {@code selector} and waits for the page it leads to, whose URL ends as {@code urlEnd} (a regex). */
    private static void follow(Page page, String selector, String urlEnd) {
        Locator link = page.locator(selector).first();
        assertThat(link).isVisible();
        link.click();
        page.waitForURL(Pattern.compile(".*/" + urlEnd + "$"));
        assertThat(page.locator("h1")).isVisible();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void fromHomeToAGlossaryEntryByClicks(String device) {
        try (Chromium.WatchedPage w = chromium.open(device.equals("phone") ? Chromium.phone() : Chromium.desktop())) {
            Page page = w.page;
            page.navigate(server.url(""));
            assertThat(page.locator("h1")).isVisible();
            follow(page, "header nav a[href$='dates/']", "dates/");
            follow(page, "main ul.years a", "dates/19[56][0-9]/");
            follow(page, "main .calendar td a", "dates/\\d{4}/\\d\\d/\\d\\d/");
            follow(page, "main .article-list a", "articles/[0-9a-f]{16}/");
            assertThat(page.locator(".rows .row").first()).isVisible();
            follow(page, ".about-article a[href*='places/']", "places/[a-z0-9-]+/");
            // not every place has industries: step back to the article and try its next place
            int tries = 0;
            while (page.locator("main a[href*='industries/'][href$='/']:not([href$='industries/'])").count() == 0) {
                page.goBack();
                page.waitForURL(Pattern.compile(".*/articles/[0-9a-f]{16}/$"));
                follow(page, ".about-article a[href*='places/'] >> nth=" + (++tries), "places/[a-z0-9-]+/");
            }
            follow(page, "main a[href*='industries/'][href$='/']:not([href$='industries/'])", "industries/[a-z0-9-]+/");
            assertThat(page.locator("main .article-list a").first()).isVisible();
            follow(page, "header nav a[href$='glossary/']", "glossary/");
            follow(page, "main a[href*='glossary/'][href$='/']:not([href$='glossary/'])", "glossary/[a-z0-9-]+/");
            assertThat(page.locator("h1 [lang=zh-Hans]")).isVisible();
            assertEquals(List.of(), w.problems());
        }
    }

    @Test
    void everyKindOfPageFitsAPhoneScreenAndLoadsCleanly() {
        List<String> problems = new ArrayList<>();
        try (Chromium.WatchedPage w = chromium.open(Chromium.phone())) {
            for (String path : SitePages.onePageOfEachKind()) {
                w.page.navigate(server.url(path));
                Object overflow = w.page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (((Number) overflow).intValue() > 0) problems.add(path + " is " + overflow + " px wider than the 375 px screen");
            }
            problems.addAll(w.problems());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyKindOfPageFitsADesktopWindowAndLoadsCleanly() {
        List<String> problems = new ArrayList<>();
        try (Chromium.WatchedPage w = chromium.open(Chromium.desktop())) {
            for (String path : SitePages.onePageOfEachKind()) {
                w.page.navigate(server.url(path));
                Object overflow = w.page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (((Number) overflow).intValue() > 0) problems.add(path + " overflows by " + overflow + " px");
                assertThat(w.page.locator("header.masthead nav")).isVisible();
            }
            problems.addAll(w.problems());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theOfflineBuildWorksFromFileWithItsPolicyAndRemembersTheMode() {
        TestProject p = TestProject.seedProject();
        try (Chromium.WatchedPage w = chromium.open(Chromium.desktop())) {
            p.build(p.config().withOffline(true));
            Page page = w.page;
            page.navigate(p.site().resolve("index.html").toUri().toString());
            assertThat(page.locator("h1")).isVisible();
            follow(page, "main .article-list a", "articles/[0-9a-f]{16}/index.html");
            assertThat(page.locator("link[rel=stylesheet]")).hasCount(1);
            assertEquals("grid", page.locator(".rows .row").first().evaluate("e => getComputedStyle(e).display"),
                    "the stylesheet applies under the policy from file://");
            page.locator("label[for=mode-zh]").click();
            follow(page, "header nav a[href$='articles/index.html']", "articles/index.html");
            follow(page, "main .article-list a", "articles/[0-9a-f]{16}/index.html");
            assertThat(page.locator("#mode-zh")).isChecked();
            assertThat(page.locator(".rows .row").first().locator(".en")).isHidden();
            assertEquals(List.of(), w.problems());
        } finally {
            TestProject.delete(p.root);
        }
    }
}
