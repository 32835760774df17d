package archive.model;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One string object for each of the short names every article repeats (paragraph anchors such
 * as "p3", row labels, slugs of places and glossary entries): the whole paper holds several
 * million of them, a hundred bytes each as separate copies. Bounded, so that a long-running
 * preview cannot grow it without end; past the bound a name is simply not shared.
 */
public final class Interned {
    private static final int MAX_LENGTH = 64, MAX_NAMES = 200_000;
    private static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();

    private Interned() {}

    public static String of(String s) {
        if (s == null || s.length() > MAX_LENGTH) return s;
        String known = NAMES.get(s);
        if (known != null) return known;
        if (NAMES.size() >= MAX_NAMES) return s;
        known = NAMES.putIfAbsent(s, s);
        return known != null ? known : s;
    }
}
