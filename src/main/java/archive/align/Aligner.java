package archive.align;

import archive.model.Chars;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aligns the English paragraphs of an article with the Chinese ones.
 *
 * <p>Equal counts whose lengths are plausible pair one to one. Otherwise a Gale–Church
 * dynamic programme over paragraph lengths chooses among 1:1, 1:0, 0:1, 2:1 and 1:2 rows,
 * its expected length ratio measured on the article itself (translations vary), and rows
 * whose two sides share a distinctive number (275.3%, 3,500 ↔ 三千五百) cost less.
 * Every paragraph lands in exactly one row, in order: nothing is dropped or repeated.
 */
public final class Aligner {
    /** Gale–Church priors for the row types. */
    private static final double P_11 = 0.89, P_10 = 0.0099, P_21 = 0.089 / 2;
    /** Variance of the length difference per unit of length, from Gale and Church (1993). */
    private static final double VARIANCE = 6.8;
    /** Cost taken off a row for each number that its two sides share. */
    private static final double ANCHOR_BONUS = 4.0;

    /** The length term of a row with one side empty: that of a typical 1:1 row (δ about 1). */
    private static final double UNMATCHED_LENGTH_COST = 1.5;
    /** Cost of a row that puts a caption or marker beside ordinary text: they rarely translate each other. */
    private static final double KIND_MISMATCH = 5.0;
    /**
     * English characters per Chinese character in the archive's translations (3.4 to 3.8 in the five
     * seeds, white space left out). An article's own ratio is biased when paragraphs are missing, so
     * the programme weighs it a quarter against this three quarters (geometrically).
     */
    public static final double TYPICAL_RATIO = 3.7;

    private static final int[][] SHAPES = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}};
    /**
     * Largest dynamic programme (Chinese × English paragraphs + 1 each) worth its time and memory:
     * a million cells is about 1,000 × 1,000 paragraphs, far beyond any real article. Beyond it
     * (damaged or hostile input) paragraphs are paired by position, so the build stays bounded.
     */
    static final long MAX_CELLS = 1_000_000;

    public List<Bead> align(List<String> zh, List<String> en) {
        return align(zh, en, new boolean[zh.size()], new boolean[en.size()]);
    }

    /**
     * @param zhAside which Chinese paragraphs are captions or markers
     * @param enAside which English paragraphs are captions or markers
     */
    public List<Bead> align(List<String> zh, List<String> en, boolean[] zhAside, boolean[] enAside) {
        int n = zh.size(), m = en.size();
        if (n == 0 && m == 0) return List.of();
        double[] zl = lengths(zh), el = lengths(en);
        double measured = sum(el) / Math.max(1, sum(zl));
        if (n == m && plausible(zl, el, measured)) return oneToOne(n);
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) return byPosition(n, m);
        double ratio = measured == 0 ? TYPICAL_RATIO : Math.pow(measured, 0.25) * Math.pow(TYPICAL_RATIO, 0.75);
        return dynamicProgramme(zh, en, zl, el, ratio, zhAside, enAside);
    }

    private static List<Bead> oneToOne(int n) {
        List<Bead> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new Bead(i, 1, i, 1));
        return out;
    }

    /**
     * Pairs paragraphs by their relative position in O(n + m): each step advances the side that is
     * behind (both when level). Every paragraph lands in exactly one row, in order.
     */
    static List<Bead> byPosition(int n, int m) {
        List<Bead> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            // Compare (i + 1) / n with (j + 1) / m without division.
            long zhNext = i < n ? (long) (i + 1) * m : Long.MAX_VALUE, enNext = j < m ? (long) (j + 1) * n : Long.MAX_VALUE;
            if (i < n && j < m && zhNext == enNext) { out.add(new Bead(i++, 1, j++, 1)); }
            else if (zhNext < enNext) out.add(new Bead(i++, 1, j, 0));
            else out.add(new Bead(i, 0, j++, 1));
        }
        return out;
    }

    /** Each pair's length ratio is within a factor of 2.5 of the article's ratio (short paragraphs excepted). */
    private static boolean plausible(double[] zl, double[] el, double ratio) {
        for (int i = 0; i < zl.length; i++) {
            if (zl[i] + el[i] < 40) continue;
            double expected = zl[i] * ratio;
            if (expected == 0 || el[i] == 0) return false;
            double r = el[i] / expected;
            if (r > 2.5 || r < 0.4) return false;
        }
        return true;
    }

    private List<Bead> dynamicProgramme(List<String> zh, List<String> en, double[] zl, double[] el, double ratio,
                                        boolean[] zhAside, boolean[] enAside) {
        int n = zh.size(), m = en.size();
        List<Set<Double>> zn = new ArrayList<>(), enNums = new ArrayList<>();
        for (String s : zh) zn.add(NumberAnchors.chinese(s));
        for (String s : en) enNums.add(NumberAnchors.english(s));
        Map<Double, Integer> zhFreq = frequencies(zn), enFreq = frequencies(enNums);

        double[][] cost = new double[n + 1][m + 1];
        int[][] back = new int[n + 1][m + 1];
        for (double[] row : cost) java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        cost[0][0] = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (i == 0 && j == 0) continue;
                for (int s = 0; s < SHAPES.length; s++) {
                    int di = SHAPES[s][0], dj = SHAPES[s][1];
                    if (i < di || j < dj || cost[i - di][j - dj] == Double.POSITIVE_INFINITY) continue;
                    double zLen = 0, eLen = 0;
                    for (int k = i - di; k < i; k++) zLen += zl[k];
                    for (int k = j - dj; k < j; k++) eLen += el[k];
                    double c = cost[i - di][j - dj] + beadCost(di, dj, zLen, eLen, ratio)
                            - ANCHOR_BONUS * sharedAnchors(zn, enNums, zhFreq, enFreq, i - di, i, j - dj, j)
                            + (mixesKinds(zhAside, i - di, i, enAside, j - dj, j) ? KIND_MISMATCH : 0);
                    // Ties go to the earlier shape (1:1 first), so the result never depends on float noise order.
                    if (c < cost[i][j] - 1e-9) { cost[i][j] = c; back[i][j] = s; }
                }
            }
        }
        List<Bead> out = new ArrayList<>();
        int i = n, j = m;
        while (i > 0 || j > 0) {
            int[] shape = SHAPES[back[i][j]];
            out.add(new Bead(i - shape[0], shape[0], j - shape[1], shape[1]));
            i -= shape[0];
            j -= shape[1];
        }
        Collections.reverse(out);
        return out;
    }

    /** True when the row would hold both a caption or marker and an ordinary paragraph. */
    private static boolean mixesKinds(boolean[] za, int zFrom, int zTo, boolean[] ea, int eFrom, int eTo) {
        boolean aside = false, text = false;
        for (int k = zFrom; k < zTo; k++) { if (za[k]) aside = true; else text = true; }
        for (int k = eFrom; k < eTo; k++) { if (ea[k]) aside = true; else text = true; }
        return aside && text;
    }

    /**
     * Cost of a row. A paragraph left without a counterpart costs its prior and a fixed length term:
     * Gale and Church charge it by its length, which makes a long dropped paragraph all but impossible
     * and glues it to a neighbour instead, while translations of this press do drop whole paragraphs.
     */
    private static double beadCost(int di, int dj, double zLen, double eLen, double ratio) {
        if (di + dj == 1) return -Math.log(P_10) + UNMATCHED_LENGTH_COST;
        double prior = (di == 1 && dj == 1) ? P_11 : P_21;
        double expected = zLen * ratio;
        double mean = (expected + eLen) / 2;
        double delta = (eLen - expected) / Math.sqrt(Math.max(1, mean) * VARIANCE * Math.max(1, ratio));
        double pDelta = 2 * (1 - normalCdf(Math.abs(delta)));
        return -Math.log(prior) - Math.log(Math.max(pDelta, 1e-300));
    }

    /** Distinct numbers, rare on both sides (at most two paragraphs each), found on both sides of the row. */
    private static int sharedAnchors(List<Set<Double>> zn, List<Set<Double>> en, Map<Double, Integer> zf,
                                     Map<Double, Integer> ef, int zFrom, int zTo, int eFrom, int eTo) {
        if (zTo == zFrom || eTo == eFrom) return 0;
        int shared = 0;
        for (int a = zFrom; a < zTo; a++) {
            for (Double v : zn.get(a)) {
                if (zf.get(v) > 2 || ef.getOrDefault(v, 0) == 0 || ef.get(v) > 2) continue;
                for (int b = eFrom; b < eTo; b++) if (en.get(b).contains(v)) { shared++; break; }
            }
        }
        return shared;
    }

    private static Map<Double, Integer> frequencies(List<Set<Double>> sets) {
        Map<Double, Integer> f = new HashMap<>();
        for (Set<Double> s : sets) for (Double v : s) f.merge(v, 1, Integer::sum);
        return f;
    }

    /** Length of a paragraph in characters, white space left out (both scripts). */
    private static double[] lengths(List<String> texts) {
        double[] out = new double[texts.size()];
        for (int i = 0; i < out.length; i++) {
            String t = texts.get(i);
            int len = t.length();
            // Read from the thread's array: every character of the text (C1 keeps charAt's checks).
            char[] cs = Chars.of(t, 0, len);
            int n = 0;
            for (int k = 0; k < len; k++) if (!Chars.isWhitespace(cs[k]) && cs[k] != '\u3000') n++;
            out[i] = n;
        }
        return out;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }

    /** Standard normal CDF (Abramowitz–Stegun 26.2.17, error below 7.5e-8). */
    static double normalCdf(double x) {
        double t = 1 / (1 + 0.2316419 * Math.abs(x));
        double d = 0.3989423 * Math.exp(-x * x / 2);
        double p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
        return x >= 0 ? 1 - p : p;
    }
}
