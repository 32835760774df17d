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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        lines.add(a, 0, true, a.rows().get(0).zh().get(0).text(), 4, 8);
        lines.add(a, 0, false, a.rows().get(0).en().get(0).text(), 17, 27);
        lines.add(a, -1, false, "A title", 2, 7);
        lines.trim();
        assertEquals(3, lines.size());
        assertEquals("00000000000000a1 p1 zh-Hans [全国人民|鼓足干劲|力争上游]", line(lines.get(0)));
        assertEquals("00000000000000a1 p1 en [The whole people |go all out| and aim high]", line(lines.get(1)));
        assertEquals("00000000000000a1 title en [A |title|]", line(lines.get(2)));
    }

    @Test
    void anEditedArticlesLinesTakeThePlaceOfItsOldOnes() {
        AnnotatedArticle first = article("00000000000000a1", "鼓足干劲", "go all out"),
                old = article("00000000000000a2", "鼓足干劲，鼓足干劲", "go all out"),
                last = article("00000000000000a3", "鼓足干劲", "go all out"),
                edited = article("00000000000000a2", "再鼓足干劲", "go all out");
        ConcordanceLines lines = new ConcordanceLines();
        for (AnnotatedArticle a : List.of(first, old, old, last)) lines.add(a, 0, true, a.rows().get(0).zh().get(0).text(), 0, 4);
        ConcordanceLines mine = new ConcordanceLines();
        mine.add(edited, 0, true, "再鼓足干劲", 1, 5);
        ConcordanceLines replaced = lines.replacing(old, mine, a -> a == last);
        assertEquals(List.of(first, edited, last), replaced.stream().map(Occurrence::article).toList());
        assertEquals("再|鼓足干劲|", replaced.get(1).left() + "|" + replaced.get(1).match() + "|" + replaced.get(1).right());

        // An article that had no line joins before the first later article's.
        ConcordanceLines without = new ConcordanceLines();
        for (AnnotatedArticle a : List.of(first, last)) without.add(a, 0, true, "鼓足干劲", 0, 4);
        assertEquals(List.of(first, edited, last),
                without.replacing(old, mine, a -> a == last).stream().map(Occurrence::article).toList());
        assertEquals(List.of(first, last, edited),
                without.replacing(old, mine, a -> false).stream().map(Occurrence::article).toList());
    }
}
