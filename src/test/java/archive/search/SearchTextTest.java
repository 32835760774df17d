package archive.search;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text rules of the index; the same tables are checked against the JavaScript client by node. */
class SearchTextTest {
    static List<String[]> table(String name) throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/search", name)).stream()
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\t", -1)).toList();
    }

    @Test
    void stemmerRemovesInflectionsAsTheSharedTableSays() throws IOException {
        List<String[]> rows = table("stems.tsv");
        assertTrue(rows.size() > 40);
        for (String[] r : rows) assertEquals(r[1], SearchText.stem(r[0]), r[0]);
    }

    @Test
    void termHashIsTheClientsHash() throws IOException {
        for (String[] r : table("hashes.tsv")) {
            assertEquals(Long.parseLong(r[1]), Integer.toUnsignedLong(SearchText.hash(r[0])), r[0]);
        }
    }

    @Test
    void hanKeysHashLikeTheirText() {
        Words words = new Words();
        for (String s : List.of("钢", "钢铁", "𠀀字", "〇")) {
            int[] cps = s.codePoints().toArray();
            long key = cps.length == 1 ? TermKeys.unigram(cps[0]) : TermKeys.bigram(cps[0], cps[1]);
            assertEquals(SearchText.hash(s), TermKeys.hash(key), s);
            assertEquals(s, TermKeys.text(key, words));
        }
    }

    @Test
    void pinyinKeyDropsTonesSpacesAndPunctuation() {
        assertEquals("dayuejin", SearchText.pinyinKey("dà yuèjìn"));
        assertEquals("chaoewancheng", SearchText.pinyinKey("chāo'é wánchéng"));
        assertEquals("lue", SearchText.pinyinKey("lüè"));
        assertEquals("", SearchText.pinyinKey("大跃进"));
    }

    @Test
    void hanAndWordCharacters() {
        assertTrue(SearchText.isHan('钢'));
        assertTrue(SearchText.isHan(0x20000));
        assertFalse(SearchText.isHan('　'));
        assertFalse(SearchText.isHan('，'));
        assertTrue(SearchText.isWordChar('é'));
        assertTrue(SearchText.isWordChar('９'));
        assertFalse(SearchText.isWordChar('钢'));
        assertFalse(SearchText.isWordChar('-'));
    }
}
