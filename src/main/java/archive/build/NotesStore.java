package archive.build;

import archive.render.CrossRefs;
import archive.render.NotesHtml;
import archive.render.RenderedNotes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The editors' notes as the previous build rendered them, kept beside the output
 * ({@code .site.cache/notes.bin}; see RenderedNotes). Written for the generator that made them; a
 * missing, damaged or outdated file means every article's notes are rendered, with the same result.
 */
final class NotesStore implements RenderedNotes {
    static final String FILE = "notes.bin";
    private static final long MAGIC = 0x31534554_4f4e5241L; // "ARNOTES1"

    private record Rendered(long key, List<Link> links, NotesHtml.Split split) {}

    private final Path file;
    private final long generator;
    private final Map<String, Rendered> previous;
    private final Map<String, Rendered> current = new ConcurrentHashMap<>();
    private volatile boolean changed;
    private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();

    private NotesStore(Path file, long generator, Map<String, Rendered> previous) {
        this.file = file;
        this.generator = generator;
        this.previous = previous;
    }

    static NotesStore load(Path file, long generator) {
        Map<String, Rendered> m = new HashMap<>();
        try {
            if (Files.isRegularFile(file)) {
                StoreBytes.In in = new StoreBytes.In(Files.readAllBytes(file));
                if (in.fixed() == MAGIC && in.fixed() == generator) {
                    int n = in.count(1 << 24);
                    for (int i = 0; i < n; i++) {
                        String id = in.string();
                        long key = in.fixed();
                        int links = in.count(1 << 20);
                        List<Link> ls = new ArrayList<>(links);
                        for (int k = 0; k < links; k++) ls.add(new Link(in.string(), in.string(), in.nullable(), in.nullable()));
                        String intro = in.string(), footnotes = in.string();
                        int notes = in.count(1 << 20);
                        Map<String, String> byAnchor = new HashMap<>();
                        for (int k = 0; k < notes; k++) byAnchor.put(in.string(), in.string());
                        m.put(id, new Rendered(key, List.copyOf(ls), new NotesHtml.Split(intro, Map.copyOf(byAnchor), footnotes)));
                    }
                    if (!in.atEnd()) m.clear();
                }
            }
        } catch (IOException | RuntimeException e) {
            m.clear(); // a damaged file costs time, never correctness
        }
        return new NotesStore(file, generator, m);
    }

    @Override
    public NotesHtml.Split get(String article, long key, CrossRefs refs) {
        Rendered r = previous.get(article);
        if (r == null || r.key() != key) return null;
        for (Link l : r.links()) if (!l.resolvesSame(refs)) return null;
        current.put(article, r);
        if (!article.startsWith(MARKDOWN)) reused.incrementAndGet();
        return r.split();
    }

    /** How many articles' notes this build took as an earlier build rendered them. */
    int reused() { return reused.get(); }

    @Override
    public void put(String article, long key, List<Link> links, NotesHtml.Split split) {
        current.put(article, new Rendered(key, links, split));
        changed = true;
    }

    /**
     * Carries over the previous renderings of the articles this build did not look at: for a
     * build that kept their pages unseen, their notes, articles and data being as before.
     */
    void keepUnseen() {
        previous.forEach(current::putIfAbsent);
    }

    /** Writes this build's renderings, unless they are the previous build's. */
    void save() {
        if (!changed && current.keySet().equals(previous.keySet())) return;
        StoreBytes.Out out = new StoreBytes.Out(1 << 16);
        out.fixed(MAGIC).fixed(generator).varint(current.size());
        for (var e : new TreeMap<>(current).entrySet()) {
            Rendered r = e.getValue();
            out.string(e.getKey()).fixed(r.key()).varint(r.links().size());
            for (Link l : r.links()) out.string(l.scheme()).string(l.target()).nullable(l.path()).nullable(l.unknown());
            out.string(r.split().introduction()).string(r.split().footnotes()).varint(r.split().byAnchor().size());
            for (var n : new TreeMap<>(r.split().byAnchor()).entrySet()) out.string(n.getKey()).string(n.getValue());
        }
        try {
            Files.createDirectories(file.getParent());
            archive.io.FileReplace.write(file, out.toArray());
        } catch (IOException e) {
            // Not saved: the next build renders every article's notes. Slower, never wrong.
        }
    }
}
