package archive.index;

import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.ChineseText;
import archive.model.EnglishText;
import archive.model.Paragraph;
import archive.model.Row;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConcordanceLinesTest {
    private static AnnotatedArticle article(String id, String zh, String en) {
        Paragraph z = new Paragraph(1, zh, 5, Paragraph.Kind.TEXT, null);
        Paragraph e = new Paragraph(1, en, 3, Paragraph.Kind.TEXT, null);
        Article a = new Article(id, Path.of(id + ".txt"), LocalDate.of(1958, 5, 1), 1,
                new EnglishText("A title", "", List.of(e)), new ChineseText(List.of("标题"), "", "", List.of(z)));
        Row row = new Row("p1", List.of(), "1", List.of(z), List.of(e));
        return new AnnotatedArticle(a, List.of(row), List.of(List.of()), List.of(List.of()), List.of(), List.of(List.of()),
                List.of(), List.of(), List.of(), List.of(), null);
    }

    private static String line(Occurrence o) {
        return o.article().id() + " " + o.anchor() + " " + o.lang() + " [" + o.left() + "|" + o.match() + "|" + o.right() + "]";
    }

    @Test
    void linesComeBackAsTheyWereAdded() {
        AnnotatedArticle a = article("00000000000000a1", "全国人民鼓足干劲力争上游", "The whole people go all out and aim high");
        ConcordanceLines lines = new ConcordanceLines();
        lines.add(a, 0, 0, true, 0, 4, 8);
        lines.add(a, 0, 0, false, 0, 17, 27);
        lines.add(a, 0, -1, false, 0, 2, 7);
        lines.add(a, 0, -1, true, 0, 0, 1);
        lines.trim();
        assertEquals(4, lines.size());
        List<Occurrence> all = lines.lines(0, 4, List.of(a), x -> x);
        assertEquals("00000000000000a1 p1 zh-Hans [全国人民|鼓足干劲|力争上游]", line(all.get(0)));
        assertEquals("00000000000000a1 p1 en [The whole people |go all out| and aim high]", line(all.get(1)));
        assertEquals("00000000000000a1 title en [A |title|]", line(all.get(2)));
        assertEquals("00000000000000a1 title zh-Hans [|标|题]", line(all.get(3)));
    }

    @Test
    void anEditedArticlesLinesTakeThePlaceOfItsOldOnes() {
        AnnotatedArticle first = article("00000000000000a1", "鼓足干劲", "go all out"),
                old = article("00000000000000a2", "鼓足干劲，鼓足干劲", "go all out"),
                last = article("00000000000000a3", "鼓足干劲", "go all out"),
                edited = article("00000000000000a2", "再鼓足干劲", "go all out");
        List<AnnotatedArticle> now = List.of(first, edited, last);
        ConcordanceLines lines = new ConcordanceLines();
        lines.add(first, 0, 0, true, 0, 0, 4);
        lines.add(old, 1, 0, true, 0, 0, 4);
        lines.add(old, 1, 0, true, 0, 5, 9);
        lines.add(last, 2, 0, true, 0, 0, 4);
        ConcordanceLines mine = new ConcordanceLines();
        mine.add(edited, 1, 0, true, 0, 1, 5);
        ConcordanceLines replaced = lines.replacing(1, mine);
        assertEquals(List.of(first, edited, last), articles(replaced, now));
        Occurrence o = replaced.lines(1, 2, now, x -> x).get(0);
        assertEquals("再|鼓足干劲|", o.left() + "|" + o.match() + "|" + o.right());

        // An article that had no line joins before the first later article's.
        ConcordanceLines without = new ConcordanceLines();
        without.add(first, 0, 0, true, 0, 0, 4);
        without.add(last, 2, 0, true, 0, 0, 4);
        assertEquals(List.of(first, edited, last), articles(without.replacing(1, mine), now));
    }

    @Test
    void linesAreCutFromTheWholeArticleWhenTheIndexHoldsItHollow() {
        AnnotatedArticle a = article("00000000000000a1", "全国人民鼓足干劲力争上游", "The whole people go all out and aim high");
        AnnotatedArticle hollow = a.hollowed();
        ConcordanceLines lines = new ConcordanceLines();
        lines.add(hollow, 0, 0, true, 0, 4, 8);
        lines.trim();
        assertEquals("00000000000000a1 p1 zh-Hans [全国人民|鼓足干劲|力争上游]",
                line(lines.lines(0, 1, List.of(hollow), x -> x == hollow ? a : x).get(0)));
        assertThrows(IllegalStateException.class, () -> lines.lines(0, 1, List.of(hollow), x -> x));
        assertThrows(IllegalStateException.class, hollow::zhMentions);
    }

    private static List<AnnotatedArticle> articles(ConcordanceLines lines, List<AnnotatedArticle> articles) {
        List<AnnotatedArticle> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            AnnotatedArticle a = articles.get(lines.position(i));
            if (out.isEmpty() || out.get(out.size() - 1) != a) out.add(a);
        }
        return out;
    }
}
