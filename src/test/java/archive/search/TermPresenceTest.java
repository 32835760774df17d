package archive.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The terms a text holding a phrase must have, as the search index tokenizes it. */
class TermPresenceTest {
    private static long han(String s) { return TermKeys.unigram(s.codePointAt(0)); }

    private static long pair(String s) { return TermKeys.bigram(s.codePointAt(0), s.codePointAt(1)); }

    @Test
    void aChinesePhraseNeedsTheBigramsOfEachRunOfHanCharacters() {
        assertArrayEquals(new long[] {pair("大跃"), pair("跃进")}, TermPresence.chineseTerms("大跃进"));
        assertArrayEquals(new long[] {han("钢")}, TermPresence.chineseTerms("钢"));
        // Parts may be joined otherwise in the text: no bigram across the separator.
        assertArrayEquals(new long[] {pair("轰轰"), pair("轰烈"), pair("烈烈"), pair("扎扎"), pair("扎实"), pair("实实")},
                TermPresence.chineseTerms("轰轰烈烈\u3000扎扎实实"));
        // Digits may be part of a longer number in the text: only the Han characters count.
        assertArrayEquals(new long[] {pair("万吨")}, TermPresence.chineseTerms("1070万吨"));
        assertArrayEquals(new long[] {han("煤"), han("铁")}, TermPresence.chineseTerms("煤、铁"));
        assertEquals(0, TermPresence.chineseTerms("1959").length);
    }

    @Test
    void anEnglishPhraseNeedsTheTermsOfItsWords() {
        assertEquals(List.of("staff", "and", "worker"), TermPresence.englishTerms("staff and workers", false));
        assertEquals(List.of("peopl", "s", "commun"), TermPresence.englishTerms("People's Communes", false));
        assertEquals(List.of("back", "yard"), TermPresence.englishTerms("back-yard", false));
        // Outside ASCII, case folding may differ between the annotator and the index.
        assertNull(TermPresence.englishTerms("Pétain", false));
        // With a dotted capital I in some article, a word with "i" gives no term.
        assertEquals(List.of("and", "steel"), TermPresence.englishTerms("iron and steel", true));
        assertEquals(List.of("iron", "and", "steel"), TermPresence.englishTerms("Iron and Steel", false));
        assertNull(TermPresence.englishTerms("militia", true));
        assertNull(TermPresence.englishTerms("--", false));
    }
}
