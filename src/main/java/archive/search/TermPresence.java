package archive.search;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which articles may hold a phrase, as the previous build's search postings ({@link PostingsCache})
 * tell it without their texts being read: a Chinese phrase's characters and bigrams, an English
 * phrase's words must all be terms of the article. An edit of the data's forms then reads back only
 * the articles that may hold a changed form (a new glossary entry's 水利 is in one article of 60),
 * not every article. Answers only for an article whose postings were made from the text it has now
 * (see {@link #madeFrom}); for any other, and for a phrase without a term it can look up, the text
 * must be read.
 */
public final class TermPresence {
    private final PostingsCache cache;
    private final Map<String, Integer> numbers;
    /** Each word's term key (its text lower case and stemmed, see SearchText#term), for the words some document has. */
    private final Map<String, Long> wordKeys;
    /**
     * Whether a word of some article lower-cased to a combining dot: its "İ" (the one letter outside
     * ASCII that the annotator folds to an ASCII letter, "i", and the index, as String#toLowerCase
     * does, to "i̇"). Then a word with an "i" may be indexed otherwise than the annotator reads it.
     */
    private final boolean dottedI;

    private TermPresence(PostingsCache cache) {
        this.cache = cache;
        boolean dotted = false;
        this.wordKeys = new HashMap<>(cache.wordTexts.length * 2);
        for (int k = 0; k < cache.wordTexts.length; k++) {
            String w = cache.wordTexts[k];
            dotted |= w.indexOf('\u0307') >= 0;
            wordKeys.put(w, TermKeys.word(new Words.Word(cache.wordIds[k], SearchText.hash(w), w)));
        }
        this.dottedI = dotted;
        this.numbers = new HashMap<>(cache.ids.length * 2);
        for (int i = 0; i < cache.ids.length; i++) numbers.put(cache.ids[i], i);
    }

    /** The postings a build saved at {@code file} (see SearchIndexBuilder.Reuse) for {@code global}, or null when there are none. */
    public static TermPresence load(Path file, long global) {
        PostingsCache cache = PostingsCache.load(file, global, SearchIndexBuilder.PARTITIONS);
        return cache == null ? null : new TermPresence(cache);
    }

    /** Whether the postings of article {@code id} were made from what the article store read as {@code source}. */
    public boolean madeFrom(String id, long source) {
        Integer n = numbers.get(id);
        return n != null && cache.sources[n] == source;
    }

    /**
     * The ids of the articles whose postings hold every term of at least one of the phrases (Chinese
     * {@code zh}, English {@code en}): a superset of those that hold one of the phrases as the
     * annotator finds them (see archive.annotate.PhraseMatcher). Null when a phrase has no term
     * to look for, so that every article may hold it.
     */
    public Set<String> mayHold(Collection<String> zh, Collection<String> en) {
        List<long[]> phrases = new java.util.ArrayList<>();
        Set<Long> keys = new HashSet<>();
        for (String form : zh) {
            long[] k = chineseTerms(form);
            if (k.length == 0) return null;
            phrases.add(k);
        }
        english:
        for (String form : en) {
            List<String> words = englishTerms(form, dottedI);
            if (words == null) return null;
            long[] k = new long[words.size()];
            for (int i = 0; i < k.length; i++) {
                Long key = wordKeys.get(words.get(i));
                if (key == null) continue english; // a word no article has: no article holds the phrase
                k[i] = key;
            }
            phrases.add(k);
        }
        for (long[] k : phrases) for (long key : k) keys.add(key);
        Map<Long, BitSet> docs = cache.documentsOf(keys);
        BitSet any = new BitSet();
        for (long[] k : phrases) {
            BitSet all = (BitSet) docs.getOrDefault(k[0], new BitSet()).clone();
            for (int i = 1; i < k.length; i++) all.and(docs.getOrDefault(k[i], new BitSet()));
            any.or(all);
        }
        Set<String> out = new HashSet<>();
        for (int i = any.nextSetBit(0); i >= 0; i = any.nextSetBit(i + 1)) out.add(cache.ids[i]);
        return out;
    }

    /**
     * The terms a text holding the Chinese phrase {@code form} has: each run of Han characters in it
     * gives its bigrams (a character alone, itself). Matched by characters, the phrase may sit in a
     * longer run; its characters other than Han (digits, Latin) may be part of longer words, and its
     * parts may be joined otherwise (、，or a space), so those give no term.
     */
    static long[] chineseTerms(String form) {
        Set<Long> out = new java.util.LinkedHashSet<>();
        int prev = -1;
        boolean alone = false;
        for (int i = 0; i < form.length(); ) {
            int cp = form.codePointAt(i);
            i += Character.charCount(cp);
            if (SearchText.isHan(cp)) {
                if (prev >= 0) {
                    out.add(TermKeys.bigram(prev, cp));
                    alone = false;
                } else {
                    alone = true;
                }
                prev = cp;
                boolean runEnds = i >= form.length() || !SearchText.isHan(form.codePointAt(i));
                if (runEnds && alone) out.add(TermKeys.unigram(cp));
            } else {
                prev = -1;
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The terms (lower case, stemmed) of the English phrase {@code form}'s words: matched whole and
     * case-insensitively, each of its words is a word of the text, and the index holds its term. Null
     * for a phrase with a character outside ASCII: case folding may then differ between the two.
     * When {@code dottedI} (see {@link #dottedI}), a word with "i" gives no term for that reason;
     * a phrase with no other word gives null.
     */
    static List<String> englishTerms(String form, boolean dottedI) {
        for (int i = 0; i < form.length(); i++) if (form.charAt(i) >= 0x80) return null;
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < form.length(); ) {
            if (!SearchText.isWordChar(form.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < form.length() && SearchText.isWordChar(form.charAt(i))) i++;
            String word = form.substring(start, i);
            if (dottedI && (word.indexOf('i') >= 0 || word.indexOf('I') >= 0)) continue;
            out.add(SearchText.term(word));
        }
        return out.isEmpty() ? null : out;
    }
}
