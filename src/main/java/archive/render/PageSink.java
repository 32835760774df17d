package archive.render;

/** Where rendered files go (the site writer); must accept calls from several threads. */
public interface PageSink {
    /** Writes {@code content} at the site-relative {@code file} (e.g. "articles/x/index.html"). */
    void write(String file, byte[] content);

    /** Writes a page; invisible control characters (NUL, bidi overrides) never reach a reader. */
    default void write(String file, String content) {
        write(file, archive.source.SourceText.withoutInvisibleControls(content).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
