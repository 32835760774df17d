package archive.search;

import java.util.Arrays;

/** The longest strictly increasing subsequence of a sequence's non-negative values. */
final class LongestIncreasing {
    private LongestIncreasing() {}

    /**
     * A copy of {@code values} keeping a longest strictly increasing subsequence of its
     * non-negative entries and −1 everywhere else (patience sorting, n log n).
     */
    static int[] keep(int[] values) {
        int n = values.length;
        int[] tails = new int[n];       // index of the smallest tail of an increasing run of each length
        int[] before = new int[n];      // the index before each in its run
        int length = 0;
        for (int i = 0; i < n; i++) {
            int v = values[i];
            if (v < 0) continue;
            int lo = 0, hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[tails[mid]] < v) lo = mid + 1;
                else hi = mid;
            }
            before[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            if (lo == length) length++;
        }
        int[] out = new int[n];
        Arrays.fill(out, -1);
        for (int i = length > 0 ? tails[length - 1] : -1; i >= 0; i = before[i]) out[i] = values[i];
        return out;
    }
}
