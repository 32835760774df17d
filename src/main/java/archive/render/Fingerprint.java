package archive.render;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * 64-bit fingerprints of what a page is made from. A page whose fingerprint equals the one it had
 * in the previous build is kept as published instead of being rendered again. A view model
 * (records, lists, maps, strings, numbers) is hashed deeply, so everything a template can read is
 * covered; anything else is hashed by {@code toString()}, and an object without a value-based
 * {@code toString()} simply never matches (the page is rendered: slower, never wrong).
 */
public final class Fingerprint {
    private static final long P1 = 0x9E3779B97F4A7C15L, P2 = 0xC2B2AE3D27D4EB4FL;
    /**
     * Each record class's component accessors, made once as plain functions (LambdaMetafactory):
     * a generic MethodHandle.invoke per component was a tenth of checking 10,000 unchanged
     * article pages.
     */
    private static final ClassValue<Function<Object, Object>[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Function<Object, Object>[] computeValue(Class<?> type) { return components(type); }
    };

    private long h;

    public Fingerprint() { this.h = 0x243F6A8885A308D3L; }

    public long value() { return mix(h); }

    /** Eight bytes of an array as one little-endian long: a word at a time instead of a byte at a time. */
    private static final java.lang.invoke.VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Adds bytes (an encoded annotation, a stored article). */
    public Fingerprint add(byte[] b) { return add(b, b.length); }

    /** Adds the first {@code length} bytes of {@code b}, as {@link #add(byte[])} adds an array of them. */
    public Fingerprint add(byte[] b, int length) {
        long x = length;
        int i = 0;
        for (; i + 7 < length; i += 8) {
            long w = (long) LONGS.get(b, i);
            x = Long.rotateLeft(x ^ w * P2, 31) * P1;
        }
        for (; i < length; i++) x = Long.rotateLeft(x ^ (b[i] & 0xFFL) * P2, 31) * P1;
        return add(x);
    }

    public Fingerprint add(long v) {
        h = Long.rotateLeft(h ^ mix(v + P2), 27) * P1 + 0x52DCE729;
        return this;
    }

    public Fingerprint add(String s) {
        if (s == null) return add(-7L);
        long x = s.length();
        int n = s.length(), i = 0;
        char[] cs = archive.model.Chars.of(s, 0, n);
        for (; i + 3 < n; i += 4) {
            long w = cs[i] | (long) cs[i + 1] << 16 | (long) cs[i + 2] << 32 | (long) cs[i + 3] << 48;
            x = Long.rotateLeft(x ^ w * P2, 31) * P1;
        }
        for (; i < n; i++) x = Long.rotateLeft(x ^ cs[i] * P2, 31) * P1;
        return add(x);
    }

    /** Adds a view model value, deeply. */
    public Fingerprint addValue(Object o) {
        return addValue(o, null);
    }

    /**
     * Adds a value deeply, leaving out every part that is an instance of {@code ignored} (such as
     * where a data entry was written, which no page shows).
     */
    public Fingerprint addValue(Object o, Class<?> ignored) {
        if (o == null) return add(-1L);
        if (ignored != null && ignored.isInstance(o)) return add(-9L);
        if (o instanceof String s) return add(1L).add(s);
        if (o instanceof Deferred d) return add(8L).add(d.inputs());
        // The commonest small values without making text of them.
        if (o instanceof Integer i) return add(10L).add(i.longValue());
        if (o instanceof Long l) return add(11L).add(l.longValue());
        if (o instanceof Boolean b) return add(12L).add(b ? 1 : 0);
        if (o instanceof java.time.LocalDate d) return add(13L).add(d.toEpochDay());
        if (o instanceof java.time.YearMonth m) return add(14L).add(m.getYear() * 12L + m.getMonthValue());
        if (o instanceof Number || o instanceof Boolean || o instanceof Character || o instanceof Enum<?>) {
            return add(2L).add(o.getClass().getName()).add(o.toString());
        }
        if (o instanceof Collection<?> c) {
            add(3L).add(c.size());
            for (Object x : c) addValue(x, ignored);
            return this;
        }
        if (o instanceof Map<?, ?> m) {
            add(4L).add(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) addValue(e.getKey(), ignored).addValue(e.getValue(), ignored);
            return this;
        }
        if (o instanceof Object[] a) {
            add(5L).add(a.length);
            for (Object x : a) addValue(x, ignored);
            return this;
        }
        if (o.getClass().isRecord()) {
            add(6L).add(o.getClass().getName());
            for (Function<Object, Object> component : COMPONENTS.get(o.getClass())) addValue(component.apply(o), ignored);
            return this;
        }
        // Paths, dates and the like: their text is their value. Identity-based text never repeats.
        return add(7L).add(o.getClass().getName()).add(o.toString());
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object>[] components(Class<?> type) {
        RecordComponent[] rc = type.getRecordComponents();
        Function<Object, Object>[] out = new Function[rc.length];
        for (int i = 0; i < rc.length; i++) {
            java.lang.reflect.Method accessor = rc[i].getAccessor();
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
                MethodHandle target = lookup.unreflect(accessor);
                out[i] = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                        MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), target,
                        MethodType.methodType(target.type().returnType(), type).wrap())
                        .getTarget().invokeExact();
            } catch (Throwable e) {
                out[i] = reflective(type, accessor);
            }
        }
        return out;
    }

    /** A record component read through reflection, where no function can be made for it. */
    private static Function<Object, Object> reflective(Class<?> type, java.lang.reflect.Method accessor) {
        try {
            accessor.setAccessible(true);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read " + type.getName() + "." + accessor.getName(), e);
        }
        return o -> {
            try {
                return accessor.invoke(o);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + type.getName() + "." + accessor.getName(), e);
            }
        };
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
