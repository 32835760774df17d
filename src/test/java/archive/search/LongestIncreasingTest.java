package archive.search;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which articles keep their postings: the longest run of them still in the previous build's order. */
class LongestIncreasingTest {
    @Test
    void anArticleMovedToTheFrontCostsOnlyItself() {
        assertArrayEquals(new int[] {-1, 0, 1, 2}, LongestIncreasing.keep(new int[] {3, 0, 1, 2}));
    }

    @Test
    void gapsAndNewArticlesAreLeftAsTheyAre() {
        assertArrayEquals(new int[] {0, -1, -1, 1, 2, 5}, LongestIncreasing.keep(new int[] {0, -1, 3, 1, 2, 5}));
        assertArrayEquals(new int[] {}, LongestIncreasing.keep(new int[] {}));
        assertArrayEquals(new int[] {-1, -1}, LongestIncreasing.keep(new int[] {-1, -1}));
    }

    @Test
    void theKeptValuesIncreaseAndNoLongerRunExists() {
        Random r = new Random(1958);
        for (int round = 0; round < 200; round++) {
            int n = 1 + r.nextInt(12);
            int[] v = new int[n];
            for (int i = 0; i < n; i++) v[i] = r.nextInt(4) == 0 ? -1 : r.nextInt(20);
            int[] kept = LongestIncreasing.keep(v);
            int last = -1, count = 0;
            for (int i = 0; i < n; i++) {
                if (kept[i] < 0) continue;
                assertEquals(v[i], kept[i]);
                assertTrue(kept[i] > last);
                last = kept[i];
                count++;
            }
            assertEquals(longest(v, 0, -1), count);
        }
    }

    /** By brute force: the longest strictly increasing run of non-negative values from index i above {@code above}. */
    private static int longest(int[] v, int i, int above) {
        if (i == v.length) return 0;
        int skip = longest(v, i + 1, above);
        return v[i] > above ? Math.max(skip, 1 + longest(v, i + 1, v[i])) : skip;
    }
}
