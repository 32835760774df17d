package archive.publish;

import archive.config.BuildConfig;
import archive.diag.Diagnostics;
import archive.render.PageSink;
import archive.render.RenderContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * The publishing stage, as the build driver sees it: {@link #recorder} wraps the page sink,
 * {@link #prepare} adds metadata and citations to article pages, {@link #finish} writes the
 * site-wide files and checks the permalink registry once every page is made, and
 * {@link #recordPermalinks} extends the registry after the site has been published (never
 * before: a failed build leaves data/ untouched).
 */
public final class Publishing {
    /** Templates this stage renders through the page templates' engine. */
    static final List<String> TEMPLATES = List.of("article-meta", "article-cite", "redirect", "withdrawn");

    /** The articles of this build, whose citations the cache keeps. */
    private java.util.Set<String> articleIds = java.util.Set.of();
    private final BuildConfig config;
    private final Diagnostics diags;
    private final Consumer<String> log;
    private final List<Redirect> redirects;
    private final PermalinkRegistry registry;
    private final Citations citations;
    private PageRecorder recorder;

    /** Reads data/redirects.yaml and the permalink registry, reporting their errors into {@code diags}. */
    public Publishing(BuildConfig config, Diagnostics diags, Consumer<String> log) {
        this(config, diags, log, null);
    }

    /**
     * As above, for a build after {@code previous} in the same process (the preview): its
     * citations are taken from memory instead of from the cache file.
     */
    public Publishing(BuildConfig config, Diagnostics diags, Consumer<String> log, Publishing previous) {
        this.config = config;
        this.diags = diags;
        this.log = log;
        this.redirects = new RedirectsLoader().load(config.data(), diags);
        this.registry = config.permalinks() == null ? null : PermalinkRegistry.load(config.permalinks(), diags);
        this.citations = previous != null && previous.config.out().equals(config.out()) ? previous.citations.next()
                : Citations.inFolder(cacheFolder(config));
    }

    /** Beside the output folder, like its lock and staging folders: ".site.cache" for "site". */
    public static java.nio.file.Path cacheFolder(BuildConfig config) {
        java.nio.file.Path out = config.out().toAbsolutePath().normalize();
        return out.resolveSibling("." + out.getFileName() + ".cache");
    }

    /** The sink pages must be written through, so that the paths they occupy are known. */
    public PageRecorder recorder(PageSink sink) {
        recorder = new PageRecorder(sink);
        return recorder;
    }

    /** Call before the article pages are rendered (ctx must write into {@link #recorder}). */
    public void prepare(RenderContext ctx) {
        ctx.templates.precompile(TEMPLATES);
        ctx.setArticleExtras(new ArticlePublisher(ctx, citations));
    }

    /**
     * Call after every page is rendered: writes the redirect and withdrawal pages, the feed, the
     * downloads, the sitemap and the host's files, then checks that every path in the registry
     * is still produced. With {@code deferred} the feed and the downloads, which are made from
     * every article, are kept as published (the preview makes them right after telling the open
     * pages to reload).
     *
     * @param introductions the editors' introductions as plain text, by article id
     * @return whether the feed or downloads were left as published
     */
    public boolean finish(RenderContext ctx, Map<String, String> introductions, boolean deferred, Runnable checkpoint) {
        articleIds = ctx.index.articles().stream().map(archive.model.AnnotatedArticle::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        reportCitationCost();
        SortedSet<String> pages = recorder.pages();
        new RedirectPages(ctx).write(redirects, pages);
        boolean kept = feedAndDownloads(ctx, introductions, deferred, checkpoint, null);
        if (ctx.links.siteUrl() != null) {
            List<String> urls = new ArrayList<>(pages.size());
            for (String p : pages) urls.add(ctx.links.absolute(PageRecorder.sitePath(p)));
            Sitemap.write(urls, ctx.links.siteUrl()).forEach(recorder::write);
        }
        recorder.write(HostFiles.ROBOTS, HostFiles.robots(ctx.links));
        recorder.write(HostFiles.NO_JEKYLL, new byte[0]);
        // The 404 page is made from the templates, URL policy and site navigation alone.
        long notFound = ctx.inputsWithoutData().add(PageRecorder.NOT_FOUND).value();
        ctx.pagesWritten.incrementAndGet();
        if (!recorder.keep(PageRecorder.NOT_FOUND, notFound)) {
            recorder.write(PageRecorder.NOT_FOUND, HostFiles.notFound(config.templates(), ctx.links, ctx.site), notFound);
            ctx.pagesRendered.incrementAndGet();
        }
        if (registry != null) registry.check(recorder.produced(), diags);
        return kept;
    }

    /** The files made from every article: the feed and the downloads. */
    public static boolean madeFromEveryArticle(String file) {
        return file.equals(AtomFeed.FILE) || file.equals(OpenData.JSON) || file.equals(OpenData.CSV);
    }

    /**
     * Makes the feed and the downloads (see {@link #finish}), after an edit ({@code edited} not
     * null) the downloads as published with the edited articles' records replaced; returns whether
     * one was left as published ({@code deferred}).
     */
    private boolean feedAndDownloads(RenderContext ctx, Map<String, String> introductions, boolean deferred, Runnable checkpoint,
                                     Edited edited) {
        // The feed and the downloads are made from every article (their text, notes, places …) and
        // what the downloads show of the data: when none of these changed they are kept without being made.
        long dataShown = OpenData.dataShown(ctx);
        java.util.function.LongUnaryOperator inputsWith = records -> ctx.inputsWithoutData().add(dataShown).add("feed and downloads")
                .add(records).value();
        long inputs = inputsWith.applyAsLong(ctx.everyRecord());
        boolean feedKept = deferred && recorder.keepStableAsPublished(AtomFeed.FILE);
        boolean jsonKept = deferred && recorder.keepStableAsPublished(OpenData.JSON);
        boolean csvKept = deferred && recorder.keepStableAsPublished(OpenData.CSV);
        OpenData data = new OpenData(ctx, introductions);
        // The three are made from every article and independent of each other: made side by side.
        List<Runnable> files = new ArrayList<>();
        if (!feedKept) files.add(() -> recorder.writeStable(AtomFeed.FILE, inputs,
                () -> AtomFeed.write(ctx.index.articles(), ctx.links, introductions)));
        // (Spliced only where the edited articles' records are all that changed: not when the data they show did.)
        boolean splice = edited != null && !edited.dataShown();
        // A build that checks every page: when it adds a few articles and the published downloads are
        // those of every other article as they are, with the same data, the new records are put in.
        // (Found only when a download is made, once for both.)
        java.util.function.Supplier<Added> added = Once.of(() -> added(ctx, inputsWith));
        String how = splice ? "Replaced the edited articles' records in " : "Put the added articles' records in ";
        SpliceFinder json = null, csv = null;
        if (splice) {
            json = ch -> data.jsonSplices(ch, edited.before(), edited.introductions(), edited.moved());
            csv = ch -> data.csvSplices(ch, edited.before(), edited.introductions(), edited.moved());
        } else if (edited == null) {
            json = ch -> putsInto(added.get(), OpenData.JSON) ? data.jsonAddSplices(ch, added.get().ids()) : null;
            csv = ch -> putsInto(added.get(), OpenData.CSV) ? data.csvAddSplices(ch, added.get().ids()) : null;
        }
        SpliceFinder jsonSplices = json, csvSplices = csv;
        if (!jsonKept) files.add(() -> download(OpenData.JSON, inputs, jsonSplices, data::json, how));
        if (!csvKept) files.add(() -> download(OpenData.CSV, inputs, csvSplices, data::csv, how));
        files.parallelStream().forEach(f -> {
            checkpoint.run();
            f.run();
        });
        return feedKept || jsonKept || csvKept;
    }

    /**
     * In place of {@link #finish} for a rebuild that rendered only the pages an edit of some
     * articles' text can change (the redirect pages, feed, downloads and host files were kept).
     */
    public void finishEdit(RenderContext ctx) {
        articleIds = ctx.index.articles().stream().map(archive.model.AnnotatedArticle::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        reportCitationCost();
    }

    /**
     * In place of {@link #finish} for a one-off build that rendered only the pages an edit of some
     * articles can change, leaving every other file as published (the articles, their pages and
     * so the redirect pages, sitemap and registry are those of the previous build): makes the
     * feed and the downloads, which are made from every article; {@code moved} when the edited
     * articles moved in the reading order (their records move in the downloads); {@code dataShown}
     * when what the downloads show of the data changed too (a place's coordinates): then they are made whole.
     */
    public void finishEdit(RenderContext ctx, Map<String, String> introductions, Map<String, archive.model.AnnotatedArticle> before,
                           Map<String, String> introductionsBefore, boolean moved, boolean dataShown) {
        finishEdit(ctx);
        feedAndDownloads(ctx, introductions, false, () -> { }, new Edited(before, introductionsBefore, moved, dataShown));
    }

    /**
     * The edited articles as the previous build had them, and its introductions, and whether the
     * data the downloads show changed (see {@link #finishEdit(RenderContext, Map, Map, Map, boolean, boolean)}).
     */
    private record Edited(Map<String, archive.model.AnnotatedArticle> before, Map<String, String> introductions, boolean moved,
                          boolean dataShown) {}

    /** Finds in a published download the splices that update it (see PageSink#writeSpliced); null if it cannot. */
    private interface SpliceFinder {
        List<PageSink.Splice> find(java.nio.channels.FileChannel published) throws java.io.IOException;
    }

    /**
     * Writes the download {@code file}, or keeps it: the published one with the splices {@code edit}
     * (null: none) finds, when it finds them, copied by the system without being read in; else made
     * whole by {@code whole}.
     */
    private void download(String file, long inputs, SpliceFinder edit, java.util.function.Supplier<OpenData.Utf8Out> whole,
                          String how) {
        recorder.writeStableSpliced(file, inputs, () -> {
            if (edit == null) return null;
            try (java.nio.channels.FileChannel ch = recorder.openPublished(file)) {
                return ch == null ? null : edit.find(ch);
            } catch (java.io.IOException e) {
                return null; // made whole instead
            }
        }, whole, () -> log.accept(how + file + ", as published"));
    }

    /** The articles a build adds, by id, and the inputs the downloads had without them (the archive as it is now otherwise). */
    private record Added(Set<String> ids, long without) {}

    /** Whether the published {@code file} is the download made without the articles {@code a}, to put their records into. */
    private boolean putsInto(Added a, String file) { return !a.ids().isEmpty() && recorder.previousFingerprint(file) == a.without(); }

    /**
     * The articles this build adds: those whose page the previous build did not make, if there are
     * a few (see OpenData#jsonAddSplices); none otherwise (a first build adds them all).
     * {@code inputsWith} gives the downloads' inputs from a fingerprint of the articles' records.
     */
    private Added added(RenderContext ctx, java.util.function.LongUnaryOperator inputsWith) {
        Set<String> ids = new java.util.HashSet<>();
        for (archive.model.AnnotatedArticle a : ctx.index.articles()) {
            if (recorder.previousFingerprint(archive.render.PagePaths.file(archive.render.PagePaths.article(a.id()))) != 0) continue;
            if (ids.size() == OpenData.SPLICED_AT_MOST) return new Added(Set.of(), 0);
            ids.add(a.id());
        }
        return new Added(ids, ids.isEmpty() ? 0 : inputsWith.applyAsLong(ctx.everyRecordExcept(ids)));
    }

    /** After a successful publish: adds the new paths to the registry (and saves the citation cache). */
    public void recordPermalinks() {
        citations.saveCache(articleIds);
        if (registry == null || recorder == null) return;
        int added = registry.save(recorder.produced());
        if (added > 0) log.accept("Recorded " + added + " new permanent " + (added == 1 ? "path" : "paths") + " in " + registry.file());
    }

    /** For `check`: warns that the next build will add paths to the registry. */
    public void reportUnlisted() {
        if (registry == null || recorder == null) return;
        List<String> unlisted = registry.unlisted(recorder.produced());
        if (!unlisted.isEmpty()) {
            diags.warn(registry.file(), 0, unlisted.size() + " new " + (unlisted.size() == 1 ? "path" : "paths")
                    + " (first: " + unlisted.get(0) + ") will be recorded by the next build; commit the registry with them");
        }
    }

    private void reportCitationCost() {
        long n = citations.articles();
        if (n == 0) return;
        long f = citations.formatted(), filled = citations.filled();
        log.accept(String.format(java.util.Locale.ROOT,
                "Citations of %d articles: %d formatted (%d filled into %d shapes citeproc formatted, %d by citeproc whole), "
                        + "%d from the cache; %.3f ms CPU per article formatted, plus %.2f s loading styles",
                n, f, filled, citations.shapes(), f - filled, n - f,
                f == 0 ? 0.0 : (citations.nanos() - citations.loadNanos()) / 1e6 / f, citations.loadNanos() / 1e9));
    }
}
