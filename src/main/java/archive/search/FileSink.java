package archive.search;

/** Where the index files go (the site writer's staging folder); called from several threads. */
@FunctionalInterface
public interface FileSink {
    /** Writes {@code content} at the site-relative path {@code file}. */
    void write(String file, byte[] content);
}
