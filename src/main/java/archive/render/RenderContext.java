package archive.render;

import archive.diag.Diagnostics;
import archive.index.ArchiveIndex;
import archive.model.AnnotatedArticle;
import archive.model.EditorialData;
import archive.model.GlossaryEntry;
import archive.model.Industry;
import archive.model.Place;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every page builder shares: templates, URL policy, data, indexes, and where pages go.
 * Built once per build and passed down; nothing is static.
 */
public final class RenderContext {
    public final Templates templates;
    public final Links links;
    public final EditorialData data;
    public final ArchiveIndex index;
    public final Markdown markdown;
    public final CrossRefs refs;
    public final Diagnostics diags;
    public final PageSink sink;
    public final Views.SiteInfo site;
    public final Map<String, GlossaryEntry> glossary;
    public final Map<String, Place> places;
    public final Map<String, Industry> industries;
    public final AnnotatedHtml annotatedHtml;
    public final AtomicInteger pagesWritten = new AtomicInteger();
    /** Pages rendered by this build (the others were kept as published). */
    public final AtomicInteger pagesRendered = new AtomicInteger();
    /** Set by the publishing stage when it left the feed and downloads as published. */
    public volatile boolean indexesDeferred;
    /** Made when first asked for: a preview's quick rebuild asks for a few of them. */
    private final Map<String, Views.ArticleSummary> summaries = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile ArticleExtras articleExtras = ArticleExtras.NONE;
    private final Map<String, Relocatable> items = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Long> contentFingerprints = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Long> summaryFingerprints = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile java.util.function.Function<AnnotatedArticle, Long> knownFingerprints = this::computeContentFingerprint;
    private final Map<String, Long> sourceFingerprints = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile java.util.function.Function<AnnotatedArticle, Long> knownSources = this::contentFingerprint;
    /** Templates, URL policy, site navigation and generator: what every page is made with. */
    private final long global;
    private final long dataFingerprint;
    private volatile Long everyArticle, everyRecord;

    public RenderContext(Templates templates, Links links, EditorialData data, ArchiveIndex index, Markdown markdown,
                         CrossRefs refs, Diagnostics diags, PageSink sink, Views.SiteInfo site) {
        this.global = new Fingerprint().add(templates.fingerprint()).add(String.valueOf(links.offline()))
                .add(links.siteUrl()).addValue(site).add(Templates.generatorFingerprint()).value();
        this.dataFingerprint = dataFingerprint(data);
        this.templates = templates;
        this.links = links;
        this.data = data;
        this.index = index;
        this.markdown = markdown;
        this.refs = refs;
        this.diags = diags;
        this.sink = sink;
        this.site = site;
        this.glossary = data.glossaryBySlug();
        this.places = data.placesBySlug();
        this.industries = data.industriesBySlug();
        this.annotatedHtml = new AnnotatedHtml(glossary);
    }

    /** Gives an article its text: the archive is held without it (see AnnotatedArticle#hollowed). */
    private volatile java.util.function.UnaryOperator<AnnotatedArticle> whole = a -> a;

    /** Gives an article's text alone (see ArticleText). */
    private volatile java.util.function.Function<AnnotatedArticle, archive.model.ArticleText> text =
            a -> archive.model.ArticleText.of(a.requireText().article());

    /**
     * Lets the build give articles their text back from where it keeps it: whole (see {@link #whole})
     * and the text alone ({@link #text}).
     */
    public void wholeArticles(java.util.function.UnaryOperator<AnnotatedArticle> whole,
                              java.util.function.Function<AnnotatedArticle, archive.model.ArticleText> text) {
        this.whole = whole;
        this.text = text;
    }

    /** The text alone of article {@code a}, for what quotes it (a concordance line). */
    public archive.model.ArticleText text(AnnotatedArticle a) {
        return a.hollow() ? text.apply(a) : archive.model.ArticleText.of(a.article());
    }

    /** The article {@code a} with its text, which a page that shows the text needs. */
    public AnnotatedArticle whole(AnnotatedArticle a) { return a.hollow() ? whole.apply(a).requireText() : a; }

    private volatile RenderedNotes renderedNotes = RenderedNotes.NONE;

    /** Lets the build give the notes earlier builds rendered (see RenderedNotes). */
    public void renderedNotes(RenderedNotes notes) { this.renderedNotes = notes; }

    public RenderedNotes renderedNotes() { return renderedNotes; }

    /**
     * Renders the editors' Markdown {@code source} other than an article's notes (a glossary entry's
     * explanation or reference, one of the archive's own pages), written at line {@code firstLine} of
     * {@code file}, for the page at {@code pagePath}: as an earlier build rendered the same text for the
     * same page, while every link it resolved resolves the same (kept with the notes, under {@code
     * owner}; see RenderedNotes). A build that checks every page renders each to fingerprint its page:
     * 86 explanations and the archive's pages took a fifth of a second at 10,000 articles, with
     * Flexmark's first use. A rendering that reported anything is made again, so that every build says it.
     */
    public String renderMarkdown(String owner, String source, java.nio.file.Path file, int firstLine, String pagePath) {
        long key = new Fingerprint().add(source).add(file == null ? "null" : String.valueOf(file.getFileName())).add(firstLine)
                .add(pagePath).add(linker(pagePath).apply("")).value();
        return remembered(RenderedNotes.MARKDOWN + owner, key, (recording, own) -> new NotesHtml.Split(
                markdown.render(source, new Markdown.Context(file, firstLine, recording, linker(pagePath), own)), Map.of(), ""))
                .introduction();
    }

    /**
     * What {@code make} renders with the cross-references and the diagnostics it is given, as an
     * earlier build rendered it under {@code id} for {@code key}, while every link it resolved
     * resolves the same (see RenderedNotes); else made now, its links written down, and kept for
     * the next build if it reported nothing.
     */
    NotesHtml.Split remembered(String id, long key, java.util.function.BiFunction<CrossRefs, Diagnostics, NotesHtml.Split> make) {
        NotesHtml.Split known = renderedNotes.get(id, key, refs);
        if (known != null) return known;
        Diagnostics own = new Diagnostics();
        List<RenderedNotes.Link> links = new java.util.ArrayList<>();
        NotesHtml.Split made = make.apply(recording(refs, links), own);
        diags.addAll(own);
        if (own.all().isEmpty()) renderedNotes.put(id, key, List.copyOf(links), made);
        return made;
    }

    /** {@code refs}, writing down every link it resolves. */
    private static CrossRefs recording(CrossRefs refs, List<RenderedNotes.Link> links) {
        return (scheme, target) -> {
            try {
                String path = refs.resolve(scheme, target);
                synchronized (links) { links.add(new RenderedNotes.Link(scheme, target, path, null)); }
                return path;
            } catch (CrossRefs.Unknown e) {
                synchronized (links) { links.add(new RenderedNotes.Link(scheme, target, null, e.getMessage())); }
                throw e;
            }
        };
    }

    /**
     * A fingerprint of the editorial data (glossary, gazetteer, industries) as loaded, without where
     * each entry was written (no page shows it): the same data read by another path to its folder,
     * or moved down a line by a comment, leaves every page made from it as it is.
     */
    public static long dataFingerprint(EditorialData data) {
        return new Fingerprint().addValue(data, archive.model.Origin.class).value();
    }

    /** What another stage adds to each article page (metadata, citations); set before rendering. */
    public void setArticleExtras(ArticleExtras extras) { this.articleExtras = extras; }

    public ArticleExtras articleExtras() { return articleExtras; }

    /**
     * Lets go of what only pages are made from (each article's summary and its entry in lists):
     * called once every page is made, so that the search index (made next) does not share the
     * heap with them; a page asked for later makes them again.
     */
    public void pagesMade() {
        summaries.clear();
        items.clear();
    }

    public Views.ArticleSummary summary(AnnotatedArticle a) { return summaries.computeIfAbsent(a.id(), id -> summarise(a)); }


    /**
     * The entries of {@code as} in a list on the page at site path {@code path}, as HTML: each is
     * rendered from article-item.peb once per build and placed at the page's depth.
     */
    public List<HtmlText> items(List<AnnotatedArticle> as, String path) {
        int depth = Links.depth(PagePaths.file(path));
        List<HtmlText> out = new java.util.ArrayList<>(as.size());
        for (AnnotatedArticle a : as) {
            out.add(items.computeIfAbsent(a.id(), id -> templates.renderRelocatable("article-item", Map.of("a", summary(a))))
                    .at(depth));
        }
        return out;
    }

    /**
     * The entries of {@code as} in a list on the page at {@code path}, built only if the page is
     * rendered (see {@link #items(List, String)}); {@code shape} turns the entries into the
     * template's value (grouped by day, by page …) and must depend on nothing but them.
     */
    public Deferred deferredItems(List<AnnotatedArticle> as, String path, java.util.function.Supplier<?> shape) {
        Fingerprint f = new Fingerprint().add(path).add(as.size());
        for (AnnotatedArticle a : as) f.add(summaryFingerprint(a));
        return new Deferred(f.value(), shape);
    }

    /** {@link #items(List, String)}, built only if the page is rendered. */
    public Deferred deferredItems(List<AnnotatedArticle> as, String path) {
        return deferredItems(as, path, () -> items(as, path));
    }

    /** A value built only if its page is rendered, from inputs with the given fingerprint. */
    public Deferred deferred(long inputs, java.util.function.Supplier<?> value) {
        return new Deferred(inputs, value);
    }

    /** A chart of articles per month on the page at {@code path}, built only if the page is rendered. */
    public Deferred monthChart(String title, java.util.TreeMap<java.time.YearMonth, Integer> perMonth, String path) {
        long inputs = new Fingerprint().add(title).add(path).addValue(perMonth).value();
        return new Deferred(inputs, () -> Charts.perMonth(title, perMonth, PagePaths::month, linker(path)));
    }

    /** The fingerprint of an article's list entry: its summary (title, date, page, column, flags). */
    public long summaryFingerprint(AnnotatedArticle a) {
        return summaryFingerprints.computeIfAbsent(a.id(), id -> knownSummaryFingerprints.applyAsLong(a));
    }

    private volatile java.util.function.ToLongFunction<AnnotatedArticle> knownSummaryFingerprints =
            this::computeSummaryFingerprint;

    /** Computes an article's list-entry fingerprint (see {@link #summaryFingerprint}). */
    public long computeSummaryFingerprint(AnnotatedArticle a) { return new Fingerprint().addValue(summarise(a)).value(); }

    /** Lets the build supply list-entry fingerprints it already has (the preview's, of the articles it remembers). */
    public void summaryFingerprints(java.util.function.ToLongFunction<AnnotatedArticle> known) { this.knownSummaryFingerprints = known; }

    /**
     * Renders {@code template} to the page at site path {@code path} with the common variables
     * added, unless the published page was made from exactly these variables by the same templates
     * and generator: then it is kept as it is.
     */
    public void page(String template, String path, String title, String description, String kind, Map<String, Object> vars) {
        Pending p = prepare(template, path, title, description, kind, vars);
        if (p != null) render(p);
    }

    /**
     * A page to render later (once what its deferred values are made from is at hand), or null
     * when the published page was made from exactly these variables and is kept: as
     * {@link #page}, in two steps.
     */
    public Pending prepare(String template, String path, String title, String description, String kind, Map<String, Object> vars) {
        String file = PagePaths.file(path);
        Map<String, Object> all = withCommon(vars, path, title, description, kind);
        // Where a data entry was written is for the editors' messages, never on a page (see #dataFingerprint).
        long fingerprint = new Fingerprint().add(global).add(template).add(file).addValue(all, archive.model.Origin.class).value();
        if (sink.keep(file, fingerprint)) {
            pagesWritten.incrementAndGet();
            return null;
        }
        return new Pending(template, file, all, fingerprint);
    }

    /** A page {@link #prepare}d and not kept: {@link #render(Pending)} makes it. */
    public record Pending(String template, String file, Map<String, Object> all, long fingerprint) {}

    public void render(Pending p) { render(p.template(), p.file(), p.all(), p.fingerprint()); }

    /** The page's own variables with those every template has: the site and the page. */
    private Map<String, Object> withCommon(Map<String, Object> vars, String path, String title, String description, String kind) {
        Map<String, Object> all = new LinkedHashMap<>(vars);
        all.put("site", site);
        all.put("page", new Views.PageInfo(title, path, description, links.absolute(path), kind));
        return all;
    }

    /** Run before each page is rendered: the build stops there when it was cancelled (see {@link #beforeEachPage}). */
    private Runnable beforeEachPage = () -> { };

    /**
     * Runs {@code check} before each page is rendered: a build the preview stops for a newer save then
     * stops within a page, not at the end of a stage (the glossary's pages take seconds at 100,000 articles).
     */
    public void beforeEachPage(Runnable check) { this.beforeEachPage = check; }

    /** Renders the template (its deferred values built then) and writes the page, recorded with {@code fingerprint}. */
    private void render(String template, String file, Map<String, Object> all, long fingerprint) {
        beforeEachPage.run();
        templates.renderTo(template, file, all, sink, fingerprint);
        pagesWritten.incrementAndGet();
        pagesRendered.incrementAndGet();
    }

    /**
     * Keeps the published page at {@code path} if it was made from inputs with this fingerprint
     * (see {@link #inputs}); the caller renders it otherwise.
     */
    public boolean keep(String path, long inputs) {
        if (!sink.keep(PagePaths.file(path), inputs)) return false;
        pagesWritten.incrementAndGet();
        return true;
    }

    /** A fingerprint of a page's inputs that starts from everything every page depends on. */
    public Fingerprint inputs() { return new Fingerprint().add(global).add(dataFingerprint); }

    /** As {@link #inputs()} without the editorial data, for outputs that add the parts of it they read. */
    public Fingerprint inputsWithoutData() { return new Fingerprint().add(global); }

    /** What article pages show of each glossary entry, place and industry, fingerprinted once each, by slug. */
    private final Map<String, Long> glossaryShown = new java.util.concurrent.ConcurrentHashMap<>(),
            placesShown = new java.util.concurrent.ConcurrentHashMap<>(), industriesShown = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A fingerprint of an article page's inputs that starts from what every page depends on except
     * the editorial data, and adds only the entries the page shows: its glossary entries, places
     * and industries (where they were written left out). A new or changed glossary entry then
     * renders again only the articles that use it; the annotation itself, which any data change
     * can alter, is in the article's {@link #contentFingerprint}.
     */
    public Fingerprint articleInputs(AnnotatedArticle a) {
        Fingerprint f = inputsWithoutData();
        // (Looked up by slug before anything is made: every page checked asks for a dozen of them.)
        for (String s : a.glossary()) f.add(shown(glossaryShown, "g:", s, () -> shown(glossary.get(s))));
        for (String s : a.places()) f.add(shown(placesShown, "p:", s, () -> shown(places.get(s))));
        for (String s : a.datelinePlaces()) f.add(shown(placesShown, "p:", s, () -> shown(places.get(s))));
        for (String s : a.industries()) f.add(shown(industriesShown, "i:", s, () -> shown(industries.get(s))));
        return f;
    }

    // What an article page shows of the entries it uses (the glosses in its text, its lists of terms,
    // places and industries, its metadata): an edit of anything else of an entry (an explanation,
    // references, coordinates) leaves the pages of the thousands of articles using it as they were.
    // (What the annotator reads of them, forms and renderings, is in each article's annotation.)

    private static Object shown(GlossaryEntry g) {
        return g == null ? null : java.util.Arrays.asList(g.headword(), g.pinyin(), g.gloss(), g.en().isEmpty() ? null : g.en().get(0));
    }

    private static Object shown(Place p) {
        return p == null ? null : java.util.Arrays.asList(p.name(), p.zh(), p.type().labelEn());
    }

    private static Object shown(Industry i) {
        return i == null ? null : java.util.Arrays.asList(i.name(), i.zh());
    }

    private static long shown(Map<String, Long> known, String kind, String slug, java.util.function.Supplier<Object> entry) {
        Long f = known.get(slug);
        if (f == null) {
            f = new Fingerprint().add(kind + slug).addValue(entry.get(), archive.model.Origin.class).value();
            known.put(slug, f);
        }
        return f;
    }

    /**
     * A fingerprint of every article's content, in reading order: what the search index, made from
     * the whole archive, depends on besides {@link #inputs}. Taken once.
     */
    public long everyArticle() {
        Long f = everyArticle;
        if (f == null) everyArticle = f = every(this::contentFingerprint, Set.of());
        return f;
    }

    /**
     * A fingerprint of every article's record, in reading order (see {@link #recordFingerprint}):
     * what the feed and the downloads depend on besides {@link #inputs}. Taken once.
     */
    public long everyRecord() {
        Long f = everyRecord;
        if (f == null) everyRecord = f = every(this::recordFingerprint, Set.of());
        return f;
    }

    /** {@link #everyRecord} as it would be without the articles {@code ids} (of this archive): before they were added. */
    public long everyRecordExcept(Set<String> ids) { return every(this::recordFingerprint, ids); }

    /** The fingerprints {@code each} gives of every article but those {@code except} (by id), in reading order, as one. */
    private long every(java.util.function.ToLongFunction<AnnotatedArticle> each, Set<String> except) {
        Fingerprint all = new Fingerprint().add(index.articles().size() - except.size());
        for (AnnotatedArticle a : index.articles()) if (!except.contains(a.id())) all.add(each.applyAsLong(a));
        return all.value();
    }

    /**
     * What the feed and the downloads show of an article: the article as read (see
     * {@link #sourceFingerprint}), its places, industries and glossary entries, and its notes; not
     * where its mentions stand, which a rendering added to an entry changes in a thousand articles.
     */
    public long recordFingerprint(AnnotatedArticle a) {
        Fingerprint f = new Fingerprint().add(sourceFingerprint(a));
        for (List<String> slugs : List.of(a.places(), a.datelinePlaces(), a.industries(), a.glossary())) {
            f.add(slugs.size());
            for (String s : slugs) f.add(slugFingerprint(s));
        }
        // The notes' byline, date and introduction (made from their Markdown).
        archive.model.ArticleNotes n = a.notes();
        if (n == null) return f.add(-1L).value();
        return f.add(n.by()).add(n.written() == null ? -1L : n.written().toEpochDay()).add(n.markdown()).value();
    }

    private final Map<String, Long> slugFingerprints = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A slug's fingerprint, taken once: every build after an edit fingerprints every article's record
     * (see {@link #everyRecord}), a dozen slugs each, and hashing their characters each time was 0.08 s of it at 10,000.
     */
    private long slugFingerprint(String slug) {
        Long f = slugFingerprints.get(slug);
        if (f == null) {
            f = new Fingerprint().add(slug).value();
            slugFingerprints.put(slug, f);
        }
        return f;
    }

    /** The fingerprint of an article's own inputs: its parsed text and notes, and its annotation (mentions, places, industries). */
    public long contentFingerprint(AnnotatedArticle a) {
        return contentFingerprints.computeIfAbsent(a.id(), id -> knownFingerprints.apply(a));
    }

    /** Computes an article's content fingerprint (see {@link #contentFingerprint}). */
    public long computeContentFingerprint(AnnotatedArticle a) {
        return new Fingerprint().addValue(a).value();
    }

    /**
     * The fingerprint of an article as read (its text, headlines, date and page) without its
     * annotation: all a concordance line shows of it besides where the line is. A new glossary
     * entry or place annotates some articles anew, and these lines of theirs, in other entries'
     * concordances, stay as they were. Its content fingerprint, which covers as much and more,
     * unless the build supplies it (see {@link #fingerprints}).
     */
    public long sourceFingerprint(AnnotatedArticle a) {
        return sourceFingerprints.computeIfAbsent(a.id(), id -> knownSources.apply(a));
    }

    /**
     * Lets the build supply fingerprints it already has (the preview's remembered articles, the
     * annotation store's): each article's content fingerprint, and its source fingerprint (see {@link #sourceFingerprint}).
     */
    public void fingerprints(java.util.function.Function<AnnotatedArticle, Long> content,
                             java.util.function.Function<AnnotatedArticle, Long> source) {
        this.knownFingerprints = content;
        this.knownSources = source;
    }

    /** Renders and writes a page whose inputs have the fingerprint {@code inputs}, to be kept next time. */
    public void write(String template, String path, String title, String description, String kind, Map<String, Object> vars,
                      long inputs) {
        String file = PagePaths.file(path);
        render(template, file, withCommon(vars, path, title, description, kind), inputs);
    }

    /** A function turning site paths into links from the page at {@code path}. */
    public java.util.function.UnaryOperator<String> linker(String path) {
        Links.From from = links.from(PagePaths.file(path));
        return to -> links.relative(from, to);
    }

    public boolean placeHasPage(String slug) { return index.hasArticles(slug); }

    public boolean industryHasPage(String slug) { return !index.inIndustry(slug).isEmpty(); }

    /** The slugs that name a place of the gazetteer: an article's places all have pages, since it mentions them. */
    public Set<String> knownPlaces(List<String> slugs) {
        return Set.copyOf(slugs.stream().filter(places::containsKey).toList());
    }

    public Views.Ref placeRef(String slug, int count) {
        Place p = places.get(slug);
        return new Views.Ref(PagePaths.place(slug), p.name(), p.zh(), count, p.type().labelEn());
    }

    public Views.Ref industryRef(String slug, int count) {
        Industry i = industries.get(slug);
        return new Views.Ref(PagePaths.industry(slug), i.name(), i.zh(), count, "");
    }

    public Views.Ref entryRef(String slug, int count) {
        GlossaryEntry g = glossary.get(slug);
        String en = g.en().isEmpty() ? g.gloss() : g.en().get(0);
        return new Views.Ref(PagePaths.entry(slug), en, g.headword(), count, g.pinyin());
    }

    /** What every list shows of an article (title, date, page, column, flags), as {@link #summary} gives it. */
    public static Views.ArticleSummary summarise(AnnotatedArticle aa) {
        var a = aa.article();
        return new Views.ArticleSummary(a.id(), PagePaths.article(a.id()), a.title(), a.headline(), a.date().toString(),
                Dates.en(a.date()), Dates.zh(a.date()), a.page(), a.section(), a.column(), aa.annotated(),
                a.hasEnglish(), a.hasChinese(), PagePaths.day(a.date()));
    }
}
