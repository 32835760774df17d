package archive.publish;

import archive.render.PageSink;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A page sink that remembers which permanent paths the build produced, for the registry and
 * the sitemap: every HTML page ("articles/x/index.html" is the path "/articles/x/") and the
 * files the publishing stage declares stable (feed, downloads). Thread-safe.
 */
public final class PageRecorder implements PageSink {
    /** Served by the host for missing paths; never a page of its own. */
    static final String NOT_FOUND = "404.html";

    private final PageSink next;
    // Unordered while pages are made (a sorted set costs a tree walk per page); sorted when read.
    private final Set<String> pages = ConcurrentHashMap.newKeySet(1 << 16);
    private final Set<String> stable = ConcurrentHashMap.newKeySet();

    public PageRecorder(PageSink next) { this.next = next; }

    @Override
    public void write(String file, byte[] content) {
        next.write(file, content);
        record(file);
    }

    /** Writes a page made from inputs with this fingerprint, so the writer can keep it next time. */
    @Override
    public void write(String file, byte[] content, long fingerprint) {
        next.write(file, content, fingerprint);
        record(file);
    }

    @Override
    public void write(String file, byte[] content, int length, long fingerprint) {
        next.write(file, content, length, fingerprint);
        record(file);
    }

    /** A page kept from the previous build is produced by this build all the same. */
    @Override
    public boolean keep(String file, long fingerprint) {
        if (!next.keep(file, fingerprint)) return false;
        record(file);
        return true;
    }

    @Override
    public boolean keepAsPublished(String file) {
        if (!next.keepAsPublished(file)) return false;
        record(file);
        return true;
    }

    @Override
    public java.nio.channels.FileChannel openPublished(String file) { return next.openPublished(file); }

    @Override
    public long previousFingerprint(String file) { return next.previousFingerprint(file); }

    @Override
    public boolean writeSpliced(String file, java.util.List<Splice> splices, long fingerprint) {
        if (!next.writeSpliced(file, splices, fingerprint)) return false;
        record(file);
        return true;
    }

    /**
     * As {@link #writeStable}, for a file made by splicing the published one: {@code splices}
     * gives the splices (or null, when they cannot be found; then {@code content} gives the whole
     * file), and {@code onSpliced} is told when they were made.
     */
    public void writeStableSpliced(String file, long fingerprint, java.util.function.Supplier<java.util.List<Splice>> splices,
                                   java.util.function.Supplier<OpenData.Utf8Out> content, Runnable onSpliced) {
        if (!next.keep(file, fingerprint)) {
            java.util.List<Splice> s = splices.get();
            if (s != null && next.writeSpliced(file, s, fingerprint)) onSpliced.run();
            else {
                OpenData.Utf8Out whole = content.get();
                next.write(file, whole.array(), whole.length(), fingerprint);
            }
        }
        stable.add("/" + file);
    }

    /** Keeps the published file whose URL is promised to stay as it is (see {@link PageSink#keepAsPublished}). */
    public boolean keepStableAsPublished(String file) {
        if (!next.keepAsPublished(file)) return false;
        stable.add("/" + file);
        return true;
    }

    private void record(String file) {
        if (file.endsWith(".html") && !file.equals(NOT_FOUND)) pages.add(pathOf(file));
    }

    /**
     * Writes a file whose URL is promised to stay (the feed, the downloads), or keeps the
     * published one if it was made from inputs with this fingerprint; {@code content} is built
     * only when the file is written.
     */
    public void writeStable(String file, long fingerprint, java.util.function.Supplier<byte[]> content) {
        if (!next.keep(file, fingerprint)) next.write(file, content.get(), fingerprint);
        stable.add("/" + file);
    }

    /** The permanent path of a written HTML file: "/" for index.html, "/a/b/" for a/b/index.html. */
    static String pathOf(String file) {
        if (file.equals("index.html")) return "/";
        if (file.endsWith("/index.html")) return "/" + file.substring(0, file.length() - "index.html".length());
        return "/" + file;
    }

    /** The site path ("a/b/") of a permanent path ("/a/b/"). */
    static String sitePath(String permanentPath) { return permanentPath.substring(1); }

    /** Every HTML page written so far, sorted. */
    public SortedSet<String> pages() { return new TreeSet<>(pages); }

    /** Every permanent path written so far: pages and stable files, sorted. */
    public SortedSet<String> produced() {
        SortedSet<String> all = new TreeSet<>(pages);
        all.addAll(stable);
        return all;
    }
}
