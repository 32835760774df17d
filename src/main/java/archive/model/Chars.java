package archive.model;

/**
 * A string's characters in a per-thread array, for the loops that read every character of the
 * site's text (escaping, hashing, quoting, matching). The build runs compiled by C1 only, where
 * {@code String.charAt} checks its index on every call: reading from an array was a tenth of a
 * clean build. The array is the caller's until its next call on the same thread. The same loops'
 * tests of a character's class answer ASCII, most of an English text, from tables.
 */
public final class Chars {
    /** Up to a large page (a concordance page is about 200,000 characters); a download gets its own array. */
    private static final int KEPT = 1 << 20;
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

    private Chars() {}

    /** The characters {@code from} to {@code to} of {@code s}, at the start of the returned array. */
    public static char[] of(String s, int from, int to) {
        return BUFFER.get().of(s, from, to);
    }

    /**
     * An array of characters reused from string to string, for a loop that needs its own while it
     * calls code using the thread's ({@link #of}); not thread-safe.
     */
    public static final class Buffer {
        private char[] chars = new char[4096];

        /** The characters {@code from} to {@code to} of {@code s}, at the start of the returned array, valid until the next call. */
        public char[] of(String s, int from, int to) {
            int n = to - from;
            char[] buf = chars;
            if (buf.length < n) {
                buf = new char[Math.max(n, buf.length * 2)];
                if (n <= KEPT) chars = buf;
            }
            s.getChars(from, to, buf, 0);
            return buf;
        }
    }

    /** {@link Character#isLetterOrDigit(char)}. */
    public static boolean isLetterOrDigit(char c) {
        return c < 128 ? ASCII_LETTER_OR_DIGIT[c] : Character.isLetterOrDigit(c);
    }

    /** {@link Character#isWhitespace(char)}. */
    public static boolean isWhitespace(char c) {
        return c < 128 ? ASCII_WHITESPACE[c] : Character.isWhitespace(c);
    }

    private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[128], ASCII_WHITESPACE = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
            ASCII_WHITESPACE[c] = Character.isWhitespace(c);
        }
    }
}
