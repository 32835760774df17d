package archive.publish;

import archive.model.Article;
import archive.render.Links;
import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Formats an article's citation in Chicago (note), MLA and APA with
 * citeproc-java and the official CSL styles, as HTML fit for the page and as plain text.
 *
 * <p>Loading a style costs a tenth to a third of a second (Chicago's file is 240 KB), formatting
 * an item with a loaded style about a millisecond (its smart quotes run a dozen regular expressions
 * over each piece of the long bilingual title), so most articles are not formatted one by one but
 * filled into a shape citeproc formatted for all the articles of a month ({@link CitationShapes}),
 * exactly as citeproc would have formatted them. A set of loaded styles is reused
 * for article after article, with {@code reset()} between items; a set is not thread-safe, so
 * each thread formatting at a time takes one from a pool shared by the process's builds, and a
 * build that will format citations can have one loaded in the background beforehand (see
 * {@link #warmUpInBackground}).
 *
 * <p>The item follows the styles' own conventions for a newspaper article: type
 * {@code article-newspaper}, the Chinese title with the English in brackets, language
 * {@code zh} (so no style changes the case of a title it cannot judge), no {@code section}
 * (MLA and APA would print it as a stray number).
 */
public final class Citations {
    /**
     * The styles offered, in the order the page shows them. Chicago in its note form only: the
     * Manual cites newspaper articles in notes, and the style's bibliography entry for an
     * unsigned article (the paper's name in the author's place) italicises the headline.
     */
    public enum Style {
        CHICAGO_NOTE("chicago-notes-bibliography", "Chicago (note)", "cite-chicago", true),
        MLA("modern-language-association", "MLA", "cite-mla", false),
        APA("apa", "APA", "cite-apa", false);

        public final String csl;
        public final String label;
        public final String anchor;
        final boolean note;

        Style(String csl, String label, String anchor, boolean note) {
            this.csl = csl;
            this.label = label;
            this.anchor = anchor;
            this.note = note;
        }
    }

    /** One formatted citation: safe HTML (only i, b, sup, sub, and span lang for Chinese runs) and the same as plain text. */
    public record Formatted(Style style, String html, String text) {}

    /** Sets of loaded styles not in use, for any build of the process. */
    private static final java.util.concurrent.ConcurrentLinkedDeque<Engines> IDLE = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** A set being loaded in the background, taken by the first thread that needs one. */
    private static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Engines>> LOADING =
            new java.util.concurrent.atomic.AtomicReference<>();

    private final CitationCache cache;
    private final CitationShapes shapes;
    private final LongAdder nanos = new LongAdder();
    private final LongAdder loadNanos = new LongAdder();
    private final LongAdder items = new LongAdder();
    private final LongAdder formatted = new LongAdder();
    private final LongAdder filled = new LongAdder();
    /** Shapes formatted by earlier builds of the process, which share them. */
    private final long shapesBefore;
    /** Where the shapes are stored between builds (see {@link CitationShapes#load}); null: not stored. */
    private final Path shapesFile;
    /** What the styles' output depends on besides the item (see {@link #fingerprint}), worked out once per process. */
    private static volatile String fingerprint;

    /** Formats every citation. */
    public Citations() { this(CitationCache.none()); }

    Citations(CitationCache cache) {
        this.cache = cache;
        this.shapes = new CitationShapes();
        this.shapesBefore = 0;
        this.shapesFile = null;
    }

    /** With the cache of formatted citations in {@code folder}, and the shapes earlier builds stored there. */
    static Citations inFolder(Path folder) {
        Path file = folder.resolve(CitationCache.FILE);
        ReadAhead ahead = READ_AHEAD.getAndSet(null);
        CitationCache cache = ahead != null && ahead.file().equals(file) && ahead.stamp().equals(archive.io.FileIdentity.stamp(file))
                ? ahead.cache() : CitationCache.load(file);
        return new Citations(cache, folder.resolve(CitationShapes.FILE));
    }

    /**
     * The citation cache as {@link #warmUpWhenNeeded} read it while the seeds were read, for the
     * build's citations to take instead of reading it again, as long as the file is still the one
     * read ({@code stamp}: its size, time and identity then).
     */
    private record ReadAhead(Path file, String stamp, CitationCache cache) {}

    private static final java.util.concurrent.atomic.AtomicReference<ReadAhead> READ_AHEAD = new java.util.concurrent.atomic.AtomicReference<>();

    private Citations(CitationCache cache, Path shapesFile) {
        this.cache = cache;
        this.shapes = CitationShapes.load(shapesFile, shapesKey());
        this.shapesBefore = 0;
        this.shapesFile = shapesFile;
    }

    /** The next build's citations in the same process (the loaded styles stay in the pool: 0.02–0.06 s a build). */
    private Citations(CitationCache cache, Citations previous) {
        this.cache = cache;
        this.shapes = previous.shapes;
        this.shapesBefore = previous.shapes.shapesFormatted();
        this.shapesFile = previous.shapesFile;
    }

    private static volatile String shapesKey;

    /**
     * What stored shapes depend on: the styles and citeproc (see {@link #fingerprint}), jsoup, and the
     * classes that make, clean, cut and fill citations. Not the whole generator's fingerprint, which
     * changes with any template or class: a site whose citations all come from the cache makes no
     * shapes, so a key that changed with every other change would leave them unstored.
     */
    private static String shapesKey() {
        String k = shapesKey;
        if (k != null) return k;
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.writeBytes(fingerprint().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        all.writeBytes(jarOf(Jsoup.class));
        try {
            for (Class<?> c : List.of(Citations.class, Engines.class, CitationShapes.class, ArticleRecord.class,
                    archive.render.ChineseRuns.class)) {
                all.write(resource(c, c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        k = sha256(all.toByteArray());
        shapesKey = k;
        return k;
    }

    /**
     * Takes the keys every build's citations start from (see {@link #shapesKey}) on the common pool,
     * for a build to call before it lists the seeds, while a core is idle: hashing them loads Java's
     * SHA-256 provider and digests first, about 0.03 s in a fresh JVM, which was on the main thread of every build.
     */
    public static void prepareKeysInBackground() {
        if (shapesKey != null) return;
        java.util.concurrent.ForkJoinPool.commonPool().execute(() -> {
            try {
                shapesKey();
            } catch (RuntimeException e) {
                // taken again, and its failure reported, by the build's citations
            }
        });
    }

    /** Any site URL: both articles are cited with the same one, so their items differ only where the articles do. */
    private static final Links ANY_LINKS = new Links(false, null);

    /**
     * What a build reading seeds into the output folder whose cache folder is {@code folder} is told of
     * each seed read anew ({@code was} null for a new article): it starts loading a set of styles in the
     * background (see {@link #warmUpInBackground}) when the article's citation is new or changed (its
     * title, author, date, page …) and cannot be filled into a shape an earlier build stored (see
     * {@link CitationShapes#load}); only then will a page need citeproc. An edit of the text alone finds
     * its citations in the cache, and an edited byline or title of a month already cited is filled: they
     * load nothing. {@code links}: the build's, which give the citation its URL.
     */
    public static java.util.function.BiConsumer<Article, Article> warmUpWhenNeeded(Path folder, Links links) {
        // The cache of formatted citations and the stored shapes are read at the first citation that
        // changed, once: most builds have none. The cache may hold the citation already (an edit undone,
        // its byline as it was), and is handed to the build's citations (see #inFolder).
        java.util.function.Supplier<CitationCache> formatted = Once.of(() -> readAhead(folder));
        java.util.function.Supplier<CitationShapes> stored =
                Once.of(() -> CitationShapes.load(folder == null ? null : folder.resolve(CitationShapes.FILE), shapesKey()));
        return (was, now) -> {
            if (was != null && ArticleRecord.of(was, ANY_LINKS).equals(ArticleRecord.of(now, ANY_LINKS))) return;
            ArticleRecord record = ArticleRecord.of(now, links);
            if (formatted.get().has(key(item(record)))) return;
            if (stored.get().cite(record, null) == null) warmUpInBackground();
        };
    }

    /** The citation cache in {@code folder} (none without one), left for the build's citations to take (see {@link #inFolder}). */
    private static CitationCache readAhead(Path folder) {
        if (folder == null) return CitationCache.none();
        Path file = folder.resolve(CitationCache.FILE);
        String stamp = archive.io.FileIdentity.stamp(file);
        CitationCache cache = CitationCache.load(file);
        if (stamp != null) READ_AHEAD.set(new ReadAhead(file, stamp, cache));
        return cache;
    }

    /**
     * Starts loading a set of styles on a thread of its own, unless one is loaded or loading: the
     * page that needs citeproc then finds it ready instead of waiting a quarter of a second for
     * it, which was a twentieth of a build after one edit. A long-running preview starts it once it
     * has built, so that an edit that needs citeproc does not wait for its first use.
     */
    public static void warmUpInBackground() {
        if (!IDLE.isEmpty() || LOADING.get() != null) return;
        java.util.concurrent.CompletableFuture<Engines> f = new java.util.concurrent.CompletableFuture<>();
        if (!LOADING.compareAndSet(null, f)) return;
        Thread t = new Thread(() -> {
            try {
                f.complete(warmed(new LongAdder()));
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        }, "citation styles");
        t.setDaemon(true);
        t.start();
    }

    /** Forgets every loaded set, as in a new process: for tests. */
    static void forgetLoadedStyles() {
        IDLE.clear();
        LOADING.set(null);
    }

    /** Whether a set of styles is loaded or being loaded: for tests. */
    static boolean stylesLoadedOrLoading() {
        return !IDLE.isEmpty() || LOADING.get() != null;
    }

    /** A set of styles, loaded and each used once on a sample item. */
    private static Engines warmed(LongAdder loadNanos) {
        CSLItemData item = item(new ArticleRecord("0000000000000000", "articles/0000000000000000/", null,
                java.time.LocalDate.of(1958, 1, 1), 1, "", "", "", "Sample", "样本"));
        Engines e = new Engines(loadNanos);
        for (Style s : Style.values()) clean(s, e.format(s, item));
        return e;
    }

    /** A set of styles for the calling thread: an idle one, the one loading in the background, or a new one. */
    private Engines takeEngines() {
        Engines e = IDLE.poll();
        if (e != null) return e;
        java.util.concurrent.CompletableFuture<Engines> loading = LOADING.getAndSet(null);
        if (loading != null) {
            try {
                return loading.join();
            } catch (java.util.concurrent.CompletionException failed) {
                // loaded here instead, where a failure is reported as any other
            }
        }
        return new Engines(loadNanos);
    }

    /** Every style's citation of the article, in {@link Style} order. */
    public List<Formatted> format(ArticleRecord r) {
        CSLItemData item = item(r);
        String key = key(item);
        // The cache holds each style's cleaned HTML and text: cleaning parses HTML, and is as
        // costly as reading the cache is cheap.
        List<String> cached = cache.get(key);
        if (cached == null) {
            // Only citeproc's work is timed: asking the thread's CPU time for every article read from
            // the cache cost more than reading it (50 ms of a clean build at 10,000 articles).
            long t0 = cpuNanos();
            // A shape costs several of citeproc's items (and a probe of its quotes), even for an
            // edit's one citation: stored, it spares the next edits of its month loading citeproc.
            cached = shapes.cite(r, this::citeproc);
            if (cached != null) {
                filled.increment();
            } else {
                List<String> html = citeproc(item);
                cached = new ArrayList<>(2 * Style.values().length);
                for (Style s : Style.values()) {
                    Formatted f = clean(s, html.get(s.ordinal()));
                    cached.add(f.html());
                    cached.add(f.text());
                }
            }
            cache.put(key, r.id(), cached);
            formatted.increment();
            nanos.add(cpuNanos() - t0);
        }
        List<Formatted> out = new ArrayList<>(Style.values().length);
        for (Style s : Style.values()) out.add(new Formatted(s, cached.get(2 * s.ordinal()), cached.get(2 * s.ordinal() + 1)));
        items.increment();
        return out;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** citeproc's HTML for the item in every style, in {@link Style} order, with a set of styles from the pool. */
    List<String> citeproc(CSLItemData item) {
        Engines e = takeEngines();
        try {
            List<String> out = new ArrayList<>(Style.values().length);
            for (Style s : Style.values()) out.add(e.format(s, item));
            return out;
        } finally {
            IDLE.push(e);
        }
    }

    /** CPU time of this thread: unlike the clock, not inflated when other processes share the cores. */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** CPU time spent formatting by citeproc so far, style loading included, in nanoseconds (all threads). */
    public long nanos() { return nanos.sum(); }

    /** Of which loading styles. */
    public long loadNanos() { return loadNanos.sum(); }

    /** Articles asked about. */
    public long articles() { return items.sum(); }

    /** Of which made by this build (the others came from the cache). */
    public long formatted() { return formatted.sum(); }

    /** Of which filled into a shape citeproc formatted (the others formatted by citeproc whole). */
    public long filled() { return filled.sum(); }

    /** Shapes this build had citeproc format (see {@link CitationShapes}). */
    public long shapes() { return shapes.shapesFormatted() - shapesBefore; }

    /** Saves the cache of formatted citations, if there is one, and the shapes, if they are stored and changed. */
    void saveCache(java.util.Set<String> articles) {
        cache.save(articles);
        shapes.save(shapesFile, shapesKey());
    }

    /** The citations of the next build in the same process, starting from what this one cached. */
    Citations next() { return new Citations(cache.carryOver(), this); }

    /** The cache key: a hash of the styles, the processor and every field of the item. */
    private static String key(CSLItemData item) {
        StringBuilder sb = new StringBuilder(fingerprint()).append('\u0000').append(item.getId());
        for (Object f : new Object[]{item.getType(), item.getTitle(), item.getContainerTitle(), item.getPage(), item.getLanguage(),
                item.getURL(), item.getIssued() == null ? null : java.util.Arrays.deepToString(item.getIssued().getDateParts()),
                item.getAuthor() == null ? null : item.getAuthor()[0].getLiteral()}) {
            sb.append('\u0000').append(f);
        }
        return sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** What the output depends on besides the item: the style and locale files and the processor's jar. */
    private static String fingerprint() {
        String f = fingerprint;
        if (f != null) return f;
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        try {
            for (Style s : Style.values()) all.write(identity("/" + s.csl + ".csl"));
            all.write(identity("/locales-en-US.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.writeBytes(jarOf(CSL.class));
        f = sha256(all.toByteArray());
        fingerprint = f;
        return f;
    }

    /**
     * What tells the resource {@code name} apart: in a jar, its address, which names the jar's
     * released version (reading and hashing the styles was 20 ms of a build that cites one
     * article); elsewhere (a folder of classes), its bytes.
     */
    private static byte[] identity(String name) throws IOException {
        java.net.URL url = CSL.class.getResource(name);
        if (url == null) throw new IOException("the citation style resource " + name + " is missing from the class path");
        return "jar".equals(url.getProtocol()) ? url.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8) : resource(CSL.class, name);
    }

    /** Where {@code c} was loaded from (a jar's address names its version), as bytes. */
    private static byte[] jarOf(Class<?> c) {
        var source = c.getProtectionDomain().getCodeSource();
        return String.valueOf(source == null ? "" : source.getLocation()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The bytes of the resource {@code name}, found as {@code anchor} finds it. */
    private static byte[] resource(Class<?> anchor, String name) throws IOException {
        try (var in = anchor.getResourceAsStream(name)) {
            if (in == null) throw new IOException("the resource " + name + " is missing from the class path");
            return in.readAllBytes();
        }
    }

    /** A digest per thread: looking one up by name was a fifth of the key's cost. */
    private static final ThreadLocal<java.security.MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static String sha256(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(SHA256.get().digest(bytes));
    }

    static CSLItemData item(ArticleRecord r) {
        CSLItemDataBuilder b = new CSLItemDataBuilder()
                .id(r.id())
                .type(CSLType.ARTICLE_NEWSPAPER)
                .title(r.citationTitle())
                .containerTitle(Newspaper.CITATION_NAME)
                .issued(r.date().getYear(), r.date().getMonthValue(), r.date().getDayOfMonth())
                .page(String.valueOf(r.page()))
                .language(Newspaper.LANGUAGE);
        if (r.url() != null) b.URL(r.url());
        if (r.hasAuthor()) b.author(new CSLNameBuilder().literal(r.author()).build());
        return b.build();
    }

    /** A set of loaded styles, used by one thread at a time, and the single item they are asked about. */
    private static final class Engines implements ItemDataProvider {
        private final Map<Style, CSL> byStyle = new EnumMap<>(Style.class);
        private final LongAdder loadNanos;
        private CSLItemData current;

        Engines(LongAdder loadNanos) { this.loadNanos = loadNanos; }

        @Override
        public CSLItemData retrieveItem(String id) {
            return current != null && current.getId().equals(id) ? current : null;
        }

        @Override
        public Collection<String> getIds() { return current == null ? List.of() : List.of(current.getId()); }

        /** citeproc's HTML for the item in one style. */
        String format(Style style, CSLItemData item) {
            current = item;
            CSL csl = byStyle.computeIfAbsent(style, s -> load(s.csl));
            // reset() forgets the previous item; it must come before setOutputFormat, which it would undo.
            csl.reset();
            csl.setOutputFormat("html");
            String html;
            if (style.note) {
                html = csl.makeCitation(item.getId()).get(0).getText();
            } else {
                csl.registerCitationItems(item.getId());
                html = csl.makeBibliography().getEntries()[0];
            }
            return html;
        }

        private CSL load(String name) {
            long t0 = cpuNanos();
            try {
                return new CSL(this, name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the citation style " + name, e);
            } finally {
                loadNanos.add(cpuNanos() - t0);
            }
        }
    }

    private static final Safelist ALLOWED = new Safelist().addTags("i", "b", "sup", "sub", "span").addAttributes("span", "lang");

    /**
     * citeproc's HTML marks italics with inline styles, which a strict Content-Security-Policy
     * blocks: turn them into {@code <i>}/{@code <b>}, drop the wrappers, keep nothing else.
     */
    static Formatted clean(Style style, String cslHtml) {
        Document d = Jsoup.parseBodyFragment(cslHtml);
        for (Element span : d.body().select("span[style]")) {
            String css = span.attr("style").replace(" ", "");
            if (css.contains("font-style:italic")) span.tagName("i");
            else if (css.contains("font-weight:bold")) span.tagName("b");
            else if (css.contains("vertical-align:sup")) span.tagName("sup");
            else if (css.contains("vertical-align:sub")) span.tagName("sub");
            span.removeAttr("style");
        }
        Document clean = new Cleaner(ALLOWED).clean(d);
        archive.render.ChineseRuns.mark(clean.body());
        clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(org.jsoup.nodes.Entities.EscapeMode.base);
        String html = clean.body().html().strip();
        String text = clean.body().text().strip();
        return new Formatted(style, html, text);
    }
}
