package archive.build;

import archive.diag.Diagnostic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a one-off build needs to know of the site it published to update it after an edit the
 * way the preview does (see {@link ArticleEdit}), kept beside the output
 * ({@code .site.cache/published.bin}): the keys of its settings (templates, pages, URL policy,
 * generator, the data folder's other files), of its articles' order and of the notes and overrides
 * files it read, the number of pages it made, the editors' introductions and the parts of its
 * data (see DataParts); and, for a build that finds nothing
 * changed, the stamp of every input it read ({@link InputsStamp}), the number of articles and the
 * warnings it gave. A build removes the file before it changes anything and writes it once it has
 * published, so the file always describes the published site; a missing or damaged file only
 * means the next build checks every page. It names the page manifest it was written with
 * ({@code manifest}, the file's size, time and identity): a manifest lost, damaged or replaced
 * since then lists other files than those published, and the state is not used.
 */
record PublishedState(long settings, long order, long sideFiles, int pages, Map<String, String> introductions,
                      long inputs, int articles, String manifest, List<Diagnostic> warnings, DataParts data) {
    static final String FILE = "published.bin";
    private static final long MAGIC = 0x37425550_48435241L; // "ARCHPUB7"

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
            long inputs = in.fixed();
            int articles = in.count(Integer.MAX_VALUE);
            String manifest = in.nullable();
            List<Diagnostic> warnings = warnings(in);
            long shared = in.fixed();
            Map<String, Long> firstPages = fingerprints(in), placePages = fingerprints(in), coordinates = fingerprints(in);
            return in.atEnd() ? new PublishedState(settings, order, sideFiles, pages, Map.copyOf(intros), inputs, articles,
                    manifest, warnings, new DataParts(shared, firstPages, placePages, coordinates)) : null;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged file costs time, never correctness
        }
    }

    private static Map<String, Long> fingerprints(StoreBytes.In in) throws IOException {
        int n = in.count(1 << 24);
        Map<String, Long> out = new HashMap<>(n * 4 / 3 + 16);
        for (int i = 0; i < n; i++) out.put(in.string(), in.fixed());
        return out;
    }

    private static void fingerprints(StoreBytes.Out out, Map<String, Long> fingerprints) {
        out.varint(fingerprints.size());
        for (var e : new TreeMap<>(fingerprints).entrySet()) out.string(e.getKey()).fixed(e.getValue());
    }

    private static List<Diagnostic> warnings(StoreBytes.In in) throws IOException {
        int w = in.count(1 << 24);
        List<Diagnostic> warnings = new ArrayList<>(w);
        for (int i = 0; i < w; i++) {
            String where = in.nullable();
            int line = in.count(Integer.MAX_VALUE);
            warnings.add(new Diagnostic(Diagnostic.Severity.WARNING, where == null ? null : Path.of(where), line, in.string()));
        }
        return List.copyOf(warnings);
    }

    private static void warnings(StoreBytes.Out out, List<Diagnostic> warnings) {
        out.varint(warnings.size());
        for (Diagnostic d : warnings) out.nullable(d.file() == null ? null : d.file().toString()).varint(d.line()).string(d.message());
    }

    /** This state, of the same site with its manifest written again (see {@link #manifest}). */
    PublishedState withManifest(String manifest) {
        return new PublishedState(settings, order, sideFiles, pages, introductions, inputs, articles, manifest, warnings, data);
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
        out.fixed(inputs).varint(articles).nullable(manifest);
        warnings(out, warnings);
        out.fixed(data.shared());
        fingerprints(out, data.firstPages());
        fingerprints(out, data.placePages());
        fingerprints(out, data.coordinates());
        try {
            Files.createDirectories(file.getParent());
            archive.io.FileReplace.write(file, out.toArray());
        } catch (IOException e) {
            // Not saved: the next build checks every page. Slower, never wrong.
        }
    }
}
