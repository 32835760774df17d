package archive.search;

/**
 * Terms as longs, so counting and grouping make no strings: a Han character is its code point,
 * a bigram two code points, a word (or a facet such as "place:taiyuan") an id in {@link Words}.
 */
final class TermKeys {
    private static final long BIGRAM = 1L << 42, WORD = 1L << 62;
    /** Word ids fit in 24 bits; the word's hash sits above them in the key. */
    static final int MAX_WORDS = 1 << 24;
    private static final int FNV_PRIME = 0x01000193;

    private TermKeys() {}

    static long unigram(int cp) { return cp; }

    static long bigram(int a, int b) { return BIGRAM | ((long) a << 21) | b; }

    static long word(Words.Word w) {
        if (w.id() >= MAX_WORDS) throw new IllegalStateException("more than " + MAX_WORDS + " distinct words");
        return WORD | (Integer.toUnsignedLong(w.hash()) << 24) | w.id();
    }

    static boolean isWord(long key) { return (key & WORD) != 0; }

    static int wordId(long key) { return (int) (key & (MAX_WORDS - 1)); }

    /** {@link SearchText#hash} of the term's text. */
    static int hash(long key) {
        if (isWord(key)) return (int) (key >>> 24);
        int b = (int) (key & 0x1FFFFF);
        if ((key & BIGRAM) == 0) return hashOfHan(b, -1);
        return hashOfHan((int) ((key >>> 21) & 0x1FFFFF), b);
    }

    /** {@link SearchText#hash} of the term's text, computed from the code points. */
    static int hashOfHan(int a, int b) {
        int h = mix(0x811c9dc5, a);
        return b < 0 ? h : mix(h, b);
    }

    private static int mix(int h, int cp) {
        if (Character.isBmpCodePoint(cp)) return (h ^ cp) * FNV_PRIME;
        h = (h ^ Character.highSurrogate(cp)) * FNV_PRIME;
        return (h ^ Character.lowSurrogate(cp)) * FNV_PRIME;
    }

    /** The term as the client looks it up. */
    static String text(long key, Words words) {
        if (isWord(key)) return words.text(wordId(key));
        StringBuilder sb = new StringBuilder(4);
        if ((key & BIGRAM) != 0) sb.appendCodePoint((int) ((key >>> 21) & 0x1FFFFF));
        return sb.appendCodePoint((int) (key & 0x1FFFFF)).toString();
    }
}
