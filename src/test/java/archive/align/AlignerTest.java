package archive.align;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class AlignerTest {
    private final Aligner aligner = new Aligner();

    /** A Chinese paragraph of n characters, and the English translating it, 3.7 times as long as in the seeds. */
    private static String zh(int n, String extra) { return "字".repeat(n) + extra; }
    private static String en(int n, String extra) { return "word ".repeat(Math.max(1, n * 37 / 40)) + extra; }

    private static String shape(List<Bead> beads) {
        StringBuilder sb = new StringBuilder();
        for (Bead b : beads) sb.append(b.zhCount()).append(':').append(b.enCount()).append(' ');
        return sb.toString().strip();
    }

    @Test
    void equalCountsWithPlausibleLengthsPairOneToOne() {
        List<String> z = List.of(zh(200, ""), zh(120, ""), zh(300, ""));
        List<String> e = List.of(en(200, ""), en(120, ""), en(300, ""));
        assertEquals("1:1 1:1 1:1", shape(aligner.align(z, e)));
    }

    @Test
    void translatorMergedTwoParagraphs() {
        List<String> z = List.of(zh(200, ""), zh(150, ""), zh(160, ""), zh(300, ""));
        List<String> e = List.of(en(200, ""), en(310, ""), en(300, ""));
        assertEquals("1:1 2:1 1:1", shape(aligner.align(z, e)));
    }

    @Test
    void translatorSplitAParagraph() {
        List<String> z = List.of(zh(200, ""), zh(400, ""), zh(150, ""));
        List<String> e = List.of(en(200, ""), en(190, ""), en(210, ""), en(150, ""));
        assertEquals("1:1 1:2 1:1", shape(aligner.align(z, e)));
    }

    @Test
    void droppedCaptionBecomesAChineseOnlyRow() {
        List<String> z = List.of(zh(200, ""), zh(300, ""), zh(14, "　楚英摄"));
        List<String> e = List.of(en(200, ""), en(300, ""));
        boolean[] caption = {false, false, true};
        assertEquals("1:1 1:1 1:0", shape(aligner.align(z, e, caption, new boolean[2])));
    }

    @Test
    void missingOriginalParagraphBecomesAnEnglishOnlyRow() {
        List<String> z = List.of(zh(200, ""), zh(300, ""));
        List<String> e = List.of(en(200, ""), en(250, ""), en(300, ""));
        assertEquals("1:1 0:1 1:1", shape(aligner.align(z, e)));
    }

    @Test
    void sharedNumbersAnchorTheAlignment() {
        // Two Chinese paragraphs of equal length, one English paragraph: lengths cannot tell which
        // one was translated; the number 3,500 = 三千五百 can.
        List<String> z = List.of(zh(100, "产量增长了很多"), zh(100, "共有三千五百多人"));
        List<String> e = List.of(en(100, "more than 3,500 people"));
        assertEquals("1:0 1:1", shape(aligner.align(z, e)));
        List<String> z2 = List.of(zh(100, "共有三千五百多人"), zh(100, "产量增长了很多"));
        assertEquals("1:1 1:0", shape(aligner.align(z2, e)));
    }

    @Test
    void everyParagraphLandsInExactlyOneRowInOrder() {
        Random r = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            List<String> z = new ArrayList<>(), e = new ArrayList<>();
            int n = r.nextInt(9), m = r.nextInt(9);
            for (int i = 0; i < n; i++) z.add(zh(1 + r.nextInt(400), i % 3 == 0 ? "" + r.nextInt(5000) : ""));
            for (int i = 0; i < m; i++) e.add(en(1 + r.nextInt(400), i % 3 == 0 ? "" + r.nextInt(5000) : ""));
            if (n + m == 0) continue;
            List<Bead> beads = aligner.align(z, e);
            int zi = 0, ei = 0;
            for (Bead b : beads) {
                assertEquals(zi, b.zhFrom());
                assertEquals(ei, b.enFrom());
                assertTrue(b.zhCount() <= 2 && b.enCount() <= 2);
                zi += b.zhCount();
                ei += b.enCount();
            }
            assertEquals(n, zi, "all Chinese paragraphs used once");
            assertEquals(m, ei, "all English paragraphs used once");
        }
    }
}
