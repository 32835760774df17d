package archive.build;

import archive.diag.Diagnostic;
import archive.model.AnnotatedArticle;
import archive.model.Article;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a long-running preview remembers between builds: each seed's parsed article, keyed by the
 * file's size, time and identity, and each article's annotation, keyed by the article, its notes,
 * its overrides and the editorial data. A file that changed, or whose reading produced a warning
 * or an error, is read again, so every build reports the same diagnostics as a clean one.
 */
public final class ArticleCache {
    private record Parsed(long size, long modified, int key, Article article) {}

    /** An annotation, with its content fingerprint and the article's inputs (see ArticleStore#sourceFingerprint). */
    private record Annotated(Article article, String notes, String overrides, long data, AnnotatedArticle result,
                             long fingerprint, long inputs) {}

    private final Map<Path, Parsed> parsed = new ConcurrentHashMap<>();
    private final Map<String, Annotated> annotated = new ConcurrentHashMap<>();
    private final Map<Path, Parsed> pending = new ConcurrentHashMap<>();
    /** The publishing stage of the last successful build: its citations carry over to the next. */
    private volatile archive.publish.Publishing publishing;

    /** The last successful build, for the next to see what a save changed (see {@link ArticleEdit}). */
    private volatile ArticleEdit.Published published;
    private volatile int publishedPages;

    archive.publish.Publishing publishing() { return publishing; }

    /** The last build's page manifest, so the next does not read it back from disk. */
    private volatile archive.site.SiteWriter.Carried carried;

    archive.site.SiteWriter.Carried carried() { return carried; }

    void carried(archive.site.SiteWriter.Carried c) { this.carried = c; }

    private archive.render.Templates templates;
    private long templatesKey;

    /**
     * The templates of {@code dir} for links made by {@code links}: those of the previous build,
     * already compiled, when no template file and no URL setting changed.
     */
    synchronized archive.render.Templates templates(Path dir, archive.render.Links links) {
        long key = new archive.render.Fingerprint().add(archive.render.Templates.fingerprintOf(dir))
                .add(String.valueOf(links.offline())).add(links.siteUrl()).value();
        if (templates == null || key != templatesKey) {
            templates = new archive.render.Templates(dir, links);
            templatesKey = key;
        }
        return templates;
    }

    /** The seeds folder as the last build listed it; null until a build has (see {@link #seedFolder}). */
    private volatile archive.source.SeedFolder seeds;
    /** Files of the seeds folder changed since that listing, as the preview's watcher reported them. */
    private final Set<Path> changedSeeds = ConcurrentHashMap.newKeySet();
    /** Set when the watcher could not say which files changed: the next listing is a whole one. */
    private final java.util.concurrent.atomic.AtomicBoolean relistSeeds = new java.util.concurrent.atomic.AtomicBoolean(true);

    /** Whether a watcher reports the seeds folder's changes (see {@link #watchingSeeds}); until then every listing is whole. */
    private volatile boolean watched;

    /**
     * Says that from now on a watcher reports every change to the seeds folder's files through
     * {@link #seedChanged} (or {@link #relistSeeds}); the next build lists the folder whole, for
     * what changed before the watcher began.
     */
    public void watchingSeeds() {
        relistSeeds.set(true);
        watched = true;
    }

    /** Notes that the watcher saw the file {@code file} of the seeds folder change (created, modified or deleted). */
    public void seedChanged(Path file) { changedSeeds.add(file); }

    /** Notes that the seeds folder may have changed in ways the watcher did not say: the next build lists it whole. */
    public void relistSeeds() { relistSeeds.set(true); }

    /**
     * The seeds folder for a build: the last listing with only the files reported changed since
     * looked at again (see SeedFolder#updated), or a whole listing when there is none or the
     * watcher lost track or no watcher reports to this cache. {@code whole} asks for a whole listing anyway.
     */
    archive.source.SeedFolder seedFolder(Path dir, boolean whole) {
        // Taken before the folder is looked at: a file reported meanwhile is looked at again next time.
        Set<Path> taken = new HashSet<>();
        for (Path p : changedSeeds) {
            taken.add(p);
            changedSeeds.remove(p);
        }
        boolean relist = relistSeeds.getAndSet(false);
        archive.source.SeedFolder last = seeds;
        archive.source.SeedFolder now = whole || relist || !watched || last == null || !last.dir().equals(dir)
                ? archive.source.SeedFolder.scan(dir) : last.updated(taken);
        seeds = now;
        return now;
    }

    /**
     * A value made together with the diagnostics its making reported, under the key of what it was
     * made from: made again only when the key changes, its diagnostics reported by every build
     * that takes it, as a build that made it would.
     */
    private record Remembered<K, V>(K key, V value, List<Diagnostic> diagnostics) {
        static <K, V> Remembered<K, V> of(Remembered<K, V> known, K key, archive.diag.Diagnostics diags,
                                          java.util.function.Function<archive.diag.Diagnostics, V> make) {
            Remembered<K, V> r = known;
            if (r == null || !r.key().equals(key)) {
                archive.diag.Diagnostics own = new archive.diag.Diagnostics();
                r = new Remembered<>(key, make.apply(own), own.all());
            }
            r.diagnostics().forEach(diags::add);
            return r;
        }
    }

    /** The editorial data as the last build loaded it, under the stamp of its files. */
    private volatile Remembered<Long, archive.model.EditorialData> data;
    /** The annotator made from {@link #annotatorData} (see {@link #annotator}). */
    private archive.annotate.Annotator annotator;
    private archive.model.EditorialData annotatorData;

    /**
     * The editorial data in {@code dir}: loaded by {@code load} (its diagnostics into {@code diags}),
     * or, when none of {@code files} changed since the last build loaded them (names, sizes, times
     * and identities), the same data again with the same diagnostics. A save of a seed then parses
     * no YAML (20 ms of a preview's rebuild at 10,000 articles).
     */
    archive.model.EditorialData data(Path dir, List<String> files, archive.diag.Diagnostics diags,
                                     java.util.function.Function<archive.diag.Diagnostics, archive.model.EditorialData> load) {
        archive.render.Fingerprint f = new archive.render.Fingerprint();
        for (String name : files) InputsStamp.tree(f, dir.resolve(name));
        Remembered<Long, archive.model.EditorialData> d = Remembered.of(data, f.value(), diags, load);
        data = d;
        return d.value();
    }

    /** The annotator of {@code data}: the previous build's while the data is the same (see {@link #data}). */
    synchronized archive.annotate.Annotator annotator(archive.model.EditorialData data) {
        if (annotatorData != data) {
            annotator = new archive.annotate.Annotator(data);
            annotatorData = data;
        }
        return annotator;
    }

    ArticleEdit.Published published() { return published; }

    int publishedPages() { return publishedPages; }

    void published(ArticleEdit.Published p, int pages) {
        this.published = p;
        this.publishedPages = pages;
    }

    void publishing(archive.publish.Publishing p) { this.publishing = p; }

    /**
     * The article read from {@code file} before, if the file is unchanged since; else null, and the
     * file's attributes are noted now, before it is read, so that a save during the build is seen
     * by the next one.
     */
    Article article(archive.source.SeedFolder.Entry f) {
        Path file = f.path();
        Parsed now = new Parsed(f.size(), f.modified(), archive.io.FileIdentity.of(f.fileKey()), null);
        Parsed p = parsed.get(file);
        if (p != null && p.size() == now.size() && p.modified() == now.modified() && p.key() == now.key()) return p.article();
        pending.put(file, now);
        return null;
    }

    /** Remembers the articles just read, except those of files with diagnostics. */
    void rememberArticles(List<Article> articles, List<Diagnostic> diagnostics) {
        Set<Path> noisy = new HashSet<>();
        for (Diagnostic d : diagnostics) if (d.file() != null) noisy.add(d.file());
        Map<Path, Parsed> next = new ConcurrentHashMap<>();
        for (Article a : articles) {
            if (noisy.contains(a.source())) continue;
            Parsed old = parsed.get(a.source());
            Parsed before = pending.get(a.source());
            if (old != null && old.article() == a) next.put(a.source(), old);
            else if (before != null) next.put(a.source(), new Parsed(before.size(), before.modified(), before.key(), a));
        }
        pending.clear();
        parsed.clear();
        parsed.putAll(next);
    }

    /**
     * The annotation of {@code a}: the one made before for the same inputs, or a new one. The
     * article's {@code inputs} (see AnnotationStore#inputs) are taken with a new one.
     */
    AnnotatedArticle annotated(Article a, Object notes, Object overrides, long data, Supplier<AnnotatedArticle> annotate,
                               java.util.function.LongSupplier inputs) {
        String n = String.valueOf(notes), o = String.valueOf(overrides);
        Annotated known = annotated.get(a.id());
        if (known != null && known.article() == a && known.notes().equals(n) && known.overrides().equals(o)) {
            if (known.data() == data) return known.result();
            // Made under the previous data: kept when the article holds none of the forms the change touched.
            AnnotationForms.Change change = formsChange;
            if (change != null && change.keeps(known.data(), () -> a)) {
                annotated.put(a.id(), new Annotated(a, n, o, data, known.result(), known.fingerprint(), known.inputs()));
                return known.result();
            }
        }
        AnnotatedArticle result = annotate.get();
        annotatedAnew.incrementAndGet();
        long in = inputs.getAsLong();
        annotated.put(a.id(), new Annotated(a, n, o, data, result, AnnotationStore.contentFingerprintOf(in, result), in));
        return result;
    }

    /** How many articles the build under way annotated anew (the others' annotations were remembered). */
    private final java.util.concurrent.atomic.AtomicInteger annotatedAnew = new java.util.concurrent.atomic.AtomicInteger();

    int annotatedAnew() { return annotatedAnew.get(); }

    /** What the data changed since the previous annotation (see AnnotationForms); null if nothing to keep across. */
    private volatile AnnotationForms.Change formsChange;
    /** The forms of the previous annotation and its key. */
    private AnnotationForms.Saved lastForms;

    /**
     * Before the articles are annotated under {@code key}, made from the data whose forms are
     * {@code now}: what changed since the forms of the previous annotation (see AnnotationForms).
     */
    synchronized void annotatingWith(long key, AnnotationForms now) {
        annotatedAnew.set(0);
        formsChange = now.since(lastForms, key);
        lastForms = new AnnotationForms.Saved(key, now);
    }

    /** The content fingerprint of an annotation (the same as a one-off build's), taken when it was made. */
    Long fingerprint(AnnotatedArticle a) { return known(a).fingerprint(); }

    /** The inputs of the article of an annotation (see ArticleStore#sourceFingerprint), taken when it was made. */
    Long sourceFingerprint(AnnotatedArticle a) { return known(a).inputs(); }

    private Annotated known(AnnotatedArticle a) {
        Annotated known = annotated.get(a.id());
        if (known == null || known.result() != a) throw new IllegalStateException("not an annotation of this cache: " + a.id());
        return known;
    }

    /** Each notes file as parsed, under the file's attributes when it was listed. */
    private final Map<Path, Remembered<archive.source.SeedFolder.Entry, archive.model.ArticleNotes>> notes = new ConcurrentHashMap<>();

    /**
     * The editors' notes in {@code file}: parsed by {@code parse} (its diagnostics into {@code diags}),
     * or, when the file is as an earlier build listed it (size, time, identity), as parsed then,
     * with the same diagnostics. A save of a seed then reads no notes file (12 ms at 10,000 articles).
     */
    archive.model.ArticleNotes notes(archive.source.SeedFolder.Entry file, archive.diag.Diagnostics diags,
                                     java.util.function.Function<archive.diag.Diagnostics, archive.model.ArticleNotes> parse) {
        Remembered<archive.source.SeedFolder.Entry, archive.model.ArticleNotes> r =
                Remembered.of(notes.get(file.path()), file, diags, parse);
        notes.put(file.path(), r);
        return r.value();
    }

    /** Forgets the notes files not among {@code files} (deleted or renamed since). */
    void retainNotes(Set<Path> files) { notes.keySet().retainAll(files); }

    /** An article's list-entry fingerprint, for the very annotation it was taken of. */
    private record Summary(AnnotatedArticle article, long fingerprint) {}

    private final Map<String, Summary> summaries = new ConcurrentHashMap<>();

    /**
     * The fingerprint of {@code a}'s entry in lists (see RenderContext#summaryFingerprint), kept
     * from an earlier build while this cache gives the same annotation: a save's rebuild checks
     * the home page and the list of all articles, every article of them (25 ms at 10,000).
     */
    long summaryFingerprint(AnnotatedArticle a, java.util.function.ToLongFunction<AnnotatedArticle> compute) {
        Summary known = summaries.get(a.id());
        if (known != null && known.article() == a) return known.fingerprint();
        long f = compute.applyAsLong(a);
        summaries.put(a.id(), new Summary(a, f));
        return f;
    }

    /** Forgets annotations of articles no longer in the corpus. */
    void retain(Set<String> ids) {
        annotated.keySet().retainAll(ids);
        summaries.keySet().retainAll(ids);
    }
}
