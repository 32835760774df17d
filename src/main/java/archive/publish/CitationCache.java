package archive.publish;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Citations formatted by earlier builds, so that a rebuild formats only new or changed articles
 * (citeproc-java takes about a millisecond per style for a long bilingual title). An entry's key
 * is a hash of everything its output depends on: the styles' and locale's bytes, the citeproc
 * jar, and every field of the item; so a stale entry is never used, it is simply not found.
 * The cache only saves time: the output is the same with or without it.
 *
 * <p>Kept beside the output folder ({@code .site.cache/citations.tsv.gz}). After a successful
 * build the entries it made are appended as one more gzip member (an edit adds one entry, where
 * rewriting the whole file took a third of a second at 10,000 articles); when the file holds
 * more entries no longer of use than still of use, it is rewritten with exactly those, through a
 * temporary file and an atomic rename. A damaged file is ignored.
 */
final class CitationCache {
    static final String FILE = "citations.tsv.gz";
    /** Bumped when the file layout or what is stored (cleaned HTML and text per style) changes. */
    private static final String FORMAT = "archive-citations-3";

    /** One article's citations, under the key of the item they were made from. */
    static final class Entry {
        private final String article;
        /** As written in the file: each value after a tab, escaped; null for an entry made by this build. */
        private final String escaped;
        private volatile List<String> values;

        Entry(String article, List<String> values) {
            this.article = article;
            this.values = values;
            this.escaped = null;
        }

        /** An entry as read: its values are split and unescaped only if a build asks for them (most are never asked). */
        private Entry(String article, String escaped) {
            this.article = article;
            this.escaped = escaped;
        }

        String article() { return article; }

        List<String> values() {
            List<String> v = values;
            if (v == null) {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < escaped.length(); ) {
                    int end = escaped.indexOf('\t', i + 1);
                    if (end < 0) end = escaped.length();
                    out.add(unescape(escaped.substring(i + 1, end)));
                    i = end;
                }
                values = v = List.copyOf(out);
            }
            return v;
        }

        void writeValues(java.io.Writer out) throws IOException {
            if (escaped != null) {
                out.write(escaped);
                return;
            }
            for (String v : values) {
                out.write('\t');
                escape(v, out);
            }
        }
    }

    private final Path file;
    private final Map<String, Entry> previous;
    /** What {@link #save} found to keep: the previous entries of the next build in the same process. */
    private volatile Map<String, Entry> kept;
    private final Map<String, Entry> used = new ConcurrentHashMap<>();

    /** Entries in the file as it stands (superseded ones included), or -1 when the file is missing or unreadable. */
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
        int lines = -1;
        if (file != null && Files.isRegularFile(file)) {
            // Appended gzip members read as one stream; each starts with the format line.
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                    StandardCharsets.UTF_8))) {
                if (FORMAT.equals(in.readLine())) {
                    lines = 0;
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.equals(FORMAT)) continue;
                        int a = line.indexOf('\t'), k = line.indexOf('\t', a + 1);
                        if (a < 0) throw new IOException("a line without a key");
                        if (k < 0) k = line.length();
                        entries.put(line.substring(a + 1, k), new Entry(line.substring(0, a), line.substring(k)));
                        lines++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                entries.clear(); // a damaged cache costs time, never correctness
                lines = -1;
            }
        }
        return new CitationCache(file, entries, lines);
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
        if (e != null) used.put(key, e);
        return e == null ? null : e.values();
    }

    void put(String key, String article, List<String> values) { used.put(key, new Entry(article, List.copyOf(values))); }

    /**
     * Writes the entries this build used, and those of the articles in {@code live} whose pages
     * were kept without asking for their citations, if the result differs from the file's.
     */
    void save(java.util.Set<String> live) {
        if (file == null) return;
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (Entry e : used.values()) asked.add(e.article());
        Map<String, Entry> all = new TreeMap<>(used);
        previous.forEach((key, e) -> {
            if (!asked.contains(e.article()) && live.contains(e.article())) all.put(key, e);
        });
        kept = all;
        keptFileEntries = fileEntries;
        if (all.keySet().equals(previous.keySet())) return;
        List<String> added = new ArrayList<>();
        for (String key : all.keySet()) if (!previous.containsKey(key)) added.add(key);
        // Appended while at most half of the file would be entries no longer of use; rewritten otherwise.
        boolean append = fileEntries >= 0 && fileEntries + added.size() - all.size() <= all.size();
        if (append && added.isEmpty()) return;
        try {
            Files.createDirectories(file.getParent());
            if (append) {
                // Written whole in memory first: a build killed mid-write leaves at most a damaged last member.
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                write(bytes, added, all);
                Files.write(file, bytes.toByteArray(), java.nio.file.StandardOpenOption.APPEND);
                keptFileEntries = fileEntries + added.size();
                return;
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
                write(out, all.keySet(), all);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            keptFileEntries = all.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the citation cache " + file + "; delete the folder and build again", e);
        }
    }

    /** One gzip member: the format line, then the entries of {@code keys}. */
    private static void write(java.io.OutputStream target, java.util.Collection<String> keys, Map<String, Entry> entries)
            throws IOException {
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(target, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            out.write(FORMAT);
            out.write('\n');
            for (String key : keys) {
                Entry e = entries.get(key);
                out.write(e.article());
                out.write('\t');
                out.write(key);
                e.writeValues(out);
                out.write('\n');
            }
        }
    }

    /** Writes {@code s} with backslash, tab and line breaks escaped; most values have none. */
    private static void escape(String s, java.io.Writer out) throws IOException {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' && c != '\t' && c != '\n' && c != '\r') continue;
            out.write(s, from, i - from);
            out.write('\\');
            out.write(c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\');
            from = i + 1;
        }
        out.write(s, from, s.length() - from);
    }

    static String escape(String s) {
        java.io.StringWriter w = new java.io.StringWriter(s.length() + 8);
        try {
            escape(s, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(switch (n) { case 't' -> '\t'; case 'n' -> '\n'; case 'r' -> '\r'; default -> n; });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
