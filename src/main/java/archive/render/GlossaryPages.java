package archive.render;

import archive.index.ArchiveIndex;
import archive.index.Occurrence;
import archive.model.AnnotatedArticle;
import archive.model.GlossaryEntry;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The glossary index (entries by kind, sorted by pinyin) and one page per entry with its concordance. */
public final class GlossaryPages {
    private final RenderContext ctx;

    public GlossaryPages(RenderContext ctx) { this.ctx = ctx; }


    public void renderAll() {
        index();
        ctx.data.glossary().parallelStream().forEach(this::entry);
    }

    /**
     * The glossary's index and the given pages of the entries {@code pages} names (null: every
     * page of the entry) only: after an edit that changed the text of some articles, their
     * concordance lines and counts are all that can differ.
     */
    public void render(Map<String, java.util.Set<Integer>> pages) {
        index();
        ctx.data.glossary().parallelStream().filter(g -> pages.containsKey(g.slug())).forEach(g -> entry(g, pages.get(g.slug())));
    }

    private void index() {
        List<Views.RefGroup> groups = new ArrayList<>();
        for (GlossaryEntry.Kind kind : GlossaryEntry.Kind.values()) {
            List<Views.Ref> refs = ctx.data.glossary().stream().filter(g -> g.kind() == kind)
                    .sorted(byPinyin())
                    .map(g -> ctx.entryRef(g.slug(), ctx.index.usingEntry(g.slug()).size())).toList();
            if (!refs.isEmpty()) groups.add(new Views.RefGroup(kind.key(), kind.labelEn(), kind.labelZh(), refs));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("groups", groups);
        v.put("entryCount", ctx.data.glossary().size());
        ctx.page("glossary-index", PagePaths.GLOSSARY, "Glossary of slogans and terms · 术语", "Slogans and terms of the "
                + "Great Leap Forward press, explained, with every occurrence in the archive.", "glossary", v);
    }

    /**
     * The concordance's table rows as one piece of HTML. Built here rather than in the template,
     * like the annotated text: a large archive has millions of lines, and a template costs several
     * times more per line than the few appends below. A row is kept short (its end tags are
     * implied, the date is the link): a concordance is a third of the site's bytes.
     */
    static String concordanceRows(List<Occurrence> occurrences, java.util.function.UnaryOperator<String> link) {
        StringBuilder sb = new StringBuilder(occurrences.size() * 280);
        archive.model.AnnotatedArticle last = null;
        String href = "", dated = "";
        for (Occurrence o : occurrences) {
            if (o.article() != last) {
                // Lines come grouped by article: its link and date are made once.
                last = o.article();
                var a = last.article();
                href = Html.escape(link.apply(PagePaths.article(a.id())));
                dated = a.date() + " p." + a.page();
            }
            // Row anchors are made by the generator (p3, en2, title): nothing to escape.
            sb.append("<tr><td><a href=\"").append(href).append('#').append(o.anchor()).append("\">").append(dated)
                    .append("</a><td lang=\"").append(o.lang()).append("\">");
            // The same text as o.left(), o.match() and o.right(), without making those strings.
            String text = o.text();
            int from = o.contextStart(), to = o.contextEnd();
            if (from > 0) sb.append('…');
            Html.escape(text, from, o.start(), sb);
            sb.append("<mark>");
            Html.escape(text, o.start(), o.end(), sb);
            sb.append("</mark>");
            Html.escape(text, o.end(), to, sb);
            if (to < text.length()) sb.append('…');
            sb.append('\n');
        }
        return sb.toString();
    }

    /** What a page of concordance lines is made from: each line's article (its content) and place in it. */
    private long linesFingerprint(List<Occurrence> slice, String path) {
        Fingerprint f = new Fingerprint().add(path).add(slice.size());
        // Lines come grouped by article; within one, its content fingerprint and the line's place in it tell them apart.
        archive.model.AnnotatedArticle last = null;
        long content = 0;
        for (Occurrence o : slice) {
            if (o.article() != last) {
                last = o.article();
                content = ctx.contentFingerprint(last);
            }
            f.add(content).add(((long) o.anchor().hashCode() << 32) ^ o.lang().hashCode()).add(((long) o.start() << 32) | o.end());
        }
        return f.value();
    }

    /** Pinyin without tone marks, then the characters, then the slug: a stable order for readers of either language. */
    static Comparator<GlossaryEntry> byPinyin() {
        Collator c = Collator.getInstance(Locale.ROOT);
        c.setStrength(Collator.PRIMARY);
        return Comparator.<GlossaryEntry, String>comparing(g -> g.pinyin().toLowerCase(Locale.ROOT), c)
                .thenComparing(GlossaryEntry::headword).thenComparing(GlossaryEntry::slug);
    }

    private void entry(GlossaryEntry g) { entry(g, null); }

    /** The entry's page; its concordance runs over further pages (page/2/ …) when it is long. Only {@code only}'s pages if not null. */
    private void entry(GlossaryEntry g, java.util.Set<Integer> only) {
        String base = PagePaths.entry(g.slug());
        List<AnnotatedArticle> articles = ctx.index.usingEntry(g.slug());
        List<Occurrence> occurrences = ctx.index.occurrences(g.slug());
        // Markdown is rendered once, for the entry's first page, so its diagnostics are reported once.
        String explanation = ctx.markdown.render(g.explanation(),
                new Markdown.Context(g.origin().file(), g.origin().line(), ctx.refs, ctx.linker(base), ctx.diags));
        List<String> references = g.references().stream().map(r -> ctx.markdown.render(r,
                new Markdown.Context(g.origin().file(), g.origin().line(), ctx.refs, ctx.linker(base), ctx.diags))).toList();
        List<Views.Ref> related = g.related().stream().filter(ctx.glossary::containsKey)
                .map(s -> ctx.entryRef(s, ctx.index.usingEntry(s).size())).toList();
        var perMonth = ArchiveIndex.perMonth(articles);
        String title = g.headword() + " · " + (g.en().isEmpty() ? g.gloss() : g.en().get(0));
        Pagination.pages(base, occurrences, Pagination.LINES, (slice, pager) -> {
            if (only != null && !only.contains(pager.current())) return;
            String path = Pagination.path(base, pager.current());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("entry", g);
            v.put("kindEn", g.kind().labelEn());
            v.put("kindZh", g.kind().labelZh());
            // Later pages carry the concordance only; the explanation's links are made for the first page.
            v.put("explanation", pager.first() ? explanation : "");
            v.put("references", pager.first() ? references : List.of());
            v.put("related", related);
            v.put("articleCount", articles.size());
            v.put("lineCount", occurrences.size());
            v.put("lines", ctx.deferred(linesFingerprint(slice, path), () -> concordanceRows(slice, ctx.linker(path))));
            v.put("chart", ctx.monthChart("Articles using " + g.headword() + " per month · 每月使用该词的文章数", perMonth, path));
            v.put("pager", pager);
            ctx.page("glossary-entry", path, Pagination.title(title, pager), g.gloss(), "glossary", v);
        });
    }
}
