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
 * <p>Kept beside the output folder ({@code .site.cache/citations.tsv.gz}), rewritten after a
 * successful build with exactly the entries that build used, through a temporary file and an
 * atomic rename. A damaged file is ignored.
 */
final class CitationCache {
    static final String FILE = "citations.tsv.gz";
    /** Bumped when the file layout or what is stored (cleaned HTML and text per style) changes. */
    private static final String FORMAT = "archive-citations-3";

    /** One article's citations, under the key of the item they were made from. */
    record Entry(String article, List<String> values) {}

    private final Path file;
    private final Map<String, Entry> previous;
    /** What {@link #save} found to keep: the previous entries of the next build in the same process. */
    private volatile Map<String, Entry> kept;
    private final Map<String, Entry> used = new ConcurrentHashMap<>();

    private CitationCache(Path file, Map<String, Entry> previous) {
        this.file = file;
        this.previous = previous;
    }

    /** The cache at {@code file}, empty when it does not exist or cannot be read. */
    static CitationCache load(Path file) {
        Map<String, Entry> entries = new HashMap<>();
        if (file != null && Files.isRegularFile(file)) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                    StandardCharsets.UTF_8))) {
                if (FORMAT.equals(in.readLine())) {
                    for (String line; (line = in.readLine()) != null; ) {
                        String[] f = line.split("\t", -1);
                        List<String> values = new ArrayList<>(f.length - 2);
                        for (int i = 2; i < f.length; i++) values.add(unescape(f[i]));
                        entries.put(f[1], new Entry(f[0], List.copyOf(values)));
                    }
                }
            } catch (IOException | RuntimeException e) {
                entries.clear(); // a damaged cache costs time, never correctness
            }
        }
        return new CitationCache(file, entries);
    }

    /** The cache for the next build of a long-running preview: what this build kept, without reading the file again. */
    CitationCache carryOver() {
        Map<String, Entry> k = kept;
        return k == null ? load(file) : new CitationCache(file, k);
    }

    /** No cache: every citation is formatted. */
    static CitationCache none() { return new CitationCache(null, Map.of()); }

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
        if (all.keySet().equals(previous.keySet())) return;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(tmp)),
                    StandardCharsets.UTF_8))) {
                out.write(FORMAT);
                out.write('\n');
                for (var e : all.entrySet()) {
                    out.write(e.getValue().article());
                    out.write('\t');
                    out.write(e.getKey());
                    for (String v : e.getValue().values()) {
                        out.write('\t');
                        out.write(escape(v));
                    }
                    out.write('\n');
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the citation cache " + file + "; delete the folder and build again", e);
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
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
