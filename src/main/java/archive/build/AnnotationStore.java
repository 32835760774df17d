package archive.build;

import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.ArticleNotes;
import archive.model.Mention;
import archive.model.MentionList;
import archive.model.Paragraph;
import archive.model.Row;
import archive.render.Fingerprint;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Annotations as bytes, and the fingerprints of what they were made from: how the article store
 * ({@link ArticleStore}) keeps each article's annotation, so that a build annotates only the
 * articles that changed (finding terms and places, aligning paragraphs and classifying industries
 * are most of the work of reading), and how pages know an article's content without its text.
 */
final class AnnotationStore {
    private static final Mention.Kind[] KINDS = Mention.Kind.values();

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

    /** {@link #contentFingerprint(long, archive.model.AnnotatedArticle, byte[])} with the annotation's {@link #hash}. */
    static long contentFingerprintOfHash(long inputs, archive.model.AnnotatedArticle a, long annotationHash) {
        return contentFingerprint(inputs, a, annotationHash);
    }

    private static long contentFingerprint(long inputs, archive.model.AnnotatedArticle a, long annotationHash) {
        return addNotes(new Fingerprint().add(inputs), a.notes()).add(annotationHash).value();
    }

    /**
     * The notes as their pages see them: with the notes file's name, not the folder it was found
     * through, so that a seeds folder given by another path ("seeds", "/home/…/seeds") keeps the pages.
     */
    private static Fingerprint addNotes(Fingerprint f, archive.model.ArticleNotes n) {
        // Each part added as it is: the record's text was made by code that runs cold in an edit's build.
        if (n == null) return f.add(-1L);
        f.add(1L).add(n.file() == null ? null : n.file().getFileName().toString()).add(n.by())
                .add(n.written() == null ? -1L : n.written().toEpochDay()).add(n.markdown()).add(n.paragraphNotes().size());
        for (archive.model.ArticleNotes.ParagraphNote p : n.paragraphNotes()) f.add(p.paragraph()).add(p.line());
        return f;
    }

    static long hash(byte[] annotation) { return new Fingerprint().add(annotation).value(); }

    /** The same, encoding the annotation (or, if it cannot be encoded, fingerprinting it as it is). */
    static long contentFingerprintOf(long inputs, archive.model.AnnotatedArticle a) {
        byte[] encoded;
        try {
            encoded = encode(a);
        } catch (RuntimeException e) {
            return addNotes(new Fingerprint().add(inputs), a.notes()).addValue(a).value();
        }
        return contentFingerprint(inputs, a, encoded);
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
                // Most rows are paragraph n, anchored "pn": its number alone; any other row 0 and its strings.
                int n = paragraphNumber(r);
                varint(out, n);
                if (n == 0) {
                    string(out, r.anchor());
                    string(out, r.label());
                }
                varint(out, r.extraAnchors().size());
                for (String x : r.extraAnchors()) string(out, x);
                numbers(out, r.zh());
                numbers(out, r.en());
            }
            for (List<String> slugs : List.of(a.glossary(), a.places(), a.datelinePlaces(), a.industries())) {
                varint(out, slugs.size());
                for (String slug : slugs) varint(out, index(table, slug));
            }
            // Each entry's concordance lines, so that an edit finds where its lines stand without the mentions.
            for (int n : a.glossaryLines()) varint(out, n);
            // The entries its Chinese names and its English does not, for the editors' warnings without the mentions.
            varint(out, a.chineseOnly().size());
            for (String slug : a.chineseOnly()) varint(out, index(table, slug));
            // Last, so that a build can take the rest without them (see StoredMentions).
            mentionLists(out, a.zhMentions(), table);
            mentionLists(out, a.enMentions(), table);
            mentions(out, a.titleMentions(), table);
            mentionLists(out, a.deckMentions(), table);
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
        return decode(a, notes, blob, false);
    }

    /** The annotation of {@code a}, which is hollow (see AnnotatedArticle) if {@code hollow}. */
    static AnnotatedArticle decode(Article a, ArticleNotes notes, byte[] blob, boolean hollow) throws IOException {
        return decode(a, notes, blob, hollow, true);
    }

    /**
     * The annotation of {@code a}, hollow if {@code hollow}; without its mentions unless {@code
     * withMentions} (as AnnotatedArticle#hollowed leaves them: the store gives them back, see
     * ArticleStore#withMentions), so that its bytes are not kept.
     */
    static AnnotatedArticle decode(Article a, ArticleNotes notes, byte[] blob, boolean hollow, boolean withMentions) throws IOException {
        // A ByteBuffer rather than a DataInputStream over a ByteArrayInputStream, whose every read locks.
        ByteBuffer in = ByteBuffer.wrap(blob);
        String[] table = new String[varint(in)];
        for (int i = 0; i < table.length; i++) table[i] = string(in);
        int rowCount = varint(in);
        List<Row> rows = new ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
            int n = varint(in);
            String anchor = n == 0 ? string(in) : anchorOf(n), label = n == 0 ? string(in) : labelOf(n);
            String[] extra = new String[varint(in)];
            for (int k = 0; k < extra.length; k++) extra[k] = string(in);
            rows.add(new Row(anchor, List.of(extra), label, paragraphs(in, a.zhParagraphs()), paragraphs(in, a.enParagraphs())));
        }
        List<List<String>> lists = new ArrayList<>(4);
        for (int l = 0; l < 4; l++) {
            String[] slugs = new String[varint(in)];
            for (int k = 0; k < slugs.length; k++) slugs[k] = table[varint(in)];
            lists.add(List.of(slugs));
        }
        Integer[] lines = new Integer[lists.get(0).size()];
        for (int k = 0; k < lines.length; k++) lines[k] = varint(in);
        String[] chineseOnly = new String[varint(in)];
        for (int k = 0; k < chineseOnly.length; k++) chineseOnly[k] = table[varint(in)];
        if (!withMentions) {
            return new AnnotatedArticle(a, List.copyOf(rows), null, null, null, null,
                    lists.get(0), lists.get(1), lists.get(2), lists.get(3), notes, hollow, List.of(lines), List.of(chineseOnly));
        }
        // The mentions are decoded when first asked for: most builds after an edit ask for none but the edited article's.
        StoredMentions mentions = new StoredMentions(blob, in.position(), table);
        return new AnnotatedArticle(a, List.copyOf(rows), mentions.zh(), mentions.en(), mentions.title(), mentions.deck(),
                lists.get(0), lists.get(1), lists.get(2), lists.get(3), notes, hollow, List.of(lines), List.of(chineseOnly));
    }

    /**
     * {@code a} for one pass over its mentions: if they are still stored as bytes, a copy of the
     * article with them decoded anew, which {@code a} does not keep. A large archive's build reads
     * every article's mentions after it let go of them (the concordance's pass; the editors'
     * warnings were a second until they read AnnotatedArticle#chineseOnly): kept by their articles
     * until the passes had ended, they outlived young collections and were promoted, to be freed
     * by a full collection; decoded for each pass, they die young.
     */
    static AnnotatedArticle passing(AnnotatedArticle a) {
        if (!a.hasMentions() || !(a.zhMentions() instanceof StoredMentions.Lazy<?> lazy)) return a;
        StoredMentions.Decoded d = lazy.of.decodedOnce();
        return new AnnotatedArticle(a.article(), a.rows(), d.zh(), d.en(), d.title(), d.deck(), a.glossary(), a.places(),
                a.datelinePlaces(), a.industries(), a.notes(), a.hollow(), a.glossaryLines(), a.chineseOnly());
    }

    /**
     * The mentions of a stored annotation, from {@code from} in its bytes to their end: the four
     * lists of an article decoded together, on the first look at any of them (as {@link
     * #decode} decoded them), after which the bytes are let go.
     */
    static final class StoredMentions {
        private record Decoded(List<List<Mention>> zh, List<List<Mention>> en, List<Mention> title, List<List<Mention>> deck) {}

        private byte[] blob;
        private final int from;
        private final String[] table;
        private volatile Decoded decoded;

        StoredMentions(byte[] blob, int from, String[] table) {
            this.blob = blob;
            this.from = from;
            this.table = table;
        }

        List<List<Mention>> zh() { return new Lazy<>(this, 0); }

        List<List<Mention>> en() { return new Lazy<>(this, 1); }

        List<Mention> title() { return new Lazy<>(this, 2); }

        List<List<Mention>> deck() { return new Lazy<>(this, 3); }

        private Decoded decoded() {
            Decoded d = decoded;
            if (d != null) return d;
            synchronized (this) {
                if (decoded == null) {
                    decoded = decode();
                    blob = null;
                }
                return decoded;
            }
        }

        /** The mentions as decoded already, or decoded anew and not kept (see {@link #passing}). */
        private Decoded decodedOnce() {
            Decoded d = decoded;
            if (d != null) return d;
            synchronized (this) {
                return decoded != null ? decoded : decode();
            }
        }

        private Decoded decode() {
            ByteBuffer in = ByteBuffer.wrap(blob);
            in.position(from);
            // One target per slug and kind, shared by every mention of the article that names it.
            Mention.Target[] targets = new Mention.Target[table.length * KINDS.length];
            List<List<Mention>> zh = mentionLists(in, table, targets), en = mentionLists(in, table, targets);
            List<Mention> title = mentions(in, table, targets);
            List<List<Mention>> deck = mentionLists(in, table, targets);
            if (in.hasRemaining()) throw new IllegalStateException("trailing bytes in a stored annotation");
            return new Decoded(zh, en, title, deck);
        }

        /** One of the four lists, read-only, as decoded. */
        private static final class Lazy<T> extends java.util.AbstractList<T> implements java.util.RandomAccess {
            private final StoredMentions of;
            private final int which;

            Lazy(StoredMentions of, int which) {
                this.of = of;
                this.which = which;
            }

            @SuppressWarnings("unchecked")
            private List<T> list() {
                Decoded d = of.decoded();
                return (List<T>) switch (which) {
                    case 0 -> d.zh();
                    case 1 -> d.en();
                    case 2 -> d.title();
                    default -> d.deck();
                };
            }

            @Override
            public T get(int index) { return list().get(index); }

            @Override
            public int size() { return list().size(); }
        }
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

    /**
     * The number n of a row that is paragraph n, labelled "n" and anchored "pn" (most rows; see
     * RowBuilder), which is all the store keeps of those two; 0 for any other row.
     */
    private static int paragraphNumber(Row r) {
        String label = r.label();
        if (label.isEmpty() || label.length() > 6 || label.charAt(0) == '0' || !label.chars().allMatch(c -> c >= '0' && c <= '9')) return 0;
        return r.anchor().equals("p" + label) ? Integer.parseInt(label) : 0;
    }

    /** The labels and anchors of the first paragraphs, made once: every article's rows have them. */
    private static final String[] LABELS = new String[256], ANCHORS = new String[256];
    static {
        for (int n = 1; n < LABELS.length; n++) {
            LABELS[n] = String.valueOf(n);
            ANCHORS[n] = "p" + n;
        }
    }

    private static String labelOf(int n) { return n < LABELS.length ? LABELS[n] : String.valueOf(n); }

    private static String anchorOf(int n) { return n < ANCHORS.length ? ANCHORS[n] : "p" + n; }

    /** A slug, anchor or label: the same few recur in every article (see DecodedStrings). */
    private static String string(ByteBuffer in) {
        int n = in.getInt();
        String s = DecodedStrings.of(in.array(), in.position(), n);
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
