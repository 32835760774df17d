package archive.search;

import archive.model.Chars;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The text rules the index and the JavaScript client share (templates/assets/search-core.js):
 * what a Chinese character and a word are, the English stemmer, the pinyin key and the term hash.
 * Change one side only together with the other; {@code src/test/resources/search/stems.tsv} pins
 * both.
 */
public final class SearchText {
    private SearchText() {}

    /** A Han ideograph: indexed as itself and as a bigram with its neighbour. */
    public static boolean isHan(int cp) {
        if (cp >= 0x4E00 && cp <= 0x9FFF) return true;
        if (cp < 0x2E80) return false;
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** A character of an English (or any non-Han) word: a letter or a decimal digit. */
    public static boolean isWordChar(int cp) {
        if (cp < 128) return Chars.isLetterOrDigit((char) cp); // most of an English text, answered from a table
        return Character.isLetterOrDigit(cp) && !isHan(cp);
    }

    /** The indexed form of a word: lower case, then {@link #stem}. */
    public static String term(String word) {
        return stem(word.toLowerCase(Locale.ROOT));
    }

    /**
     * A light English stemmer that removes inflections only, so that "furnaces" finds "furnace"
     * and "produced" finds "producing". On a lower-case word of four letters or more: a plural
     * "-s" goes ("-ies" becomes "-y", "-sses/-xes/-ches/-shes/-zes" lose "-es"; "-ss/-us/-is"
     * stay); then "-ed" or "-ing" go when at least three letters with a vowel remain ("-ied"
     * becomes "-y"; "-eed" stays), and a doubled final consonant is undoubled (stopped → stop);
     * last, a final "-e" goes (produce → produc). Derivations (production, communist) are kept apart.
     */
    public static String stem(String w) {
        if (w.length() <= 3) return w;
        String s = w;
        if (s.endsWith("ies") && s.length() > 4) return finalE(s.substring(0, s.length() - 3) + "y");
        if (s.endsWith("sses") || s.endsWith("xes") || s.endsWith("ches") || s.endsWith("shes") || s.endsWith("zes")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
            s = s.substring(0, s.length() - 1);
        }
        boolean stripped = false;
        if (s.endsWith("ied") && s.length() > 4) {
            s = s.substring(0, s.length() - 3) + "y";
        } else if (s.endsWith("eed")) {
            // need, speed, agreed: keep
        } else if (s.endsWith("ed") && stemmable(s, 2)) {
            s = s.substring(0, s.length() - 2);
            stripped = true;
        } else if (s.endsWith("ing") && stemmable(s, 3)) {
            s = s.substring(0, s.length() - 3);
            stripped = true;
        }
        if (stripped && s.length() >= 2) {
            char a = s.charAt(s.length() - 1), b = s.charAt(s.length() - 2);
            if (a == b && "aeiouylsz".indexOf(a) < 0 && Character.isLetter(a)) s = s.substring(0, s.length() - 1);
        }
        return finalE(s);
    }

    private static String finalE(String s) {
        return s.length() > 3 && s.endsWith("e") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean stemmable(String s, int suffix) {
        int n = s.length() - suffix;
        if (n < 3) return false;
        for (int i = 0; i < n; i++) if ("aeiouy".indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }

    /** Pinyin as typed, reduced to a key: tone marks and everything but a–z removed ("dà yuèjìn" → "dayuejin"). */
    public static String pinyinKey(String pinyin) {
        String s = Normalizer.normalize(pinyin, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') sb.append(c);
        }
        return sb.toString();
    }

    /** FNV-1a over the UTF-16 code units of a term: which shard holds it. */
    public static int hash(CharSequence term) {
        int h = 0x811c9dc5;
        for (int i = 0; i < term.length(); i++) {
            h ^= term.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }

    /** The shard of a term among {@code shards}. */
    public static int shard(int hash, int shards) {
        return (int) (Integer.toUnsignedLong(hash) % shards);
    }
}
