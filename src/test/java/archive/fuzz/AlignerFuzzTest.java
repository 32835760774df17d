package archive.fuzz;

import archive.align.Aligner;
import archive.align.Bead;
import archive.align.RowBuilder;
import archive.model.Article;
import archive.model.ChineseText;
import archive.model.EnglishText;
import archive.model.Paragraph;
import archive.model.Row;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any two lists of paragraphs: the alignment must put every paragraph in exactly one row, in
 * order, and the rows must carry unique anchors.
 */
class AlignerFuzzTest {
    private static List<String> paragraphs(FuzzedDataProvider data, int max) {
        int n = data.consumeInt(0, max);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(data.consumeString(400));
        return out;
    }

    @FuzzTest(maxDuration = "30s")
    void everyParagraphLandsInExactlyOneRow(FuzzedDataProvider data) {
        List<String> zh = paragraphs(data, 60), en = paragraphs(data, 60);
        List<Bead> beads = new Aligner().align(zh, en);
        int z = 0, e = 0;
        for (Bead b : beads) {
            assertEquals(z, b.zhFrom(), "Chinese paragraphs skipped or repeated");
            assertEquals(e, b.enFrom(), "English paragraphs skipped or repeated");
            assertTrue(b.zhCount() <= 2 && b.enCount() <= 2);
            z += b.zhCount();
            e += b.enCount();
        }
        assertEquals(zh.size(), z);
        assertEquals(en.size(), e);

        List<Paragraph> zp = new ArrayList<>(), ep = new ArrayList<>();
        for (String s : zh) zp.add(new Paragraph(zp.size() + 1, s, zp.size() + 1, Paragraph.Kind.TEXT, null));
        for (String s : en) ep.add(new Paragraph(ep.size() + 1, s, ep.size() + 1, Paragraph.Kind.TEXT, null));
        if (zp.isEmpty() && ep.isEmpty()) return;
        Article a = new Article("0123456789abcdef", Path.of("x.txt"), LocalDate.of(1959, 3, 2), 1,
                ep.isEmpty() ? null : new EnglishText("t", "", ep), zp.isEmpty() ? null : new ChineseText(List.of("标题"), "", "", zp));
        List<Row> rows = new RowBuilder().rows(a);
        List<String> anchors = new ArrayList<>();
        int paragraphsInRows = 0;
        for (Row r : rows) {
            anchors.add(r.anchor());
            anchors.addAll(r.extraAnchors());
            paragraphsInRows += r.zh().size() + r.en().size();
        }
        assertEquals(zp.size() + ep.size(), paragraphsInRows);
        assertEquals(anchors.size(), anchors.stream().distinct().count(), () -> "anchors repeat: " + anchors);
    }
}
