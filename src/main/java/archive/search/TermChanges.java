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
        Builder all = new Builder();
        for (int i = 0; i < dropped.keys.size(); i++) all.index(dropped.keys.get(i));
        for (int i = 0; i < added.keys.size(); i++) all.index(added.keys.get(i));
        int n = all.keys.size();
        long[] keys = new long[n];
        int[][] was = new int[n][], now = new int[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = all.keys.get(i);
            was[i] = dropped.pairs(keys[i]);
            now[i] = added.pairs(keys[i]);
        }
        return new TermChanges(keys, was, now);
    }

    /** Pairs of (document, frequency) gathered by term, in the order added. */
    static final class Builder {
        private final LongIntMap index = new LongIntMap(64);
        private final List<Long> keys = new ArrayList<>();
        private final List<int[]> pairs = new ArrayList<>();
        private final List<Integer> sizes = new ArrayList<>();

        private int index(long key) {
            int i = index.putIfAbsent(key, keys.size());
            if (i == keys.size()) {
                keys.add(key);
                pairs.add(new int[4]);
                sizes.add(0);
            }
            return i;
        }

        void add(long key, int doc, int tf) {
            int i = index(key);
            int[] a = pairs.get(i);
            int size = sizes.get(i);
            if (size + 2 > a.length) pairs.set(i, a = Arrays.copyOf(a, a.length * 2));
            a[size] = doc;
            a[size + 1] = tf;
            sizes.set(i, size + 2);
        }

        int[] pairs(long key) {
            int i = index.get(key);
            return i < 0 ? new int[0] : Arrays.copyOf(pairs.get(i), sizes.get(i));
        }
    }
}
