package archive.build;

import archive.align.RowBuilder;
import archive.check.SiteChecker;
import archive.check.SiteProblem;
import archive.annotate.Annotator;
import archive.config.BuildConfig;
import archive.diag.BuildFailedException;
import archive.diag.Diagnostics;
import archive.index.ArchiveIndex;
import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.ArticleNotes;
import archive.model.ArticleOverrides;
import archive.model.EditorialData;
import archive.model.SitePage;
import archive.publish.Publishing;
import archive.render.ArticlePages;
import archive.render.DatePages;
import archive.render.EditorialPages;
import archive.render.GlossaryPages;
import archive.render.IndustryPages;
import archive.render.Links;
import archive.render.Markdown;
import archive.render.PageSink;
import archive.render.PlacePages;
import archive.render.RenderContext;
import archive.render.SearchPage;
import archive.render.Templates;
import archive.render.Views;
import archive.search.SearchIndexBuilder;
import archive.site.SiteWriter;
import archive.source.EditorialDataLoader;
import archive.source.NotesParser;
import archive.source.OverridesLoader;
import archive.source.SeedFolder;
import archive.source.SeedReader;
import archive.source.SitePagesReader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The build, stage by stage: read the editorial data and the seeds, align and annotate each
 * article, index the archive, render every page into a staging folder, and publish it only if
 * nothing went wrong. Each stage reports all its problems before the build stops.
 */
public final class SiteBuild {
    /** Templates every site needs; checked before any page is made. */
    static final List<String> TEMPLATES = List.of("base", "article", "articles", "home", "glossary-index", "glossary-entry",
            "dates-index", "dates-year", "dates-month", "dates-day", "places-index", "place", "industries-index", "industry",
            "notes-index", "page", "search", "article-item", "pagination");

    /**
     * Every build reads the articles it takes from the article store without their text, which
     * only the pages it makes need. Up to this many bytes of seeds (about 30,000 articles), an
     * article read back whole for its page is kept whole (the text takes a few hundred megabytes
     * of the heap at most, and its concordance lines and search text come from the same reading);
     * a larger archive is held hollow (see AnnotatedArticle#hollowed), every page reading its
     * article back from the store.
     */
    static final long HOLD_TEXT_BYTES = 192L << 20;
    /** See {@link #HOLD_TEXT_BYTES}; tests lower it to build small archives the way large ones are. */
    private long holdTextBytes = HOLD_TEXT_BYTES;
    /** Whether this build keeps the articles whole once read back (a small archive, see {@link #HOLD_TEXT_BYTES}). */
    private boolean holdsWhole = true;

    private final BuildConfig config;
    private final PrintStream progress;
    /** Articles remembered from earlier builds by a long-running preview; null for a one-off build. */
    private final ArticleCache cache;
    private final long started = System.nanoTime();
    /** Whether the search index, feed and downloads may be left as published (see {@link #deferringIndexes}). */
    private boolean deferIndexes;
    private java.util.function.BooleanSupplier cancelled = () -> false;
    /** The previous build's articles, parsed and annotated, for a one-off build (a preview keeps its own in memory). */
    private ArticleStore store;
    /** The editors' notes as the previous build rendered them, for a one-off build. */
    private NotesStore notes;
    /** In the preview: what a save changed, when it left every article where it stood (see {@link ArticleEdit}). */
    private ArticleEdit articleEdit;
    /** The parts of the data this build read, by the pages that show them (see DataParts). */
    private DataParts dataParts;
    /** For a one-off build: what the previous build published (see {@link PublishedState}); null if unknown. */
    private PublishedState previous;
    /** For a one-off build: the edit since the previous build, when it left every article where it stood. */
    private ArticleEdit storedEdit;
    /** Adds the editors' warnings, made beside the build, to its diagnostics (see {@link #awaitFeedback}). */
    private Runnable pendingFeedback = () -> { };
    /** For a one-off build: the stamp of its inputs, taken before it read any (see {@link InputsStamp}). */
    private InputsStamp inputs;

    public SiteBuild(BuildConfig config, PrintStream progress) {
        this(config, progress, null);
    }

    public SiteBuild(BuildConfig config, PrintStream progress, ArticleCache cache) {
        this.config = config;
        this.progress = progress;
        this.cache = cache;
    }

    /**
     * For the preview: leave the search index, the feed and the downloads (made from every
     * article, and the slowest part of a rebuild after one edit) as published, so the edited page
     * can be shown sooner; the preview then runs a normal build, which brings them up to date.
     */
    public SiteBuild deferringIndexes() {
        this.deferIndexes = true;
        return this;
    }

    /** Whether the search index is made after every page rather than beside them (see {@link #searchIndexApart}). */
    private boolean searchApart;

    /**
     * Makes the search index after every page is made (an edit's build: after the pages it makes),
     * rather than on a core beside them, so that the pages and the index each show their own time in
     * the progress lines. The speed issue counts the index apart from the pages; {@code archive bench}
     * times its clean build so. (At 10,000 articles such a build took as long in all as one making
     * them together: docs/benchmarks.md, forty-first session.)
     */
    public SiteBuild searchIndexApart() {
        this.searchApart = true;
        return this;
    }

    /** Holds the archive hollow above {@code bytes} of seeds instead of {@link #HOLD_TEXT_BYTES}: for tests. */
    SiteBuild holdingTextUpTo(long bytes) {
        this.holdTextBytes = bytes;
        return this;
    }

    /**
     * Lets the build stop between stages, publishing nothing, once {@code cancelled} says so: the
     * preview stops bringing the search index up to date when a new save is waiting.
     */
    public SiteBuild cancelledWhen(java.util.function.BooleanSupplier cancelled) {
        this.cancelled = cancelled;
        return this;
    }

    /** A build stopped by {@link #cancelledWhen}; it published nothing. */
    public static final class CancelledException extends RuntimeException {
        CancelledException() { super("the build was stopped for a newer one"); }
    }

    private void stopIfCancelled() {
        if (abandoned || cancelled.getAsBoolean()) throw new CancelledException();
    }

    /** Set when the build fails while a {@link SideTask} runs: the task stops at its next file. */
    private volatile boolean abandoned;

    /** Stops {@code task} (if any, and started) and waits for it: the build is failing. */
    private void abandon(SideTask task) {
        if (task == null) return;
        abandoned = true;
        task.awaitQuietly();
    }

    /**
     * What a finished build did: {@code pagesRendered} of the {@code pages} were rendered, the
     * others kept as published. {@code indexesDeferred}: the search index, feed or downloads were
     * left as published (see {@link #deferringIndexes}) and a normal build must follow.
     */
    public record Result(int articles, int pages, int pagesRendered, int filesWritten, int filesReused, Diagnostics diagnostics,
                         boolean indexesDeferred) {
        public Result(int articles, int pages, int pagesRendered, int filesWritten, int filesReused, Diagnostics diagnostics) {
            this(articles, pages, pagesRendered, filesWritten, filesReused, diagnostics, false);
        }
    }

    /** Adds the editors' warnings to the build's diagnostics once they are made (see {@link #read}); then does nothing. */
    private void awaitFeedback() {
        Runnable pending = pendingFeedback;
        pendingFeedback = () -> { };
        pending.run();
    }

    /**
     * Whether the caches beside the output of {@code config} were made by this build of the
     * generator: a build then reads its articles as the previous one left them. After the generator
     * changed, a build annotates and tokenizes every article again, as without caches.
     */
    public static boolean cachesMadeByThisGenerator(BuildConfig config) {
        return ArticleStore.madeBy(Publishing.cacheFolder(config).resolve(ArticleStore.FILE),
                archive.render.Templates.generatorFingerprint());
    }

    /** What the read stages produce: enough to check or to render. */
    public record Corpus(EditorialData data, List<AnnotatedArticle> articles, ArchiveIndex index, List<SitePage> pages) {}

    /** Builds the site and publishes it into the output folder. */
    public Result build() {
        Diagnostics diags = new Diagnostics();
        List<String> problems = config.problems();
        if (!problems.isEmpty()) throw new BuildFailedException("checking the folders", problems.stream()
                .map(p -> new archive.diag.Diagnostic(archive.diag.Diagnostic.Severity.ERROR, null, 0, p)).toList());
        // (The citations' keys are taken meanwhile, on a core the listing leaves idle.)
        if (cache == null) archive.publish.Citations.prepareKeysInBackground();
        // The preview's quick rebuild looks again only at the seeds its watcher saw change; the
        // build that catches up after it lists the folder whole, in case the watcher missed one.
        SeedFolder folder = cache == null ? SeedFolder.scan(config.seeds()) : cache.seedFolder(config.seeds(), !deferIndexes);
        if (cache == null) {
            inputs = InputsStamp.of(config, folder);
            Result unchanged = keptAsPublished();
            if (unchanged != null) return unchanged;
        }
        // A one-off build opens its output while it reads (see OutputOpening).
        OutputOpening opening = cache == null ? OutputOpening.start(config.out()) : null;
        Corpus corpus;
        try {
            corpus = read(diags, true, folder);
        } catch (RuntimeException e) {
            if (opening != null) opening.closeQuietly();
            if (store != null) store.close();
            throw e;
        } catch (Error e) {
            if (opening != null) opening.closeQuietly(); // the lock and the staging folder, for a build in the same process
            throw e;
        }
        try {
            return publish(corpus, diags, opening);
        } finally {
            awaitFeedback(); // (after a failure too: its task no longer runs beside the next build)
            if (store != null) store.close();
        }
    }

    /**
     * For the preview, before a build that will render every page (after a template's change): the
     * pages at the site files {@code files} (those open in a browser, such as "articles/ID/index.html")
     * as that build will make them, in memory (see {@link OpenPages}). Publishes nothing and leaves
     * the output as it is; what it read and annotated is remembered for the build. Empty when there
     * is no published build to start from; a failure (a broken template, a seed with errors) is the
     * build's to report.
     */
    public Map<String, byte[]> renderOnly(java.util.Set<String> files) {
        if (cache == null) throw new IllegalStateException("only the preview renders some pages first");
        ArticleEdit.Published published = cache.published();
        if (published == null || files.isEmpty() || !config.problems().isEmpty()) return Map.of();
        Diagnostics diags = new Diagnostics();
        Corpus corpus = read(diags, false, cache.seedFolder(config.seeds(), false));
        OpenPages.Sink sink = new OpenPages.Sink(files);
        Publishing publishing = new Publishing(config, diags, msg -> { }, cache.publishing());
        RenderContext ctx = context(corpus, diags, publishing.recorder(sink), publishing);
        new OpenPages(ctx, corpus.pages(), published.introductions()).render(files);
        diags.throwIfErrors("rendering the open pages");
        return sink.made();
    }

    /** Renders and publishes the site of {@code corpus}, into the output {@code opening} opened if there is one. */
    private Result publish(Corpus corpus, Diagnostics diags, OutputOpening opening) {
        SiteWriter opened = opening == null ? null : opening.writer();
        try (SiteWriter writer = opened != null ? opened : SiteWriter.open(config.out(), cache == null ? null : cache.carried())) {
            stopIfCancelled();
            Publishing publishing = new Publishing(config, diags, msg -> say("%s", msg), cache == null ? null : cache.publishing());
            RenderContext ctx = context(corpus, diags, publishing.recorder(writer), publishing);
            // The preview's rebuild after such a save: the files it cannot change are kept unseen.
            ArticleEdit edit = deferIndexes && articleEdit != null
                    && ArticleEdit.sameSettings(cache.published(), corpus, ctx.inputsWithoutData().value()) ? articleEdit : null;
            if (edit != null && writer.keepPreviousExcept(edit::affects)) return buildEdit(corpus, edit, ctx, writer, publishing, diags);
            // A one-off build after an edit of that kind: every file the edit cannot change is kept, once checked untouched.
            SideTask early = null;
            // (An edit of the data that changed only what some entries' or places' own pages show adds those pages to it.)
            DataParts.Changed ownPages = storedEdit == null ? null : dataParts.ownPagesChanged(previous.data());
            if (storedEdit != null && ownPages != null && previous.settings() == settingsKey(corpus, ctx)) {
                storedEdit.alsoOwnPagesOf(ownPages);
                // The search index is made from the articles alone, on a thread of its own: started
                // before the published files are checked, which it has no part in (they leave its files
                // to it), and which with the few pages the edit changed leave a core idle.
                early = searchIndexStarted(corpus, ctx, writer);
                boolean kept;
                try {
                    kept = writer.keepPreviousUnlessTouched(f -> storedEdit.affects(f) || Publishing.madeFromEveryArticle(f)
                            || f.startsWith(SearchIndexBuilder.DIR));
                } catch (RuntimeException | Error e) {
                    abandon(early);
                    throw e;
                }
                if (kept) return buildStoredEdit(corpus, storedEdit, ctx, writer, publishing, diags, early);
                // A published file was touched: every page is made, and the index is awaited first when
                // the archive is held hollow, whose passes over the articles are kept apart (see below).
                if (!holdsWhole && early != null) early.join();
            }
            // Every page is made: a broken template fails before the first. (An edit's way, taken only with
            // the templates the last build compiled, compiles each when a page asks for it.)
            try {
                ctx.templates.precompile(TEMPLATES);
            } catch (RuntimeException | Error e) {
                abandon(early);
                throw e;
            }
            // A one-off build of an archive held whole makes its search index (from the articles alone)
            // on a thread of its own once the article pages are made, beside the glossary and the lists,
            // whose pages leave a core idle at times. (Held hollow, the whole paper keeps them apart: each
            // reads the articles back from the store, and together they would need more memory.)
            boolean later = !searchApart && early == null && cache == null && holdsWhole;
            // Held hollow, an update that leaves all but a few articles' search postings as they were (a new
            // article, one removed) makes its index beside the pages from the start: it reads back only those
            // few articles' text (a new article at 100,000: 35.0-38.1 s instead of 37.1 s, removed 39.9-40.8 s
            // instead of 41.7-43.1 s; docs/benchmarks.md, thirty-fifth session).
            boolean beside = early == null && cache == null && !holdsWhole && fewToTokenize(corpus);
            SideTask search = later ? new SideTask("search index") : beside ? searchIndexStarted(corpus, ctx, writer) : early;
            Map<String, String> introductions;
            try {
                introductions = render(ctx, corpus, publishing, later ? () -> search.start(() -> indexForSearch(corpus, ctx, writer))
                        : () -> { });
                copyAssets(writer);
                stopIfCancelled();
                diags.throwIfErrors("rendering pages");
            } catch (RuntimeException | Error e) {
                abandon(search);
                throw e;
            }
            boolean deferred = ctx.indexesDeferred;
            int pages = ctx.pagesWritten.get(), rendered = ctx.pagesRendered.get();
            deferred |= searchIndexDone(search, corpus, ctx, writer);
            writer.publish();
            publishing.recordPermalinks();
            if (notes != null) notes.save();
            if (cache != null) {
                cache.carried(writer.carried());
                cache.publishing(publishing);
                cache.published(new ArticleEdit.Published(corpus, dataParts, ctx.inputsWithoutData().value(), Map.copyOf(introductions)),
                        pages);
            } else {
                savePublished(corpus, ctx, pages, introductions, diags);
            }
            say("Published %d pages to %s (%d rendered, %d kept; %d files written, %d unchanged)", pages, config.out(),
                    rendered, pages - rendered, writer.filesWritten(), writer.filesReused());
            return new Result(corpus.articles().size(), pages, rendered, writer.filesWritten(), writer.filesReused(), diags, deferred);
        }
    }

    /** Articles the search index may tokenize again beside the pages of an archive held hollow (see {@link #fewToTokenize}). */
    private static final int TOKENIZED_BESIDE_AT_MOST = 64;

    /**
     * Whether the search index would take the postings of all but a few articles from the previous
     * build's: the same generator and data, the postings of nearly as many articles, and nearly every
     * article's annotation unchanged (what an article's postings are made from besides its places).
     */
    private boolean fewToTokenize(Corpus corpus) {
        int n = corpus.articles().size();
        if (previous == null || store == null || dataParts == null || !dataParts.equals(previous.data())
                || store.reused() < n - TOKENIZED_BESIDE_AT_MOST) {
            return false;
        }
        int cached = SearchIndexBuilder.cachedDocuments(postingsFile(), searchGlobal());
        return cached >= 0 && cached >= n - TOKENIZED_BESIDE_AT_MOST;
    }

    /**
     * The search index being made on a thread of its own (see {@link #indexForSearch}); null when it
     * is made after the pages (see {@link #searchIndexApart}), by {@link #searchIndexDone}.
     */
    private SideTask searchIndexStarted(Corpus corpus, RenderContext ctx, SiteWriter writer) {
        if (searchApart) return null;
        SideTask search = new SideTask("search index");
        search.start(() -> indexForSearch(corpus, ctx, writer));
        return search;
    }

    /**
     * Waits for the search index made beside the pages, or makes it now when {@code search} is null
     * (made after them); returns true when it was left as published (see {@link #indexForSearch}).
     */
    private boolean searchIndexDone(SideTask search, Corpus corpus, RenderContext ctx, SiteWriter writer) {
        return search != null ? search.join() : indexForSearch(corpus, ctx, writer);
    }

    /**
     * Makes the search index, or keeps it when no article and none of the data it reads changed;
     * returns true when it was left as published for a following build (see {@link #deferringIndexes}).
     */
    private boolean indexForSearch(Corpus corpus, RenderContext ctx, SiteWriter writer) {
        boolean deferred = false;
        SearchIndexBuilder.Numbering numbering = SearchIndexBuilder.number(corpus.index().articles());
        List<AnnotatedArticle> byNumber = numbering.byNumber();
        // The index is made from every article and the data: kept whole when none of them changed.
        // Made from every article (annotations included) and the parts of the data it reads. (The
        // articles' numbers come from their seeds' names, which their fingerprints hold: a renamed
        // seed changes them too.)
        long searchInputs = ctx.inputsWithoutData().add(SearchIndexBuilder.DIR)
                .addValue(SearchIndexBuilder.dataInputsOf(corpus.data())).add(ctx.everyArticle()).value();
        // A document is made from its article and, of the data, the places around its places: the
        // postings of an article whose fingerprint below is unchanged are kept when the data changes
        // otherwise (a new glossary entry re-tokenizes only the articles it is found in).
        long searchGlobal = searchGlobal();
        // Taken once per article (the published files are checked with it, and the postings kept by
        // it); an article's facets are those of its places, each place's walked once.
        SearchIndexBuilder.PlaceFacetKeys facets = new SearchIndexBuilder.PlaceFacetKeys(corpus.data().placesBySlug());
        Map<String, Long> searchFingerprints = new ConcurrentHashMap<>();
        java.util.function.ToLongFunction<AnnotatedArticle> searchFingerprint = a -> searchFingerprints.computeIfAbsent(a.id(),
                id -> new archive.render.Fingerprint().add(ctx.contentFingerprint(a)).add(facets.of(a)).value());
        // Each article's text file is made from that article and its number; every other file from every article.
        // (A shard's file records its own content's fingerprint: kept with the rest when nothing else changed.)
        java.util.function.ToLongFunction<String> searchFileInputs = file -> {
            if (SearchIndexBuilder.isShard(file)) return writer.previousFingerprint(file);
            int number = SearchIndexBuilder.docNumber(file);
            return number < 0 || number >= byNumber.size() ? searchInputs
                    : SearchIndexBuilder.docInputs(searchGlobal, number, searchFingerprint.applyAsLong(byNumber.get(number)));
        };
        if (writer.keepAll(SearchIndexBuilder.DIR, searchFileInputs)) {
            say("Kept the search index: no article and none of the data it reads changed");
        } else if (deferIndexes && writer.keepAllAsPublished(SearchIndexBuilder.DIR)) {
            deferred = true;
            say("Left the search index as published, to be brought up to date next");
        } else {
            // The index is written file by file: a cancelled build stops at the next file.
            // The postings of articles unchanged since the previous build are taken from it, not tokenized again.
            SearchIndexBuilder.Reuse reuse = new SearchIndexBuilder.Reuse(postingsFile(), searchGlobal, searchFingerprint,
                    ctx::sourceFingerprint);
            SearchIndexBuilder.Stats search = new SearchIndexBuilder(corpus.data()).build(numbering, new archive.search.FileSink() {
                @Override
                public void write(String file, byte[] content) { write(file, content, searchInputs); }

                @Override
                public void write(String file, byte[] content, long inputs) {
                    stopIfCancelled();
                    writer.write(file, content, inputs);
                }

                @Override
                public boolean keep(String file, long inputs) { return writer.keep(file, inputs); }

                @Override
                public boolean keepAll(List<String> files, long inputs) { return writer.keepAll(files, inputs); }

                @Override
                public boolean keepExactly(String prefix, Map<String, Long> fingerprints) {
                    return writer.keepExactly(prefix, fingerprints);
                }
            }, reuse, ctx::text);
            say("Indexed %d articles for search (%d tokenized, the others' postings kept from the previous build): %d terms, "
                    + "%d postings, %d shards (%d kept unmade: same postings and weights, %d of them unread%s), %d files made "
                    + "(%.1f MB), %d files kept", search.documents(), search.tokenized(), search.terms(), search.postings(),
                    search.shards(), search.keptShards(), search.unreadShards(),
                    search.postingsAsPublished() ? "; every posting as published, none merged" : "",
                    search.files(), search.bytes() / 1e6, search.keptFiles());
        }
        return deferred;
    }

    /**
     * A one-off build after an edit that left every article where it stood (see {@link
     * ArticleEdit#ofStored}): as the preview's rebuild, the pages the edit can change are made and
     * every other file is kept as published (checked untouched); then the feed, the downloads and
     * the search index are brought up to date, as in any build. The site equals a clean build's.
     */
    private Result buildStoredEdit(Corpus corpus, ArticleEdit edit, RenderContext ctx, SiteWriter writer, Publishing publishing,
                                   Diagnostics diags, SideTask search) {
        Map<String, String> introductions;
        EditRendered made;
        try {
            made = renderEdit(corpus, edit, ctx, previous.introductions());
            introductions = made.introductions();
            copyAssets(writer);
            publishing.finishEdit(ctx, introductions, edit.before(), previous.introductions(), edit.moved(),
                    edit.dataEdited().downloads());
        } catch (RuntimeException | Error e) {
            abandon(search);
            throw e;
        }
        int renderedPages = ctx.pagesRendered.get();
        say("Rendered the %d %s the edit changed; the feed and downloads brought up to date", renderedPages,
                renderedPages == 1 ? "page" : "pages");
        searchIndexDone(search, corpus, ctx, writer);
        diags.throwIfErrors("rendering pages");
        writer.publish();
        publishing.recordPermalinks();
        notes.keepUnseen();
        notes.save();
        savePublished(corpus, ctx, previous.pages(), introductions, diags);
        int n = edit.changed().size();
        int rendered = ctx.pagesRendered.get(), articlePages = made.articlePages();
        DataParts.Changed dataEdited = edit.dataEdited();
        String data = dataEdited.isEmpty() ? "" : " and of " + dataEdits(dataEdited);
        if (n == 0 && dataEdited.isEmpty()) {
            say("Published to %s: no article changed since the previous build, every page kept unread (%d files written, "
                    + "%d unchanged)", config.out(), writer.filesWritten(), writer.filesReused());
        } else if (n == 0) {
            say("Published the edit of %s to %s: rendered %d %s, kept the others unread (%d files written, %d unchanged)",
                    dataEdits(dataEdited), config.out(), rendered, rendered == 1 ? "page" : "pages", writer.filesWritten(),
                    writer.filesReused());
        } else {
            say("Published the edit of %d %s%s%s to %s: rendered %d of %d article pages and %d other pages, kept the others "
                    + "unread (%d files written, %d unchanged)", n, n == 1 ? "article" : "articles",
                    edit.moved() ? " (moved in the reading order)" : "", data, config.out(), articlePages,
                    corpus.articles().size(), rendered - articlePages, writer.filesWritten(), writer.filesReused());
        }
        return new Result(corpus.articles().size(), previous.pages(), ctx.pagesRendered.get(), writer.filesWritten(),
                writer.filesReused(), diags);
    }

    /** "the explanations of 3 glossary entries and the notes or coordinates of 1 place": what a data edit of their own pages changed (see DataParts). */
    private static String dataEdits(DataParts.Changed edited) {
        int entries = edited.entries().size(), places = edited.places().size();
        String e = "the explanations of " + entries + (entries == 1 ? " glossary entry" : " glossary entries");
        String p = "the notes or coordinates of " + places + (places == 1 ? " place" : " places");
        return entries == 0 ? p : places == 0 ? e : e + " and " + p;
    }

    /** What {@link #renderEdit} made: the editors' introductions as they are now, and how many article pages were rendered. */
    private record EditRendered(Map<String, String> introductions, int articlePages) {}

    /**
     * Renders the pages an edit can change (see {@link ArticleEdit}), starting from the editors'
     * introductions {@code published} of the build before.
     */
    private EditRendered renderEdit(Corpus corpus, ArticleEdit edit, RenderContext ctx, Map<String, String> published) {
        ArticlePages articlePages = new ArticlePages(ctx);
        Map<String, String> introductions = new ConcurrentHashMap<>(published);
        archive.parallel.Parallel.forEach(edit.pages(), a -> {
            String intro = articlePages.render(a);
            if (intro.isEmpty()) introductions.remove(a.id());
            else introductions.put(a.id(), intro);
        });
        new GlossaryPages(ctx).render(edit.entryPages(), edit.changesGlossaryIndex());
        if (edit.listed()) {
            // What lists show of an edited article changed: the lists it is on are made (or kept) as usual.
            EditorialPages editorial = new EditorialPages(ctx);
            editorial.home(corpus.pages().stream().filter(p -> p.name().equals("home")).findFirst().orElse(null),
                    edit.pagesOf(archive.render.PagePaths.HOME));
            editorial.articleList(edit.pagesOf(archive.render.PagePaths.ARTICLES));
            new DatePages(ctx).render(edit.dates());
            if (edit.moved()) new DatePages(ctx).index();
            new IndustryPages(ctx).render(edit.industries(), edit::pagesOf);
        }
        // The lists it is on (when listed) and the places whose note or coordinates the data's edit changed.
        new PlacePages(ctx).render(edit.places(), edit::pagesOf);
        if (edit.notesIndex()) new EditorialPages(ctx).notesIndex(new HashMap<>(introductions));
        return new EditRendered(introductions, articlePages.rendered());
    }

    /**
     * The settings a stored edit needs unchanged: templates, pages, URL policy, folders, the data
     * folder's other files (redirects, registry). The glossary, gazetteer and industries are
     * compared by what they hold instead (see DataParts): rewording an explanation changes one page.
     */
    private long settingsKey(Corpus corpus, RenderContext ctx) {
        archive.render.Fingerprint data = new archive.render.Fingerprint();
        InputsStamp.treeWithout(data, config.data(), p -> p.getParent() != null && p.getParent().equals(config.data())
                && EditorialDataLoader.FILES.contains(p.getFileName().toString()));
        return new archive.render.Fingerprint().add(ctx.inputsWithoutData().value()).addValue(corpus.pages())
                .add(String.valueOf(config)).add(data.value())
                .add(config.permalinks() == null ? 0 : folderStamp(config.permalinks())).value();
    }

    /** The names, sizes, times and identities of the files under {@code dir} (or of the file {@code dir}): a change to any changes it. */
    private static long folderStamp(Path dir) {
        archive.render.Fingerprint f = new archive.render.Fingerprint();
        InputsStamp.tree(f, dir);
        return f.value();
    }

    /** The order of the articles (in reading order, as the index holds them), by id. */
    private static long orderKey(List<AnnotatedArticle> articles) {
        archive.render.Fingerprint f = new archive.render.Fingerprint().add(articles.size());
        for (AnnotatedArticle a : articles) f.add(a.id());
        return f.value();
    }

    private Path publishedStateFile() { return Publishing.cacheFolder(config).resolve(PublishedState.FILE); }

    /** Records what this one-off build published, for the next one (see {@link PublishedState}). */
    private void savePublished(Corpus corpus, RenderContext ctx, int pages, Map<String, String> introductions, Diagnostics diags) {
        awaitFeedback();
        new PublishedState(settingsKey(corpus, ctx), orderKey(corpus.index().articles()), inputs.sideFiles(), pages,
                Map.copyOf(introductions), inputs.value(), corpus.articles().size(), SiteWriter.manifestKey(config.out()),
                diags.warnings(), dataParts)
                .save(publishedStateFile(), archive.render.Templates.generatorFingerprint());
    }

    /**
     * The preview's rebuild after a save that changed some articles but not where they stand (see
     * {@link ArticleEdit}): every file the edit cannot change was kept as published; the edited
     * articles' pages, the concordance pages of the entries they use and, if what lists show of
     * them changed, their neighbours' pages and the lists they are on are made (or kept) as in any
     * build. The search index, feed and downloads were kept too, so a normal build must follow, as
     * after any deferring build.
     */
    private Result buildEdit(Corpus corpus, ArticleEdit edit, RenderContext ctx, SiteWriter writer, Publishing publishing,
                             Diagnostics diags) {
        Map<String, String> introductions = renderEdit(corpus, edit, ctx, cache.published().introductions()).introductions();
        copyAssets(writer);
        publishing.finishEdit(ctx);
        diags.throwIfErrors("rendering pages");
        writer.publish();
        publishing.recordPermalinks();
        cache.carried(writer.carried());
        cache.publishing(publishing);
        cache.published(new ArticleEdit.Published(corpus, dataParts, ctx.inputsWithoutData().value(), Map.copyOf(introductions)),
                cache.publishedPages());
        int rendered = ctx.pagesRendered.get();
        int n = edit.changed().size();
        DataParts.Changed dataEdited = edit.dataEdited();
        String what = edit.listsFollow()
                ? n + (n == 1 ? " added or moved article and its neighbours" : " added or moved articles and their neighbours")
                + "; the lists follow,"
                : n == 0 && !dataEdited.isEmpty() ? "edit of " + dataEdits(dataEdited)
                : "edit of " + n + (n == 1 ? " article" : " articles") + (dataEdited.isEmpty() ? "" : " and of " + dataEdits(dataEdited));
        say("Published the %s to %s (%d pages rendered; %d files written, %d unchanged)", what, config.out(), rendered,
                writer.filesWritten(), writer.filesReused());
        int pages = cache.publishedPages();
        return new Result(corpus.articles().size(), pages, rendered, writer.filesWritten(), writer.filesReused(), diags, true);
    }

    /**
     * Reads, annotates and renders everything without writing: the `check` command. The pages
     * rendered in memory are checked for broken links, anchors and assets and for HTML errors.
     */
    public Result check() {
        try {
            return checkAll();
        } finally {
            if (store != null) store.close();
        }
    }

    private Result checkAll() {
        Diagnostics diags = new Diagnostics();
        Corpus corpus = read(diags);
        SiteChecker checker = new SiteChecker();
        Publishing publishing = new Publishing(config, diags, msg -> { });
        RenderContext ctx = context(corpus, diags, publishing.recorder(checker), publishing);
        ctx.templates.precompile(TEMPLATES);
        render(ctx, corpus, publishing, () -> { });
        int pages = ctx.pagesWritten.get();
        diags.throwIfErrors("rendering pages");
        publishing.reportUnlisted();
        assetFiles().forEach(checker::addFile);
        for (SiteProblem p : checker.problems()) diags.error(config.out().resolve(p.file()), p.line(), p.message());
        diags.throwIfErrors("checking links and HTML");
        return new Result(corpus.articles().size(), pages, pages, 0, 0, diags);
    }

    /** The read, annotate and index stages. Throws with every error found. */
    public Corpus read(Diagnostics diags) { return read(diags, false, SeedFolder.scan(config.seeds())); }

    /**
     * A one-off build that finds every input as the previous build read it (the same stamp) and
     * every file it published as it left it has nothing to make: it reads no article, gives the
     * previous build's warnings again, and only removes what was put in the site by hand, as any
     * build does. Null when a build must read its inputs.
     */
    private Result keptAsPublished() {
        PublishedState state = publishedState();
        if (state == null || !inputs.matches(state.inputs())) return null;
        int written, kept;
        try (SiteWriter writer = SiteWriter.open(config.out())) {
            // Asked again under the output's lock: another build may have published since.
            if (!java.util.Objects.equals(state.manifest(), SiteWriter.manifestKey(config.out()))
                    || !writer.keepPreviousUnlessTouched(f -> false)) {
                return null;
            }
            writer.publish();
            written = writer.filesWritten();
            kept = writer.filesReused();
            // Publishing wrote the manifest again: the state names the new one (under the lock, as it was written).
            state.withManifest(SiteWriter.manifestKey(config.out())).save(publishedStateFile(), archive.render.Templates.generatorFingerprint());
        }
        Diagnostics diags = new Diagnostics();
        state.warnings().forEach(diags::add);
        say("Nothing changed since the previous build: the seeds, data, templates, pages and settings are as it read them and "
                + "every file it published is as it left it; %s kept as published (%d files written, %d unchanged)",
                config.out(), written, kept);
        return new Result(state.articles(), state.pages(), 0, written, kept, diags);
    }

    /** What the previous one-off build published, if it is the site in the output folder now (see {@link PublishedState}). */
    private PublishedState publishedState() {
        PublishedState state = PublishedState.load(publishedStateFile(), archive.render.Templates.generatorFingerprint());
        return state != null && java.util.Objects.equals(state.manifest(), SiteWriter.manifestKey(config.out())) ? state : null;
    }

    /**
     * The read, annotate and index stages; with {@code persist} (a build that makes the pages), the
     * articles taken from the store are read without their text, which each page reads back, and
     * the articles are saved in the store (see {@link #HOLD_TEXT_BYTES}).
     */
    private Corpus read(Diagnostics diags, boolean persist, SeedFolder folder) {
        // A one-off build takes the data as the previous build read it when its files are as they were (see DataStore).
        EditorialData data = cache == null ? DataStore.load(config.data(), Publishing.cacheFolder(config).resolve(DataStore.FILE),
                archive.render.Templates.generatorFingerprint(), persist, diags)
                : cache.data(config.data(), EditorialDataLoader.FILES, diags, d -> new EditorialDataLoader().load(config.data(), d));
        SeedReader reader = new SeedReader();
        // A large archive is held hollow once its store is saved (see HOLD_TEXT_BYTES).
        boolean heldHollow = persist && folder.seedBytes() > holdTextBytes;
        if (cache == null && persist) {
            // Read, then removed: from here on the published site may change (see PublishedState).
            previous = publishedState();
            PublishedState.discard(publishedStateFile());
        } else if (persist) {
            // The preview changes the site without the article store: the next one-off build checks every page.
            PublishedState.discard(publishedStateFile());
        }
        if (cache == null) {
            store = ArticleStore.open(Publishing.cacheFolder(config).resolve(ArticleStore.FILE),
                    archive.render.Templates.generatorFingerprint()).readHollow(persist)
                    // An archive that will be held hollow leaves their mentions in it too (see ArticleStore#leavesMentions).
                    .leavesMentions(heldHollow)
                    // A new article, or one whose citation an edit changed, is cited by citeproc unless a stored
                    // shape gives its citation; citeproc's styles take a quarter of a second to load: loaded
                    // meanwhile, while the others are read.
                    .onNewText(persist ? archive.publish.Citations.warmUpWhenNeeded(Publishing.cacheFolder(config),
                            new Links(config.offline(), config.siteUrl())) : (was, now) -> { });
        }
        List<Article> articles;
        try {
            articles = reader.readAll(folder, diags, cache == null ? store::read : (f, d) -> {
                Article known = cache.article(f);
                return known != null ? known : reader.read(f, d);
            });
        } catch (RuntimeException e) {
            if (store != null) store.close();
            throw e;
        }
        say("Read %d articles%s and %d glossary entries, %d places, %d industries", articles.size(),
                store == null || store.articlesReused() == 0 ? "" : " (" + store.articlesReused() + " as the previous build left them)",
                data.glossary().size(), data.places().size(), data.industries().size());
        // Each article's seed by its name without ".txt": the notes and overrides files are named after it.
        Map<String, Path> seedOf = new HashMap<>(articles.size() * 4 / 3 + 16);
        articles.forEach(a -> seedOf.put(baseName(a.source()), a.source()));
        Map<String, ArticleNotes> notes = readNotes(folder, seedOf, diags);
        Map<String, ArticleOverrides> overrides = readOverrides(folder, seedOf, data, diags);
        List<SitePage> pages = new SitePagesReader().read(config.pages(), diags);
        diags.throwIfErrors("reading seeds and data");

        if (cache != null) cache.rememberArticles(articles, diags.all());
        // Built only if an article needs annotating (its matchers take a while to build), once.
        Map<Boolean, Annotator> made = new ConcurrentHashMap<>(1);
        java.util.function.Supplier<Annotator> annotator = () -> made.computeIfAbsent(true,
                k -> cache == null ? new Annotator(data) : cache.annotator(data));
        RowBuilder rows = new RowBuilder();
        // Annotations depend on the data's forms, places and industries, not on its glosses, explanations or places' notes.
        long annotationKey = new archive.render.Fingerprint().addValue(Annotator.inputsOf(data), archive.model.Origin.class).value();
        // When the data changed, the articles it could not have changed keep their annotations (see AnnotationForms).
        AnnotationForms forms = null;
        Path formsFile = Publishing.cacheFolder(config).resolve(AnnotationForms.FILE);
        if (cache != null) {
            cache.annotatingWith(annotationKey, AnnotationForms.of(data));
        } else if (store != null && persist) {
            forms = AnnotationForms.of(data);
            AnnotationForms.Change change = forms.since(AnnotationForms.load(formsFile, archive.render.Templates.generatorFingerprint()),
                    annotationKey);
            // The previous build's search postings tell which articles may hold a changed form: only those are read back.
            if (change != null) change.narrowBy(() -> archive.search.TermPresence.load(postingsFile(), searchGlobal()));
            store.formsChanged(change);
        }
        List<AnnotatedArticle> annotated = archive.parallel.Parallel.map(articles, a -> {
            ArticleOverrides o = overrides.getOrDefault(a.id(), ArticleOverrides.NONE);
            ArticleNotes n = notes.get(a.id());
            if (cache == null) {
                return store.annotation(a, n, o, annotationKey, whole -> annotator.get().annotate(whole, rows.rows(whole), o, n));
            }
            return cache.annotated(a, n, o, annotationKey, () -> annotator.get().annotate(a, rows.rows(a), o, n),
                    () -> AnnotationStore.inputs(a, o));
        });
        if (store != null) store.doneReading();
        if (cache != null) cache.retain(annotated.stream().map(AnnotatedArticle::id).collect(java.util.stream.Collectors.toSet()));
        // The articles as annotated, with their mentions, for the concordance.
        List<AnnotatedArticle> mentioned = annotated;
        // The articles whose seeds changed since the previous build, as they were and as they are (whole, before the store is saved).
        Map<String, AnnotatedArticle> before = null, after = null;
        if (previous != null && previous.sideFiles() == inputs.sideFiles() && !diags.hasErrors()) {
            before = store.previousOfChanged(notes::get);
            if (before != null) {
                after = new HashMap<>();
                for (AnnotatedArticle a : annotated) if (before.containsKey(a.id())) after.put(a.id(), a);
            }
        }
        // An edit that left every article where it stood (the same ids in the same order), which the
        // build will most likely publish as such (see ArticleEdit#ofStored): it makes a few pages.
        boolean likelyEdit = before != null && previous.order() == orderKey(annotated);
        // Or one that moved a few articles in the reading order (a new date or page), every other as
        // it was: the previous build's order is this one with them put back (see ArticleEdit#ofStoredMoved).
        // (A date changed without changing the order is such an edit too.)
        List<AnnotatedArticle> movedFrom = likelyEdit ? annotated : before != null ? ArticleEdit.previousOrder(annotated, before) : null;
        if (movedFrom != null && !likelyEdit && previous.order() != orderKey(movedFrom)) movedFrom = null;
        if (store != null && persist && !diags.hasErrors()) {
            // Saved before the pages are made; from then on the archive is held without its text and
            // mentions, which each page reads back from the store (they are most of the heap).
            store.save();
            if (forms != null) forms.save(formsFile, archive.render.Templates.generatorFingerprint(), annotationKey);
            holdsWhole = !heldHollow;
            if (store.holdsThisBuild() && !holdsWhole) {
                // Held hollow: the articles taken from the store were read without their text already
                // (see ArticleStore#readHollow); now every article lets go of its text and mentions.
                annotated = annotated.stream().map(a -> store.holds(a.id()) ? a.hollowed() : a).toList();
            }
        }
        // Held hollow, the archive's mentions are read back from the store by the index's passes, each
        // decoding them anew (see ArticleStore#withMentions): the articles taken from it left them there.
        boolean hollowed = annotated != mentioned;
        java.util.function.IntFunction<AnnotatedArticle> withMentions = store != null && heldHollow
                ? i -> store.withMentions(mentioned.get(i)) : mentioned::get;
        // In the preview, a save that left every article where it stood updates the last index.
        DataParts parts = DataParts.of(data);
        articleEdit = cache == null ? null : ArticleEdit.of(cache.published(), annotated, parts, data.placesBySlug());
        if (cache != null && articleEdit == null) {
            articleEdit = ArticleEdit.ofAddedOrMoved(cache.published(), annotated, parts, data.placesBySlug());
        }
        // The editors' warnings, made from the data and every article: from what each keeps with its
        // lists, not from its mentions (see AnnotatedArticle#chineseOnly), 0.2 s of CPU at 100,000, beside
        // the index. They join the diagnostics when the build publishes, after the pages' own (see awaitFeedback).
        Diagnostics feedbackDiags = new Diagnostics();
        List<AnnotatedArticle> reported = annotated;
        java.util.concurrent.ForkJoinTask<?> feedbackTask = java.util.concurrent.ForkJoinPool.commonPool()
                .submit(() -> new EditorFeedback(data).report(reported, feedbackDiags));
        // Such an edit needs the concordance only if it changed a line of it: then made, from the
        // articles' mentions.
        ArchiveIndex index = articleEdit != null && !articleEdit.listsFollow()
                ? cache.published().corpus().index().replacing(articleEdit.changed())
                : new ArchiveIndex(annotated, data.placesBySlug(), withMentions, movedFrom != null);
        pendingFeedback = () -> {
            feedbackTask.join();
            feedbackDiags.all().forEach(diags::add);
        };
        if (cache != null || !persist || hollowed) awaitFeedback();
        // A save whose lists follow must not take away a page the published lists have (see ArticleEdit#keepsEveryListPage).
        if (articleEdit != null && articleEdit.listsFollow()
                && !articleEdit.keepsEveryListPage(cache.published().corpus().index(), index, data.placesBySlug())) {
            articleEdit = null;
        }
        this.dataParts = parts;
        if (likelyEdit) storedEdit = ArticleEdit.ofStored(before, after, index, data.placesBySlug());
        if (storedEdit == null && movedFrom != null) {
            storedEdit = ArticleEdit.ofStoredMoved(before, after, movedFrom, index, data.placesBySlug());
        }
        if (store != null && store.reused() > 0) {
            say("Aligned and annotated %d articles (%d unchanged since the previous build%s)", annotated.size(), store.reused(),
                    store.rekeyed() == 0 ? "" : ", " + store.rekeyed() + " of them holding none of the forms the data's change touched"
                            + (store.rekeyedUnread() == 0 ? "" : " (" + store.rekeyedUnread() + " as the search postings tell, their text unread)"));
        } else if (cache != null) {
            say("Aligned and annotated %d articles (%d annotated anew, the others as remembered)", annotated.size(),
                    cache.annotatedAnew());
        } else {
            say("Aligned and annotated %d articles", annotated.size());
        }
        return new Corpus(data, annotated, index, pages);
    }

    /** What every page builder shares, with the articles' content fingerprints and the publishing stage's extras. */
    private RenderContext context(Corpus corpus, Diagnostics diags, PageSink sink, Publishing publishing) {
        Links links = new Links(config.offline(), config.siteUrl());
        Templates templates = cache != null ? cache.templates(config.templates(), links) : new Templates(config.templates(), links);
        List<Views.NavItem> footer = new ArrayList<>();
        for (SitePage p : corpus.pages()) {
            if (!p.name().equals("home")) footer.add(new Views.NavItem(p.name() + "/", p.title(), ""));
        }
        Views.SiteInfo site = new Views.SiteInfo(BuildConfig.TITLE_EN, BuildConfig.TITLE_ZH, List.of(
                new Views.NavItem("dates/", "Dates", "日期"),
                new Views.NavItem("places/", "Places", "地点"),
                new Views.NavItem("industries/", "Industries", "行业"),
                new Views.NavItem("glossary/", "Glossary", "术语"),
                new Views.NavItem("notes/", "Notes", "注释"),
                new Views.NavItem("articles/", "Articles", "文章"),
                new Views.NavItem("search/", "Search", "搜索")), footer);
        RenderContext ctx = new RenderContext(templates, links, corpus.data(), corpus.index(), new Markdown(),
                new IndexCrossRefs(corpus.index(), corpus.data(),
                        corpus.pages().stream().map(SitePage::name).collect(java.util.stream.Collectors.toSet())), diags, sink, site);
        publishing.prepare(ctx);
        ctx.beforeEachPage(this::stopIfCancelled);
        // The article's text and overrides were fingerprinted when it was read; its notes, places and
        // industries complete what its pages are made from (the data is in every page's inputs).
        if (cache == null) {
            notes = NotesStore.load(Publishing.cacheFolder(config).resolve(NotesStore.FILE), archive.render.Templates.generatorFingerprint());
            ctx.renderedNotes(notes);
        }
        if (store != null && holdsWhole) {
            // A small archive keeps each article whole once a page has read it back: its concordance
            // lines and search text come from the same reading.
            Map<String, AnnotatedArticle> whole = new ConcurrentHashMap<>();
            java.util.function.UnaryOperator<AnnotatedArticle> read = a -> whole.computeIfAbsent(a.id(), id -> store.whole(a));
            ctx.wholeArticles(read, a -> archive.model.ArticleText.of(read.apply(a).article()));
        } else if (store != null) {
            ctx.wholeArticles(store::whole, store::text);
        }
        if (cache != null) {
            ctx.fingerprints(cache::fingerprint, cache::sourceFingerprint);
            ctx.summaryFingerprints(a -> cache.summaryFingerprint(a, ctx::computeSummaryFingerprint));
        } else if (store != null) {
            ctx.fingerprints(storedOr(store::contentFingerprint, ctx::computeContentFingerprint),
                    storedOr(store::sourceFingerprint, ctx::contentFingerprint));
        }
        return ctx;
    }

    /** An article's fingerprint as {@code stored} has it by id, or as {@code otherwise} takes it when it has none. */
    private static java.util.function.Function<AnnotatedArticle, Long> storedOr(java.util.function.Function<String, Long> stored,
                                                                               java.util.function.Function<AnnotatedArticle, Long> otherwise) {
        return a -> {
            Long known = stored.apply(a.id());
            return known == null ? otherwise.apply(a) : known;
        };
    }

    /**
     * Renders every page; returns the editors' introductions as plain text, by article id. Runs
     * {@code afterArticlePages} once the article pages are made.
     */
    private Map<String, String> render(RenderContext ctx, Corpus corpus, Publishing publishing, Runnable afterArticlePages) {
        SitePage home = corpus.pages().stream().filter(p -> p.name().equals("home")).findFirst().orElse(null);
        ArticlePages articlePages = new ArticlePages(ctx);
        Map<String, String> introductions = new ConcurrentHashMap<>();
        // Each article's text is read back (the archive is held without it) only if its page is made.
        // (A cancelled build stops before its next page: see RenderContext#beforeEachPage, set in #context.)
        archive.parallel.Parallel.forEach(corpus.index().articles(), a -> {
            String intro = articlePages.render(a);
            if (!intro.isEmpty()) introductions.put(a.id(), intro);
        });
        say("Rendered %d of %d article pages (the others kept)%s", articlePages.rendered(), corpus.articles().size(),
                notes == null || notes.reused() == 0 ? "" : "; " + notes.reused() + " articles' notes as an earlier build rendered them");
        stopIfCancelled();
        afterArticlePages.run();
        EditorialPages editorial = new EditorialPages(ctx);
        editorial.home(home);
        editorial.articleList();
        editorial.notesIndex(new HashMap<>(introductions));
        corpus.pages().stream().filter(p -> !p.name().equals("home")).forEach(editorial::sitePage);
        new GlossaryPages(ctx).renderAll();
        say("Rendered the glossary and its concordance");
        stopIfCancelled();
        new DatePages(ctx).renderAll();
        new PlacePages(ctx).renderAll();
        stopIfCancelled();
        new IndustryPages(ctx).renderAll();
        new SearchPage(ctx).render();
        stopIfCancelled();
        ctx.indexesDeferred = publishing.finish(ctx, introductions, deferIndexes, this::stopIfCancelled);
        ctx.pagesMade();
        say("Rendered %d pages of %d", ctx.pagesRendered.get(), ctx.pagesWritten.get());
        return introductions;
    }

    private Map<String, ArticleNotes> readNotes(SeedFolder folder, Map<String, Path> seedOf, Diagnostics diags) {
        Map<String, ArticleNotes> out = new HashMap<>();
        NotesParser parser = new NotesParser();
        java.util.Set<Path> listed = new java.util.HashSet<>();
        for (SeedFolder.Entry e : folder.notes(diags)) {
            Path f = e.path();
            listed.add(f);
            String base = withoutEnding(f, ".notes.md");
            Path seed = seedOf.get(base);
            if (seed == null) {
                diags.error(f, 1, "notes file without a seed: there is no " + base + ".txt beside it (or it failed to "
                        + "parse); rename the notes to match their article's file");
                continue;
            }
            ArticleNotes n = cache == null ? parser.read(f, diags) : cache.notes(e, diags, d -> parser.read(f, d));
            if (n != null) out.put(SeedReader.idOf(seed), n);
        }
        if (cache != null) cache.retainNotes(listed);
        return out;
    }

    private Map<String, ArticleOverrides> readOverrides(SeedFolder folder, Map<String, Path> seedOf, EditorialData data,
                                                        Diagnostics diags) {
        Map<String, ArticleOverrides> out = new HashMap<>();
        for (SeedFolder.Entry e : folder.overrides(diags)) {
            Path f = e.path();
            String base = withoutEnding(f, ".meta.yaml");
            Path seed = seedOf.get(base);
            if (seed == null) {
                diags.error(f, 1, "overrides file without a seed: there is no " + base + ".txt beside it; rename it to match its article");
                continue;
            }
            out.put(SeedReader.idOf(seed), new OverridesLoader().read(f, data, diags));
        }
        return out;
    }

    private static String baseName(Path seed) { return withoutEnding(seed, ".txt"); }

    /** The file's name without {@code ending}, if it ends so. */
    private static String withoutEnding(Path file, String ending) {
        String name = file.getFileName().toString();
        return name.endsWith(ending) ? name.substring(0, name.length() - ending.length()) : name;
    }

    private void copyAssets(SiteWriter writer) {
        Path assets = config.templates().resolve("assets");
        if (!Files.isDirectory(assets)) return;
        try (Stream<Path> s = Files.walk(assets)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                writer.copy(p, "assets/" + assets.relativize(p).toString().replace('\\', '/'));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site paths of the assets ("assets/site.css"), which are also their paths under the templates folder. */
    private List<String> assetFiles() {
        Path assets = config.templates().resolve("assets");
        if (!Files.isDirectory(assets)) return List.of();
        try (Stream<Path> s = Files.walk(assets)) {
            return s.filter(Files::isRegularFile).sorted()
                    .map(p -> "assets/" + assets.relativize(p).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time of the whole process so far: on a busy machine a fairer measure than the wall clock. */
    private static double cpuSeconds() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e9 : 0;
    }

    private void say(String format, Object... args) {
        if (progress == null) return;
        double secs = (System.nanoTime() - started) / 1e9;
        progress.printf("[%6.2f s, CPU %6.2f s] %s%n", secs, cpuSeconds(), String.format(format, args));
    }

    /** Where the search index's postings are kept for the next build (see SearchIndexBuilder.Reuse, TermPresence). */
    private Path postingsFile() { return Publishing.cacheFolder(config).resolve(SearchIndexBuilder.CACHE_FILE); }

    /** What the search index's postings are made with besides the articles (see SearchIndexBuilder.Reuse): the generator. */
    private static long searchGlobal() {
        return new archive.render.Fingerprint().add(archive.render.Templates.generatorFingerprint()).value();
    }
}
