package archive.check;

import archive.testing.SeedSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page carries a strict Content-Security-Policy ({@code default-src 'self'}, nothing
 * inline) before any resource it governs, and nothing in the page needs an exception to it: no
 * inline script or style element, no style or event-handler attribute, no javascript: URL.
 * (The browser tests run the pages under this policy and fail on any violation it reports.)
 */
class ContentSecurityPolicyTest {
    static List<String> problems(Document doc) {
        List<String> out = new ArrayList<>();
        Element csp = doc.selectFirst("head > meta[http-equiv=Content-Security-Policy]");
        if (csp == null) {
            out.add("no Content-Security-Policy meta tag");
        } else {
            String policy = csp.attr("content");
            if (!policy.matches("default-src 'self'(;.*)?")) out.add("policy does not start with default-src 'self': " + policy);
            if (policy.contains("unsafe-") || policy.contains("data:") || policy.contains("*")) out.add("policy has an exception: " + policy);
            Element firstResource = doc.selectFirst("head link[href], head script, head style");
            if (firstResource != null && firstResource.elementSiblingIndex() < csp.elementSiblingIndex()) {
                out.add("policy comes after " + firstResource.outerHtml());
            }
        }
        // JSON-LD is a data block the browser never executes, so CSP does not apply to it.
        for (Element s : doc.select("script:not([type=application/ld+json])")) {
            if (!s.hasAttr("src") || !s.data().isBlank()) out.add("inline script: " + s.outerHtml());
        }
        for (Element s : doc.select("style")) out.add("inline style element");
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(java.util.Locale.ROOT);
                if (name.equals("style")) out.add("style attribute on <" + e.tagName() + ">");
                if (name.startsWith("on")) out.add("event handler " + name + " on <" + e.tagName() + ">");
                if (a.getValue().strip().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:")) out.add("javascript: URL on <" + e.tagName() + ">");
            }
        }
        return out;
    }

    @Test
    void everyPageHasTheStrictPolicyAndNeedsNoInlineScriptOrStyle() throws IOException {
        Path site = SeedSite.site();
        List<String> all = new ArrayList<>();
        int pages = 0;
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                for (String problem : problems(Jsoup.parse(p.toFile(), "UTF-8"))) all.add(site.relativize(p) + ": " + problem);
                pages++;
            }
        }
        assertTrue(pages > 100, pages + " pages");
        assertEquals("", String.join("\n", all));
    }

    @Test
    void theRuleFindsInlineCodeAndAMissingOrLatePolicy() {
        Document bad = Jsoup.parse("<html><head><link rel=\"stylesheet\" href=\"a.css\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self' 'unsafe-inline'\">"
                + "<script>x()</script><style>p{}</style></head><body><p style=\"color:red\" onclick=\"x()\">"
                + "<a href=\"javascript:x()\">x</a></p></body></html>");
        assertEquals(8, problems(bad).size(), problems(bad).toString());
        assertEquals(List.of("no Content-Security-Policy meta tag"), problems(Jsoup.parse("<p>x</p>")));
    }
}
