package archive.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each published page was made from: the fingerprint of its inputs, and the size, time and
 * identity (inode) of the file as written. A page is trusted to be unchanged only when all of
 * these still hold, so a hand-edited file, a half-finished earlier build or a manifest that was not
 * saved can only cause a page to be rendered again, never a stale page to be kept. (A build that
 * updates the site in place takes the entry of a file whose folder is as the last publication
 * left it without this look; see SiteWriter#keepPreviousUnlessTouched.)
 *
 * <p>Kept beside the output folder ({@code .site.pages}), not in it, so that the site itself stays
 * byte-for-byte the same from build to build.
 */
final class PageManifest {
    /** One page: fingerprint of its inputs and the file's attributes when it was recorded. */
    record Entry(long fingerprint, long size, long modified, int key) {}

    /**
     * The fingerprint recorded for a file each build writes whole and compares by content (the
     * assets, robots.txt, the sitemap …): such a file is never kept by its fingerprint; it is
     * recorded so that a build that no longer makes it removes it, and so that a build that keeps
     * the site unseen can tell it is untouched.
     */
    static final long COMPARED = 0;

    private final Map<String, Entry> previous;
    private final Map<String, Entry> current;

    private PageManifest(Map<String, Entry> previous) {
        this.previous = previous;
        this.current = new ConcurrentHashMap<>(Math.max(16, previous.size() * 4 / 3 + 16));
    }

    static Path fileFor(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".pages");
    }

    /** The manifest the next build starts from: what this one recorded. */
    PageManifest next() { return new PageManifest(current); }

    /** The manifest file's size, time and identity as it stands, or null: tells whether another build has replaced it. */
    static String fileKey(Path out) {
        return archive.io.FileIdentity.stamp(fileFor(out));
    }

    /** The manifest of the site published at {@code out}, or an empty one. */
    static PageManifest load(Path out) {
        Map<String, Entry> m = new HashMap<>();
        Path f = fileFor(out);
        if (Files.isDirectory(out) && Files.isRegularFile(f)) {
            try {
                // Read as bytes, not as one string of them: the manifest of 10,000 articles is 4 MB.
                byte[] text = Files.readAllBytes(f);
                int[] tab = new int[4];
                for (int start = 0, end; start < text.length; start = end + 1) {
                    end = start;
                    int found = 0;
                    boolean more = false;
                    for (; end < text.length && text[end] != '\n'; end++) {
                        if (text[end] != '\t') continue;
                        if (found < 4) tab[found++] = end;
                        else more = true;
                    }
                    if (found != 4 || more) continue;
                    m.put(new String(text, start, tab[0] - start, StandardCharsets.UTF_8), new Entry(Line.hex(text, tab[0] + 1, tab[1]),
                            Line.decimal(text, tab[1] + 1, tab[2]), Line.decimal(text, tab[2] + 1, tab[3]),
                            Math.toIntExact(Line.decimal(text, tab[3] + 1, end))));
                }
            } catch (IOException | RuntimeException e) {
                m.clear(); // an unreadable manifest only means every page is rendered
            }
        }
        return new PageManifest(m);
    }

    /** Whether the previous build recorded {@code file} as made from inputs with this fingerprint. */
    boolean madeFrom(String file, long fingerprint) {
        Entry e = previous.get(file);
        return e != null && e.fingerprint() != COMPARED && e.fingerprint() == fingerprint;
    }

    /** The previous build's entry of {@code file} when the file at {@code published} is as that build left it; else null. */
    Entry untouched(String file, Path published) {
        Entry e = previous.get(file);
        return e != null && asLeft(e, published) ? e : null;
    }

    /** The previous build's entry of {@code file}, taken on trust (see SiteWriter#keepPreviousUnlessTouched). */
    Entry previousEntry(String file) { return previous.get(file); }

    /** Whether the previous build wrote {@code file} whole and compared it by content (see {@link #COMPARED}). */
    boolean compared(String file) {
        Entry e = previous.get(file);
        return e != null && e.fingerprint() == COMPARED;
    }

    /** Whether the file at {@code published} has the size, time and identity entry {@code e} recorded. */
    private static boolean asLeft(Entry e, Path published) {
        BasicFileAttributes a = attributes(published);
        return a != null && a.isRegularFile() && a.size() == e.size() && a.lastModifiedTime().toMillis() == e.modified()
                && archive.io.FileIdentity.of(a.fileKey()) == e.key();
    }

    /** Records a file kept as it was, with the entry the previous build recorded (a hard link shares it too). */
    void keep(String file, Entry e) {
        current.put(file, e);
    }

    /** The fingerprint the previous build recorded for {@code file}, if any. */
    java.util.OptionalLong previousFingerprint(String file) {
        Entry e = previous.get(file);
        return e == null || e.fingerprint() == COMPARED ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(e.fingerprint());
    }

    /** Records a file of the previous build as kept, with the entry that build recorded. */
    void keepPrevious(String file) {
        current.put(file, previous.get(file));
    }

    /**
     * Whether {@code file} may stand in the published folder: it is listed by the previous build,
     * or that build left no manifest to tell.
     */
    boolean mayHavePublished(String file) {
        return previous.isEmpty() || previous.containsKey(file);
    }

    /** Every file the previous build recorded. */
    java.util.Set<String> previousFiles() { return previous.keySet(); }

    /** The files under {@code prefix} that the previous build recorded. */
    List<String> filesUnder(String prefix) {
        List<String> out = new ArrayList<>();
        previous.forEach((f, e) -> { if (f.startsWith(prefix) && e.fingerprint() != COMPARED) out.add(f); });
        return out;
    }

    /** Records the page just placed in the staging folder at {@code staged}. */
    void record(String file, long fingerprint, Path staged) {
        BasicFileAttributes a = attributes(staged);
        if (a != null) current.put(file, new Entry(fingerprint, a.size(), a.lastModifiedTime().toMillis(),
                archive.io.FileIdentity.of(a.fileKey())));
    }

    /** Writes the manifest of the site just published (to a temporary file, then renamed). */
    void save(Path out) throws IOException {
        write(fileFor(out));
    }

    /** Writes the manifest of a site about to be published in place; {@link #installNext} puts it in force. */
    void saveNext(Path out) throws IOException {
        write(nextFor(out));
    }

    static void installNext(Path out) throws IOException {
        Path next = nextFor(out);
        if (!Files.exists(next)) return;
        archive.io.FileReplace.replace(next, fileFor(out));
    }

    static void discardNext(Path out) throws IOException {
        Files.deleteIfExists(nextFor(out));
    }

    private static Path nextFor(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".pages.next");
    }

    /** The lines {@link #encodeAhead} started making, if it was called. */
    private volatile java.util.concurrent.CompletableFuture<Line> encoding;

    /**
     * Starts making the manifest's lines on another core, for a build that records nothing more
     * (it is about to publish) and has other work before it saves: at 10,000 articles they take
     * as long as finding the files to remove.
     */
    void encodeAhead() {
        encoding = java.util.concurrent.CompletableFuture.supplyAsync(this::encode);
    }

    private void write(Path f) throws IOException {
        java.util.concurrent.CompletableFuture<Line> ahead = encoding;
        Line b;
        try {
            b = ahead != null ? ahead.join() : encode();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        archive.io.FileReplace.write(f, b.bytes, b.size);
    }

    private Line encode() {
        // In no particular order: the manifest is read into a map, and sorting 40,000 paths per build
        // was a tenth of a preview's rebuild.
        Line b = new Line(current.size() * 80 + 64);
        current.forEach((file, e) -> b.text(file).hex(e.fingerprint()).decimal(e.size()).decimal(e.modified()).decimal(e.key()).end());
        return b;
    }

    /**
     * The manifest's lines, written and read as bytes: a path and four numbers, separated by tabs
     * (made as strings, they were most of what writing the manifest allocated).
     */
    private static final class Line {
        private byte[] bytes;
        private int size;

        Line(int capacity) { bytes = new byte[capacity]; }

        private void room(int n) {
            if (size + n > bytes.length) bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }

        /** The path that starts a line. */
        Line text(String s) {
            int n = s.length();
            room(n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) { // not ASCII: written over what was copied of it
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    room(utf8.length);
                    System.arraycopy(utf8, 0, bytes, size, utf8.length);
                    size += utf8.length;
                    return this;
                }
                bytes[size + i] = (byte) c;
            }
            size += n;
            return this;
        }

        Line hex(long v) {
            room(17);
            bytes[size++] = '\t';
            int digits = Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 3) / 4);
            for (int d = digits - 1; d >= 0; d--) bytes[size++] = (byte) Character.forDigit((int) (v >>> (4 * d)) & 0xF, 16);
            return this;
        }

        Line decimal(long v) {
            room(21);
            bytes[size++] = '\t';
            if (v == Long.MIN_VALUE) throw new IllegalArgumentException("no such value in a manifest");
            if (v < 0) {
                bytes[size++] = '-';
                v = -v;
            }
            int start = size;
            do {
                bytes[size++] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v > 0);
            for (int i = start, j = size - 1; i < j; i++, j--) {
                byte t = bytes[i];
                bytes[i] = bytes[j];
                bytes[j] = t;
            }
            return this;
        }

        void end() {
            room(1);
            bytes[size++] = '\n';
        }

        /** The unsigned hexadecimal number in {@code b[from, to)}. */
        static long hex(byte[] b, int from, int to) {
            if (to <= from || to - from > 16) throw new NumberFormatException("not a fingerprint");
            long v = 0;
            for (int i = from; i < to; i++) {
                int d = Character.digit(b[i], 16);
                if (d < 0) throw new NumberFormatException("not a fingerprint");
                v = v << 4 | d;
            }
            return v;
        }

        /** The decimal number in {@code b[from, to)}, which may start with a minus. */
        static long decimal(byte[] b, int from, int to) {
            boolean negative = to > from && b[from] == '-';
            int i = negative ? from + 1 : from;
            if (to <= i || to - i > 18) throw new NumberFormatException("not a number");
            long v = 0;
            for (; i < to; i++) {
                if (b[i] < '0' || b[i] > '9') throw new NumberFormatException("not a number");
                v = v * 10 + (b[i] - '0');
            }
            return negative ? -v : v;
        }
    }

    /** Forgets the manifest: used before the output is replaced, so a crash cannot leave one that lies. */
    static void discard(Path out) throws IOException {
        Files.deleteIfExists(fileFor(out));
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
