package archive.serve;

import archive.testing.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview server as a browser (and a hostile client) sees it. */
class PreviewTest {
    private TestProject project;
    private Preview preview;
    /** What the preview told the editor. */
    private final java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        project = TestProject.seedProject();
        preview = new Preview(project.config(), "127.0.0.1", 0, new java.io.PrintStream(logged, true, StandardCharsets.UTF_8));
        preview.start();
    }

    @AfterEach
    void stop() {
        preview.close();
        TestProject.delete(project.root);
    }

    /** One raw HTTP exchange, so the path goes out exactly as written. */
    private Response request(String method, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", preview.port())) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            byte[] all = s.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end);
            return new Response(Integer.parseInt(head.split(" ")[1]), head.toLowerCase(java.util.Locale.ROOT), text.substring(end + 4));
        }
    }

    private record Response(int status, String head, String body) {}

    @Test
    void servesPagesAsUtf8HtmlThatBrowsersMayNotSniff() throws IOException {
        Response r = request("GET", "/articles/119a5904f4221201/");
        assertEquals(200, r.status());
        assertTrue(r.head().contains("content-type: text/html; charset=utf-8"), r.head());
        assertTrue(r.head().contains("x-content-type-options: nosniff"), r.head());
        assertTrue(r.body().contains("<script src=\"/_archive/live-reload.js\" defer></script>"));
        assertTrue(request("GET", "/assets/site.css").head().contains("content-type: text/css; charset=utf-8"));
        Response script = request("GET", "/_archive/live-reload.js");
        assertTrue(script.body().contains("EventSource"));
        Response head = request("HEAD", "/");
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertFalse(Files.readString(project.site().resolve("index.html")).contains("live-reload"), "the site on disk has no preview script");
    }

    @Test
    void nothingOutsideTheSiteFolderCanBeRead() throws IOException {
        Files.writeString(project.root.resolve("secret.txt"), "secret");
        for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/articles/..%2f..%2fsecret.txt",
                "/..%5csecret.txt", "//" + project.root.resolve("secret.txt"), "/" + project.root.resolve("secret.txt"),
                "/%00", "/%ff%fe", "/./index.html", "/assets/../../secret.txt")) {
            Response r = request("GET", path);
            assertEquals(404, r.status(), path);
            assertFalse(r.body().contains("secret"), path);
        }
        Files.createSymbolicLink(project.site().resolve("out"), project.root);
        Files.createSymbolicLink(project.site().resolve("secret-link.txt"), project.root.resolve("secret.txt"));
        assertEquals(404, request("GET", "/out/secret.txt").status());
        assertEquals(404, request("GET", "/secret-link.txt").status());
    }

    @Test
    void answersOnlyGetAndHead() throws IOException {
        for (String m : List.of("POST", "PUT", "DELETE", "OPTIONS", "TRACE")) {
            Response r = request(m, "/");
            assertEquals(405, r.status(), m);
            assertTrue(r.head().contains("allow: get, head"), m);
        }
    }

    /**
     * The rebuild the preview rehearses after its first build (for the JIT, before the first save)
     * reloads no open page and rewrites no file; the first save is then announced as usual.
     */
    @Test
    void theRehearsedRebuildReloadsNoPageAndRewritesNothing() throws Exception {
        preview.close();
        preview = new Preview(project.config(), "127.0.0.1", 0, new java.io.PrintStream(OutputStream.nullOutputStream()));
        preview.start();
        java.util.Map<Path, java.nio.file.attribute.FileTime> built = fileTimes(project.site());
        preview.awaitIdle(60);
        assertEquals(1, preview.server().announced(), "the first build is announced, the rehearsal is not");
        assertEquals(built, fileTimes(project.site()));
        assertTrue(built.size() > 20, built.size() + " files");
        try (Socket events = new Socket("127.0.0.1", preview.port())) {
            BufferedReader in = EventStream.listen(events);
            String seed = "seeds/000_119a5904f4221201.txt";
            project.write(seed, project.read(seed).replaceFirst("\nAuthor:", "\nAuthor: After The Rehearsal"));
            EventStream.waitFor(in, "data: ok");
        }
    }

    private static java.util.Map<Path, java.nio.file.attribute.FileTime> fileTimes(Path site) throws IOException {
        java.util.Map<Path, java.nio.file.attribute.FileTime> times = new java.util.TreeMap<>();
        try (var files = Files.walk(site)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) times.put(site.relativize(f), Files.getLastModifiedTime(f));
        }
        return times;
    }

    @Test
    void aSavedSeedReloadsOpenPagesAndAFailedBuildKeepsTheLastGoodSiteWithItsErrors() throws Exception {
        try (Socket events = new Socket("127.0.0.1", preview.port())) {
            BufferedReader in = EventStream.listen(events);
            String seed = "seeds/000_119a5904f4221201.txt";
            project.write(seed, project.read(seed).replaceFirst("\nAuthor:", "\nAuthor: Preview Tester"));
            EventStream.waitFor(in, "data: ok");
            assertTrue(request("GET", "/articles/119a5904f4221201/").body().contains("By Preview Tester"));

            project.write("seeds/009_aaaaaaaaaaaaaaaa.txt", "Title: Broken\nDate: 1959-02-30\nPage: 1\n\nText.\n");
            EventStream.waitFor(in, "data: failed");
            Response page = request("GET", "/articles/119a5904f4221201/");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("By Preview Tester"), "the last good site is still served");
            assertTrue(page.body().contains("class=\"archive-build-error\""));
            assertTrue(page.body().contains("009_aaaaaaaaaaaaaaaa.txt:2"), "the error names the file and line");

            Files.delete(project.root.resolve("seeds/009_aaaaaaaaaaaaaaaa.txt"));
            EventStream.waitFor(in, "data: ok");
            assertFalse(request("GET", "/").body().contains("archive-build-error"));
        }
    }

    /**
     * A build that stops on an error of the JVM rather than an exception (here a template that
     * includes itself, without end) is shown as a failed build, as any other: the builder's thread
     * once dropped such errors, and the editor saw nothing (the whole paper's catching-up build ran
     * out of memory so).
     */
    @Test
    void aBuildStoppedByAnErrorOfTheJvmIsShownAsAFailedBuild() throws Exception {
        try (Socket events = new Socket("127.0.0.1", preview.port())) {
            BufferedReader in = EventStream.listen(events);
            String template = project.read("templates/article.peb");
            project.write("templates/article.peb", "{% include \"article\" %}");
            EventStream.waitFor(in, "data: failed");
            String page = request("GET", "/articles/119a5904f4221201/").body();
            assertTrue(page.contains("class=\"archive-build-error\"") && page.contains("StackOverflowError"), page);

            project.write("templates/article.peb", template);
            EventStream.waitFor(in, "data: ok");
        }
    }

    @Test
    void afterTheEditedPageIsShownTheSearchIndexAndDownloadsCatchUpWithACleanBuild() throws Exception {
        try (Socket events = new Socket("127.0.0.1", preview.port())) {
            BufferedReader in = EventStream.listen(events);
            String seed = "seeds/000_119a5904f4221201.txt";
            String text = project.read(seed);
            // At the start of the first paragraph of the English text, after the header's last line.
            int body = text.indexOf("\n\n", text.indexOf("\nPage:")) + 2;
            project.write(seed, text.substring(0, body) + "Quetzalcoatlus was mentioned. " + text.substring(body));
            EventStream.waitFor(in, "data: ok");
            assertTrue(request("GET", "/articles/119a5904f4221201/").body().contains("Quetzalcoatlus"));
        }
        preview.awaitIdle(60);
        java.nio.file.Path clean = project.root.resolve("clean-site");
        project.build(project.config().withOut(clean));
        TestProject.assertSameSite(clean, project.site());
    }

    @Test
    void aNewArticleIsShownAtOnceAndTheListsItJoinsReloadWhenTheyCatchUp() throws Exception {
        try (Socket events = new Socket("127.0.0.1", preview.port())) {
            BufferedReader in = EventStream.listen(events);
            String text = project.read("seeds/000_119a5904f4221201.txt");
            java.util.regex.Matcher date = java.util.regex.Pattern.compile("(?m)^Date: (\\d{4})-(\\d{2})-(\\d{2})").matcher(text);
            assertTrue(date.find());
            String day = "/dates/" + date.group(1) + "/" + date.group(2) + "/" + date.group(3) + "/";
            assertFalse(request("GET", day).body().contains("00000000000000ab"));
            project.write("seeds/010_00000000000000ab.txt", text.replaceFirst("(?m)^Title: ", "Title: Added: "));
            // The new page first; its day's list (and every list it joins) with the catching-up build, which reloads open pages.
            EventStream.waitFor(in, "data: ok");
            assertTrue(request("GET", "/articles/00000000000000ab/").body().contains("Added: "));
            // Each reload is checked (the watcher may report the new file twice: a build with nothing to
            // do reloads too); with no reload for 8 s (pings come every 15 s), the lists never reloaded.
            events.setSoTimeout(8_000);
            boolean listed = false;
            try {
                for (String l; !listed && (l = in.readLine()) != null; ) {
                    if (l.equals("data: ok")) listed = request("GET", day).body().contains("00000000000000ab");
                }
            } catch (java.net.SocketTimeoutException e) {
                // no further reload
            }
            assertTrue(listed, "a reload comes once the day's list shows the new article");
        }
        preview.awaitIdle(60);
        java.nio.file.Path clean = project.root.resolve("clean-site");
        project.build(project.config().withOut(clean));
        TestProject.assertSameSite(clean, project.site());
    }

    /**
     * After a template's change every page is rendered again: the page open in a browser is rendered
     * first and reloads at once, and not again when the build publishes it as shown; a page whose
     * script did not say where it is reloads with the build, as before.
     */
    @Test
    void aTemplatesChangeShowsTheOpenPageFirstAndReloadsItOnce() throws Exception {
        String article = "/articles/119a5904f4221201/";
        // (The rebuild rehearsed at the start would publish a change saved meanwhile, unannounced: the
        // build after it then makes every page as published, and reloads them all, as any build.)
        preview.awaitIdle(60);
        try (Socket open = new Socket("127.0.0.1", preview.port()); Socket other = new Socket("127.0.0.1", preview.port())) {
            BufferedReader onArticle = EventStream.listen(open, article);
            BufferedReader unsaid = EventStream.listen(other);
            project.write("templates/base.peb", project.read("templates/base.peb")
                    .replace("<footer class=\"colophon\">", "<footer class=\"colophon\"><!-- first-marker -->"));
            EventStream.waitFor(onArticle, "data: ok");
            assertTrue(request("GET", article).body().contains("<!-- first-marker -->"), "the open page shows the change");
            EventStream.waitFor(unsaid, "data: ok");
            preview.awaitIdle(60);
            String log = logged.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("Showed the 1 open page in "), log);
            assertTrue(request("GET", "/about/").body().contains("<!-- first-marker -->"), "every page has it once built");
            // The build published the open page as it was shown: no second reload.
            EventStream.noReloadWithin(open, onArticle, 3_000);
        }
    }

    /** A save to the data (a gloss, which the articles with the term show) is shown first on the open page too. */
    @Test
    void aReworkedGlossIsShownFirstOnTheOpenPage() throws Exception {
        String article = "/articles/119a5904f4221201/";
        java.util.regex.Matcher entry = java.util.regex.Pattern.compile("glossary/([a-z0-9-]+)/").matcher(request("GET", article).body());
        assertTrue(entry.find(), "the article links an entry");
        preview.awaitIdle(60);
        try (Socket open = new Socket("127.0.0.1", preview.port())) {
            BufferedReader onArticle = EventStream.listen(open, article);
            String yaml = project.read("data/glossary.yaml");
            int at = yaml.indexOf("\n  gloss: ", yaml.indexOf("- slug: " + entry.group(1) + "\n")) + "\n  gloss: ".length();
            project.write("data/glossary.yaml", yaml.substring(0, at) + "Reworded " + yaml.substring(at));
            EventStream.waitFor(onArticle, "data: ok");
            assertTrue(request("GET", article).body().contains("Reworded "), "the open page shows the gloss");
            preview.awaitIdle(60);
            String log = logged.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("Showed the 1 open page in "), log);
            EventStream.noReloadWithin(open, onArticle, 2_000);
        }
    }

    /**
     * A fault of the first pass alone (the open pages rendered before the others) is said once the
     * build after it succeeds, which would otherwise hide it; when the build fails too, its own errors
     * are all the editor is told.
     */
    @Test
    void aFaultOfTheFirstPassAloneIsSaidWhenTheBuildAfterItSucceeds() throws Exception {
        String article = "/articles/119a5904f4221201/";
        String said = "The open pages could not be made first: java.lang.IllegalStateException: an injected fault";
        preview.firstPassBy(open -> { throw new IllegalStateException("an injected fault"); });
        preview.awaitIdle(60);
        try (Socket open = new Socket("127.0.0.1", preview.port())) {
            BufferedReader onArticle = EventStream.listen(open, article);
            String base = project.read("templates/base.peb");
            project.write("templates/base.peb", base + "{% if %}");
            EventStream.waitFor(onArticle, "data: failed");
            preview.awaitIdle(60);
            assertFalse(logged.toString(StandardCharsets.UTF_8).contains(said), "the failed build speaks for itself");

            // Mended: that build makes no page first (the pages showed the errors); the next save's does, and fails.
            project.write("templates/base.peb", base.replace("<footer class=\"colophon\">", "<footer class=\"colophon\"><!-- mended -->"));
            EventStream.waitFor(onArticle, "data: ok");
            preview.awaitIdle(60);
            project.write("templates/base.peb", base.replace("<footer class=\"colophon\">", "<footer class=\"colophon\"><!-- saved again -->"));
            EventStream.waitFor(onArticle, "data: ok");
            preview.awaitIdle(60);
            String log = logged.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains(said), log);
            assertTrue(request("GET", article).body().contains("<!-- saved again -->"), "the build published the change");
        }
    }

    /**
     * A save while a template's change is being built (every page: seconds at 10,000 articles, a
     * minute and more at 100,000) stops that build, publishing nothing, and its own first pass shows
     * the open page at once; the build after it brings the site to a clean build's.
     */
    @Test
    void aNewerSaveOfATemplateStopsTheBuildOfEveryPageAndIsShownFirst() throws Exception {
        String footer = "<footer class=\"colophon\">";
        String base = project.read("templates/base.peb");
        newerSaveStopsTheBuild(() -> project.write("templates/base.peb", base.replace(footer, footer + "<!-- second save -->")),
                "<!-- first save -->", "<!-- second save -->");
    }

    /** As above, the newer save a seed's: its build still renders every page the template changed, the open one first. */
    @Test
    void aNewerSaveOfASeedStopsTheBuildOfEveryPageAndIsShownFirst() throws Exception {
        String seed = "seeds/000_119a5904f4221201.txt";
        String text = project.read(seed);
        newerSaveStopsTheBuild(() -> project.write(seed, text.replaceFirst("(?m)^Title: ", "Title: Saved again: ")),
                "<!-- first save -->", "Saved again: ");
    }

    private void newerSaveStopsTheBuild(Runnable secondSave, String first, String second) throws Exception {
        String article = "/articles/119a5904f4221201/";
        java.util.concurrent.CountDownLatch firstMade = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger passes = new AtomicInteger();
        // The first save's first pass waits for the second save, so that the build after it finds a newer one waiting.
        preview.firstPassBy(open -> {
            java.util.Map<String, byte[]> made = preview.renderOpen(open);
            if (passes.incrementAndGet() == 1) {
                firstMade.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!preview.saveWaiting() && System.nanoTime() < deadline) java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            }
            return made;
        });
        preview.awaitIdle(60);
        try (Socket open = new Socket("127.0.0.1", preview.port())) {
            BufferedReader onArticle = EventStream.listen(open, article);
            String footer = "<footer class=\"colophon\">";
            project.write("templates/base.peb", project.read("templates/base.peb").replace(footer, footer + first));
            assertTrue(firstMade.await(60, TimeUnit.SECONDS), "the first save's open page is made");
            secondSave.run();
            EventStream.waitFor(onArticle, "data: ok");
            preview.awaitIdle(60);
            String log = logged.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("Stopped the build after ") && log.contains("a newer save is being built"), log);
            assertTrue(passes.get() >= 2, "the newer save's open page is made first too");
            assertTrue(request("GET", article).body().contains(second), "the open page shows the newer save");
        }
        java.nio.file.Path clean = project.root.resolve("clean-site");
        project.build(project.config().withOut(clean));
        TestProject.assertSameSite(clean, project.site());
    }

    /** A new article extends the permalink registry in data/: the preview's own write, after which no page is made first. */
    @Test
    void theRegistryExtendedByTheBuildMakesNoPageFirst() throws Exception {
        preview.awaitIdle(60);
        try (Socket open = new Socket("127.0.0.1", preview.port())) {
            BufferedReader onAbout = EventStream.listen(open, "/about/");
            String text = project.read("seeds/000_119a5904f4221201.txt");
            project.write("seeds/010_00000000000000ab.txt", text.replaceFirst("(?m)^Title: ", "Title: Added: "));
            EventStream.waitFor(onAbout, "data: ok");
            preview.awaitIdle(60);
            assertTrue(project.read("data/permalinks.txt").contains("/articles/00000000000000ab/"), "the registry is extended");
            Thread.sleep(1_000); // the watcher's report of the registry, and the build it starts
            preview.awaitIdle(60);
            String log = logged.toString(StandardCharsets.UTF_8);
            assertFalse(log.contains("Showed the"), log);
        }
    }

    /**
     * 200 clients at once for a few seconds (-Darchive.load.seconds=30 for the full run): every
     * answer is right, and no file descriptor is left open afterwards.
     */
    @Test
    void staysCorrectUnderTwoHundredConcurrentClients() throws Exception {
        long seconds = Long.getLong("archive.load.seconds", 3);
        String expected = request("GET", "/articles/119a5904f4221201/").body();
        int fdsBefore = openFiles();
        AtomicInteger ok = new AtomicInteger(), bad = new AtomicInteger();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(200);
        List<Future<?>> all = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            int client = c;
            all.add(clients.submit(() -> {
                int i = 0;
                while (System.nanoTime() < until) {
                    try {
                        boolean good = switch ((client + i++) % 3) {
                            case 0 -> request("GET", "/articles/119a5904f4221201/").body().equals(expected);
                            case 1 -> request("GET", "/%2e%2e/pom.xml").status() == 404;
                            default -> request("HEAD", "/glossary/").status() == 200;
                        };
                        (good ? ok : bad).incrementAndGet();
                    } catch (IOException e) {
                        bad.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : all) f.get();
        clients.shutdown();
        assertEquals(0, bad.get(), "failed requests out of " + (ok.get() + bad.get()));
        assertTrue(ok.get() > 200, "requests answered: " + ok.get());
        Thread.sleep(500);
        assertTrue(openFiles() <= fdsBefore + 10, "open files before " + fdsBefore + ", after " + openFiles());
        System.out.printf("load: %d requests in %d s by 200 clients, 0 errors, open files %d -> %d%n", ok.get(), seconds,
                fdsBefore, openFiles());
    }

    private static int openFiles() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count();
        }
    }
}
