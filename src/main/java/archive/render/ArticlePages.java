package archive.render;

import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.Mention;
import archive.model.Paragraph;
import archive.model.Row;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The bilingual page of each article: headlines, source line, aligned rows, notes and cross-links. */
public final class ArticlePages {
    private final RenderContext ctx;
    private final java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();

    public ArticlePages(RenderContext ctx) { this.ctx = ctx; }

    /** How many article pages this has rendered (the others were kept as published). */
    public int rendered() { return rendered.get(); }

    /** Renders the page and returns the introduction of its notes as plain text (empty without notes). */
    public String render(AnnotatedArticle aa) {
        Article a = aa.article();
        String path = PagePaths.article(a.id());
        // A page depends on its article, its neighbours' summaries, what every page depends on and,
        // if it has notes, their HTML: notes link across the archive, so they are made every build
        // (which also reports their errors), and the page is kept when they come out the same.
        NotesHtml.Split notes = NotesHtml.render(aa, ctx, path);
        String intro = notes.introduction().isEmpty() ? "" : org.jsoup.Jsoup.parseBodyFragment(notes.introduction()).text();
        AnnotatedArticle prev = ctx.index.previous(aa), next = ctx.index.next(aa);
        Fingerprint f = ctx.articleInputs(aa).add("article").add(ctx.contentFingerprint(aa))
                .add(prev == null ? 0 : ctx.summaryFingerprint(prev)).add(next == null ? 0 : ctx.summaryFingerprint(next));
        if (aa.notes() != null) f.add(notes.introduction()).add(notes.footnotes()).addValue(new java.util.TreeMap<>(notes.byAnchor()));
        long inputs = f.value();
        if (ctx.keep(path, inputs)) {
            ctx.articleExtras().keepFiles(aa, path, inputs);
            return intro;
        }
        // The page shows the text: read it back (the archive is held without it).
        aa = ctx.whole(aa);
        rendered.incrementAndGet();
        a = aa.article();
        UnaryOperator<String> link = ctx.linker(path);
        Set<String> linked = ctx.knownPlaces(aa.places());

        List<Views.RowView> rows = new ArrayList<>();
        for (Row r : aa.rows()) {
            rows.add(new Views.RowView(r.anchor(), r.extraAnchors(), r.label(),
                    paragraphs(r.zh(), aa.zhMentions(), "zh-Hans", linked, link),
                    paragraphs(r.en(), aa.enMentions(), "en", linked, link),
                    notes.byAnchor().getOrDefault(r.anchor(), "")));
        }
        List<String> deck = new ArrayList<>();
        if (a.chinese() != null) {
            for (int i = 0; i < a.chinese().deck().size(); i++) {
                deck.add(Html.escape(a.chinese().deck().get(i)));
            }
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("article", ctx.summary(aa));
        // Headlines stay plain text: a gloss inside <h1> would become part of the heading's name.
        v.put("titleHtml", Html.escape(a.title()));
        v.put("deck", deck);
        v.put("author", a.author());
        v.put("rows", rows);
        v.put("translationPending", !a.hasEnglish());
        v.put("originalMissing", !a.hasChinese());
        v.put("bilingual", a.hasEnglish() && a.hasChinese());
        v.put("datelines", aa.datelinePlaces().stream().filter(ctx.places::containsKey).map(s -> ctx.placeRef(s, 0)).toList());
        v.put("places", aa.places().stream().filter(ctx.places::containsKey).map(s -> ctx.placeRef(s, 0)).toList());
        v.put("industries", aa.industries().stream().filter(ctx.industries::containsKey).map(s -> ctx.industryRef(s, 0)).toList());
        v.put("entries", entriesUsed(aa));
        YearMonth month = YearMonth.from(a.date());
        v.put("dayPath", PagePaths.day(a.date()));
        v.put("monthPath", PagePaths.month(month));
        v.put("monthEn", Dates.monthEn(month));
        v.put("monthZh", Dates.monthZh(month));
        v.put("yearPath", PagePaths.year(a.date().getYear()));
        v.put("year", a.date().getYear());
        v.put("prev", prev == null ? null : ctx.summary(prev));
        v.put("next", next == null ? null : ctx.summary(next));
        v.put("introduction", notes.introduction());
        v.put("footnotes", notes.footnotes());
        v.put("notesBy", aa.notes() == null ? "" : aa.notes().by());
        v.put("notesWritten", aa.notes() == null || aa.notes().written() == null ? "" : aa.notes().written().toString());
        v.put("meta", null);
        v.put("cite", null);
        v.putAll(ctx.articleExtras().vars(aa, path));
        String title = a.title().isEmpty() ? a.headline() : a.title();
        String description = "People's Daily, " + Dates.en(a.date()) + ", page " + a.page() + ". " + a.headline();
        ctx.write("article", path, title, description, "article", v, inputs);
        ctx.articleExtras().writeFiles(aa, path, inputs);
        return intro;
    }

    private List<Views.Para> paragraphs(List<Paragraph> ps, List<List<Mention>> mentions, String lang,
                                        Set<String> linked, UnaryOperator<String> link) {
        List<Views.Para> out = new ArrayList<>(ps.size());
        for (Paragraph p : ps) {
            out.add(new Views.Para(ctx.annotatedHtml.render(p.text(), mentions.get(p.number() - 1), lang, linked, link),
                    p.kind().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return out;
    }

    /**
     * The glossary entries the article uses, each with how often it occurs in it: the lines it gives
     * the entry's concordance, counted when it was annotated (see AnnotatedArticle#glossaryLines).
     */
    private List<Views.Ref> entriesUsed(AnnotatedArticle aa) {
        List<String> slugs = aa.glossary();
        List<Views.Ref> out = new ArrayList<>(slugs.size());
        for (int k = 0; k < slugs.size(); k++) {
            String slug = slugs.get(k);
            if (ctx.glossary.containsKey(slug)) out.add(ctx.entryRef(slug, aa.glossaryLines().get(k)));
        }
        return out;
    }
}
