package archive.browser;

import archive.testing.SeedSite;
import archive.testing.SiteServer;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core (WCAG 2.0 and 2.1, levels A and AA) finds no serious or critical violation on the home
 * page, articles, the glossary and an entry, the dates, a day, a place, the industries and an
 * industry; articles also on a phone, where the layout differs. The pages run under their own CSP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest {
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

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

    private List<String> violations(Chromium.WatchedPage w, String path) {
        w.page.navigate(server.url(path));
        return blocking(path, new AxeBuilder(w.page).withTags(TAGS).analyze());
    }

    private static List<String> blocking(String path, AxeResults results) {
        assertTrue(results.getPasses().size() > 3, "axe ran on " + path);
        List<String> out = new ArrayList<>();
        for (Rule r : results.getViolations()) {
            if (!BLOCKING.contains(r.getImpact())) continue;
            r.getNodes().stream().limit(3).forEach(n -> out.add(path + ": " + r.getId() + " (" + r.getImpact() + ") "
                    + n.getTarget() + " " + n.getFailureSummary().replace('\n', ' ')));
        }
        return out;
    }

    @Test
    void noSeriousOrCriticalViolationOnTheMainKindsOfPageOnADesktop() {
        List<String> found = new ArrayList<>();
        try (Chromium.WatchedPage w = chromium.open(Chromium.desktop())) {
            for (String path : SitePages.forAccessibility()) found.addAll(violations(w, path));
            found.addAll(w.problems());
        }
        assertEquals("", String.join("\n", found));
    }

    @Test
    void axeFindsTheViolationsOfABrokenPage() {
        try (Chromium.WatchedPage w = chromium.open(Chromium.desktop())) {
            w.page.setContent("<!DOCTYPE html><html><head><title>t</title></head><body><main><p>x</p>"
                    + "<input type=\"text\"><a href=\"#x\"></a></main></body></html>");
            String found = String.join("\n", blocking("broken", new AxeBuilder(w.page).withTags(TAGS).analyze()));
            assertTrue(found.contains("html-has-lang") && found.contains("label") && found.contains("link-name"), found);
        }
    }

    @Test
    void noSeriousOrCriticalViolationOnArticlesOnAPhone() {
        List<String> found = new ArrayList<>();
        try (Chromium.WatchedPage w = chromium.open(Chromium.phone())) {
            for (String path : SitePages.forAccessibility()) {
                if (path.matches("articles/.+")) found.addAll(violations(w, path));
            }
            found.addAll(w.problems());
        }
        assertEquals("", String.join("\n", found));
    }
}
