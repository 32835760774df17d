package archive.publish;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Citations formatted by earlier builds, so that a rebuild formats only new or changed articles
 * (citeproc-java takes about a millisecond per style for a long bilingual title). An entry's key
 * is a hash of everything its output depends on: the styles' and locale's bytes, the citeproc
 * jar, and every field of the item; so a stale entry is never used, it is simply not found.
 * The cache only saves time: the output is the same with or without it.
 *
 * <p>Kept beside the output folder ({@code .site.cache/citations.bin}): a format line, then one
 * record per entry (article, key, and its values deflated). Entries stay deflated in memory and
 * are inflated when asked for: a bilingual citation repeats its title six times, so an entry is
 * a fifth of its size as text, and the cache of the whole paper (half a gigabyte as strings) no
 * longer competes with the articles for the heap. After a successful build the entries it made
 * are appended (an edit adds one record); when the file holds more entries no longer of use than
 * still of use, it is rewritten with exactly those, through a temporary file and an atomic
 * rename. A damaged file is read up to the damage and rewritten by the next save.
 */
final class CitationCache {
    static final String FILE = "citations.bin";
    /** Bumped when the file layout or what is stored (cleaned HTML and text per style) changes. */
    private static final String FORMAT = "archive-citations-4";
    /** The file of the earlier layout (gzipped text), removed by the first save in the new one. */
    private static final String OLD_FILE = "citations.tsv.gz";
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

    /** One article's citations, under the key of the item they were made from, deflated. */
    static final class Entry {
        private final String article;
        private final byte[] packed;
        /** The length of the values as encoded before deflating. */
        private final int size;

        private Entry(String article, byte[] packed, int size) {
            this.article = article;
            this.packed = packed;
            this.size = size;
        }

        static Entry of(String article, List<String> values) {
            ByteArrayOutputStream plain = new ByteArrayOutputStream(4096);
            try (DataOutputStream out = new DataOutputStream(plain)) {
                out.writeInt(values.size());
                for (String v : values) {
                    byte[] b = v.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] in = plain.toByteArray();
            Deflater d = DEFLATER.get();
            d.reset();
            d.setInput(in);
            d.finish();
            byte[] buf = new byte[in.length + 64];
            int n = 0;
            while (!d.finished()) {
                if (n == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                n += d.deflate(buf, n, buf.length - n);
            }
            return new Entry(article, java.util.Arrays.copyOf(buf, n), in.length);
        }

        String article() { return article; }

        /** The big-endian int at {@code at}, as DataOutputStream writes it. */
        private static int intAt(byte[] b, int at) {
            return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
        }

        /** Inflated on every call: most entries are asked for once per build, and kept small meanwhile. */
        List<String> values() {
            Inflater inf = INFLATER.get();
            inf.reset();
            inf.setInput(packed);
            byte[] plain = new byte[size];
            try {
                int n = 0;
                while (n < size) {
                    int got = inf.inflate(plain, n, size - n);
                    if (got == 0 && (inf.finished() || inf.needsInput())) break;
                    n += got;
                }
                if (n != size) throw new IllegalStateException("a citation cache entry is shorter than recorded");
                // Read from the array itself (as DataOutputStream wrote it): every cited page reads one entry.
                int count = intAt(plain, 0), at = 4;
                String[] out = new String[count];
                for (int i = 0; i < count; i++) {
                    int len = intAt(plain, at);
                    if (len < 0 || len > size - at - 4) throw new IllegalStateException("a damaged citation cache entry");
                    out[i] = new String(plain, at + 4, len, StandardCharsets.UTF_8);
                    at += 4 + len;
                }
                return List.of(out);
            } catch (DataFormatException | ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
                throw new IllegalStateException("a damaged citation cache entry", e);
            }
        }

        void write(DataOutputStream out, String key) throws IOException {
            out.writeUTF(article);
            out.writeUTF(key);
            out.writeInt(size);
            out.writeInt(packed.length);
            out.write(packed);
        }
    }

    private final Path file;
    private final Map<String, Entry> previous;
    /** What {@link #save} found to keep: the previous entries of the next build in the same process. */
    private volatile Map<String, Entry> kept;
    private final Map<String, Entry> used = new ConcurrentHashMap<>();

    /** Entries in the file as it stands (superseded ones included), or -1 when it is missing, unreadable or damaged. */
    private final int fileEntries;
    private volatile int keptFileEntries = -1;

    private CitationCache(Path file, Map<String, Entry> previous, int fileEntries) {
        this.file = file;
        this.previous = previous;
        this.fileEntries = fileEntries;
    }

    /** The cache at {@code file}, empty when it does not exist or cannot be read. */
    static CitationCache load(Path file) {
        Map<String, Entry> entries = new HashMap<>();
        int records = -1;
        if (file != null && Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                if (FORMAT.equals(in.readUTF())) {
                    records = 0;
                    while (true) {
                        String article;
                        try {
                            article = in.readUTF();
                        } catch (EOFException end) {
                            break;
                        }
                        String key = in.readUTF();
                        int size = in.readInt(), length = in.readInt();
                        // A damaged length must not make the build allocate gigabytes: no citation is that long.
                        if (size < 0 || size > (1 << 24) || length < 0 || length > (1 << 24)) throw new IOException("a damaged record");
                        byte[] packed = new byte[length];
                        in.readFully(packed);
                        entries.put(key, new Entry(article, packed, size));
                        records++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // A build killed while appending leaves a damaged last record: the entries before it
                // are kept, and the next save rewrites the file instead of appending after the damage.
                records = -1;
            }
        }
        return new CitationCache(file, entries, records);
    }

    /** The cache for the next build of a long-running preview: what this build kept, without reading the file again. */
    CitationCache carryOver() {
        Map<String, Entry> k = kept;
        return k == null ? load(file) : new CitationCache(file, k, keptFileEntries);
    }

    /** No cache: every citation is formatted. */
    static CitationCache none() { return new CitationCache(null, Map.of(), -1); }

    List<String> get(String key) {
        Entry e = previous.get(key);
        if (e == null) return null;
        try {
            List<String> values = e.values();
            used.put(key, e);
            return values;
        } catch (IllegalStateException damaged) {
            return null; // formatted again, and stored anew
        }
    }

    /** Whether the file held a citation under {@code key} when it was read (without marking it used, as {@link #get} does). */
    boolean has(String key) { return previous.containsKey(key); }

    void put(String key, String article, List<String> values) { used.put(key, Entry.of(article, values)); }

    /**
     * Writes the entries this build used, and those of the articles in {@code live} whose pages
     * were kept without asking for their citations, if the result differs from the file's.
     */
    void save(java.util.Set<String> live) {
        if (file == null) return;
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (Entry e : used.values()) asked.add(e.article());
        // Sorted only when written: most saves (an edit whose citations were in the cache) write
        // nothing, and sorting the whole cache to find that out was 13 ms of each of the preview's
        // rebuilds at 10,000 articles.
        Map<String, Entry> all = new java.util.HashMap<>(used);
        previous.forEach((key, e) -> {
            if (!asked.contains(e.article()) && live.contains(e.article())) all.put(key, e);
        });
        kept = all;
        keptFileEntries = fileEntries;
        // A damaged file (fileEntries -1) is rewritten even with the same entries; a missing one only if there are any.
        if (all.keySet().equals(previous.keySet()) && (fileEntries >= 0 || all.isEmpty())) return;
        List<String> added = new ArrayList<>();
        for (String key : all.keySet()) if (!previous.containsKey(key)) added.add(key);
        added.sort(null);
        // Appended while at most half of the file would be entries no longer of use; rewritten otherwise.
        boolean append = fileEntries >= 0 && fileEntries + added.size() - all.size() <= all.size();
        if (append && added.isEmpty()) return;
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file.resolveSibling(OLD_FILE));
            if (append) {
                // Written whole in memory first: a build killed mid-write leaves at most a damaged last record.
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                write(bytes, added, all, false);
                Files.write(file, bytes.toByteArray(), java.nio.file.StandardOpenOption.APPEND);
                keptFileEntries = fileEntries + added.size();
                return;
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
                write(out, new java.util.TreeSet<>(all.keySet()), all, true);
            }
            archive.io.FileReplace.replace(tmp, file);
            keptFileEntries = all.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the citation cache " + file + "; delete the folder and build again", e);
        }
    }

    /** The records of {@code keys}, after the format line if {@code header}. */
    private static void write(java.io.OutputStream target, java.util.Collection<String> keys, Map<String, Entry> entries,
                              boolean header) throws IOException {
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(target, 1 << 16));
        if (header) out.writeUTF(FORMAT);
        for (String key : keys) entries.get(key).write(out, key);
        out.flush();
    }

    /** Entries in the file as it stands, superseded ones included (for tests); -1 if it cannot be read. */
    static int records(Path file) { return load(file).fileEntries; }
}
