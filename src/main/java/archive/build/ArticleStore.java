package archive.build;

import archive.diag.Diagnostics;
import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.ArticleNotes;
import archive.model.ArticleOverrides;
import archive.render.Fingerprint;
import archive.source.SeedFolder;
import archive.source.SeedReader;
import archive.source.SourceText;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The articles of the previous build, parsed and annotated, kept beside the output
 * ({@code .site.cache/articles.bin}), so that a build parses and annotates only the seeds that
 * changed: reading and annotating every seed was a fifth of a clean build and most of a build
 * with nothing changed.
 *
 * <p>A seed whose file has the size, time and identity it had when it was stored is not read at
 * all; one whose bytes are those stored (a checkout touches every file) is read but not parsed;
 * any other is parsed. A stored annotation is reused when the article, its overrides, the
 * editorial data the annotator reads and the generator are those it was made with. Seeds with
 * warnings are parsed every build, so that every build reports them. Each entry is read from
 * the file when its seed is, so the store never takes the heap the articles take. The store
 * only saves time: a missing, damaged or outdated file means the seeds are parsed and
 * annotated, with the same result.
 */
final class ArticleStore {
    static final String FILE = "articles.bin";
    /** The store of earlier versions, annotations only: removed when the article store is written. */
    private static final String OLD_FILE = "annotations.bin";
    private static final long MAGIC = 0x31454c4349545241L; // "ARTICLE1"
    private static final int FORMAT = 9; // 5: each annotation counts its entries' concordance lines; 6: a row that is paragraph n kept as n; 8: each annotation's key in the index, not in the entry; 9: the entries each article's Chinese alone names

    /**
     * Where an entry of the previous build lies in the file, a checksum of its bytes, and the key its
     * annotation holds under, kept here rather than in the entry: an edit of the data that leaves
     * most annotations as they were gives them the new key in the index alone, not by writing every
     * entry again (72 MB at 10,000 articles).
     */
    private record Slot(long offset, int length, long checksum, long annotationKey) {
        /** This slot's line of the file's index, under {@code id}. */
        void index(StoreBytes.Out index, String id) {
            index.string(id).varint(offset).varint(length).fixed(checksum).fixed(annotationKey);
        }
    }

    /** The head of a stored entry: the file it was read from and its keys, without the article's text. */
    private record Head(String name, long size, long modified, long fileKey, long contentHash, int articleFrom,
                        int articleTo, long overridesKey, long inputs, long annotationHash,
                        int annotationFrom, int annotationTo) {}

    /** What this build stores for one article. */
    private static final class Current {
        final SeedFolder.Entry file;
        final long contentHash;
        final Article article;
        /** The previous build's entry when the article is its article; null when the seed was parsed. */
        final Slot slot;
        /** True when the seed file is the one the previous entry was stored from (same size, time and identity). */
        final boolean sameFile;
        long overridesKey, inputs, annotationKey, annotationHash;
        /** The annotation as encoded, when it is not the previous entry's as it stands. */
        byte[] annotation;
        boolean annotationKept;
        /** The stored annotation was kept under a new annotation key (see AnnotationForms): stored anew. */
        boolean rekeyed;
        /** For a parsed seed: the previous build's entry of its article (see {@link #previousOfChanged}). */
        byte[] previousEntry;

        Current(SeedFolder.Entry file, long contentHash, Article article, Slot slot, boolean sameFile) {
            this.file = file;
            this.contentHash = contentHash;
            this.article = article;
            this.slot = slot;
            this.sameFile = sameFile;
        }

        /** True when the previous entry's bytes are this article's entry as they stand. */
        boolean unchanged() { return slot != null && sameFile && annotationKept; }
    }

    private final Path file;
    private final long generator;
    /** The entries of the file: the previous build's, then, once saved, this build's. */
    private volatile Map<String, Slot> slots;
    private FileChannel channel;
    /** Whether the file holds this build's articles (saved, or already right), so they can be read back whole. */
    private volatile boolean saved;
    /** Reads this build's articles back whole while pages are made; opened when first needed. */
    private FileChannel reading;
    private final Map<String, Current> current = new ConcurrentHashMap<>();
    /** Each article's content fingerprint for its pages, taken when its annotation was. */
    private final Map<String, Long> fingerprints = new ConcurrentHashMap<>();
    /** Each article's inputs as read (see AnnotationStore#inputs): all a concordance line shows of it besides where it is. */
    private final Map<String, Long> sources = new ConcurrentHashMap<>();
    private final AtomicInteger annotationsReused = new AtomicInteger(), articlesReused = new AtomicInteger();
    private final AtomicInteger annotationsRekeyed = new AtomicInteger();

    /** What the data changed since the annotations the previous build stored (see AnnotationForms); null if nothing to keep across. */
    private volatile AnnotationForms.Change formsChange;

    /** Lets articles whose annotation {@code change} keeps (see AnnotationForms.Change#keeps) keep it under this build's key. */
    void formsChanged(AnnotationForms.Change change) {
        this.formsChange = change;
    }

    /** Articles of this build whose previous version the store cannot give: new, with warnings, or annotated anew. */
    private final Set<String> unknownBefore = ConcurrentHashMap.newKeySet();
    private final SeedReader reader = new SeedReader();
    /** Whether articles taken from the store are read with their text (a build making pages reads it back per page). */
    private volatile boolean whole = true;

    /** Told of each seed whose text is not the one stored (see {@link #onNewText}). */
    private java.util.function.BiConsumer<Article, Article> onNewText = (was, now) -> { };

    /** Whether an article taken from the store without its text leaves its stored mentions there (see {@link #withMentions}). */
    private volatile boolean mentionsLeft;

    /**
     * Lets the articles taken from the store without their text leave their mentions in it when
     * {@code leave}, as an archive held hollow lets go of them (see AnnotatedArticle#hollowed): the
     * concordance reads them back ({@link #withMentions}). Kept as bytes until the archive was
     * hollowed, and by the index when it found its concordance later (an edit's), they were more
     * than half a gigabyte of an edit's heap at 100,000 articles, copied by its young collections.
     */
    ArticleStore leavesMentions(boolean leave) {
        this.mentionsLeft = leave;
        return this;
    }

    /**
     * {@code a} for one pass over its mentions (see AnnotationStore#passing): its mentions decoded
     * anew, read back from the store (saved by this build, see {@link #holds}) when {@code a} left
     * them there.
     */
    AnnotatedArticle withMentions(AnnotatedArticle a) {
        if (a.hasMentions()) return AnnotationStore.passing(a);
        byte[] entry = savedEntry(a.id());
        Head head = head(entry);
        try {
            return AnnotationStore.passing(AnnotationStore.decode(a.article(), a.notes(),
                    java.util.Arrays.copyOfRange(entry, head.annotationFrom(), head.annotationTo()), true));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads the articles taken from the store without their text when {@code hollow} (see AnnotatedArticle). */
    ArticleStore readHollow(boolean hollow) {
        this.whole = !hollow;
        return this;
    }

    /**
     * Calls {@code action} for each seed whose text is not the one stored, once it is parsed, with
     * the article as the store had it (read without its text; null for a new seed) and as it is now.
     */
    ArticleStore onNewText(java.util.function.BiConsumer<Article, Article> action) {
        this.onNewText = action;
        return this;
    }

    private ArticleStore(Path file, long generator, Map<String, Slot> slots, FileChannel channel) {
        this.file = file;
        this.generator = generator;
        this.slots = slots;
        this.channel = channel;
    }

    /** The store at {@code file} if the generator {@code generator} wrote it; else an empty one. */
    static ArticleStore open(Path file, long generator) {
        Map<String, Slot> slots = new HashMap<>();
        FileChannel ch = null;
        try {
            if (Files.isRegularFile(file)) {
                ch = FileChannel.open(file, StandardOpenOption.READ);
                readIndex(ch, generator, slots);
            }
        } catch (IOException | RuntimeException e) {
            slots.clear(); // a damaged store costs time, never correctness
        }
        if (slots.isEmpty() && ch != null) {
            close(ch);
            ch = null;
        }
        return new ArticleStore(file, generator, slots, ch);
    }

    /** Whether {@code file} is a store this build of the generator ({@code generator}) made and can read. */
    static boolean madeBy(Path file, long generator) {
        if (!Files.isRegularFile(file)) return false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return madeBy(ch, generator);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the store open as {@code ch} has the head this build of the generator writes (its format and fingerprint). */
    private static boolean madeBy(FileChannel ch, long generator) throws IOException {
        if (ch.size() < 48) return false;
        StoreBytes.In h = new StoreBytes.In(read(ch, 0, 32));
        return h.fixed() == MAGIC && h.varint() == FORMAT && h.fixed() == generator;
    }

    private static void readIndex(FileChannel ch, long generator, Map<String, Slot> slots) throws IOException {
        if (!madeBy(ch, generator)) return;
        long size = ch.size();
        byte[] tail = read(ch, size - 16, 16);
        StoreBytes.In t = new StoreBytes.In(tail);
        long indexAt = t.fixed();
        if (t.fixed() != MAGIC || indexAt < 16 || indexAt > size - 16 || size - 16 - indexAt > Integer.MAX_VALUE) return;
        byte[] index = read(ch, indexAt, (int) (size - 16 - indexAt));
        StoreBytes.In in = new StoreBytes.In(index);
        int n = in.count(index.length);
        for (int i = 0; i < n; i++) {
            String id = in.string();
            long offset = in.varint();
            int length = in.count(Integer.MAX_VALUE);
            long checksum = in.fixed(), annotationKey = in.fixed();
            if (offset < 16 || offset + length > indexAt) throw new IllegalStateException("an entry outside the file");
            slots.put(id, new Slot(offset, length, checksum, annotationKey));
        }
        if (!in.atEnd()) throw new IllegalStateException("trailing bytes in the index");
    }

    /** The entry at {@code slot} of the file open as {@code ch}, checked against its checksum. */
    private static byte[] entry(FileChannel ch, Slot slot) throws IOException {
        byte[] entry = new byte[slot.length()];
        readChecked(ch, slot, entry);
        return entry;
    }

    private static byte[] read(FileChannel ch, long at, int n) throws IOException {
        byte[] b = new byte[n];
        readInto(ch, at, b, n);
        return b;
    }

    private static void readInto(FileChannel ch, long at, byte[] into, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(into, 0, n);
        while (buf.hasRemaining()) {
            if (ch.read(buf, at + buf.position()) < 0) throw new IOException("the store ends too soon");
        }
    }

    /**
     * Each reading thread's buffer for the entries it only looks into (see {@link #read}): every
     * build reads every entry, and a fresh array for each made a hundred megabytes of garbage at
     * 10,000 articles, a young collection or two of an edit's build.
     */
    private static final ThreadLocal<byte[]> ENTRY_BUFFER = ThreadLocal.withInitial(() -> new byte[16 << 10]);

    /**
     * Each reading thread's view of the file ahead of its last entry: the entries lie in the
     * seeds' order (see {@link #write}), and each thread reads a run of seeds in that order, so a
     * quarter of a megabyte read at once holds its next thirty entries (a read for each entry was
     * 10,000 system calls at 10,000 articles, each dearer than the copy it made).
     */
    private static final class ReadAhead {
        final byte[] bytes = new byte[256 << 10];
        /** The file read, as opened for one build: a file written since is opened anew, so a view of it never stands for it. */
        FileChannel channel;
        long start;
        int length;
    }

    private static final ThreadLocal<ReadAhead> READ_AHEAD = ThreadLocal.withInitial(ReadAhead::new);

    /** The entry at {@code slot} in this thread's buffer (valid up to the slot's length, until the thread's next read). */
    private static byte[] borrowedEntry(FileChannel ch, Slot slot) throws IOException {
        byte[] buffer = ENTRY_BUFFER.get();
        if (buffer.length < slot.length()) ENTRY_BUFFER.set(buffer = new byte[slot.length()]);
        ReadAhead ahead = READ_AHEAD.get();
        if (slot.length() > ahead.bytes.length / 4) {
            readChecked(ch, slot, buffer);
            return buffer;
        }
        if (ahead.channel != ch || slot.offset() < ahead.start || slot.offset() + slot.length() > ahead.start + ahead.length) {
            ahead.channel = null; // until filled
            ByteBuffer b = ByteBuffer.wrap(ahead.bytes);
            while (b.position() < slot.length() && ch.read(b, slot.offset() + b.position()) > 0) { }
            if (b.position() < slot.length()) throw new IOException("the store ends too soon");
            ahead.channel = ch;
            ahead.start = slot.offset();
            ahead.length = b.position();
        }
        System.arraycopy(ahead.bytes, (int) (slot.offset() - ahead.start), buffer, 0, slot.length());
        if (checksum(buffer, slot.length()) != slot.checksum()) throw new IOException("a damaged entry");
        return buffer;
    }

    private static void readChecked(FileChannel ch, Slot slot, byte[] into) throws IOException {
        readInto(ch, slot.offset(), into, slot.length());
        // A damaged entry (a disk error, a build killed while writing) must never stand for a seed.
        if (checksum(into, slot.length()) != slot.checksum()) throw new IOException("a damaged entry");
    }

    /**
     * The article of the seed {@code f}: the stored one when the file is untouched, or when its
     * bytes are those stored; parsed otherwise. Null, with the reasons in {@code diags}, when the
     * seed cannot be read or parsed.
     */
    Article read(SeedFolder.Entry f, Diagnostics diags) {
        String id = SeedReader.idOf(f.path());
        String name = f.path().getFileName().toString();
        Slot slot = slots.get(id);
        byte[] entry = null;
        Head head = null;
        if (slot != null) {
            try {
                // Looked into, its parts copied out (see #keep): the entry itself is not kept.
                entry = borrowedEntry(channel, slot);
                head = head(entry, slot.length());
                if (!head.name().equals(name)) head = null; // the id's seed was renamed: read it anew
            } catch (IOException | RuntimeException e) {
                head = null;
            }
        }
        if (head != null && head.size() == f.size() && head.modified() == f.modified()
                && head.fileKey() == archive.io.FileIdentity.of(f.fileKey())) {
            Article a = article(entry, head, f.path(), !whole);
            if (a != null) return keep(new Current(f, head.contentHash(), a, slot, true), entry, head);
        }
        byte[] bytes = SourceText.read(f.path(), f.size(), diags);
        if (bytes == null) return null;
        long hash = new Fingerprint().add(bytes).value();
        if (head != null && head.contentHash() == hash) {
            Article a = article(entry, head, f.path(), !whole);
            if (a != null) return keep(new Current(f, hash, a, slot, false), entry, head);
        }
        Diagnostics own = new Diagnostics();
        Article a = reader.parse(f.path(), bytes, own);
        diags.addAll(own);
        if (a != null) onNewText.accept(head == null ? null : article(entry, head, f.path(), true), a);
        // A seed with warnings is parsed again by every build, so that every build reports them.
        if (a != null && own.all().isEmpty()) {
            Current c = new Current(f, hash, a, null, false);
            if (head != null) {
                remember(c, entry, head, slot); // its stored annotation may still fit the parsed article
                c.previousEntry = java.util.Arrays.copyOf(entry, slot.length());
            } else {
                unknownBefore.add(id);
            }
            current.put(id, c);
        } else if (a != null) {
            unknownBefore.add(a.id());
        }
        return a;
    }

    private Article keep(Current c, byte[] entry, Head head) {
        remember(c, entry, head, c.slot);
        current.put(c.article.id(), c);
        articlesReused.incrementAndGet();
        return c.article;
    }

    /** Notes the previous entry's annotation and its keys with the article, for {@link #annotation}. */
    private static void remember(Current c, byte[] entry, Head head, Slot slot) {
        c.overridesKey = head.overridesKey();
        c.inputs = head.inputs();
        c.annotationKey = slot.annotationKey();
        c.annotationHash = head.annotationHash();
        c.annotation = java.util.Arrays.copyOfRange(entry, head.annotationFrom(), head.annotationTo());
    }

    /** The stored article, hollow (its paragraphs' text skipped) or whole. */
    private static Article article(byte[] entry, Head head, Path source, boolean hollow) {
        try {
            StoreBytes.In in = new StoreBytes.In(entry, head.articleFrom(), head.articleTo());
            Article a = ArticleCodec.decode(in, source, hollow);
            return in.atEnd() ? a : null;
        } catch (RuntimeException e) {
            return null; // an entry that does not decode is parsed anew
        }
    }

    private static Head head(byte[] entry) { return head(entry, entry.length); }

    /** The head of the entry held in the first {@code length} bytes of {@code entry}. */
    private static Head head(byte[] entry, int length) {
        StoreBytes.In in = new StoreBytes.In(entry, 0, length);
        String name = in.string();
        long size = in.varint();
        long modified = in.fixed();
        long key = in.fixed();
        long hash = in.fixed();
        int articleLength = in.count(length);
        int articleFrom = in.position();
        StoreBytes.In rest = new StoreBytes.In(entry, articleFrom + articleLength, length);
        long overrides = rest.fixed(), inputs = rest.fixed(), annotationHash = rest.fixed();
        int annotationLength = rest.count(length);
        int annotationFrom = rest.position();
        if (annotationFrom + annotationLength != length) throw new IllegalStateException("a damaged entry");
        return new Head(name, size, modified, key, hash, articleFrom, articleFrom + articleLength, overrides, inputs,
                annotationHash, annotationFrom, length);
    }

    /**
     * The annotation of {@code a} (read by {@link #read}): the stored one when it was made from
     * the same article, overrides and annotation key ({@code annotationKey}: the data's forms,
     * places and industries), or from the previous data's key when the article holds none of the
     * forms the data's change touched (see {@link #formsChanged}); made by {@code annotate}
     * otherwise. An article taken from the store comes back hollow (see AnnotatedArticle) with its stored annotation; one annotated anew is
     * whole, its text read back from the store first if need be.
     */
    AnnotatedArticle annotation(Article a, ArticleNotes notes, ArticleOverrides overrides, long annotationKey,
                                java.util.function.Function<Article, AnnotatedArticle> annotate) {
        Current c = current.get(a.id());
        long overridesKey = overrides == ArticleOverrides.NONE ? NO_OVERRIDES : overridesKey(overrides);
        if (c == null || c.article != a) {
            // Not stored (its seed has warnings): annotated every build.
            long inputs = AnnotationStore.inputs(a, overrides);
            AnnotatedArticle made = annotate.apply(a);
            fingerprinted(a.id(), inputs, AnnotationStore.contentFingerprintOf(inputs, made));
            return made;
        }
        // Taken from the store without its text (see #read), or with it.
        boolean textless = c.slot != null && !this.whole;
        Article whole = textless ? null : a;
        long inputs;
        if (c.slot != null && c.annotation != null && c.overridesKey == overridesKey) {
            // The stored inputs fit: the article is the stored one, with the same overrides.
            inputs = c.inputs;
        } else {
            if (whole == null) whole = whole(c);
            inputs = AnnotationStore.inputs(whole, overrides);
        }
        boolean stored = c.annotation != null && c.inputs == inputs;
        // An edit of what the annotator does not read (the author, the date, the page, the section
        // or the column) keeps the annotation of the article's previous entry, whose text it has.
        boolean sameText = !stored && c.slot == null && c.previousEntry != null && c.annotation != null
                && c.overridesKey == overridesKey && c.annotationKey == annotationKey && sameText(c.previousEntry, a);
        if (sameText) {
            c.inputs = inputs;
            stored = true;
        }
        // Stored under the previous data's key: kept when the data changed no form the annotator could
        // find in it (its text read back for the look and let go again: restored hollow, as usual).
        Article known = whole;
        AnnotationForms.Change change = formsChange;
        boolean rekey = stored && c.annotationKey != annotationKey && change != null
                && change.keeps(c.annotationKey, a.id(), inputs, () -> known != null ? known : whole(c));
        if (stored && (c.annotationKey == annotationKey || rekey)) {
            try {
                AnnotatedArticle restored = AnnotationStore.decode(whole != null ? whole : a, notes, c.annotation, whole == null,
                        whole != null || !mentionsLeft);
                c.annotationKept = true;
                if (rekey) {
                    c.rekeyed = true;
                    c.annotationKey = annotationKey;
                    annotationsRekeyed.incrementAndGet();
                }
                if (c.unchanged()) c.annotation = null; // copied from the file as it stands
                annotationsReused.incrementAndGet();
                fingerprinted(a.id(), inputs, AnnotationStore.contentFingerprintOfHash(inputs, restored, c.annotationHash));
                return restored;
            } catch (IOException | RuntimeException e) {
                // an annotation that does not fit its article is made again
            }
        }
        if (whole == null) whole = whole(c);
        AnnotatedArticle made = annotate.apply(whole);
        if (c.slot != null) unknownBefore.add(a.id()); // its stored annotation was made from other inputs
        c.annotationKept = false;
        c.overridesKey = overridesKey;
        c.inputs = inputs;
        c.annotationKey = annotationKey;
        try {
            c.annotation = AnnotationStore.encode(made);
            c.annotationHash = AnnotationStore.hash(c.annotation);
            fingerprinted(a.id(), inputs, AnnotationStore.contentFingerprintOfHash(inputs, made, c.annotationHash));
        } catch (RuntimeException e) {
            current.remove(a.id()); // cannot be stored: made again next time
            fingerprinted(a.id(), inputs, AnnotationStore.contentFingerprintOf(inputs, made));
        }
        return made;
    }

    /**
     * Whether the previous entry {@code entry} holds the text {@code now} has: its headlines,
     * paragraphs and datelines, which is all the annotator and the aligner read.
     */
    private static boolean sameText(byte[] entry, Article now) {
        try {
            Article was = article(entry, head(entry), now.source(), false);
            // Compared as the store's bytes, which hold every field (a record's equals is slow in cold code).
            return was != null && java.util.Arrays.equals(bytesOf(textOf(was)), bytesOf(textOf(now)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] bytesOf(Article a) {
        StoreBytes.Out out = new StoreBytes.Out(8192);
        ArticleCodec.encode(a, out);
        return out.toArray();
    }

    /** The article without what the annotator does not read. */
    private static Article textOf(Article a) {
        archive.model.EnglishText en = a.english() == null ? null : new archive.model.EnglishText(a.english().title(), "", a.english().paragraphs());
        archive.model.ChineseText zh = a.chinese() == null ? null
                : new archive.model.ChineseText(a.chinese().deck(), "", "", a.chinese().paragraphs());
        return new Article(a.id(), a.source(), java.time.LocalDate.EPOCH, 1, en, zh);
    }

    private static long overridesKey(ArticleOverrides overrides) { return new Fingerprint().add(String.valueOf(overrides)).value(); }

    /** The key of most articles' overrides (none), taken once instead of once per article. */
    private static final long NO_OVERRIDES = overridesKey(ArticleOverrides.NONE);

    /** The whole article of a stored entry whose article was read hollow, read back from the previous build's file. */
    private Article whole(Current c) {
        try {
            byte[] entry = entry(channel, c.slot);
            Article whole = article(entry, head(entry), c.article.source(), false);
            if (whole == null) throw new IllegalStateException("a damaged entry");
            return whole;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The articles of this build whose seed changed since the previous build, as that build
     * annotated them (whole, with {@code notes} as they are now): by id, in no order. Empty when
     * no seed changed; null when the store cannot tell (a new seed, one with warnings, or an
     * annotation made anew for an unchanged seed). Call before {@link #save}.
     */
    Map<String, AnnotatedArticle> previousOfChanged(java.util.function.Function<String, ArticleNotes> notes) {
        if (!unknownBefore.isEmpty()) return null;
        Map<String, AnnotatedArticle> out = new HashMap<>();
        for (Current c : current.values()) {
            if (c.slot != null) continue;
            if (c.previousEntry == null) return null;
            try {
                Head head = head(c.previousEntry);
                Article was = article(c.previousEntry, head, c.article.source(), false);
                if (was == null) return null;
                byte[] annotation = java.util.Arrays.copyOfRange(c.previousEntry, head.annotationFrom(), head.annotationTo());
                out.put(c.article.id(), AnnotationStore.decode(was, notes.apply(c.article.id()), annotation, false));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return out;
    }

    /** The content fingerprint of an article this store annotated or restored (see RenderContext#contentFingerprint). */
    Long contentFingerprint(String id) { return fingerprints.get(id); }

    private void fingerprinted(String id, long inputs, long content) {
        fingerprints.put(id, content);
        sources.put(id, inputs);
    }

    /** The inputs of an article this store annotated or restored (see RenderContext#sourceFingerprint). */
    Long sourceFingerprint(String id) { return sources.get(id); }

    /** Articles whose annotation was restored rather than made. */
    int reused() { return annotationsReused.get(); }

    /** How many of {@link #reused} were kept across a change of the data (see {@link #formsChanged}). */
    int rekeyed() { return annotationsRekeyed.get(); }

    /** How many of {@link #rekeyed} were kept without their text being read back (see AnnotationForms.Change#narrowBy). */
    long rekeyedUnread() {
        AnnotationForms.Change change = formsChange;
        return change == null ? 0 : change.unread();
    }

    /** Articles taken from the store rather than parsed. */
    int articlesReused() { return articlesReused.get(); }

    /** Lets go of the previous build's file once the articles are read (see {@link #save}, which reopens it). */
    void doneReading() {
        if (channel != null) close(channel);
        channel = null;
    }

    /**
     * Writes this build's articles (through a temporary file), unless they are those already
     * stored, then lets go of them. Entries that did not change are copied from the previous file
     * as they stand; the others are encoded.
     */
    void save() {
        doneReading();
        try {
            if (current.size() == slots.size() && current.values().stream().allMatch(c -> c.unchanged() && !c.rekeyed)) {
                saved = true;
                return;
            }
            Map<String, Slot> appended = append();
            slots = appended != null ? appended : write();
            saved = true;
            Files.deleteIfExists(file.resolveSibling(OLD_FILE));
        } catch (IOException | RuntimeException e) {
            // Not saved: the next build parses and annotates every seed again. Slower, never wrong.
        } finally {
            current.clear();
        }
    }

    /**
     * Adds this build's new and changed entries, then an index of every entry, at the end of the
     * file as it stands, and returns where its entries are; null (nothing written) when there is
     * no valid file to add to, or when the entries no longer used would then take more room than
     * those in use (the file is then written anew by {@link #write}). After one edit this writes a
     * few kilobytes and the index instead of the whole archive (72 MB at 10,000 articles). A build
     * killed half-way leaves a file that does not end with an index: the next build parses every
     * seed, as with any damaged store.
     */
    private Map<String, Slot> append() throws IOException {
        if (slots.isEmpty() || !Files.isRegularFile(file)) return null;
        Map<String, Current> sorted = inSeedOrder();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size(), live = 0, added = 0;
            Map<String, byte[]> made = new HashMap<>();
            for (var e : sorted.entrySet()) {
                Current c = e.getValue();
                if (c.unchanged()) {
                    live += c.slot.length();
                } else {
                    byte[] entry = encode(c, ch);
                    made.put(e.getKey(), entry);
                    live += entry.length;
                    added += entry.length;
                }
            }
            if (size + added + sorted.size() * 40L > 2 * live) return null;
            Map<String, Slot> written = new HashMap<>(sorted.size() * 4 / 3 + 16);
            StoreBytes.Out index = new StoreBytes.Out(sorted.size() * 32);
            index.varint(sorted.size());
            long at = size;
            for (var e : sorted.entrySet()) {
                byte[] entry = made.get(e.getKey());
                Current c = e.getValue();
                Slot slot = entry == null ? new Slot(c.slot.offset(), c.slot.length(), c.slot.checksum(), c.annotationKey)
                        : new Slot(at, entry.length, checksum(entry), c.annotationKey);
                if (entry != null) at += writeAll(ch, at, entry);
                slot.index(index, e.getKey());
                written.put(e.getKey(), slot);
            }
            writeIndex(ch, at, index);
            return written;
        }
    }

    /**
     * This build's entries in the order of their seeds' names, which is the order a build reads
     * them in (see {@link ReadAhead}); then by id, for a name two ids share.
     */
    private Map<String, Current> inSeedOrder() {
        record Named(String name, String id, Current c) {}
        List<Named> entries = new ArrayList<>(current.size());
        current.forEach((id, c) -> entries.add(new Named(c.file.path().getFileName().toString(), id, c)));
        entries.sort((a, b) -> {
            int c = a.name().compareTo(b.name());
            return c != 0 ? c : a.id().compareTo(b.id());
        });
        Map<String, Current> out = new java.util.LinkedHashMap<>(entries.size() * 4 / 3 + 16);
        for (Named e : entries) out.put(e.id(), e.c());
        return out;
    }

    /** Writes the file and returns where its entries are. */
    private Map<String, Slot> write() throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, Slot> written = new HashMap<>(current.size() * 4 / 3 + 16);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Map<String, Current> sorted = inSeedOrder();
        FileChannel old = slots.isEmpty() || !Files.isRegularFile(file) ? null : FileChannel.open(file, StandardOpenOption.READ);
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long at = writeAll(out, 0, new StoreBytes.Out(32).fixed(MAGIC).varint(FORMAT).fixed(generator).toArray());
            StoreBytes.Out index = new StoreBytes.Out(sorted.size() * 32);
            index.varint(sorted.size());
            // Runs of unchanged entries that lie together in the previous file are copied at once.
            long runFrom = -1, runLength = 0;
            for (var e : sorted.entrySet()) {
                Current c = e.getValue();
                long length;
                if (old != null && c.unchanged()) {
                    length = c.slot.length();
                    if (runFrom >= 0 && runFrom + runLength == c.slot.offset()) {
                        runLength += length;
                    } else {
                        at += copy(old, runFrom, runLength, out, at);
                        runFrom = c.slot.offset();
                        runLength = length;
                    }
                    Slot slot = new Slot(at + runLength - length, (int) length, c.slot.checksum(), c.annotationKey);
                    slot.index(index, e.getKey());
                    written.put(e.getKey(), slot);
                    continue;
                }
                at += copy(old, runFrom, runLength, out, at);
                runFrom = -1;
                runLength = 0;
                byte[] entry = encode(c, old);
                long sum = checksum(entry);
                Slot slot = new Slot(at, entry.length, sum, c.annotationKey);
                slot.index(index, e.getKey());
                written.put(e.getKey(), slot);
                at += writeAll(out, at, entry);
            }
            at += copy(old, runFrom, runLength, out, at);
            writeIndex(out, at, index);
        } finally {
            if (old != null) close(old);
        }
        archive.io.FileReplace.replace(tmp, file);
        return written;
    }

    /** Ends the file with {@code index} at {@code at}, then where it starts and the magic number (see {@link #readIndex}). */
    private static void writeIndex(FileChannel ch, long at, StoreBytes.Out index) throws IOException {
        byte[] idx = index.toArray();
        writeAll(ch, at, idx);
        writeAll(ch, at + idx.length, new StoreBytes.Out(16).fixed(at).fixed(MAGIC).toArray());
    }

    /** Whether this build's articles can be read back whole ({@link #whole(AnnotatedArticle)}): the store was saved. */
    boolean holdsThisBuild() { return saved; }

    /** Whether the article can be read back whole from the store, so it may be held hollow. */
    boolean holds(String id) { return saved && slots.containsKey(id); }

    /**
     * The article {@code a} with its text: as it is if it has it, else read back from the store
     * (saved by this build, see {@link #holds}) with its annotation, notes as {@code a} has them.
     */
    AnnotatedArticle whole(AnnotatedArticle a) {
        if (!a.hollow()) return a;
        byte[] entry = savedEntry(a.id());
        Head head = head(entry);
        Article whole = savedArticle(a, entry, head);
        // An article that kept its mentions needs only its text; a hollowed one its annotation too.
        if (a.hasMentions()) return a.withText(whole);
        try {
            return AnnotationStore.decode(whole, a.notes(),
                    java.util.Arrays.copyOfRange(entry, head.annotationFrom(), head.annotationTo()), false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text alone of article {@code a} (see ArticleText), read back from the store if {@code a} is hollow. */
    archive.model.ArticleText text(AnnotatedArticle a) {
        if (!a.hollow()) return archive.model.ArticleText.of(a.article());
        byte[] entry = savedEntry(a.id());
        return archive.model.ArticleText.of(savedArticle(a, entry, head(entry)));
    }

    /** The entry this build saved for article {@code id} (see {@link #holds}). */
    private byte[] savedEntry(String id) {
        Slot slot = slots.get(id);
        if (slot == null) throw new IllegalStateException("article " + id + " is not in the store");
        try {
            return entry(reader(), slot);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The whole article of {@code a}, hollow, from its saved entry. */
    private static Article savedArticle(AnnotatedArticle a, byte[] entry, Head head) {
        Article whole = article(entry, head, a.article().source(), false);
        if (whole == null) throw new IllegalStateException("a damaged entry for article " + a.id());
        return whole;
    }

    private synchronized FileChannel reader() throws IOException {
        if (reading == null) reading = FileChannel.open(file, StandardOpenOption.READ);
        return reading;
    }

    /** Lets go of the file: the build is done with its articles. */
    synchronized void close() {
        doneReading();
        if (reading != null) close(reading);
        reading = null;
    }

    /** The entry of an article that changed in some way, with its annotation taken from the previous entry if kept. */
    private static byte[] encode(Current c, FileChannel old) throws IOException {
        byte[] annotation = c.annotation, a;
        if (c.slot != null) {
            // The article as stored (it was read hollow), and the annotation if it was kept as stored.
            if (old == null) throw new IOException("the previous entry is missing");
            byte[] entry = entry(old, c.slot);
            Head head = head(entry);
            a = java.util.Arrays.copyOfRange(entry, head.articleFrom(), head.articleTo());
            if (annotation == null) annotation = java.util.Arrays.copyOfRange(entry, head.annotationFrom(), head.annotationTo());
        } else {
            if (annotation == null) throw new IOException("an annotation to store is missing");
            StoreBytes.Out article = new StoreBytes.Out(8192);
            ArticleCodec.encode(c.article, article);
            a = article.toArray();
        }
        StoreBytes.Out out = new StoreBytes.Out(a.length + annotation.length + 128);
        out.string(c.file.path().getFileName().toString()).varint(c.file.size()).fixed(trustedTime(c.file.modified()))
                .fixed(archive.io.FileIdentity.of(c.file.fileKey())).fixed(c.contentHash).bytes(a)
                .fixed(c.overridesKey).fixed(c.inputs).fixed(c.annotationHash).bytes(annotation);
        return out.toArray();
    }

    /**
     * The seed's time as stored: a seed saved in the moments before this build read it could be
     * saved again, with the same size, within the same tick of the file system's clock; its time
     * is then stored as one no file has, so that the next build compares its bytes instead of
     * trusting its attributes (as git does with a "racily clean" file, see InputsStamp).
     */
    private static long trustedTime(long modified) {
        long now = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        return modified > now - InputsStamp.RECENT_NANOS ? UNTRUSTED_TIME : modified;
    }

    /** The time stored for a seed saved too recently to be trusted by its attributes (see {@link #trustedTime}). */
    private static final long UNTRUSTED_TIME = Long.MIN_VALUE;

    private static long checksum(byte[] entry) { return checksum(entry, entry.length); }

    private static long checksum(byte[] entry, int length) { return new Fingerprint().add(entry, length).value(); }

    private static long copy(FileChannel from, long at, long length, FileChannel to, long toAt) throws IOException {
        if (from == null || length <= 0) return 0;
        archive.io.Channels.copy(from, at, length, to, toAt);
        return length;
    }

    private static long writeAll(FileChannel out, long at, byte[] b) throws IOException {
        archive.io.Channels.write(out, at, ByteBuffer.wrap(b));
        return b.length;
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // only a file we read
        }
    }

    /** For tests: the entries the file holds now. */
    static List<String> storedIds(Path file, long generator) {
        ArticleStore s = open(file, generator);
        s.doneReading();
        return new ArrayList<>(new TreeMap<>(s.slots).keySet());
    }
}
