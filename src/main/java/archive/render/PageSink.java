package archive.render;

/** Where rendered files go (the site writer); must accept calls from several threads. */
public interface PageSink {
    /** Writes {@code content} at the site-relative {@code file} (e.g. "articles/x/index.html"). */
    void write(String file, byte[] content);

    /** Writes a page; invisible control characters (NUL, bidi overrides) never reach a reader. */
    default void write(String file, String content) {
        write(file, bytes(content));
    }

    /** A rendered page as the bytes to write: UTF-8, without invisible control characters. */
    static byte[] bytes(String page) {
        return PageEncoder.encode(page);
    }

    /**
     * Writes a page made from inputs with the given fingerprint, so that a later build from the
     * same inputs can {@link #keep} it. Not a default: a sink that wraps another must pass the
     * fingerprint on, or every build renders every page again.
     */
    void write(String file, byte[] content, long fingerprint);

    /**
     * As {@link #write(String, byte[], long)} with the first {@code length} bytes of {@code content},
     * which the sink must not keep after it returns (the renderer's buffer, used again for the next page).
     */
    default void write(String file, byte[] content, int length, long fingerprint) {
        write(file, java.util.Arrays.copyOf(content, length), fingerprint);
    }

    /**
     * Keeps the published page at {@code file} if it was made from inputs with this fingerprint
     * and has not been touched since; returns false (and keeps nothing) otherwise.
     */
    boolean keep(String file, long fingerprint);

    /**
     * Keeps the published file as it is, whatever it was made from, if it is untouched since the
     * previous build; recorded so that the next build makes it anew. For outputs that may lag one
     * build behind in the preview (the search index, the feed); false (nothing kept) otherwise.
     */
    boolean keepAsPublished(String file);

    /**
     * The published file at {@code file} as the previous build left it (untouched since), open for
     * reading (the caller closes it), to be read in parts; null when unknown. See {@link #writeSpliced}.
     */
    default java.nio.channels.FileChannel openPublished(String file) { return null; }

    /** The fingerprint the previous build recorded for {@code file}; 0 when it made no such file or none is known. */
    default long previousFingerprint(String file) { return 0; }

    /** The bytes {@code from}–{@code to} of a published file, to be replaced by {@code with}. */
    record Splice(long from, long to, byte[] with) {}

    /**
     * Writes at {@code file} the published file there (see {@link #openPublished}) with the
     * {@code splices} (in order, not overlapping) made, as if written by {@link #write(String,
     * byte[], long)} with this fingerprint; the untouched parts are copied by the system, never
     * read in. False, writing nothing, if the published file is not as the previous build left it
     * (the caller then writes the file whole); a file changed while it is copied fails the build.
     */
    default boolean writeSpliced(String file, java.util.List<Splice> splices, long fingerprint) { return false; }
}
