package archive.browser;

import archive.serve.Preview;
import archive.testing.TestProject;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor loop in a real browser: a page open in the preview says where it is, and after a
 * template's change it reloads by itself, showing the change before every page is built.
 */
class PreviewBrowserTest {

    @Test
    void anOpenPageReloadsWithATemplatesChangeRenderedForItFirst() throws Exception {
        TestProject project = TestProject.seedProject();
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (Preview preview = new Preview(project.config(), "127.0.0.1", 0, new PrintStream(logged, true, StandardCharsets.UTF_8));
             Chromium chromium = new Chromium(); Chromium.WatchedPage w = chromium.open(Chromium.desktop())) {
            preview.start();
            preview.awaitIdle(60);
            Page page = w.page;
            page.navigate("http://127.0.0.1:" + preview.port() + "/articles/119a5904f4221201/");
            // The reload script connects and names its page.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!preview.server().openFiles().contains("articles/119a5904f4221201/index.html")) {
                assertTrue(System.nanoTime() < deadline, "the page never said where it is: " + preview.server().openFiles());
                Thread.sleep(20);
            }
            project.write("templates/base.peb", project.read("templates/base.peb")
                    .replace("<footer class=\"colophon\">", "<footer class=\"colophon\"><!-- first-marker -->"));
            page.waitForFunction("() => document.documentElement.outerHTML.includes('first-marker')", null,
                    new Page.WaitForFunctionOptions().setTimeout(30_000));
            preview.awaitIdle(60);
            String log = logged.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("Showed the 1 open page in "), log);
            assertTrue(w.problems().isEmpty(), w.problems().toString());
        } finally {
            TestProject.delete(project.root);
        }
    }
}
