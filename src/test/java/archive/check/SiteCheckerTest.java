package archive.check;

import archive.testing.SeedSite;
import archive.testing.TestProject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteCheckerTest {
    private static final String HEAD = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title>"
            + "<link rel=\"stylesheet\" href=\"../assets/site.css\"></head><body>";

    private static List<SiteProblem> check(String... fileThenHtml) {
        SiteChecker c = new SiteChecker();
        c.addFile("assets/site.css");
        for (int i = 0; i < fileThenHtml.length; i += 2) {
            c.write(fileThenHtml[i], fileThenHtml[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return c.problems();
    }

    @Test
    void theSeedSiteHasNoBrokenLinkAnchorOrAssetAndNoSyntaxError() {
        List<SiteProblem> problems = SiteChecker.checkFolder(SeedSite.site());
        assertEquals(List.of(), problems);
    }

    @Test
    void theOfflineSeedSiteHasNoBrokenLinkEither() {
        TestProject p = TestProject.seedProject();
        try {
            p.build(p.config().withOffline(true));
            assertEquals(List.of(), SiteChecker.checkFolder(p.site()));
        } finally {
            TestProject.delete(p.root);
        }
    }

    @Test
    void linksBetweenExistingPagesAndAnchorsPass() {
        assertEquals(List.of(), check(
                "a/index.html", HEAD + "<p id=\"p1\">x</p><a href=\"../b/#p2\">b</a> <a href=\"#p1\">me</a> <a href=\"#top\">top</a>"
                        + " <a href=\"https://example.org/x\">out</a> <a href=\"mailto:x@example.org\">mail</a></body></html>",
                "b/index.html", HEAD + "<p id=\"p2\">y</p><a href=\"../a/index.html#p1\">a</a></body></html>"));
    }

    @Test
    void aLinkToAMissingPageIsReportedWithItsLine() {
        List<SiteProblem> problems = check("a/index.html", HEAD + "\n<a href=\"../places/nowhere/\">x</a></body></html>");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("a/index.html", problems.get(0).file());
        assertEquals(2, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("no such file places/nowhere/index.html"), problems.toString());
    }

    @Test
    void aMissingParagraphAnchorIsReportedOnTheSamePageAndOnAnother() {
        List<SiteProblem> problems = check(
                "a/index.html", HEAD + "<p id=\"p1\">x</p><a href=\"#p9\">x</a></body></html>",
                "b/index.html", HEAD + "<a href=\"../a/#p7\">x</a></body></html>");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("no element with id \"p9\""), problems.toString());
        assertTrue(problems.get(1).message().contains("a/index.html has no element with id \"p7\""), problems.toString());
    }

    @Test
    void aMissingAssetAndAFolderWithoutItsSlashAreReported() {
        List<SiteProblem> problems = check(
                "a/index.html", HEAD + "<script src=\"../assets/gone.js\"></script><a href=\"../b\">b</a></body></html>",
                "b/index.html", HEAD + "</body></html>");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("no such file assets/gone.js"), problems.toString());
        assertTrue(problems.get(1).message().contains("end the link with /"), problems.toString());
    }

    @Test
    void aLinkLeavingTheSiteIsReported() {
        List<SiteProblem> problems = check("a/index.html", HEAD + "<a href=\"../../x/\">x</a></body></html>");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("outside the site"), problems.toString());
    }

    @Test
    void syntaxErrorsAndDuplicateIdsAreReported() {
        List<SiteProblem> problems = check("a/index.html", HEAD + "<p id=\"x\">a</p>\n<div id=\"x\">b</span></div></body></html>");
        assertTrue(problems.stream().anyMatch(p -> p.message().equals("duplicate id \"x\"") && p.line() == 2), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().startsWith("HTML syntax:")), problems.toString());
    }
}
