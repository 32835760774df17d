package archive.build;

import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.ArticleNotes;
import archive.model.Mention;
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
import java.util.HashMap;
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
    private static final int FORMAT = 2;

    /** One article's annotation, encoded, and the fingerprint of what it was made from. */
    private record Stored(long inputs, byte[] annotation) {}

    private final Path file;
    private final long global;
    private final Map<String, Stored> previous;
    private final Map<String, Stored> current = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();

    private AnnotationStore(Path file, long global, Map<String, Stored> previous) {
        this.file = file;
        this.global = global;
        this.previous = previous;
    }

    /** The store at {@code file} if it was written for {@code global} (the data and the generator); else an empty one. */
    static AnnotationStore load(Path file, long global) {
        Map<String, Stored> m = new HashMap<>();
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
        return new Fingerprint().add(a.toString()).add(String.valueOf(overrides)).value();
    }

    /**
     * The annotation of {@code a}: restored when the store has one made from the same inputs,
     * made by {@code annotate} otherwise. Either way it is kept for the next build.
     */
    AnnotatedArticle annotation(Article a, ArticleNotes notes, long inputs, java.util.function.Supplier<AnnotatedArticle> annotate) {
        Stored s = previous.get(a.id());
        if (s != null && s.inputs() == inputs) {
            try {
                AnnotatedArticle restored = decode(a, notes, s.annotation());
                current.put(a.id(), s);
                reused.incrementAndGet();
                return restored;
            } catch (IOException | RuntimeException e) {
                // an entry that does not fit its article is simply made again
            }
        }
        AnnotatedArticle made = annotate.get();
        try {
            current.put(a.id(), new Stored(inputs, encode(made)));
        } catch (RuntimeException e) {
            // not stored: made again next time
        }
        return made;
    }

    /** Articles whose annotation was restored rather than made. */
    int reused() { return reused.get(); }

    /** Writes the annotations of this build (through a temporary file), unless they are those already stored. */
    void save() {
        if (current.keySet().equals(previous.keySet()) && reused.get() == current.size()) return;
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

    static byte[] encode(AnnotatedArticle a) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(a.rows().size());
            for (Row r : a.rows()) {
                string(out, r.anchor());
                strings(out, r.extraAnchors());
                string(out, r.label());
                numbers(out, r.zh());
                numbers(out, r.en());
            }
            mentionLists(out, a.zhMentions());
            mentionLists(out, a.enMentions());
            mentions(out, a.titleMentions());
            mentionLists(out, a.deckMentions());
            strings(out, a.glossary());
            strings(out, a.places());
            strings(out, a.datelinePlaces());
            strings(out, a.industries());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static AnnotatedArticle decode(Article a, ArticleNotes notes, byte[] blob) throws IOException {
        // A ByteBuffer rather than a DataInputStream over a ByteArrayInputStream, whose every read locks.
        ByteBuffer in = ByteBuffer.wrap(blob);
        int rowCount = in.getInt();
        List<Row> rows = new ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
            String anchor = string(in);
            List<String> extra = strings(in);
            String label = string(in);
            rows.add(new Row(anchor, extra, label, paragraphs(in, a.zhParagraphs()), paragraphs(in, a.enParagraphs())));
        }
        List<List<Mention>> zh = mentionLists(in), en = mentionLists(in);
        List<Mention> title = mentions(in);
        List<List<Mention>> deck = mentionLists(in);
        List<String> glossary = strings(in), places = strings(in), datelines = strings(in), industries = strings(in);
        if (in.hasRemaining()) throw new IOException("trailing bytes");
        return new AnnotatedArticle(a, List.copyOf(rows), zh, en, title, deck, glossary, places, datelines, industries, notes);
    }

    private static void numbers(DataOutputStream out, List<Paragraph> ps) throws IOException {
        out.writeInt(ps.size());
        for (Paragraph p : ps) out.writeInt(p.number());
    }

    /** The paragraphs of the article with the stored numbers (1-based, as {@link Paragraph#number()}). */
    private static List<Paragraph> paragraphs(ByteBuffer in, List<Paragraph> all) {
        int n = in.getInt();
        List<Paragraph> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(all.get(in.getInt() - 1));
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

    private static void strings(DataOutputStream out, List<String> ss) throws IOException {
        out.writeInt(ss.size());
        for (String s : ss) string(out, s);
    }

    private static List<String> strings(ByteBuffer in) {
        int n = in.getInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(string(in));
        return List.copyOf(out);
    }

    private static void mentionLists(DataOutputStream out, List<List<Mention>> lists) throws IOException {
        out.writeInt(lists.size());
        for (List<Mention> ms : lists) mentions(out, ms);
    }

    private static List<List<Mention>> mentionLists(ByteBuffer in) {
        int n = in.getInt();
        List<List<Mention>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(mentions(in));
        return out;
    }

    private static void mentions(DataOutputStream out, List<Mention> ms) throws IOException {
        out.writeInt(ms.size());
        for (Mention m : ms) {
            out.writeInt(m.start());
            out.writeInt(m.end());
            out.writeByte(m.kind().ordinal());
            string(out, m.slug());
        }
    }

    private static List<Mention> mentions(ByteBuffer in) {
        int n = in.getInt();
        if (n == 0) return List.of();
        List<Mention> out = new ArrayList<>(n);
        Mention.Kind[] kinds = Mention.Kind.values();
        for (int i = 0; i < n; i++) {
            int start = in.getInt(), end = in.getInt();
            Mention.Kind kind = kinds[in.get()];
            out.add(new Mention(start, end, new Mention.Target(kind, string(in))));
        }
        return out;
    }
}
