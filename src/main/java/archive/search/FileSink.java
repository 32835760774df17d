package archive.search;

/** Where the index files go (the site writer's staging folder); called from several threads. */
public interface FileSink {
    /** Writes {@code content} at the site-relative path {@code file}. */
    void write(String file, byte[] content);

    /**
     * Writes {@code content}, made from inputs with fingerprint {@code inputs}, so that a later
     * build can {@link #keep} it unread.
     */
    default void write(String file, byte[] content, long inputs) { write(file, content); }

    /** Keeps the published {@code file} if it was made from inputs with this fingerprint; false if it must be made. */
    default boolean keep(String file, long inputs) { return false; }

    /** Keeps every one of {@code files} as {@link #keep} would, or none of them (then all must be made). */
    default boolean keepAll(java.util.List<String> files, long inputs) { return false; }

    /**
     * Keeps the published files {@code fingerprints} names, each made from inputs with its
     * fingerprint, if they are all the files under {@code prefix} and each is untouched; keeps none
     * otherwise (then all must be made).
     */
    default boolean keepExactly(String prefix, java.util.Map<String, Long> fingerprints) { return false; }
}
