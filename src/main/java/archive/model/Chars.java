package archive.model;

/**
 * A string's characters in a per-thread array, for the loops that read every character of the
 * site's text (escaping, hashing, quoting). The build runs compiled by C1 only, where
 * {@code String.charAt} checks its index on every call: reading from an array was a tenth of a
 * clean build. The array is the caller's until its next call on the same thread.
 */
public final class Chars {
    /** Up to a large page (a concordance page is about 200,000 characters); a download gets its own array. */
    private static final int KEPT = 1 << 20;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[4096]);

    private Chars() {}

    /** The characters {@code from} to {@code to} of {@code s}, at the start of the returned array. */
    public static char[] of(String s, int from, int to) {
        int n = to - from;
        char[] buf = BUFFER.get();
        if (buf.length < n) {
            buf = new char[Math.max(n, buf.length * 2)];
            if (n <= KEPT) BUFFER.set(buf);
        }
        s.getChars(from, to, buf, 0);
        return buf;
    }
}
