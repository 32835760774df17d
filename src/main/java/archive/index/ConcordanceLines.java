package archive.index;

import archive.model.AnnotatedArticle;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The lines of one glossary entry's concordance, held as three arrays (article, text, and the
 * row, language and offsets packed in a long) rather than one object per line: the concordance
 * of the whole paper has millions of lines, and as objects they took 340 MB of the heap at
 * 100,000 articles. Each {@link Occurrence} is made when asked for; pages ask for a slice at a
 * time.
 */
final class ConcordanceLines extends AbstractList<Occurrence> implements RandomAccess {
    private static final int START_BITS = 24, LENGTH_BITS = 16, ROW_BITS = 23;

    private AnnotatedArticle[] articles = new AnnotatedArticle[8];
    private String[] texts = new String[8];
    private long[] packed = new long[8];
    private int size;

    /**
     * Adds a line: the match at {@code start}–{@code end} of {@code text}, in row {@code row} of
     * the article's rows (-1 for its headline), in Chinese if {@code zh}.
     */
    void add(AnnotatedArticle article, int row, boolean zh, String text, int start, int end) {
        int length = end - start;
        if (start >>> START_BITS != 0 || length >>> LENGTH_BITS != 0 || length < 0 || (row + 1) >>> ROW_BITS != 0) {
            throw new IllegalArgumentException("a paragraph too long for the concordance in article " + article.id()
                    + " (row " + row + ", offsets " + start + "–" + end + ")");
        }
        put(article, text, (long) start | (long) length << START_BITS | (long) (row + 1) << (START_BITS + LENGTH_BITS)
                | (zh ? 1L << 63 : 0));
    }

    private void put(AnnotatedArticle article, String text, long line) {
        if (size == packed.length) grow();
        articles[size] = article;
        texts[size] = text;
        packed[size] = line;
        size++;
    }

    /**
     * A copy with the lines of {@code old} left out and {@code mine} (the lines of its edited
     * version) put where they were, or, if it had none, before the first line of an article
     * {@code later} than it.
     */
    ConcordanceLines replacing(AnnotatedArticle old, ConcordanceLines mine, java.util.function.Predicate<AnnotatedArticle> later) {
        ConcordanceLines out = new ConcordanceLines();
        boolean placed = false;
        for (int i = 0; i < size; i++) {
            if (!placed && (articles[i] == old || later.test(articles[i]))) {
                out.append(mine);
                placed = true;
            }
            if (articles[i] != old) out.copy(this, i);
        }
        if (!placed) out.append(mine);
        out.trim();
        return out;
    }

    private void append(ConcordanceLines other) {
        for (int i = 0; i < other.size; i++) copy(other, i);
    }

    private void copy(ConcordanceLines from, int i) { put(from.articles[i], from.texts[i], from.packed[i]); }

    private void grow() {
        int n = Math.max(8, size * 2);
        articles = Arrays.copyOf(articles, n);
        texts = Arrays.copyOf(texts, n);
        packed = Arrays.copyOf(packed, n);
    }

    /** Drops the spare room left by growing, once every line is in. */
    void trim() {
        articles = Arrays.copyOf(articles, size);
        texts = Arrays.copyOf(texts, size);
        packed = Arrays.copyOf(packed, size);
    }

    /** Where the lines of {@code article} are in this concordance, in order. */
    int[] positionsOf(AnnotatedArticle article) {
        int n = 0;
        int[] out = new int[8];
        for (int i = 0; i < size; i++) {
            if (articles[i] != article) continue;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = i;
        }
        return Arrays.copyOf(out, n);
    }

    @Override public int size() { return size; }

    @Override
    public Occurrence get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        long p = packed[i];
        int start = (int) (p & ((1 << START_BITS) - 1));
        int end = start + (int) (p >>> START_BITS & ((1 << LENGTH_BITS) - 1));
        int row = (int) (p >>> (START_BITS + LENGTH_BITS) & ((1 << ROW_BITS) - 1)) - 1;
        boolean zh = p < 0;
        AnnotatedArticle a = articles[i];
        return Occurrence.of(a, row < 0 ? "title" : a.rows().get(row).anchor(), zh, texts[i], start, end);
    }
}
