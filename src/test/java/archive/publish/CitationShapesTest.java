package archive.publish;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A citation filled into a shape is the one citeproc gives the article whole; what might not be goes to citeproc. */
class CitationShapesTest {
    private static final Citations CITEPROC = new Citations();

    /** English titles made to be awkward for a filled citation: quotation marks, punctuation, markup, Chinese. */
    private static final List<String> TITLES_EN = List.of(
            "Organize a Comprehensive Breakthrough Targeting Weak Links",
            "Beijing's Industrial Front Wins the First Battle - January's Total Output Value Increases by 2.7 Times",
            "Workers' Congress Opens in Wuhan",
            "The \"Three Red Banners\" Fly over 'Every' Commune",
            "Rock 'n' Roll of the 1950's and 'tis the Season",
            "The “Leap” Continues: ‘Walking on Two Legs’",
            "Steel & Iron: 10,800,000 Tons (Continued)",
            "'Tis the Season of Steel",
            "Why Is Steel Short?",
            "Long Live the People's Communes!",
            "<b>Bold</b> Claims",
            "Two  Spaces",
            "Li Qi (李琦) Reports from 太原",
            "");
    private static final List<String> TITLES_ZH = List.of("", "针对薄弱环节组织全面突击 江苏江西铁产量提高两倍", "干劲排山倒海　措施千方百计",
            "大跃进「万岁」好", "「大跃进」万岁");
    private static final List<String> AUTHORS = List.of("", "Xinhua News Agency", "新华社记者", "Li Qi (李琦)", "O'Brien");
    private static final List<String> URLS = java.util.Arrays.asList(null, "https://example.org/archive/articles/1012f6d7e23636c3/",
            "https://example.org/a?b=1&c=2");

    private static List<String> whole(ArticleRecord r) {
        List<String> html = CITEPROC.citeproc(Citations.item(r));
        List<String> out = new ArrayList<>();
        for (Citations.Style s : Citations.Style.values()) {
            Citations.Formatted f = Citations.clean(s, html.get(s.ordinal()));
            out.add(f.html());
            out.add(f.text());
        }
        return out;
    }

    private static ArticleRecord record(int n, String titleEn, String titleZh, String author, String url) {
        String id = String.format("%016x", n);
        // Days of every length and months of every length, 1958-1960, so that days and months share shapes.
        LocalDate date = LocalDate.of(1958 + n % 3, 1 + n % 12, 1).plusDays(n % 31);
        return new ArticleRecord(id, "articles/" + id + "/", url, date, n % 3 == 0 ? 12 : 1, "", "", author, titleEn, titleZh);
    }

    @Test
    void everyFilledCitationIsTheOneCiteprocGivesTheArticleWhole() {
        CitationShapes shapes = new CitationShapes();
        List<String> differ = new ArrayList<>(), filled = new ArrayList<>();
        int n = 0;
        for (String en : TITLES_EN) {
            for (String zh : TITLES_ZH) {
                if (en.isEmpty() && zh.isEmpty()) continue;
                for (String author : AUTHORS) {
                    for (String url : URLS) {
                        ArticleRecord r = record(n++, en, zh, author, url);
                        List<String> f = shapes.cite(r, CITEPROC::citeproc);
                        if (f == null) continue;
                        filled.add(r.citationTitle());
                        List<String> expected = whole(r);
                        if (!expected.equals(f)) differ.add(r + "\n  filled:   " + f + "\n  citeproc: " + expected);
                    }
                }
            }
        }
        assertEquals(List.of(), differ);
        // The comparison covers filled citations of every awkward kind that is filled at all.
        assertTrue(filled.size() > n / 3, filled.size() + " of " + n + " filled");
        assertTrue(filled.contains("针对薄弱环节组织全面突击 江苏江西铁产量提高两倍 [Beijing's Industrial Front Wins the First Battle - "
                + "January's Total Output Value Increases by 2.7 Times]"), "an apostrophe is filled");
        assertTrue(filled.contains("The \"Three Red Banners\" Fly over 'Every' Commune"), "inner quotation marks are filled");
        assertTrue(filled.contains("大跃进「万岁」好 [Steel & Iron: 10,800,000 Tons (Continued)]"), "an ampersand and Chinese quotes are filled");
    }

    @Test
    void whatCiteprocMightChangeGoesToCiteprocWhole() {
        CitationShapes shapes = new CitationShapes();
        for (String title : List.of("'Tis the Season of Steel", "Why Is Steel Short?", "Long Live the People's Communes!",
                "<b>Bold</b> Claims", "Two  Spaces")) {
            assertNull(shapes.cite(record(1, title, "", "", null), CITEPROC::citeproc), title);
        }
        assertNull(shapes.cite(record(2, "Steel", "「大跃进」万岁", "", null), CITEPROC::citeproc), "a title opening with a Chinese quotation mark");
        assertNull(shapes.cite(record(3, "Steel", "", "O'Brien", null), CITEPROC::citeproc), "an author with an apostrophe");
        assertNotNull(shapes.cite(record(4, "Steel", "", "Li Qi (李琦)", null), CITEPROC::citeproc));
    }

    @Test
    void aShapeIsFormattedOnceForEveryArticleOfItsMonth() {
        CitationShapes shapes = new CitationShapes();
        for (int day = 1; day <= 31; day += 3) {
            ArticleRecord r = new ArticleRecord("00000000000000a" + day % 10, "articles/x/", null, LocalDate.of(1959, 3, day), 1, "", "", "",
                    "Steel Output on Day " + day, "钢产量");
            assertEquals(whole(r), shapes.cite(r, CITEPROC::citeproc));
        }
        assertEquals(1, shapes.shapesFormatted(), "eleven unsigned articles of one month without a URL: one shape");
        assertNotNull(shapes.cite(record(12, "Steel", "钢", "Xinhua News Agency", null), CITEPROC::citeproc));
        assertEquals(2, shapes.shapesFormatted(), "a signed article is another shape");
    }

    /**
     * A build fills every citation that fits into its shape, from the first: an edit's one citation too,
     * whose shape is then stored for the next edits of its month (see CitationsTest).
     */
    @Test
    void aBuildFillsEveryCitationThatFitsFromTheFirst() {
        Citations build = new Citations();
        for (int i = 0; i < 24; i++) {
            ArticleRecord r = record(i, "Steel Output Report Number " + i, "钢产量", "", null);
            List<String> flat = new ArrayList<>();
            for (Citations.Formatted f : build.format(r)) {
                flat.add(f.html());
                flat.add(f.text());
            }
            assertEquals(whole(r), flat);
            assertEquals(i + 1, build.filled(), "after article " + i);
        }
        assertTrue(build.shapes() > 0);
    }

    @Test
    void theDayIsAPlaceholderOnlyWhereItIsPrintedAsItsNumber() {
        assertEquals("(1958, October " + CitationShapes.DAY + ")",
                CitationShapes.dayPlaceheld(new String[] {"(1958, October 1)", "(1958, October 2)", "(1958, October 28)"}));
        assertNull(CitationShapes.dayPlaceheld(new String[] {"October 1st, 1958", "October 2nd, 1958", "October 28th, 1958"}), "ordinals");
        assertNull(CitationShapes.dayPlaceheld(new String[] {"01 Oct. 1958", "02 Oct. 1958", "28 Oct. 1958"}), "leading zeros");
        assertNull(CitationShapes.dayPlaceheld(new String[] {"Wed., October 1", "Thu., October 2", "Tue., October 28"}), "more than the day differs");
    }

    /**
     * The shortcut of {@link CitationShapes#smartQuotes} for a title without ' " or ‘: one citeproc's
     * smart quotes leave as it is. Random titles over every other kind of character (the other
     * quotation marks and primes included, and the words its patterns name) come back unchanged from
     * citeproc's own SmartQuotes; and each of the three characters does make it change some title.
     */
    @Test
    void smartQuotesLeaveTitlesWithoutStraightQuotesOrAnOpeningSingleOneAsTheyAre() {
        var citeproc = new de.undercouch.citeproc.helper.SmartQuotes("‘", "’", "“", "”", java.util.Locale.US);
        String[] pieces = {"a", "Z", "em", "cause", "twas", "tis", "til", "93", "1958", "½", " ", "  ", "-", "—", ".", ",", "!", "?",
                "(", ")", "’", "“", "”", "′", "″", "‴", "`", "´", "«", "»", "「", "」", "大跃进", "钢", "_", "\t", "é", "İ"};
        java.util.Random random = new java.util.Random(1958);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) sb.append(pieces[random.nextInt(pieces.length)]);
            String title = sb.toString();
            assertTrue(title.chars().noneMatch(c -> c == '\'' || c == '"' || c == '‘'), title);
            assertEquals(citeproc.apply(title), CitationShapes.smartQuotes(title), title);
            assertEquals(title, citeproc.apply(title), title);
        }
        for (String changed : List.of("Workers' Congress", "The \"Leap\"", "‘Tis the Season")) {
            assertTrue(!CitationShapes.onlyApostrophesInWords(changed), changed);
            assertEquals(citeproc.apply(changed), CitationShapes.smartQuotes(changed));
            assertTrue(!citeproc.apply(changed).equals(changed), changed);
        }
    }

    /**
     * The second shortcut of {@link CitationShapes#smartQuotes}: apostrophes inside words become ’
     * as citeproc makes them. Random titles of words, possessives, lone and doubled apostrophes and
     * other quotation marks come out of it exactly as out of citeproc's SmartQuotes, and many of
     * them take the shortcut (so the comparison covers it).
     */
    @Test
    void apostrophesInsideWordsBecomeWhatCiteprocMakesOfThem() {
        var citeproc = new de.undercouch.citeproc.helper.SmartQuotes("‘", "’", "“", "”", java.util.Locale.US);
        String[] pieces = {"Beijing", "'s", "s'", "'", "''", "o", "clock", "People", "Year", "tis", "til", "em", "93", "1958", " ",
                "  ", "-", "—", ".", ",", "!", "?", "(", ")", "’", "“", "”", "\"", "‘", "大跃进", "é", "Ü", "x", "_"};
        java.util.Random random = new java.util.Random(1959);
        int shortcut = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(10); k >= 0; k--) sb.append(pieces[random.nextInt(pieces.length)]);
            String title = sb.toString();
            if (title.indexOf('\'') >= 0 && CitationShapes.onlyApostrophesInWords(title)) shortcut++;
            assertEquals(citeproc.apply(title), CitationShapes.smartQuotes(title), title);
        }
        for (String t : List.of("Beijing's Industrial Front", "This Year's Experiences, Next Year's Plans", "At Six o'clock",
                "rock'n'roll", "a'b'c", "Beijing's's")) {
            assertTrue(CitationShapes.onlyApostrophesInWords(t), t);
            assertEquals(citeproc.apply(t), CitationShapes.smartQuotes(t), t);
        }
        assertTrue(shortcut > 1_000, "titles that took the shortcut: " + shortcut);
    }
}
