package archive.annotate;

import archive.model.Chars;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * A compact Aho–Corasick automaton over UTF-16 characters that reports every occurrence of every
 * keyword. Transitions live in one open-addressing table keyed by (state, char) and the root's in
 * a direct array, so matching allocates nothing per character (the general-purpose library boxed a
 * {@code Character} and walked a map at every step, the build's single biggest cost).
 *
 * <p>Immutable once built; safe to share between threads.
 */
final class AhoCorasick {
    /** Receives each occurrence: keyword number and the text range {@code [start, end)}. */
    interface Hits {
        void hit(int keyword, int start, int end);
    }

    private final boolean ignoreCase;
    private final int[] root = new int[65536];
    private long[] keys;
    private int[] values;
    private int mask;
    private final int[] fail, output, dictLink, depth;

    /**
     * @param keywords   the phrases, numbered by their position; none may be empty
     * @param ignoreCase match with {@link Character#toLowerCase(char)} applied to both sides, char by char
     */
    AhoCorasick(List<String> keywords, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        int capacity = 1;
        for (String k : keywords) capacity += k.length();
        int tableSize = Integer.highestOneBit(Math.max(16, capacity * 2)) << 1;
        keys = new long[tableSize];
        Arrays.fill(keys, -1L);
        values = new int[tableSize];
        mask = tableSize - 1;
        int[] out = new int[capacity], dep = new int[capacity];
        Arrays.fill(out, -1);
        int states = 1;
        for (int k = 0; k < keywords.size(); k++) {
            String word = keywords.get(k);
            int s = 0;
            for (int i = 0; i < word.length(); i++) {
                char c = fold(word.charAt(i));
                int next = step(s, c);
                if (next < 0) {
                    next = states++;
                    dep[next] = dep[s] + 1;
                    put(s, c, next);
                }
                s = next;
            }
            if (out[s] < 0) out[s] = k;
        }
        this.output = Arrays.copyOf(out, states);
        this.depth = Arrays.copyOf(dep, states);
        this.fail = new int[states];
        this.dictLink = new int[states];
        Arrays.fill(dictLink, -1);
        buildLinks(states);
    }

    private char fold(char c) {
        if (!ignoreCase) return c;
        return c < 128 ? ASCII_LOWER[c] : Character.toLowerCase(c);
    }

    /** {@link Character#toLowerCase(char)} of each ASCII character: a table lookup in the loops over every character. */
    private static final char[] ASCII_LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) ASCII_LOWER[c] = Character.toLowerCase(c);
    }

    /** Breadth first: a state's failure link is the longest proper suffix that is also a trie path. */
    private void buildLinks(int states) {
        // Children lists, gathered from the transition table once.
        int[] childCount = new int[states + 1];
        for (int i = 0; i < keys.length; i++) if (keys[i] >= 0) childCount[(int) (keys[i] >>> 16) + 1]++;
        for (int i = 0; i < states; i++) childCount[i + 1] += childCount[i];
        int[] childState = new int[childCount[states]];
        char[] childChar = new char[childCount[states]];
        int[] fill = Arrays.copyOf(childCount, states);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] < 0) continue;
            int parent = (int) (keys[i] >>> 16);
            childState[fill[parent]] = values[i];
            childChar[fill[parent]++] = (char) (keys[i] & 0xFFFF);
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int j = childCount[0]; j < childCount[1]; j++) {
            fail[childState[j]] = 0;
            root[childChar[j]] = childState[j];
            queue.add(childState[j]);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int f = fail[s];
            dictLink[s] = output[f] >= 0 ? f : dictLink[f];
            for (int j = childCount[s]; j < childCount[s + 1]; j++) {
                int child = childState[j];
                char c = childChar[j];
                int g = f;
                int t;
                while ((t = transition(g, c)) < 0) g = fail[g];
                fail[child] = child == t ? 0 : t;
                queue.add(child);
            }
        }
    }

    /** Reports every keyword occurrence in the first {@code n} characters of {@code text}, in order of end position. */
    void search(char[] text, int n, Hits hits) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            char c = fold(text[i]);
            int t;
            while ((t = transition(s, c)) < 0) s = fail[s];
            s = t;
            for (int o = output[s] >= 0 ? s : dictLink[s]; o >= 0; o = dictLink[o]) {
                hits.hit(output[o], i + 1 - depth[o], i + 1);
            }
        }
    }

    /**
     * Reports the occurrences in the first {@code n} characters of {@code text} that are whole words:
     * those starting where no letter or digit precedes and ending where none follows. Walks the trie
     * from each word start instead of running the automaton over every character, which is several
     * times faster on English text.
     */
    void searchWholeWords(char[] text, int n, Hits hits) {
        boolean afterWord = false;
        for (int i = 0; i < n; i++) {
            char first = text[i];
            boolean starts = !afterWord;
            afterWord = Chars.isLetterOrDigit(first);
            if (!starts) continue;
            int s = root[fold(first)];
            for (int j = i + 1; s > 0; j++) {
                if (output[s] >= 0 && (j >= n || !Chars.isLetterOrDigit(text[j]))) hits.hit(output[s], i, j);
                if (j >= n) break;
                s = step(s, fold(text[j]));
            }
        }
    }

    /** The goto function, with the root never failing (a miss at the root stays at the root). */
    private int transition(int s, char c) {
        if (s == 0) return root[c];
        return step(s, c);
    }

    private int step(int s, char c) {
        long key = ((long) s << 16) | c;
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k < 0) return -1;
            i = (i + 1) & mask;
        }
    }

    private void put(int s, char c, int next) {
        long key = ((long) s << 16) | c;
        int i = mix(key) & mask;
        while (keys[i] >= 0) i = (i + 1) & mask;
        keys[i] = key;
        values[i] = next;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
