package archive.browser;

import archive.testing.SeedSite;
import archive.testing.SiteServer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading an article: the reading modes, the glosses of terms, paragraph links, under the page's CSP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingBrowserTest {
    private Chromium chromium;
    private SiteServer server;
    private Chromium.WatchedPage watched;
    /** Two bilingual articles with glossary terms, found in the built site (the tests name no article). */
    private String article, otherArticle;

    @BeforeAll
    void start() {
        server = SiteServer.start(SeedSite.site());
        chromium = new Chromium();
        List<String> annotated = SeedSite.project().page("articles/").select("a[href*=articles/]").eachAttr("href").stream()
                .map(h -> h.replaceFirst("^(\\.\\./)*", "").replaceFirst("^articles/articles/", "articles/"))
                .filter(h -> h.matches("articles/[0-9a-f]{16}/")).distinct()
                .filter(h -> {
                    Document d = SeedSite.project().page(h);
                    return !d.select("#mode-zh").isEmpty() && !d.select(".zh a.term").isEmpty();
                }).toList();
        assertTrue(annotated.size() >= 2, "the seed site should have two bilingual articles with terms: " + annotated);
        article = annotated.get(0);
        otherArticle = annotated.get(1);
    }

    @AfterAll
    void stop() {
        chromium.close();
        server.close();
    }

    @AfterEach
    void noConsoleErrors() {
        if (watched == null) return;
        List<String> problems = watched.problems();
        watched.close();
        watched = null;
        assertEquals(List.of(), problems);
    }

    private Page open(Browser.NewContextOptions options, String sitePath) {
        watched = chromium.open(options);
        watched.page.navigate(server.url(sitePath));
        return watched.page;
    }

    private static Locator firstRow(Page page, String lang) {
        return page.locator(".rows .row").first().locator("." + lang);
    }

    @Test
    void theReadingModeSwitchWorksWithoutJavaScript() {
        Page page = open(Chromium.desktop().setJavaScriptEnabled(false), article);
        assertThat(firstRow(page, "zh")).isVisible();
        assertThat(firstRow(page, "en")).isVisible();

        page.locator("label[for=mode-en]").click();
        assertThat(firstRow(page, "zh")).isHidden();
        assertThat(firstRow(page, "en")).isVisible();
        assertThat(page.locator(".rows .zh:visible")).hasCount(0);

        page.locator("label[for=mode-zh]").click();
        assertThat(firstRow(page, "en")).isHidden();
        assertThat(firstRow(page, "zh")).isVisible();
        assertThat(page.locator(".rows .en:visible")).hasCount(0);

        page.locator("label[for=mode-both]").click();
        assertThat(firstRow(page, "zh")).isVisible();
        assertThat(firstRow(page, "en")).isVisible();
    }

    @Test
    void sideBySideShowsTheLanguagesInColumnsOnADesktop() {
        Page page = open(Chromium.desktop(), article);
        var zh = firstRow(page, "zh").boundingBox();
        var en = firstRow(page, "en").boundingBox();
        assertTrue(en.x > zh.x + zh.width - 1, "English beside the Chinese, not below it");
        assertTrue(Math.abs(en.y - zh.y) < 20, "both columns start on the same line");
    }

    @Test
    void theReadingModeCanBeChosenWithTheKeyboard() {
        Page page = open(Chromium.desktop(), article);
        page.locator("#mode-both").focus();
        page.keyboard().press("ArrowRight");
        assertThat(page.locator("#mode-en")).isChecked();
        assertThat(firstRow(page, "zh")).isHidden();
        page.keyboard().press("ArrowRight");
        assertThat(page.locator("#mode-zh")).isChecked();
        assertThat(firstRow(page, "en")).isHidden();
    }

    @Test
    void theChosenModeIsRememberedOnOtherArticlesAndAfterReload() {
        Page page = open(Chromium.desktop(), article);
        page.locator("label[for=mode-zh]").click();
        assertThat(firstRow(page, "en")).isHidden();

        page.navigate(server.url(otherArticle));
        assertThat(page.locator("#mode-zh")).isChecked();
        assertThat(firstRow(page, "en")).isHidden();
        assertThat(firstRow(page, "zh")).isVisible();

        page.locator("label[for=mode-en]").click();
        page.reload();
        assertThat(page.locator("#mode-en")).isChecked();
        assertThat(firstRow(page, "zh")).isHidden();
    }

    @Test
    void aGlossAppearsOnHoverAndGoesAwayAfter() {
        Page page = open(Chromium.desktop(), article);
        Locator term = page.locator(".zh a.term").first();
        Locator gloss = term.locator(".gloss");
        assertThat(gloss).isHidden();
        term.hover();
        assertThat(gloss).isVisible();
        assertThat(gloss.locator("i[lang=zh-Latn-pinyin]")).not().isEmpty();
        page.locator("h1").first().hover();
        assertThat(gloss).isHidden();
    }

    @Test
    void aGlossAppearsWhenTheTermGetsKeyboardFocus() {
        Page page = open(Chromium.desktop(), article);
        page.locator(".rows .row a.pnum").first().focus();
        boolean onTerm = false;
        for (int i = 0; i < 30 && !onTerm; i++) {
            page.keyboard().press("Tab");
            onTerm = (Boolean) page.evaluate("() => document.activeElement.matches('a.term')");
        }
        assertTrue(onTerm, "Tab should reach a glossary term in the text");
        Locator focused = page.locator("a.term:focus");
        assertThat(focused.locator(".gloss")).isVisible();
        page.keyboard().press("Tab");
        assertThat(focused).hasCount(0);
    }

    @Test
    void onAPhoneTheFirstTapShowsTheGlossAndTheSecondFollowsTheLink() {
        Page page = open(Chromium.phone(), article);
        assertTrue((Boolean) page.evaluate("() => matchMedia('(hover: none)').matches"), "a phone has no hover");
        Locator term = page.locator(".zh a.term").first();
        String href = term.getAttribute("href");
        term.scrollIntoViewIfNeeded();
        term.tap();
        assertThat(term.locator(".gloss")).isVisible();
        assertTrue(page.url().contains(article), "the first tap stays on the article");

        term.tap();
        page.waitForURL("**/glossary/**");
        assertTrue(page.url().endsWith(href.replaceFirst("^(\\.\\./)+", "")), page.url() + " should be " + href);
        assertThat(page.locator("h1")).isVisible();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone", "desktop"})
    void anOpenGlossStaysOnTheScreen(String device) {
        boolean phone = device.equals("phone");
        Page page = open(phone ? Chromium.phone() : Chromium.desktop(), article);
        int width = phone ? 375 : 1280;
        Locator terms = page.locator(".rows a.term");
        int checked = 0;
        List<String> outside = new java.util.ArrayList<>();
        for (int i = 0; i < terms.count() && checked < 8; i++) {
            Locator term = terms.nth(i);
            var box = term.boundingBox();
            if (box == null || box.x + box.width < width * 0.6) continue; // terms near the right edge are the hard case
            term.scrollIntoViewIfNeeded();
            if (phone) term.tap();
            else term.hover();
            Locator gloss = term.locator(".gloss");
            assertThat(gloss).isVisible();
            var g = gloss.boundingBox();
            if (g.x < 0 || g.x + g.width > width) outside.add(term.innerText() + " gloss at " + g.x + ".." + (g.x + g.width));
            if (phone) page.locator("h1").first().tap(); // closes it
            checked++;
        }
        assertTrue(checked > 0, "no term near the right edge");
        assertEquals(List.of(), outside);
    }

    @Test
    void aParagraphLinkTargetsAndScrollsToItsRow() {
        Page page = open(Chromium.phone(), article);
        Locator rows = page.locator(".rows .row");
        int last = rows.count() - 1;
        String id = rows.nth(last).getAttribute("id");

        page.locator(".row#" + id + " a.pnum").click();
        assertTrue(page.url().endsWith("#" + id), page.url());
        assertEquals(id, page.evaluate("() => document.querySelector(':target').id"));
        assertThat(rows.nth(last)).isInViewport();

        page.navigate(server.url(otherArticle + "#p3"));
        assertEquals("p3", page.evaluate("() => document.querySelector(':target').id"));
        Locator target = page.locator(".row#p3");
        assertThat(target).isInViewport();
        double top = target.boundingBox().y;
        assertTrue(top >= 0 && top < 100, "the row is scrolled to the top of the screen, at " + top);
        String colour = (String) target.evaluate("e => getComputedStyle(e).backgroundColor");
        assertFalse(colour.equals("rgba(0, 0, 0, 0)"), "the targeted row is highlighted");
    }

    @Test
    void thePolicyBlocksInlineScriptAndTheViolationIsReported() {
        Page page = open(Chromium.desktop(), article);
        assertEquals(List.of(), watched.problems());
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true';"
                + " document.head.appendChild(s); }");
        assertEquals(Boolean.FALSE, page.evaluate("() => window.inlineRan === true"));
        page.waitForCondition(() -> !watched.problems().isEmpty());
        List<String> problems = watched.problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("Content Security Policy")), problems.toString());
        watched.clearProblems();
        assertNotNull(page.locator("meta[http-equiv=Content-Security-Policy]").getAttribute("content"));
    }
}
