package archive.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview server's pages shown first (after a template's change the preview renders the open
 * pages before the others): served from memory until the build, reloaded once.
 */
class DevServerTest {
    private Path site;
    private DevServer server;

    @BeforeEach
    void start() throws IOException {
        site = Files.createTempDirectory("archive-devserver");
        for (String p : List.of("a", "b", "c")) write(p + "/index.html", page(p + " as published"));
        Path script = Files.writeString(site.resolveSibling(site.getFileName() + ".js"), "// reload");
        server = new DevServer(site, script, "127.0.0.1", 0);
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        archive.testing.TestProject.delete(site);
        Files.deleteIfExists(site.resolveSibling(site.getFileName() + ".js"));
    }

    @Test
    void pagesShownFirstAreServedFromMemoryReloadOnlyWhereTheyChangedAndNotAgainWhenPublishedAsShown() throws Exception {
        try (Socket a = new Socket("127.0.0.1", server.port()); Socket b = new Socket("127.0.0.1", server.port());
             Socket unsaid = new Socket("127.0.0.1", server.port())) {
            BufferedReader onA = EventStream.listen(a, "/a/"), onB = EventStream.listen(b, "/b/");
            BufferedReader onUnsaid = EventStream.listen(unsaid);
            assertEquals(List.of("b/index.html", "a/index.html"), List.copyOf(server.openFiles()), "the latest opened first");

            // a is made anew; b is made as it is published.
            server.showFirst(Map.of("a/index.html", page("a anew"), "b/index.html", page("b as published")));
            EventStream.waitFor(onA, "data: ok");
            assertTrue(get("/a/").contains("a anew"), "a is served as made");
            assertTrue(read("a/index.html").contains("a as published"), "its file is left to the build");
            EventStream.noReloadWithin(b, onB, 1_000);
            EventStream.noReloadWithin(unsaid, onUnsaid, 200);
            assertEquals(0, server.announced(), "not a build");

            // The build publishes a as it was shown, and c anew.
            write("a/index.html", page("a anew"));
            write("c/index.html", page("c anew"));
            server.built("");
            EventStream.waitFor(onB, "data: ok");
            EventStream.waitFor(onUnsaid, "data: ok");
            EventStream.noReloadWithin(a, onA, 1_000);
            assertEquals(1, server.announced());

            // From then on the files are served, and every open page reloads after a build.
            write("a/index.html", page("a later"));
            assertTrue(get("/a/").contains("a later"));
            server.built("");
            EventStream.waitFor(onA, "data: ok");
        }
    }

    @Test
    void aPageShownFirstThatTheBuildPublishedOtherwiseReloadsAgain() throws Exception {
        try (Socket a = new Socket("127.0.0.1", server.port())) {
            BufferedReader onA = EventStream.listen(a, "/a/");
            server.showFirst(Map.of("a/index.html", page("a anew")));
            EventStream.waitFor(onA, "data: ok");
            write("a/index.html", page("a otherwise"));
            server.built("");
            EventStream.waitFor(onA, "data: ok");
            assertTrue(get("/a/").contains("a otherwise"));
        }
    }

    /**
     * Shown first twice before a build publishes (the preview stopped a build for a newer save): each
     * page is compared with what it was told to show, not with its file, and a page no longer shown
     * first goes back to its file.
     */
    @Test
    void pagesShownFirstAgainBeforeABuildReloadWhereTheyDifferFromWhatTheyShow() throws Exception {
        try (Socket a = new Socket("127.0.0.1", server.port()); Socket b = new Socket("127.0.0.1", server.port());
             Socket c = new Socket("127.0.0.1", server.port())) {
            BufferedReader onA = EventStream.listen(a, "/a/"), onB = EventStream.listen(b, "/b/"), onC = EventStream.listen(c, "/c/");
            server.showFirst(Map.of("a/index.html", page("a first"), "b/index.html", page("b first"), "c/index.html", page("c first")));
            EventStream.waitFor(onA, "data: ok");
            EventStream.waitFor(onB, "data: ok");
            EventStream.waitFor(onC, "data: ok");

            // The newer save made a as published (the change undone), b as shown already, and c is not shown first.
            server.showFirst(Map.of("a/index.html", page("a as published"), "b/index.html", page("b first")));
            EventStream.waitFor(onA, "data: ok");
            EventStream.waitFor(onC, "data: ok");
            EventStream.noReloadWithin(b, onB, 1_000);
            assertTrue(get("/a/").contains("a as published") && get("/b/").contains("b first") && get("/c/").contains("c as published"));

            // The build publishes nothing new: a shows it already; b goes back to its file.
            server.built("");
            EventStream.waitFor(onB, "data: ok");
            EventStream.noReloadWithin(a, onA, 1_000);
            assertTrue(get("/b/").contains("b as published"));
        }
    }

    /**
     * A page shown first that the build left behind for the one catching up after it (a list an
     * edit moved an article onto) keeps being served as shown: it does not go back, then forward.
     */
    @Test
    void aPageShownFirstThatTheBuildLeftForTheCatchingUpIsServedAsShownUntilThen() throws Exception {
        try (Socket a = new Socket("127.0.0.1", server.port()); Socket c = new Socket("127.0.0.1", server.port())) {
            BufferedReader onA = EventStream.listen(a, "/a/"), onC = EventStream.listen(c, "/c/");
            server.showFirst(Map.of("a/index.html", page("a anew"), "c/index.html", page("c anew")));
            EventStream.waitFor(onA, "data: ok");
            EventStream.waitFor(onC, "data: ok");
            // The build publishes c as shown and leaves a as it was, for the catching up.
            write("c/index.html", page("c anew"));
            server.built("", true);
            EventStream.noReloadWithin(a, onA, 1_000);
            EventStream.noReloadWithin(c, onC, 200);
            assertTrue(get("/a/").contains("a anew"), "a is still served as shown");
            // The catching up publishes it so: nothing to reload, and the file is served again.
            write("a/index.html", page("a anew"));
            server.settle();
            EventStream.noReloadWithin(a, onA, 1_000);
            write("a/index.html", page("a later"));
            assertTrue(get("/a/").contains("a later"));

            // Shown again, and the catching up ends otherwise (it failed): the page reloads to what is published.
            server.showFirst(Map.of("a/index.html", page("a again")));
            EventStream.waitFor(onA, "data: ok");
            server.built("", true);
            EventStream.noReloadWithin(a, onA, 500);
            server.settle();
            EventStream.waitFor(onA, "data: ok");
            assertTrue(get("/a/").contains("a later"));
        }
    }

    @Test
    void aPageSaysWhereItIsOnlyAsAFileOfTheSite() {
        assertEquals("a/index.html", server.pageFile("page=%2Fa%2F"));
        assertEquals("a/index.html", server.pageFile("x=1&page=%2Fa%2Findex.html"));
        assertEquals(null, server.pageFile("page=%2F..%2Fetc%2Fpasswd"));
        assertEquals(null, server.pageFile("page=%2Fnowhere%2F"));
        assertEquals(null, server.pageFile("page=%ZZ"));
        assertEquals(null, server.pageFile(null));
    }

    private static byte[] page(String text) {
        return ("<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>" + text + "</p></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void write(String file, byte[] bytes) throws IOException {
        Files.createDirectories(site.resolve(file).getParent());
        Files.write(site.resolve(file), bytes);
    }

    private String read(String file) throws IOException {
        return Files.readString(site.resolve(file));
    }

    private String get(String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
