package archive.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An article with everything the later stages need: aligned rows, the mentions found in each
 * paragraph (indexed by paragraph number - 1) and headline, and what it is about.
 *
 * <p>A <em>hollow</em> article is the same without the text of its paragraphs (each is empty),
 * and once {@link #hollowed}, without its mentions: its headlines, source line, rows and anchors, places, industries
 * and glossary entries are all there, which is everything lists, counts and links need. A build
 * holds the archive hollow (text and mentions are most of the heap: a gigabyte for the whole
 * paper) and takes an article back whole from its store when a page shows it ({@link #requireText}).
 *
 * @param glossary       glossary slugs used, in order of first occurrence
 * @param places         places mentioned (after context rules and editors' overrides), in order of first occurrence
 * @param datelinePlaces places named in its datelines
 * @param industries     industries assigned, in data order
 * @param notes          the editors' notes, or null
 * @param hollow         whether its paragraphs' text was left out
 * @param glossaryLines  how many concordance lines it gives each of {@code glossary} (see {@link #visitGlossary}),
 *                       kept with the lists: an edit's build finds where its lines stand among an entry's
 *                       without reading the mentions of every article that uses the entry
 * @param chineseOnly    the glossary entries its Chinese (paragraphs or headline) names and its English (paragraphs or
 *                       title) does not, in the order of {@code glossary}: what the editors' warnings of missing
 *                       renderings read, kept with the lists so that they need no article's mentions
 */
public record AnnotatedArticle(Article article, List<Row> rows,
                               List<List<Mention>> zhMentions, List<List<Mention>> enMentions,
                               List<Mention> titleMentions, List<List<Mention>> deckMentions,
                               List<String> glossary, List<String> places, List<String> datelinePlaces,
                               List<String> industries, ArticleNotes notes, boolean hollow, List<Integer> glossaryLines,
                               List<String> chineseOnly) {
    /** An article with its mentions, whose concordance lines (and the entries its Chinese alone names) are counted from them. */
    public AnnotatedArticle(Article article, List<Row> rows, List<List<Mention>> zhMentions, List<List<Mention>> enMentions,
                            List<Mention> titleMentions, List<List<Mention>> deckMentions, List<String> glossary,
                            List<String> places, List<String> datelinePlaces, List<String> industries, ArticleNotes notes) {
        this(article, rows, zhMentions, enMentions, titleMentions, deckMentions, glossary, places, datelinePlaces, industries,
                notes, count(article, rows, zhMentions, enMentions, titleMentions, deckMentions, glossary));
    }

    private AnnotatedArticle(Article article, List<Row> rows, List<List<Mention>> zhMentions, List<List<Mention>> enMentions,
                             List<Mention> titleMentions, List<List<Mention>> deckMentions, List<String> glossary,
                             List<String> places, List<String> datelinePlaces, List<String> industries, ArticleNotes notes,
                             Counted counted) {
        this(article, rows, zhMentions, enMentions, titleMentions, deckMentions, glossary, places, datelinePlaces, industries,
                notes, false, counted == null ? null : counted.lines(), counted == null ? null : counted.chineseOnly());
    }

    /** What one pass over the glossary mentions finds: {@link #glossaryLines} and {@link #chineseOnly}. */
    private record Counted(List<Integer> lines, List<String> chineseOnly) {}

    /** Counts each entry of {@code glossary}'s concordance lines, and the side each is named on (null without the mentions). */
    private static Counted count(Article article, List<Row> rows, List<List<Mention>> zhMentions,
                                 List<List<Mention>> enMentions, List<Mention> titleMentions,
                                 List<List<Mention>> deckMentions, List<String> glossary) {
        if (zhMentions == null) return null;
        Map<String, Integer> counts = new HashMap<>();
        java.util.Set<String> inChinese = new java.util.HashSet<>(), inEnglish = new java.util.HashSet<>();
        visitGlossary(article, rows, zhMentions, enMentions, titleMentions, deckMentions, (row, zh, part, start, end, slug) -> {
            counts.merge(slug, 1, Integer::sum);
            (zh ? inChinese : inEnglish).add(slug);
        });
        Integer[] lines = new Integer[glossary.size()];
        List<String> chineseOnly = new ArrayList<>(2);
        for (int i = 0; i < lines.length; i++) {
            String slug = glossary.get(i);
            lines[i] = counts.getOrDefault(slug, 0);
            if (inChinese.contains(slug) && !inEnglish.contains(slug)) chineseOnly.add(slug);
        }
        return new Counted(List.of(lines), List.copyOf(chineseOnly));
    }

    /**
     * What {@link #visitGlossary} hands each glossary mention: where it is (row -1 is the headline: the
     * English title, or line {@code part} of the Chinese one; else paragraph {@code part} of the row's
     * Chinese or English side), its offsets there and its entry.
     */
    @FunctionalInterface
    public interface GlossaryVisitor {
        void mention(int row, boolean zh, int part, int start, int end, String slug);
    }

    /**
     * Hands each glossary mention to {@code visitor} in the concordance's order: the English title,
     * the lines of the Chinese headline, then row by row the Chinese and the English paragraphs.
     * The article must keep its mentions.
     */
    public void visitGlossary(GlossaryVisitor visitor) {
        visitGlossary(article, rows, zhMentions(), enMentions(), titleMentions(), deckMentions(), visitor);
    }

    private static void visitGlossary(Article article, List<Row> rows, List<List<Mention>> zhMentions,
                                      List<List<Mention>> enMentions, List<Mention> titleMentions,
                                      List<List<Mention>> deckMentions, GlossaryVisitor visitor) {
        visitGlossary(-1, false, 0, titleMentions, visitor);
        if (article.chinese() != null) {
            int lines = Math.min(article.chinese().deck().size(), deckMentions.size());
            for (int i = 0; i < lines; i++) visitGlossary(-1, true, i, deckMentions.get(i), visitor);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            List<Paragraph> zh = row.zh(), en = row.en();
            for (int k = 0; k < zh.size(); k++) visitGlossary(r, true, k, zhMentions.get(zh.get(k).number() - 1), visitor);
            for (int k = 0; k < en.size(); k++) visitGlossary(r, false, k, enMentions.get(en.get(k).number() - 1), visitor);
        }
    }

    private static void visitGlossary(int row, boolean zh, int part, List<Mention> mentions, GlossaryVisitor visitor) {
        MentionList.visit(mentions, (start, end, target) -> {
            if (target.kind() == Mention.Kind.GLOSSARY) visitor.mention(row, zh, part, start, end, target.slug());
        });
    }

    /** How many concordance lines the article gives the entry {@code slug}. */
    public int linesOf(String slug) {
        int k = glossary.indexOf(slug);
        if (k < 0) return 0;
        if (glossaryLines == null) throw new IllegalStateException("the concordance lines of article " + id() + " were not counted");
        return glossaryLines.get(k);
    }

    public String id() { return article.id(); }

    /** The mentions in each Chinese paragraph; not kept by an article {@link #hollowed}. */
    @Override
    public List<List<Mention>> zhMentions() { return mentions(zhMentions); }

    /** The mentions in each English paragraph; not kept by an article {@link #hollowed}. */
    @Override
    public List<List<Mention>> enMentions() { return mentions(enMentions); }

    /** The mentions in the English title; not kept by an article {@link #hollowed}. */
    @Override
    public List<Mention> titleMentions() { return mentions(titleMentions); }

    /** The mentions in each line of the Chinese headline; not kept by an article {@link #hollowed}. */
    @Override
    public List<List<Mention>> deckMentions() { return mentions(deckMentions); }

    public boolean annotated() { return notes != null; }

    private <T> T mentions(T list) {
        if (list == null) throw new IllegalStateException("the mentions of article " + id() + " were not kept");
        return list;
    }

    /** This article, which must have its text: a page or an index that shows the text asks for it. */
    public AnnotatedArticle requireText() {
        if (hollow) throw new IllegalStateException("the text of article " + id() + " was not loaded");
        return this;
    }

    /**
     * This article without the text of its paragraphs and without its mentions: the same
     * headlines, rows, anchors and lists, each paragraph empty.
     */
    public AnnotatedArticle hollowed() {
        if (hollow) {
            // Read without its text already (from the store, its paragraphs empty): the same article
            // and rows, which the archive holds from then on, rather than copies of them, which the
            // whole paper's young collections copied and a full collection freed (100,000 articles:
            // 2.6-2.9 s instead of 3.2-3.4 s for that collection, 2.75-2.77 GB of memory instead of
            // 2.81-2.86; docs/benchmarks.md, twenty-first session).
            return zhMentions == null ? this : new AnnotatedArticle(article, rows, null, null, null, null, glossary,
                    places, datelinePlaces, industries, notes, true, glossaryLines, chineseOnly);
        }
        Article a = article;
        List<Paragraph> en = a.english() == null ? List.of() : empty(a.english().paragraphs());
        List<Paragraph> zh = a.chinese() == null ? List.of() : empty(a.chinese().paragraphs());
        Article h = new Article(a.id(), a.source(), a.date(), a.page(),
                a.english() == null ? null : new EnglishText(a.english().title(), a.english().author(), en),
                a.chinese() == null ? null : new ChineseText(a.chinese().deck(), a.chinese().section(), a.chinese().column(), zh));
        return new AnnotatedArticle(h, rowsOver(zh, en), null, null, null, null, glossary,
                places, datelinePlaces, industries, notes, true, glossaryLines, chineseOnly);
    }

    /** Whether the article keeps its mentions (it was not {@link #hollowed}). */
    public boolean hasMentions() { return zhMentions != null; }

    /**
     * This article, which has its mentions but not its text, with the text of {@code whole}: the
     * same article as stored, read again with its paragraphs.
     */
    public AnnotatedArticle withText(Article whole) {
        if (!hollow) return this;
        mentions(zhMentions);
        if (!whole.id().equals(article.id())) throw new IllegalArgumentException("not the text of article " + id());
        return new AnnotatedArticle(whole, rowsOver(whole.zhParagraphs(), whole.enParagraphs()), zhMentions, enMentions, titleMentions, deckMentions, glossary,
                places, datelinePlaces, industries, notes, false, glossaryLines, chineseOnly);
    }

    private static List<Paragraph> empty(List<Paragraph> ps) {
        List<Paragraph> out = new ArrayList<>(ps.size());
        for (Paragraph p : ps) out.add(new Paragraph(p.number(), "", p.line(), p.kind(), p.dateline()));
        return out;
    }

    /** The rows of this article over other paragraphs with the same numbers: {@code zh} and {@code en}, all of them. */
    private List<Row> rowsOver(List<Paragraph> zh, List<Paragraph> en) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) out.add(new Row(r.anchor(), r.extraAnchors(), r.label(), same(r.zh(), zh), same(r.en(), en)));
        return List.copyOf(out);
    }

    /** The paragraphs of {@code all} with the numbers of {@code ps}. */
    private static List<Paragraph> same(List<Paragraph> ps, List<Paragraph> all) {
        List<Paragraph> out = new ArrayList<>(ps.size());
        for (Paragraph p : ps) out.add(all.get(p.number() - 1));
        return out;
    }

    /** The anchor of the row holding the given Chinese (zh=true) or English paragraph number. */
    public String anchorOf(boolean zh, int paragraphNumber) {
        for (Row r : rows) {
            for (Paragraph p : zh ? r.zh() : r.en()) if (p.number() == paragraphNumber) return r.anchor();
        }
        return rows.isEmpty() ? "top" : rows.get(0).anchor();
    }
}
