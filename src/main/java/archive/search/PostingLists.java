package archive.search;

import java.util.Arrays;

/**
 * The postings of one partition of the terms, built in document order: per term, a byte array
 * of (document gap − 1, term frequency) as 7-bit varints. One thread owns a partition, so nothing
 * is locked; memory is about two bytes a posting.
 */
final class PostingLists {
    private final LongIntMap index = new LongIntMap(1 << 14);
    long[] keys = new long[1 << 12];
    byte[][] data = new byte[1 << 12][];
    int[] lengths = new int[1 << 12];
    int[] lastDoc = new int[1 << 12];
    int[] df = new int[1 << 12];
    int count;
    long postings;

    void add(long key, int doc, int tf) { append(termOf(key), doc, tf); }

    /** The number of the term {@code key}, added without postings if it is new. */
    int termOf(long key) {
        int t = index.putIfAbsent(key, count);
        if (t == count) newTerm(key);
        return t;
    }

    /** Appends a posting to term {@code t}; documents come in increasing order. */
    void append(int t, int doc, int tf) {
        byte[] d = data[t];
        int n = lengths[t];
        if (n + 10 > d.length) data[t] = d = Arrays.copyOf(d, Math.max(n + 10, d.length + (d.length >> 1)));
        n = putVarint(d, n, doc - lastDoc[t] - 1);
        n = putVarint(d, n, tf);
        lengths[t] = n;
        lastDoc[t] = doc;
        df[t]++;
        postings++;
    }

    /**
     * Gives the empty term {@code t} the postings {@code src[from, to)} as they are, encoded from
     * document −1 like this list's own ({@code docs} postings, the last for document {@code lastDoc}).
     */
    void appendEncoded(int t, byte[] src, int from, int to, int docs, int last) {
        if (lengths[t] != 0) throw new IllegalStateException("postings copied into a term that has some");
        int n = to - from;
        if (n > data[t].length) data[t] = new byte[n + (n >> 3) + 10];
        System.arraycopy(src, from, data[t], 0, n);
        lengths[t] = n;
        lastDoc[t] = last;
        df[t] += docs;
        postings += docs;
    }

    /**
     * Appends to term {@code t} the postings {@code src[from, to)} ({@code docs} of them, the last
     * for document {@code last}), encoded as a list's own but for the first one's gap, which is
     * written anew from this list's last document: the first is for document {@code firstDoc}.
     */
    void appendRest(int t, byte[] src, int from, int to, int firstDoc, int docs, int last) {
        int i = from;
        while ((src[i++] & 0x80) != 0) { } // the first posting's gap, as it was
        byte[] d = data[t];
        int n = lengths[t], need = n + 5 + (to - i);
        if (need > d.length) data[t] = d = Arrays.copyOf(d, need + (need >> 3));
        n = putVarint(d, n, firstDoc - lastDoc[t] - 1);
        System.arraycopy(src, i, d, n, to - i);
        lengths[t] = n + (to - i);
        lastDoc[t] = last;
        df[t] += docs;
        postings += docs;
    }

    private void newTerm(long key) {
        if (count == keys.length) {
            int cap = count * 2;
            keys = Arrays.copyOf(keys, cap);
            data = Arrays.copyOf(data, cap);
            lengths = Arrays.copyOf(lengths, cap);
            lastDoc = Arrays.copyOf(lastDoc, cap);
            df = Arrays.copyOf(df, cap);
        }
        keys[count] = key;
        data[count] = new byte[6];
        lastDoc[count] = -1;
        count++;
    }

    /** Cuts each term's postings to their length once every document is in (growth leaves a quarter spare). */
    void trim() {
        for (int t = 0; t < count; t++) if (data[t].length != lengths[t]) data[t] = Arrays.copyOf(data[t], lengths[t]);
    }

    private static int putVarint(byte[] d, int n, int v) {
        while ((v & ~0x7F) != 0) {
            d[n++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        d[n++] = (byte) v;
        return n;
    }

    /** Reads the postings of term {@code t}: calls back with each document and frequency, in order. */
    void read(int t, Posting p) { read(data[t], 0, lengths[t], p); }

    /** Calls back with each posting encoded in {@code d[from, to)} (document gaps and term frequencies as varints). */
    static void read(byte[] d, int from, int to, Posting p) {
        int n = to, i = from, doc = -1;
        while (i < n) {
            int gap = 0, shift = 0, b;
            do {
                b = d[i++];
                gap |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            int tf = 0;
            shift = 0;
            do {
                b = d[i++];
                tf |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            doc += gap + 1;
            p.accept(doc, tf);
        }
    }

    interface Posting { void accept(int doc, int tf); }
}
