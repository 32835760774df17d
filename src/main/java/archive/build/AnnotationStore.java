package archive.build;

import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.ArticleNotes;
import archive.model.Mention;
import archive.model.MentionList;
import archive.model.Paragraph;
import archive.model.Row;
import archive.render.Fingerprint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The annotations of the previous build, kept beside the output ({@code .site.cache/annotations.bin})
 * so that a build reads every seed but annotates only the articles that changed: finding terms and
 * places, aligning paragraphs and classifying industries are most of the work of reading.
 *
 * <p>An annotation is reused only for an article whose parsed text and overrides have the same
 * fingerprint as when it was made, under the same editorial data and the same generator (the
 * file's header); anything else is annotated again. The store only saves time: a missing,
 * damaged or outdated file means every article is annotated, with the same result.
 */
final class AnnotationStore {
    static final String FILE = "annotations.bin";
    private static final int FORMAT = 3;
    private static final Mention.Kind[] KINDS = Mention.Kind.values();

    /** One article's annotation, encoded, and the fingerprint of what it was made from. */
    private record Stored(long inputs, byte[] annotation) {}

    private final Path file;
    private final long global;
    private final Map<String, Stored> previous;
    /** This build's annotations, encoded, until they are saved. */
    private final Map<String, Stored> current = new ConcurrentHashMap<>();
    /** A hash of each of this build's annotations as encoded, kept for the pages' fingerprints after saving. */
    private final Map<String, Long> hashes = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();

    private AnnotationStore(Path file, long global, Map<String, Stored> previous) {
        this.file = file;
        this.global = global;
        this.previous = previous;
    }

    /** The store at {@code file} if it was written for {@code global} (the data and the generator); else an empty one. */
    static AnnotationStore load(Path file, long global) {
        Map<String, Stored> m = new ConcurrentHashMap<>();
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                if (in.readInt() == FORMAT && in.readLong() == global) {
                    int n = in.readInt();
                    for (int i = 0; i < n; i++) {
                        String id = in.readUTF();
                        long inputs = in.readLong();
                        byte[] blob = new byte[in.readInt()];
                        in.readFully(blob);
                        m.put(id, new Stored(inputs, blob));
                    }
                }
            } catch (IOException | RuntimeException e) {
                m.clear(); // a damaged store costs time, never correctness
            }
        }
        return new AnnotationStore(file, global, m);
    }

    /** What an annotation depends on besides the data and the generator: the parsed article and its overrides. */
    static long inputs(Article a, Object overrides) {
        // Deeply, field by field: the article as one string (its toString) was a tenth of a build with nothing changed.
        return new Fingerprint().addValue(a).add(String.valueOf(overrides)).value();
    }

    /**
     * An article's content fingerprint for its pages (see RenderContext#contentFingerprint): its
     * parsed text and overrides ({@code inputs}), notes, and its annotation as encoded (rows,
     * mentions, places, industries: what any change of the data can alter). The preview and a
     * one-off build take it the same way, so either keeps the other's pages.
     */
    static long contentFingerprint(long inputs, archive.model.AnnotatedArticle a, byte[] annotation) {
        return contentFingerprint(inputs, a, hash(annotation));
    }

    private static long contentFingerprint(long inputs, archive.model.AnnotatedArticle a, long annotationHash) {
        return new Fingerprint().add(inputs).add(String.valueOf(a.notes())).add(annotationHash).value();
    }

    private static long hash(byte[] annotation) { return new Fingerprint().add(annotation).value(); }

    /** {@link #contentFingerprint(long, archive.model.AnnotatedArticle, byte[])} with the annotation this build stored for it. */
    long contentFingerprint(long inputs, archive.model.AnnotatedArticle a) {
        Long h = hashes.get(a.id());
        return h != null ? contentFingerprint(inputs, a, h) : contentFingerprintOf(inputs, a);
    }

    /** The same, encoding the annotation (or, if it cannot be encoded, fingerprinting it as it is). */
    static long contentFingerprintOf(long inputs, archive.model.AnnotatedArticle a) {
        byte[] encoded;
        try {
            encoded = encode(a);
        } catch (RuntimeException e) {
            return new Fingerprint().add(inputs).add(String.valueOf(a.notes())).addValue(a).value();
        }
        return contentFingerprint(inputs, a, encoded);
    }

    /**
     * The annotation of {@code a}: restored when the store has one made from the same inputs,
     * made by {@code annotate} otherwise. Either way it is kept for the next build.
     */
    AnnotatedArticle annotation(Article a, ArticleNotes notes, long inputs, java.util.function.Supplier<AnnotatedArticle> annotate) {
        // Taken out as it is used: the previous build's annotations and this build's are never both held whole.
        Stored s = previous.remove(a.id());
        if (s != null && s.inputs() == inputs) {
            try {
                AnnotatedArticle restored = decode(a, notes, s.annotation());
                keep(a.id(), s);
                reused.incrementAndGet();
                return restored;
            } catch (IOException | RuntimeException e) {
                // an entry that does not fit its article is simply made again
            }
        }
        AnnotatedArticle made = annotate.get();
        try {
            keep(a.id(), new Stored(inputs, encode(made)));
        } catch (RuntimeException e) {
            // not stored: made again next time
        }
        return made;
    }

    private void keep(String id, Stored s) {
        current.put(id, s);
        hashes.put(id, hash(s.annotation()));
    }

    /** Articles whose annotation was restored rather than made. */
    int reused() { return reused.get(); }

    /**
     * Writes the annotations of this build (through a temporary file), unless they are those
     * already stored, then lets go of them: called once every article is annotated, so that the
     * encoded annotations (120 MB for the whole paper) are not held while pages are rendered.
     * Saved before the pages are made, the store is right even if rendering fails: it only
     * records what each article's text annotates to.
     */
    void save() {
        try {
            write();
        } finally {
            current.clear();
            previous.clear();
        }
    }

    private void write() {
        // Every article reused and none left over (previous is emptied as it is used): the file is already right.
        if (previous.isEmpty() && reused.get() == current.size()) return;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(FORMAT);
                out.writeLong(global);
                Map<String, Stored> sorted = new TreeMap<>(current);
                out.writeInt(sorted.size());
                for (var e : sorted.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeLong(e.getValue().inputs());
                    out.writeInt(e.getValue().annotation().length);
                    out.write(e.getValue().annotation());
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Not saved: the next build annotates every article again. Slower, never wrong.
        }
    }

    /**
     * One article's annotation as bytes: first the slugs it names, once each, then rows, mentions
     * and lists with small numbers (variable-length) pointing into that table; about a kilobyte
     * an article.
     */
    static byte[] encode(AnnotatedArticle a) {
        Map<String, Integer> table = new java.util.LinkedHashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(body)) {
            varint(out, a.rows().size());
            for (Row r : a.rows()) {
                string(out, r.anchor());
                varint(out, r.extraAnchors().size());
                for (String x : r.extraAnchors()) string(out, x);
                string(out, r.label());
                numbers(out, r.zh());
                numbers(out, r.en());
            }
            mentionLists(out, a.zhMentions(), table);
            mentionLists(out, a.enMentions(), table);
            mentions(out, a.titleMentions(), table);
            mentionLists(out, a.deckMentions(), table);
            for (List<String> slugs : List.of(a.glossary(), a.places(), a.datelinePlaces(), a.industries())) {
                varint(out, slugs.size());
                for (String slug : slugs) varint(out, index(table, slug));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + 16 * table.size() + 8);
        try (DataOutputStream out = new DataOutputStream(all)) {
            varint(out, table.size());
            for (String slug : table.keySet()) string(out, slug);
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toByteArray();
    }

    static AnnotatedArticle decode(Article a, ArticleNotes notes, byte[] blob) throws IOException {
        // A ByteBuffer rather than a DataInputStream over a ByteArrayInputStream, whose every read locks.
        ByteBuffer in = ByteBuffer.wrap(blob);
        String[] table = new String[varint(in)];
        for (int i = 0; i < table.length; i++) table[i] = archive.model.Interned.of(string(in));
        int rowCount = varint(in);
        List<Row> rows = new ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
            String anchor = string(in);
            String[] extra = new String[varint(in)];
            for (int k = 0; k < extra.length; k++) extra[k] = string(in);
            String label = string(in);
            rows.add(new Row(anchor, List.of(extra), label, paragraphs(in, a.zhParagraphs()), paragraphs(in, a.enParagraphs())));
        }
        // One target per slug and kind, shared by every mention of the article that names it.
        Mention.Target[] targets = new Mention.Target[table.length * KINDS.length];
        List<List<Mention>> zh = mentionLists(in, table, targets), en = mentionLists(in, table, targets);
        List<Mention> title = mentions(in, table, targets);
        List<List<Mention>> deck = mentionLists(in, table, targets);
        List<List<String>> lists = new ArrayList<>(4);
        for (int l = 0; l < 4; l++) {
            String[] slugs = new String[varint(in)];
            for (int k = 0; k < slugs.length; k++) slugs[k] = table[varint(in)];
            lists.add(List.of(slugs));
        }
        if (in.hasRemaining()) throw new IOException("trailing bytes");
        return new AnnotatedArticle(a, List.copyOf(rows), zh, en, title, deck, lists.get(0), lists.get(1), lists.get(2),
                lists.get(3), notes);
    }

    private static int index(Map<String, Integer> table, String slug) {
        return table.computeIfAbsent(slug, k -> table.size());
    }

    /** A non-negative number in 7-bit groups, low first: most take one or two bytes. */
    private static void varint(DataOutputStream out, int v) throws IOException {
        if (v < 0) throw new IllegalArgumentException("negative: " + v);
        while (v >= 0x80) {
            out.writeByte(v & 0x7F | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int varint(ByteBuffer in) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.get();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
    }

    private static void numbers(DataOutputStream out, List<Paragraph> ps) throws IOException {
        varint(out, ps.size());
        for (Paragraph p : ps) varint(out, p.number());
    }

    /** The paragraphs of the article with the stored numbers (1-based, as {@link Paragraph#number()}). */
    private static List<Paragraph> paragraphs(ByteBuffer in, List<Paragraph> all) {
        int n = varint(in);
        List<Paragraph> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(all.get(varint(in) - 1));
        return out;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(ByteBuffer in) {
        int n = in.getInt();
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    private static void mentionLists(DataOutputStream out, List<List<Mention>> lists, Map<String, Integer> table) throws IOException {
        varint(out, lists.size());
        for (List<Mention> ms : lists) mentions(out, ms, table);
    }

    private static List<List<Mention>> mentionLists(ByteBuffer in, String[] table, Mention.Target[] targets) {
        int n = varint(in);
        List<List<Mention>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(mentions(in, table, targets));
        return out;
    }

    /** Each mention: its start, its length, and its slug and kind in one number (slug index × kinds + kind). */
    private static void mentions(DataOutputStream out, List<Mention> ms, Map<String, Integer> table) throws IOException {
        varint(out, ms.size());
        for (Mention m : ms) {
            varint(out, m.start());
            varint(out, m.end() - m.start());
            varint(out, index(table, m.slug()) * KINDS.length + m.kind().ordinal());
        }
    }

    private static List<Mention> mentions(ByteBuffer in, String[] table, Mention.Target[] targets) {
        int n = varint(in);
        if (n == 0) return List.of();
        MentionList.Builder out = new MentionList.Builder(n, targets);
        for (int i = 0; i < n; i++) {
            int start = varint(in), end = start + varint(in), target = varint(in);
            if (targets[target] == null) {
                // One object per target across the archive: a hundred thousand articles name the same few hundred.
                targets[target] = archive.model.Interned.of(new Mention.Target(KINDS[target % KINDS.length], table[target / KINDS.length]));
            }
            out.add(start, end, target);
        }
        return out.build();
    }
}
