package archive.annotate;

import archive.model.Chars;
import archive.source.EditorialDataLoader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds many phrases at once (Aho–Corasick, {@link AhoCorasick}) in one language's text and returns matches that
 * never overlap, the longest winning. Chinese matching is by characters; English matching is
 * case-insensitive and keeps only whole words (the library's own whole-word option drops every
 * CJK match, so the boundary test is done here).
 *
 * <p>A phrase added with a null target is a <em>blocker</em>: a longer word that merely
 * contains a name (平安无事 is not the 平安 mine). It hides the shorter phrases inside it and
 * produces no match; phrases that only overlap it are unaffected.
 *
 * @param <T> what a phrase stands for
 */
public final class PhraseMatcher<T> {
    /** A match of {@code text[start, end)}; {@code target} is never null. */
    public record Match<T>(int start, int end, T target) {}

    private static final Object BLOCKER = new Object();
    private static final String[] JOINERS = {"", "\u3000", "、", "，", " ", ","};
    /** Compiled once: compiled for each form (as String#replaceAll and #split do), they were a quarter of the matchers' making. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+"),
            SEPARATORS = java.util.regex.Pattern.compile("[" + EditorialDataLoader.FORM_SEPARATORS + "]+");

    private final AhoCorasick automaton;
    private final Object[] payloads;
    private final boolean english;
    private final boolean empty;

    private PhraseMatcher(AhoCorasick automaton, Object[] payloads, boolean english) {
        this.automaton = automaton;
        this.payloads = payloads;
        this.english = english;
        this.empty = payloads.length == 0;
    }

    public static <T> Builder<T> chinese() { return new Builder<>(false); }
    public static <T> Builder<T> english() { return new Builder<>(true); }

    /** One raw occurrence: keyword payload and range. */
    private record Emit(int start, int end, Object payload) {
        int length() { return end - start; }
    }

    /** Non-overlapping matches in text order. */
    @SuppressWarnings("unchecked")
    public List<Match<T>> find(String text) {
        if (empty || text.isEmpty()) return List.of();
        // The text's characters in the thread's array: the automaton reads every one of them, and
        // String.charAt checks its index at each (C1, which compiles small builds, keeps the checks).
        int n = text.length();
        char[] haystack = Chars.of(text, 0, n);
        List<Emit> emits = new ArrayList<>();
        if (english) {
            normaliseEnglish(haystack, n);
            automaton.searchWholeWords(haystack, n, (k, start, end) -> emits.add(new Emit(start, end, payloads[k])));
        } else {
            automaton.search(haystack, n, (k, start, end) -> emits.add(new Emit(start, end, payloads[k])));
        }
        if (emits.isEmpty()) return List.of();
        // A blocker only hides the shorter phrases inside it; it never competes with its neighbours.
        List<Emit> found = new ArrayList<>();
        for (Emit e : emits) if (e.payload() == BLOCKER) found.add(e);
        if (!found.isEmpty()) {
            Blockers blockers = new Blockers(found);
            emits.removeIf(e -> e.payload() == BLOCKER || blockers.cover(e.start(), e.end()));
        }
        // Longest first, then leftmost: a longer phrase always beats the shorter ones it overlaps.
        emits.sort(Comparator.comparingInt((Emit e) -> -e.length()).thenComparingInt(Emit::start));
        TreeMap<Integer, Integer> taken = new TreeMap<>();
        List<Match<T>> out = new ArrayList<>();
        for (Emit e : emits) {
            int start = e.start(), end = e.end();
            Map.Entry<Integer, Integer> before = taken.floorEntry(end - 1);
            if (before != null && before.getValue() > start) continue;
            taken.put(start, end);
            out.add(new Match<>(start, end, (T) e.payload()));
        }
        out.sort(Comparator.comparingInt(Match::start));
        return out;
    }

    /**
     * The spans of the blockers found in a text, answering "does one contain this span?" in
     * O(log n), so a text full of blockers stays linear-logarithmic rather than quadratic.
     * Two emits with the same span are the same phrase, so containing a span here always means
     * being longer than it.
     */
    private static final class Blockers {
        private final int[] starts;
        /** Largest end among the blockers up to each index (sorted by start). */
        private final int[] maxEnd;

        Blockers(List<Emit> blockers) {
            List<Emit> sorted = new ArrayList<>(blockers);
            sorted.sort(Comparator.comparingInt(Emit::start));
            starts = new int[sorted.size()];
            maxEnd = new int[sorted.size()];
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < starts.length; i++) {
                starts[i] = sorted.get(i).start();
                max = Math.max(max, sorted.get(i).end());
                maxEnd[i] = max;
            }
        }

        /** True when a blocker spans [start, end) (ends are exclusive, as in {@link Emit}). */
        boolean cover(int start, int end) {
            int i = java.util.Arrays.binarySearch(starts, start);
            if (i >= 0) { while (i + 1 < starts.length && starts[i + 1] == start) i++; }
            else i = -i - 2;
            return i >= 0 && maxEnd[i] >= end;
        }
    }

    /** Curly apostrophes and dashes made plain in the first {@code n} characters of {@code cs}, in place (see {@link #normaliseEnglish(String)}). */
    private static void normaliseEnglish(char[] cs, int n) {
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c == '\u2019' || c == '\u2018') cs[i] = '\'';
            else if (c == '\u2010' || c == '\u2011') cs[i] = '-';
        }
    }

    /** Same length as the input, so offsets carry over: curly apostrophes and dashes made plain. */
    private static String normaliseEnglish(String s) {
        char[] cs = s.toCharArray();
        normaliseEnglish(cs, cs.length);
        return new String(cs);
    }

    /**
     * Lower case character by character, as the automaton folds the text it searches: String.toLowerCase
     * may change the length ("İ" becomes "i̇"), and a phrase folded that way would never match.
     */
    static String foldCase(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) cs[i] = Character.toLowerCase(cs[i]);
        return new String(cs);
    }

    public static final class Builder<T> {
        private final boolean english;
        private final Map<String, Object> phrases = new LinkedHashMap<>();

        private Builder(boolean english) { this.english = english; }

        /**
         * Adds a phrase for {@code target} (null: a blocker). The first target given for a phrase keeps it.
         * A Chinese phrase written in parts (separated by an ideographic space, 、，or a space) is also
         * found with any one of those separators, or none, between its parts. An English phrase is also
         * found with hyphens for spaces and the other way round.
         */
        public Builder<T> add(String phrase, T target) {
            Object payload = target == null ? BLOCKER : target;
            for (String variant : variants(phrase)) {
                String key = english ? foldCase(variant) : variant;
                if (!key.isBlank()) phrases.putIfAbsent(key, payload);
            }
            return this;
        }

        private List<String> variants(String phrase) {
            String p = phrase.strip();
            List<String> out = new ArrayList<>();
            if (english) {
                String norm = SPACES.matcher(normaliseEnglish(p)).replaceAll(" ");
                out.add(norm);
                if (norm.contains(" ")) out.add(norm.replace(' ', '-'));
                if (norm.contains("-")) out.add(norm.replace('-', ' '));
                return out;
            }
            List<String> parts = new ArrayList<>();
            for (String s : SEPARATORS.split(p)) if (!s.isEmpty()) parts.add(s);
            if (parts.size() <= 1) { out.add(p); return out; }
            for (String joiner : JOINERS) out.add(String.join(joiner, parts));
            return out;
        }

        public PhraseMatcher<T> build() {
            List<String> keys = new ArrayList<>(phrases.keySet());
            return new PhraseMatcher<>(new AhoCorasick(keys, english), phrases.values().toArray(), english);
        }
    }
}
