package archive.build;

import archive.model.Article;
import archive.model.ChineseText;
import archive.model.Dateline;
import archive.model.EnglishText;
import archive.model.Paragraph;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed article as bytes, for the article store: every field the parser fills, so that an
 * article read back is equal to the one parsed. Its source file is not stored: it is the seed
 * the store entry belongs to.
 */
final class ArticleCodec {
    private static final Paragraph.Kind[] KINDS = Paragraph.Kind.values();
    /** Limits a damaged entry cannot exceed: more paragraphs or deck lines than any seed may have. */
    private static final int MAX_ITEMS = 1 << 20;

    private ArticleCodec() {}

    static void encode(Article a, StoreBytes.Out out) {
        out.string(a.id());
        out.varint(a.date().toEpochDay() + (1L << 40)); // kept positive
        out.varint(a.page());
        EnglishText en = a.english();
        if (en == null) {
            out.varint(0);
        } else {
            out.varint(1);
            out.string(en.title()).string(en.author());
            paragraphs(en.paragraphs(), out);
        }
        ChineseText zh = a.chinese();
        if (zh == null) {
            out.varint(0);
        } else {
            out.varint(1);
            out.varint(zh.deck().size());
            for (String d : zh.deck()) out.string(d);
            out.string(zh.section()).string(zh.column());
            paragraphs(zh.paragraphs(), out);
        }
    }

    static Article decode(StoreBytes.In in, Path source) { return decode(in, source, false); }

    /** The article; with {@code hollow}, every paragraph's text is left empty (its bytes are skipped, not decoded). */
    static Article decode(StoreBytes.In in, Path source, boolean hollow) {
        String id = in.string();
        LocalDate date = LocalDate.ofEpochDay(in.varint() - (1L << 40));
        int page = in.count(Integer.MAX_VALUE);
        EnglishText en = null;
        if (in.count(1) == 1) en = new EnglishText(in.string(), in.recurring(), paragraphs(in, hollow));
        ChineseText zh = null;
        if (in.count(1) == 1) {
            int n = in.count(MAX_ITEMS);
            List<String> deck = new ArrayList<>(n);
            for (int i = 0; i < n; i++) deck.add(in.string());
            zh = new ChineseText(deck, in.recurring(), in.recurring(), paragraphs(in, hollow));
        }
        return new Article(id, source, date, page, en, zh);
    }

    private static void paragraphs(List<Paragraph> ps, StoreBytes.Out out) {
        out.varint(ps.size());
        for (Paragraph p : ps) {
            out.varint(p.number()).string(p.text()).varint(p.line()).varint(p.kind().ordinal());
            Dateline d = p.dateline();
            if (d == null) {
                out.varint(0);
            } else {
                out.varint(1);
                out.string(d.text()).nullable(d.place());
            }
        }
    }

    private static List<Paragraph> paragraphs(StoreBytes.In in, boolean hollow) {
        int n = in.count(MAX_ITEMS);
        List<Paragraph> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int number = in.count(Integer.MAX_VALUE);
            String text = hollow ? in.skipString() : in.string();
            int line = in.count(Integer.MAX_VALUE);
            Paragraph.Kind kind = KINDS[in.count(KINDS.length - 1)];
            Dateline d = in.count(1) == 1 ? new Dateline(in.string(), in.nullableRecurring()) : null;
            out.add(new Paragraph(number, text, line, kind, d));
        }
        return out;
    }
}
