package archive.search;

/**
 * An open-addressing map from long keys to int values, without boxing: the index holds millions
 * of terms. The slots in use are listed in the order they were filled, so that visiting and
 * clearing touch only those: a tokenizer's scratch map, grown by the longest article, is cleared
 * for every document.
 */
final class LongIntMap {
    static final int MISSING = -1;
    private long[] keys;
    private int[] values;
    private boolean[] used;
    /** The slots in use, in the order they were filled. */
    private int[] filled;
    private int size, mask;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        used = new boolean[cap];
        filled = new int[cap / 2 + 1];
        mask = cap - 1;
    }

    int size() { return size; }

    int get(long key) {
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) return values[i];
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    /** Adds {@code delta} to the key's value (starting from 0) and returns the slot's new value. */
    int add(long key, int delta) {
        int i = find(key);
        if (!used[i]) {
            insertAt(i, key, delta);
            return delta;
        }
        return values[i] += delta;
    }

    /** The key's value, or {@code value} after putting it when the key is new. */
    int putIfAbsent(long key, int value) {
        int i = find(key);
        if (used[i]) return values[i];
        insertAt(i, key, value);
        return value;
    }

    /** Calls back for every entry, in the order they were put. */
    void forEach(Entry e) {
        for (int k = 0; k < size; k++) {
            int i = filled[k];
            e.accept(keys[i], values[i]);
        }
    }

    void clear() {
        for (int k = 0; k < size; k++) used[filled[k]] = false;
        size = 0;
    }

    interface Entry { void accept(long key, int value); }

    private int find(long key) {
        int i = slot(key);
        while (used[i] && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    private void insertAt(int i, long key, int value) {
        keys[i] = key;
        values[i] = value;
        used[i] = true;
        filled[size] = i;
        if (++size * 2 > keys.length) grow();
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = values, order = filled;
        int n = size;
        keys = new long[ok.length * 2];
        values = new int[ok.length * 2];
        used = new boolean[ok.length * 2];
        filled = new int[ok.length + 1];
        mask = keys.length - 1;
        size = 0;
        // In the order they were put, which forEach keeps.
        for (int k = 0; k < n; k++) insertAt(find(ok[order[k]]), ok[order[k]], ov[order[k]]);
    }
}
