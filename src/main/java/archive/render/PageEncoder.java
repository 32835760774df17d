package archive.render;

import archive.source.SourceText;

import java.util.Arrays;

/**
 * Turns a rendered page into the bytes written to disk: UTF-8, with invisible control characters
 * (NUL, bidi overrides …; see {@link SourceText#isInvisibleControl}) left out, in one pass over
 * the characters. Every byte of the site goes through here, so it copies the text once into a
 * per-thread buffer rather than reading the string character by character.
 */
final class PageEncoder {
    /** Characters whose encoding the thread's byte buffer is kept for: a large page, not a download of the archive. */
    private static final int KEPT = 1 << 20;
    private static final ThreadLocal<byte[]> BYTES = ThreadLocal.withInitial(() -> new byte[192 * 1024]);

    private PageEncoder() {}

    static byte[] encode(String s) {
        Encoded e = encodeShared(archive.model.Chars.of(s, 0, s.length()), s.length());
        return Arrays.copyOf(e.bytes(), e.length());
    }

    /**
     * Bytes encoded into the thread's buffer: the first {@code length} of {@code bytes}, valid
     * until the thread encodes again. A page handed to the writer so is not copied into an array
     * of its own (741 MB of pages, 9 % of what a clean build of 10,000 articles allocated).
     */
    record Encoded(byte[] bytes, int length) {}

    /** The first {@code n} characters of {@code cs}, encoded into the thread's buffer (see {@link Encoded}). */
    static Encoded encodeShared(char[] cs, int n) {
        byte[] out = BYTES.get();
        if (out.length < n * 3) {
            out = new byte[Math.max(n * 3, out.length * 2)];
            if (n <= KEPT) BYTES.set(out); // a download of the whole archive must not stay with the thread
        }
        return new Encoded(out, encode(cs, n, out));
    }

    /** Encodes the first {@code n} characters of {@code cs} into {@code out} (room for three bytes each); returns the length. */
    private static int encode(char[] cs, int n, byte[] out) {
        int j = 0;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            // Runs of printable ASCII (markup, English) copied in a tight loop: most of every page.
            while (c >= 0x20 && c < 0x7F) {
                out[j++] = (byte) c;
                if (++i == n) return j;
                c = cs[i];
            }
            if (c < 0x80) {
                if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7F) continue;
                out[j++] = (byte) c;
            } else if (c > 0x2069 && c < 0xD800) {
                // Most of a page that is not ASCII (CJK, punctuation): no invisible control lies here.
                out[j++] = (byte) (0xE0 | c >> 12);
                out[j++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[j++] = (byte) (0x80 | c & 0x3F);
            } else if (c < 0x800) {
                if (SourceText.isInvisibleControl(c)) continue; // C1 controls, the Arabic letter mark
                out[j++] = (byte) (0xC0 | c >> 6);
                out[j++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                // Pair across left-out controls too: the text is encoded as if they had never been there.
                int k = i + 1;
                while (k < n && SourceText.isInvisibleControl(cs[k])) k++;
                if (Character.isHighSurrogate(c) && k < n && Character.isLowSurrogate(cs[k])) {
                    int cp = Character.toCodePoint(c, cs[k]);
                    i = k;
                    out[j++] = (byte) (0xF0 | cp >> 18);
                    out[j++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    out[j++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    out[j++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    out[j++] = '?'; // an unpaired surrogate, as String.getBytes writes it
                }
            } else {
                if (SourceText.isInvisibleControl(c)) continue;
                out[j++] = (byte) (0xE0 | c >> 12);
                out[j++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[j++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return j;
    }
}
