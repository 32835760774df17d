package archive.search;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The dictionary of word terms (stems and facets), shared by the tokenising threads. */
final class Words {
    /** A term with its id and hash. */
    record Word(int id, int hash, String text) {}

    private final ConcurrentHashMap<String, Word> byText = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private volatile String[] texts;

    /** The word for an indexed term (already stemmed, or a facet). */
    Word term(String text) {
        return byText.computeIfAbsent(text, t -> new Word(next.getAndIncrement(), SearchText.hash(t), t));
    }

    /** Puts back a word of a previous build's index under its id (see {@link PostingsCache}), before any other. */
    void restore(int id, String text) {
        byText.put(text, new Word(id, SearchText.hash(text), text));
        next.accumulateAndGet(id + 1, Math::max);
    }

    /** A per-thread cache from words as written to their terms, which skips lower-casing and stemming. */
    final class Cache {
        private final Map<String, Word> seen = new HashMap<>();

        Word of(String surface) {
            Word w = seen.get(surface);
            if (w == null) {
                w = term(SearchText.term(surface));
                if (seen.size() < 200_000) seen.put(surface, w);
            }
            return w;
        }
    }

    Cache cache() { return new Cache(); }

    /** Freezes the dictionary for lookups by id; call once all documents are read. */
    void freeze() {
        String[] t = new String[next.get()];
        byText.values().forEach(w -> t[w.id()] = w.text());
        texts = t;
    }

    String text(int id) { return texts[id]; }
}
