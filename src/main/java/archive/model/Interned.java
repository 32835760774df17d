package archive.model;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One object for each of the small values every article repeats (paragraph anchors such as
 * "p3", row labels, slugs of places and glossary entries, the targets of mentions): the whole
 * paper holds several million of them, as separate copies a hundred bytes each. Bounded, so
 * that a long-running preview cannot grow it without end; past the bound a value is simply not
 * shared.
 */
public final class Interned {
    private static final int MAX_LENGTH = 64, MAX_NAMES = 200_000;
    private static final ConcurrentHashMap<Object, Object> VALUES = new ConcurrentHashMap<>();

    private Interned() {}

    /** The shared object equal to {@code v} (a string of at most 64 characters, or an immutable value). */
    @SuppressWarnings("unchecked")
    public static <T> T of(T v) {
        if (v == null || v instanceof String s && s.length() > MAX_LENGTH) return v;
        Object known = VALUES.get(v);
        if (known != null) return (T) known;
        if (VALUES.size() >= MAX_NAMES) return v;
        known = VALUES.putIfAbsent(v, v);
        return known != null ? (T) known : v;
    }
}
