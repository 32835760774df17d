package archive.render;

import io.pebbletemplates.pebble.extension.escaper.SafeString;

import java.util.Arrays;

/**
 * HTML made in Java (an article's annotated paragraphs, a page of concordance lines, an article's
 * entry in a list) kept as its characters, so that the page's buffer ({@link TextBuffer}) takes it
 * with one array copy. Made as a String, the same text was appended to a StringBuilder that had
 * turned UTF-16 at its first Chinese character (its markup widened character by character), copied
 * out into a String, and out of the String into the page's buffer, the last two again character by
 * character under C1 (every build below 40,000 articles): about 5 % of the CPU of a build with its
 * caches kept (docs/benchmarks.md, twenty-third session).
 *
 * <p>A {@link SafeString}, so a template prints it as it is: {@code {{ p.html }}}, without
 * {@code raw} (which would turn it into a String first; the page is the same either way).
 */
public final class HtmlText extends SafeString {
    private final char[] chars;
    private String string;

    private HtmlText(char[] chars) {
        super("");
        this.chars = chars;
    }

    /** Appends the characters to {@code out}. */
    void writeTo(TextBuffer out) { out.write(chars, 0, chars.length); }

    @Override
    public String toString() {
        String s = string;
        if (s == null) string = s = new String(chars);
        return s;
    }

    @Override
    public boolean equals(Object o) { return o instanceof HtmlText h && Arrays.equals(chars, h.chars); }

    @Override
    public int hashCode() { return Arrays.hashCode(chars); }

    /**
     * A growable array HTML is appended to, escaped where it is text. Markup that is appended again
     * and again (a link's opening tag, a gloss) is best appended as a {@code char[]} made once: a
     * Latin-1 String is widened character by character.
     */
    static final class Builder {
        private char[] buf;
        private int length;

        Builder(int capacity) { buf = new char[Math.max(0, capacity)]; }

        int capacity() { return buf.length; }

        void clear() { length = 0; }

        private void room(int n) {
            if (length + n > buf.length) buf = Arrays.copyOf(buf, Math.max(Math.max(16, length + n), buf.length * 2));
        }

        Builder append(char[] cs) { return append(cs, 0, cs.length); }

        Builder append(String s) {
            int n = s.length();
            room(n);
            s.getChars(0, n, buf, length);
            length += n;
            return this;
        }

        Builder append(char c) {
            room(1);
            buf[length++] = c;
            return this;
        }

        /**
         * Appends {@code cs[start..end)} escaped for HTML text and attribute values: the five
         * characters {@link Html#replacement} names, and only those (every escaping of the site's
         * text comes here, {@link Html#escape(String)} included).
         */
        Builder escape(char[] cs, int start, int end) {
            // Runs of characters that stand for themselves (most text is one run) copied at once.
            int run = start;
            for (int i = start; i < end; i++) {
                String rep = Html.replacement(cs[i]);
                if (rep == null) continue;
                append(cs, run, i);
                append(rep);
                run = i + 1;
            }
            return append(cs, run, end);
        }

        Builder append(char[] cs, int from, int to) {
            int n = to - from;
            room(n);
            System.arraycopy(cs, from, buf, length, n);
            length += n;
            return this;
        }

        /** The HTML appended so far, in an array of its own. */
        HtmlText build() { return new HtmlText(Arrays.copyOf(buf, length)); }

        /** The HTML appended so far, as a String (for HTML that goes on into other strings). */
        String text() { return new String(buf, 0, length); }
    }
}
