package archive.build;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The short strings that stored articles repeat (slugs, paragraph anchors, row labels, sections,
 * columns, authors), each decoded once and then found by its bytes: after a one-article edit, a
 * build decoding every stored article's copies anew allocated some 30 MB of them at 10,000 articles,
 * which with the rest of its garbage cost it a collection. Shared (see {@link archive.model.Interned}).
 * Bounded: past the bound, or for a longer string, a string is simply decoded.
 */
final class DecodedStrings {
    private static final int SLOTS = 1 << 14, MAX_ENTRIES = SLOTS / 2, MAX_LENGTH = 64, PROBES = 8;
    private static final AtomicReferenceArray<Known> TABLE = new AtomicReferenceArray<>(SLOTS);
    private static final AtomicInteger COUNT = new AtomicInteger();

    private record Known(byte[] bytes, String value) {}

    private DecodedStrings() {}

    /** The string of the UTF-8 bytes {@code b[from, from + length)}. */
    static String of(byte[] b, int from, int length) {
        if (length > MAX_LENGTH) return new String(b, from, length, StandardCharsets.UTF_8);
        int h = 1;
        for (int i = from; i < from + length; i++) h = 31 * h + b[i];
        h ^= h >>> 16;
        for (int p = 0, i = h & (SLOTS - 1); p < PROBES; p++, i = (i + 1) & (SLOTS - 1)) {
            Known k = TABLE.get(i);
            if (k == null) {
                String s = archive.model.Interned.of(new String(b, from, length, StandardCharsets.UTF_8));
                if (COUNT.get() < MAX_ENTRIES && TABLE.compareAndSet(i, null, new Known(Arrays.copyOfRange(b, from, from + length), s))) {
                    COUNT.incrementAndGet();
                }
                return s;
            }
            if (k.bytes().length == length && Arrays.equals(k.bytes(), 0, length, b, from, from + length)) return k.value();
        }
        return new String(b, from, length, StandardCharsets.UTF_8);
    }
}
