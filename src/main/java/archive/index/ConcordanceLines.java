package archive.index;

import archive.model.AnnotatedArticle;
import archive.model.ArticleText;
import archive.model.Paragraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The lines of one glossary entry's concordance, held as arrays (the article's place in reading
 * order, which of its paragraphs, and the row, language and offsets packed in a long) rather
 * than one object per line: the concordance of the whole paper has millions of lines. A line
 * keeps no text: the archive is held without its text (see AnnotatedArticle), and a page of
 * lines is cut from the articles' text when it is made ({@link #lines}).
 */
final class ConcordanceLines {
    private static final int START_BITS = 24, LENGTH_BITS = 16, ROW_BITS = 23;

    /** Each line's article's place in reading order. */
    private int[] positions = new int[8];
    /** Which paragraph of its row and language, or which line of the Chinese headline. */
    private byte[] parts = new byte[8];
    private long[] packed = new long[8];
    private int size;
    /**
     * The number in the entry's concordance of the first line held: 0, or (a window of the lines,
     * see ArchiveIndex#findLinesOf) the lines of the articles before it. Lines are asked for by that number;
     * a window answers {@link #holds}, {@link #position}, {@link #key} and {@link #line} only.
     */
    private int first;

    ConcordanceLines() {}

    /** Lines held from line {@code first} of the entry's concordance on: a window of them. */
    ConcordanceLines(int first) { this.first = first; }

    /** Whether line {@code i} of the entry's concordance is held here. */
    boolean holds(int i) { return i >= first && i < first + size; }

    /**
     * Adds a line: the match at {@code start}–{@code end} of paragraph {@code part} of row
     * {@code row} of the article's rows, in Chinese if {@code zh}; row -1 is the headline (the
     * English title, or line {@code part} of the Chinese one).
     */
    void add(AnnotatedArticle article, int position, int row, boolean zh, int part, int start, int end) {
        int length = end - start;
        if (start >>> START_BITS != 0 || length >>> LENGTH_BITS != 0 || length < 0 || (row + 1) >>> ROW_BITS != 0
                || part < 0 || part > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("a paragraph too long for the concordance in article " + article.id()
                    + " (row " + row + ", offsets " + start + "–" + end + ")");
        }
        put(position, (byte) part, (long) start | (long) length << START_BITS
                | (long) (row + 1) << (START_BITS + LENGTH_BITS) | (zh ? 1L << 63 : 0));
    }

    private void put(int position, byte part, long line) {
        if (size == packed.length) grow(size + 1);
        positions[size] = position;
        parts[size] = part;
        packed[size] = line;
        size++;
    }

    /**
     * A copy with the lines of the article at {@code position} left out and {@code mine} (the
     * lines of its edited version, at the same place) put where they were, or, if it had none,
     * before the first line of a later article.
     */
    ConcordanceLines replacing(int position, ConcordanceLines mine) {
        ConcordanceLines out = new ConcordanceLines();
        boolean placed = false;
        for (int i = 0; i < size; i++) {
            if (!placed && positions[i] >= position) {
                out.append(mine);
                placed = true;
            }
            if (positions[i] != position) out.copy(this, i);
        }
        if (!placed) out.append(mine);
        out.trim();
        return out;
    }

    /** These lines, with those of {@code other} (of later articles) after them. */
    ConcordanceLines append(ConcordanceLines other) {
        if (size + other.size > packed.length) grow(size + other.size);
        System.arraycopy(other.positions, 0, positions, size, other.size);
        System.arraycopy(other.parts, 0, parts, size, other.size);
        System.arraycopy(other.packed, 0, packed, size, other.size);
        size += other.size;
        return this;
    }

    private void copy(ConcordanceLines from, int i) { put(from.positions[i], from.parts[i], from.packed[i]); }

    /** Room for at least {@code needed} lines, at least doubled. */
    private void grow(int needed) {
        int n = Math.max(needed, Math.max(8, size * 2));
        positions = Arrays.copyOf(positions, n);
        parts = Arrays.copyOf(parts, n);
        packed = Arrays.copyOf(packed, n);
    }

    /** Drops the spare room left by growing, once every line is in. */
    void trim() {
        positions = Arrays.copyOf(positions, size);
        parts = Arrays.copyOf(parts, size);
        packed = Arrays.copyOf(packed, size);
    }

    int size() { return size; }

    /** The place in reading order of line {@code i}'s article. */
    int position(int i) { return positions[i - first]; }

    /** What tells line {@code i} apart from the other lines of its article: its paragraph, language and offsets. */
    long key(int i) { return packed[i - first] * 31 + parts[i - first]; }

    /** How many lines come from articles before {@code position} in reading order (the lines are in that order). */
    int before(int position) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (positions[mid] < position) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Where the lines of the article at {@code position} are in this concordance, in order. */
    int[] linesOf(int position) {
        int n = 0;
        int[] out = new int[8];
        for (int i = 0; i < size; i++) {
            if (positions[i] != position) continue;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = i;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Lines {@code from} to {@code to} with their text, cut from the articles ({@code articles}
     * in reading order) as {@code whole} gives them, each article once: its lines follow each other.
     */
    List<Occurrence> lines(int from, int to, List<AnnotatedArticle> articles, UnaryOperator<AnnotatedArticle> whole) {
        List<Occurrence> out = new ArrayList<>(to - from);
        int last = -1;
        AnnotatedArticle text = null;
        for (int i = from; i < to; i++) {
            if (positions[i] != last) {
                last = positions[i];
                text = whole.apply(articles.get(last)).requireText();
            }
            out.add(line(i, text));
        }
        return out;
    }

    /** Line {@code i} with its text, cut from {@code text}, the whole of its article. */
    Occurrence line(int i, AnnotatedArticle text) {
        return line(i, text, ArticleText.of(text.requireText().article()));
    }

    /** Line {@code i} of {@code article} (which may be hollow), cut from {@code text}, that article's text. */
    Occurrence line(int i, AnnotatedArticle article, ArticleText text) {
        i -= first;
        long p = packed[i];
        int start = (int) (p & ((1 << START_BITS) - 1));
        int end = start + (int) (p >>> START_BITS & ((1 << LENGTH_BITS) - 1));
        int row = (int) (p >>> (START_BITS + LENGTH_BITS) & ((1 << ROW_BITS) - 1)) - 1;
        boolean zh = p < 0;
        int part = parts[i];
        String paragraph;
        if (row < 0) {
            paragraph = zh ? text.deck().get(part) : text.title();
        } else {
            List<Paragraph> side = zh ? article.rows().get(row).zh() : article.rows().get(row).en();
            paragraph = (zh ? text.zh() : text.en())[side.get(part).number() - 1];
        }
        return Occurrence.of(article, row < 0 ? "title" : article.rows().get(row).anchor(), zh, paragraph, start, end);
    }
}
