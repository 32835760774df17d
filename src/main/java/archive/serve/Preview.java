package archive.serve;

import archive.build.ArticleCache;
import archive.build.SiteBuild;
import archive.config.BuildConfig;
import archive.diag.BuildFailedException;
import io.methvin.watcher.DirectoryWatcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The editor loop: builds the site, serves it, watches seeds/, data/, templates/ and pages/, and
 * rebuilds after every change, reusing the articles of unchanged files and keeping unchanged
 * pages. Open pages reload when a build ends; a failed build leaves the last good site served,
 * with its errors shown in the pages. Changes that arrive during a build start one more build; a
 * build after a change of the templates or the data, which shows the open pages first, stops for it.
 */
public final class Preview implements AutoCloseable {
    private final BuildConfig config;
    private final PrintStream log;
    private final ArticleCache cache = new ArticleCache();
    private final DevServer server;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    /**
     * Set when a template, a page of pages/ or the data changed, which may change every page: the
     * open ones are rendered first (see {@link #showOpenPagesFirst}).
     */
    private final AtomicBoolean manyPages = new AtomicBoolean();
    private DirectoryWatcher watcher;
    private volatile long lastBuildMillis;
    /** Renders the open pages first (see {@link #showOpenPagesFirst}); a test puts a failing one in its place. */
    private volatile java.util.function.Function<java.util.Set<String>, java.util.Map<String, byte[]>> firstPass = this::renderOpen;

    public Preview(BuildConfig config, String bind, int port, PrintStream log) throws IOException {
        this.config = config;
        this.log = log;
        this.server = new DevServer(config.out(), config.templates().resolve("assets").resolve("live-reload.js"), bind, port);
    }

    /** Builds once, starts serving and watching. */
    public void start() throws IOException {
        build(false);
        server.start();
        List<Path> watched = new ArrayList<>();
        for (Path p : List.of(config.seeds(), config.data(), config.templates(), config.pages())) {
            if (Files.isDirectory(p)) watched.add(p);
        }
        watcher = DirectoryWatcher.builder().paths(watched).fileHashing(false).listener(this::changed).build();
        cache.watchingSeeds();
        watcher.watchAsync();
        // On the thread that builds after each save, before the first save comes.
        builder.submit(this::rehearse);
        // The citation styles an edit may need, loaded on a thread of their own (a save does not wait behind them).
        builder.submit(archive.publish.Citations::warmUpInBackground);
    }

    /**
     * A rebuild with nothing saved, published as any (it finds nothing to write) but not announced:
     * a first save's rebuild runs code the first build did not, the edit's way, which the JIT then
     * compiles on the editor's time (460-510 ms for a first save at 10,000 articles against 287-373 ms
     * for the next).
     */
    private void rehearse() {
        try {
            new SiteBuild(config, null, cache).deferringIndexes().build();
        } catch (RuntimeException e) {
            // Whatever failed fails the next save's build too, which shows it.
        }
    }

    public int port() { return server.port(); }

    /** Whether a save is waiting for its build (a build that gives way to it then stops). */
    boolean saveWaiting() { return queued.get(); }

    /** For tests: renders the open pages first with {@code pass} instead (a fault of the first pass alone). */
    void firstPassBy(java.util.function.Function<java.util.Set<String>, java.util.Map<String, byte[]>> pass) { firstPass = pass; }

    public DevServer server() { return server; }

    /** Waits until the builds queued so far (and the catching up after them) are done. */
    public void awaitIdle(long timeoutSeconds) throws InterruptedException {
        try {
            builder.submit(() -> { }).get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the preview did not finish building within " + timeoutSeconds + " s", e);
        }
    }

    /** Wall time of the last build, in milliseconds. */
    public long lastBuildMillis() { return lastBuildMillis; }

    /**
     * A file changed under a watched folder: the seeds folder's own files are noted for the next
     * build's listing (see ArticleCache#seedFolder), which then looks at them alone; a lost event
     * or a path the watcher gives in another form makes it list the folder whole.
     */
    private void changed(io.methvin.watcher.DirectoryChangeEvent e) {
        Path seeds = config.seeds().toAbsolutePath().normalize();
        Path p = e.path() == null ? null : e.path().toAbsolutePath().normalize();
        if (e.eventType() == io.methvin.watcher.DirectoryChangeEvent.EventType.OVERFLOW || p == null || p.equals(seeds)) {
            cache.relistSeeds();
        } else if (seeds.equals(p.getParent())) {
            cache.seedChanged(p);
        } else {
            boolean otherInput = Stream.of(config.data(), config.templates(), config.pages())
                    .anyMatch(root -> p.startsWith(root.toAbsolutePath().normalize()));
            if (!p.startsWith(seeds) && !otherInput) cache.relistSeeds();
            // A save there may change every page: the open ones are made first. (Not the permalink registry
            // in data/, which the builds extend themselves through a hidden file beside it and which changes
            // no page; nor an editor's hidden swap files.)
            if (otherInput && !p.equals(registry()) && !p.getFileName().toString().startsWith(".")) manyPages.set(true);
        }
        // (A file in a subfolder of the seeds is not a seed: listings leave subfolders unread.)
        rebuildSoon();
    }

    /** The permalink registry's file, absolute, or null when the builds keep none. */
    private Path registry() {
        return config.permalinks() == null ? null : config.permalinks().toAbsolutePath().normalize();
    }

    /** Queues a build unless one is already waiting to start. */
    public void rebuildSoon() {
        if (queued.compareAndSet(false, true)) {
            builder.submit(() -> {
                // Let the burst of events of one save arrive, then build what is on disk.
                sleep(15);
                queued.set(false);
                boolean many = manyPages.getAndSet(false);
                String notShown = many ? showOpenPagesFirst() : null;
                // Such a build may render every page (seconds at 10,000 articles, a minute and more at 100,000):
                // a newer save stops it, so that its open pages are shown first at once rather than after it.
                if (!build(many)) {
                    manyPages.set(true); // nothing published: the next build renders those pages, the open ones first
                    return;
                }
                // A failure the build shares (a broken template, a seed with errors) it has reported; one of
                // its own would otherwise never be seen.
                if (notShown != null && server.lastErrors().isEmpty()) log.println("The open pages could not be made first: " + notShown);
            });
        }
    }

    /**
     * Builds (deferring the search index and downloads to a catching-up build) and announces it;
     * with {@code givesWay}, stops without publishing anything once a newer save is waiting, and
     * returns false (the pages shown first stay served as shown).
     */
    private boolean build(boolean givesWay) {
        long t0 = System.nanoTime();
        String errors = "";
        boolean catchUp = false;
        try {
            SiteBuild b = new SiteBuild(config, null, cache).deferringIndexes();
            if (givesWay) b.cancelledWhen(queued::get);
            SiteBuild.Result r = b.build();
            lastBuildMillis = (System.nanoTime() - t0) / 1_000_000;
            catchUp = r.indexesDeferred();
            log.printf("Built %d articles in %d ms (%d of %d pages rendered; %d files written, %d unchanged)%s%n", r.articles(),
                    lastBuildMillis, r.pagesRendered(), r.pages(), r.filesWritten(), r.filesReused(),
                    catchUp ? "; search index and downloads follow" : "");
        } catch (RuntimeException e) {
            // (A build that gives way and failed meanwhile read what the newer save was still writing, or
            // what it mends: the newer save's build says what is still wrong.)
            if (cancelled(e) || givesWay && queued.get()) {
                log.printf("Stopped the build after %d ms: a newer save is being built%n", (System.nanoTime() - t0) / 1_000_000);
                return false;
            }
            errors = e instanceof BuildFailedException ? e.getMessage() : "error: " + e.getMessage();
        } catch (Error e) {
            // Said, not swallowed by the builder's executor, whose Future nobody reads.
            errors = failure(e, "building the site");
        }
        if (!errors.isEmpty()) {
            lastBuildMillis = (System.nanoTime() - t0) / 1_000_000;
            log.println(errors);
            log.println("The build failed; still serving the previous site, with these errors shown in its pages.");
        }
        // (A page shown first that this build left for the catching up is served as shown until then.)
        server.built(errors, catchUp);
        // The open pages show the edit now; the search index and downloads catch up unless another
        // save is already waiting (its build will defer them again, and catch up after it).
        if (catchUp && !queued.get()) catchUp();
        return true;
    }

    /** Whether {@code e} is a build's stop for a newer save (a parallel stage may wrap it). */
    private static boolean cancelled(RuntimeException e) {
        return e instanceof SiteBuild.CancelledException || e.getCause() instanceof SiteBuild.CancelledException;
    }

    /**
     * After a change to a template, to pages/ or to the data, which may change every page: the pages
     * open in the browsers are rendered first and served from memory (their files stay as published
     * until a build publishes them), and they reload at once; the build then renders the pages the
     * change touched (every page after a template's change: 7-17 s at 10,000 articles). Returns what
     * stopped it, if anything (a broken template, a seed with errors: the build reports those).
     */
    private String showOpenPagesFirst() {
        java.util.Set<String> open = server.openFiles();
        // After a failed build the pages show its errors, which only a build can take away.
        if (open.isEmpty() || !server.lastErrors().isEmpty()) return null;
        long t0 = System.nanoTime();
        try {
            java.util.Map<String, byte[]> made = firstPass.apply(open);
            server.showFirst(made);
            if (!made.isEmpty()) {
                log.printf("Showed the %d open %s in %d ms; building the others%n", made.size(), made.size() == 1 ? "page" : "pages",
                        (System.nanoTime() - t0) / 1_000_000);
            }
            return null;
        } catch (RuntimeException | Error e) {
            // Left to the build, which fails the same way and says why, or not (an Error too: here the builder's
            // executor would drop it).
            return String.valueOf(e);
        }
    }

    /** The pages of the site files {@code open}, rendered from the saved state (see {@link SiteBuild#renderOnly}). */
    java.util.Map<String, byte[]> renderOpen(java.util.Set<String> open) {
        return new SiteBuild(config, null, cache).renderOnly(open);
    }

    /**
     * A normal build after a deferring one: the search index, feed and downloads are made, and,
     * after a new article, the lists and concordance pages it joins.
     */
    private void catchUp() {
        long t0 = System.nanoTime();
        try {
            // A save arriving meanwhile stops it: that save's page comes first, and catches up after.
            SiteBuild.Result r = new SiteBuild(config, null, cache).cancelledWhen(queued::get).build();
            log.printf("Brought the search index and downloads up to date in %d ms (%d pages rendered, %d files written)%n",
                    (System.nanoTime() - t0) / 1_000_000, r.pagesRendered(), r.filesWritten());
            // After a new article, the lists it joins were made only now: open list pages reload to show it.
            if (r.pagesRendered() > 0) server.built("");
            server.settle();
        } catch (RuntimeException e) {
            // A cancellation may come wrapped by a parallel stage.
            if (cancelled(e)) {
                // (The pages shown first stay as shown: the newer save's builds settle them.)
                log.println("Stopped bringing the search index up to date: a newer save is being built");
            } else {
                // The next save builds again; the pages already shown are the last good site.
                log.println("Could not bring the search index up to date: " + e.getMessage());
                server.settle();
            }
        } catch (Error e) {
            // Said, not swallowed by the builder's executor: the search index and downloads would stay behind unannounced.
            log.println(failure(e, "bringing the search index and downloads up to date"));
            server.settle();
        }
    }

    /**
     * What to tell the editor when a build stopped on an error of the JVM (the next save builds
     * again): running out of the heap, as the whole paper's catching-up build did under 2.3 GB, says
     * how to give it more.
     */
    static String failure(Error e, String during) {
        if (!(e instanceof OutOfMemoryError)) return "error: " + e + " while " + during + "; the pages shown are the last good site";
        return "error: the preview ran out of memory (a heap of " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB) while "
                + during + "; the pages shown are the last good site. Restart it with more, for example "
                + "ARCHIVE_EXTRA_JAVA_OPTS='-Xmx4g' ./archive serve";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            if (watcher != null) watcher.close();
        } catch (IOException e) {
            // closing anyway
        }
        builder.shutdownNow();
        try {
            builder.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
    }
}
