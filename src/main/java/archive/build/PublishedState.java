package archive.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a one-off build needs to know of the site it published to update it after an edit the
 * way the preview does (see {@link ArticleEdit}), kept beside the output
 * ({@code .site.cache/published.bin}): the keys of its settings (templates, data, pages, URL
 * policy, generator), of its articles' order and of the notes and overrides files it read, the
 * number of pages it made and the editors' introductions. A build removes the file before it
 * changes anything and writes it once it has published, so the file always describes the
 * published site; a missing or damaged file only means the next build checks every page.
 */
record PublishedState(long settings, long order, long sideFiles, int pages, Map<String, String> introductions) {
    static final String FILE = "published.bin";
    private static final long MAGIC = 0x31425550_48435241L; // "ARCHPUB1"

    /** The state at {@code file} if the generator {@code generator} wrote it; null otherwise. */
    static PublishedState load(Path file, long generator) {
        try {
            if (!Files.isRegularFile(file)) return null;
            StoreBytes.In in = new StoreBytes.In(Files.readAllBytes(file));
            if (in.fixed() != MAGIC || in.fixed() != generator) return null;
            long settings = in.fixed(), order = in.fixed(), sideFiles = in.fixed();
            int pages = in.count(Integer.MAX_VALUE);
            int n = in.count(1 << 24);
            Map<String, String> intros = new HashMap<>(n * 4 / 3 + 16);
            for (int i = 0; i < n; i++) intros.put(in.string(), in.string());
            return in.atEnd() ? new PublishedState(settings, order, sideFiles, pages, Map.copyOf(intros)) : null;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged file costs time, never correctness
        }
    }

    /** Removes the state: the site is about to change. */
    static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot remove " + file + ", which describes the published site; remove it by hand", e);
        }
    }

    void save(Path file, long generator) {
        StoreBytes.Out out = new StoreBytes.Out(1 << 12);
        out.fixed(MAGIC).fixed(generator).fixed(settings).fixed(order).fixed(sideFiles).varint(pages).varint(introductions.size());
        for (var e : new TreeMap<>(introductions).entrySet()) out.string(e.getKey()).string(e.getValue());
        try {
            Files.createDirectories(file.getParent());
            archive.io.FileReplace.write(file, out.toArray());
        } catch (IOException e) {
            // Not saved: the next build checks every page. Slower, never wrong.
        }
    }
}
