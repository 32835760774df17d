package archive.align;

import archive.model.Article;
import archive.model.Paragraph;
import archive.model.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an alignment into the numbered rows of the article page. Rows are numbered by the Chinese
 * original (p1, p2 …), which never changes when a translation is revised; a row holding two
 * original paragraphs answers to both numbers; an English-only article numbers its English
 * paragraphs; an English paragraph with no original beside it gets the anchor en&lt;N&gt;.
 */
public final class RowBuilder {
    private final Aligner aligner = new Aligner();

    public List<Row> rows(Article article) {
        List<Paragraph> zh = article.zhParagraphs(), en = article.enParagraphs();
        List<Row> rows = new ArrayList<>();
        if (zh.isEmpty()) {
            for (Paragraph p : en) rows.add(new Row("p" + p.number(), List.of(), String.valueOf(p.number()), List.of(), List.of(p)));
            return rows;
        }
        List<Bead> beads = aligner.align(zh.stream().map(Paragraph::text).toList(), en.stream().map(Paragraph::text).toList(),
                asides(zh), asides(en));
        for (Bead b : beads) {
            List<Paragraph> z = zh.subList(b.zhFrom(), b.zhFrom() + b.zhCount());
            List<Paragraph> e = en.subList(b.enFrom(), b.enFrom() + b.enCount());
            if (z.isEmpty()) {
                int n = e.get(0).number();
                rows.add(new Row("en" + n, List.of(), "", z, e));
            } else {
                int first = z.get(0).number(), last = z.get(z.size() - 1).number();
                List<String> extra = new ArrayList<>();
                for (int k = first + 1; k <= last; k++) extra.add("p" + k);
                rows.add(new Row("p" + first, extra, first == last ? String.valueOf(first) : first + "–" + last, z, e));
            }
        }
        return rows;
    }

    private static boolean[] asides(List<Paragraph> ps) {
        boolean[] out = new boolean[ps.size()];
        for (int i = 0; i < out.length; i++) out[i] = ps.get(i).isCaption() || ps.get(i).isMarker();
        return out;
    }
}
