package archive.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The terms of one partition whose posting lists a merge after an edit may have changed, each
 * with the postings it dropped ({@link #was}) and added ({@link #now}), as document and frequency
 * pairs in document order: a term whose pairs are the same, with the same weights, is written as
 * before (see SearchIndexBuilder.ShardWriter#reuse).
 */
final class TermChanges {
    final long[] keys;
    final int[][] was, now;

    private TermChanges(long[] keys, int[][] was, int[][] now) {
        this.keys = keys;
        this.was = was;
        this.now = now;
    }

    /** The terms of either builder, each with its pairs in both (none where a builder lacks it). */
    static TermChanges of(Builder dropped, Builder added) {
        List<Long> keys = new ArrayList<>(dropped.keys);
        for (long key : added.keys) if (dropped.find(key) < 0) keys.add(key);
        int n = keys.size();
        long[] k = new long[n];
        int[][] was = new int[n][], now = new int[n][];
        for (int i = 0; i < n; i++) {
            k[i] = keys.get(i);
            was[i] = dropped.pairs(k[i]);
            now[i] = added.pairs(k[i]);
        }
        return new TermChanges(k, was, now);
    }

    /** Pairs of (document, frequency) gathered by term, in the order added; its terms numbered in the order first seen. */
    static final class Builder {
        private final LongIntMap index = new LongIntMap(64);
        private final List<Long> keys = new ArrayList<>();
        private final List<int[]> pairs = new ArrayList<>();
        private final List<Integer> sizes = new ArrayList<>();

        void add(long key, int doc, int tf) {
            int i = index.putIfAbsent(key, keys.size());
            if (i == keys.size()) {
                keys.add(key);
                pairs.add(new int[8]);
                sizes.add(0);
            }
            int[] a = pairs.get(i);
            int size = sizes.get(i);
            if (size + 2 > a.length) pairs.set(i, a = Arrays.copyOf(a, a.length * 2));
            a[size] = doc;
            a[size + 1] = tf;
            sizes.set(i, size + 2);
        }

        /** How many terms. */
        int count() { return keys.size(); }

        /** The number of the term {@code key}, or a negative number if it has no pairs. */
        int find(long key) { return index.get(key); }

        long keyAt(int i) { return keys.get(i); }

        /** Term {@code i}'s pairs, valid up to {@link #sizeAt}. */
        int[] pairsAt(int i) { return pairs.get(i); }

        int sizeAt(int i) { return sizes.get(i); }

        int[] pairs(long key) {
            int i = find(key);
            return i < 0 ? new int[0] : Arrays.copyOf(pairs.get(i), sizes.get(i));
        }
    }
}
