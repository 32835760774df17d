package archive.render;

import archive.index.ArchiveIndex;
import archive.index.Occurrence;
import archive.model.AnnotatedArticle;
import archive.model.GlossaryEntry;
import archive.parallel.Parallel;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * The glossary index (entries by kind, sorted by pinyin) and one page per entry with its
 * concordance, over further pages when it is long.
 *
 * <p>A concordance page is made from the text of the articles its lines quote, which the build
 * does not hold (see AnnotatedArticle#hollowed). So every page is first fingerprinted (kept as
 * published when its lines and articles are unchanged), then the articles are read in reading
 * order, a few hundred at a time, each once: every page to make takes the lines it quotes from
 * them, and is made as soon as its last line is in.
 */
public final class GlossaryPages {
    /** Articles whose text is read together, in reading order, while the lines are cut. */
    private static final int CHUNK = 512;
    /** A row buffer up to this many characters is kept for the next page (a full page's rows are about 140,000). */
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private final RenderContext ctx;

    public GlossaryPages(RenderContext ctx) { this.ctx = ctx; }

    public void renderAll() {
        index();
        Concordance c = concordance(ctx.data.glossary(), slug -> null);
        c.takeAll();
    }

    /**
     * The given pages of the entries {@code pages} names (null: every page of the entry) only, and
     * the glossary's index if {@code withIndex}: after an edit that changed the text of some
     * articles, their concordance lines and counts are all that can differ (the index's counts
     * only if an article's terms changed, or one was added).
     */
    public void render(Map<String, Set<Integer>> pages, boolean withIndex) {
        if (withIndex) index();
        concordance(ctx.data.glossary().stream().filter(g -> pages.containsKey(g.slug())).toList(), pages::get).takeAll();
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

    /** A page of an entry's concordance to make: lines {@code from} to {@code to}, taken in as their articles are read. */
    private static final class Page {
        final String slug;
        final int from, to;
        final UnaryOperator<String> link;
        /** The next line to take in; the page is made when it reaches {@code to}. */
        int next;
        HtmlText.Builder rows;
        RenderContext.Pending pending;
        /**
         * The article of the line last taken in, and the markup before and after a line's anchor in
         * its link (the link to the article; its date and page), made once per article.
         */
        AnnotatedArticle lastArticle;
        char[] beforeAnchor, afterAnchor;

        Page(String slug, int from, int to, UnaryOperator<String> link) {
            this.slug = slug;
            this.from = from;
            this.to = to;
            this.link = link;
            this.next = from;
        }

        HtmlText rows() { return (rows == null ? new HtmlText.Builder(0) : rows).build(); }
    }

    /**
     * The concordance pages being made: each takes in its lines as the articles they quote are
     * read, in reading order, and is made as soon as its last line is in.
     */
    private final class Concordance {
        private final List<Page> waiting;
        /**
         * Row buffers of pages made, for pages yet to start. A page's rows are taken in over several
         * chunks, so its buffer outlives young collections and is copied to the old generation;
         * reused, a buffer is copied once (at 10,000 articles, -Xlog:gc: 40 MB less promoted).
         */
        private final java.util.concurrent.ConcurrentLinkedDeque<HtmlText.Builder> buffers = new java.util.concurrent.ConcurrentLinkedDeque<>();

        private Concordance(List<Page> waiting) { this.waiting = waiting; }

        /**
         * Which of the articles before {@code end} in reading order (and after those already
         * taken) a page still waiting quotes: their places in reading order.
         */
        private java.util.Set<Integer> quoted(int end) {
            java.util.Set<Integer> out = new java.util.HashSet<>();
            for (Page p : waiting) {
                for (int i = p.next; i < p.to; i++) {
                    int at = ctx.index.linePosition(p.slug, i);
                    if (at >= end) break;
                    out.add(at);
                }
            }
            return out;
        }

        /**
         * Takes in every line of the articles before {@code end} in reading order, with their text as
         * {@code text} gives it (by place in reading order), and makes the pages that are complete.
         */
        private void take(int end, java.util.function.IntFunction<archive.model.ArticleText> text) {
            Parallel.forEach(waiting, p -> GlossaryPages.this.take(p, end, text, buffers));
            List<Page> done = waiting.stream().filter(p -> p.next == p.to).toList();
            Parallel.forEach(done, p -> {
                ctx.render(p.pending);
                if (p.rows != null && p.rows.capacity() <= MAX_KEPT_BUFFER) {
                    p.rows.clear();
                    buffers.push(p.rows);
                }
                p.rows = null;
            });
            waiting.removeIf(p -> p.next == p.to);
        }

        /** Reads the articles the waiting pages quote, a chunk at a time in reading order, and makes the pages. */
        void takeAll() {
            int n = ctx.index.articles().size();
            for (int chunk = 0; chunk < n && !waiting.isEmpty(); chunk += CHUNK) {
                int end = Math.min(n, chunk + CHUNK);
                Map<Integer, archive.model.ArticleText> text = new ConcurrentHashMap<>();
                Parallel.forEach(quoted(end), at -> text.put(at, ctx.text(ctx.index.articles().get(at))));
                take(end, text::get);
            }
            // Every article has been read, so every page was made.
            if (!waiting.isEmpty()) throw new IllegalStateException("concordance lines left without their articles");
            buffers.clear();
        }
    }

    /** The concordance of {@code entries}: their pages fingerprinted, the changed ones waiting for their lines. */
    private Concordance concordance(List<GlossaryEntry> entries, java.util.function.Function<String, Set<Integer>> only) {
        // Found once, not by each of the entries' parallel tasks; only these entries' lines when that
        // reads fewer articles (an edit's), none when no entry's page is asked for (an edit of a byline).
        // An entry of which only some pages are asked for (an edit's line) finds only their lines.
        ctx.index.findConcordanceOf(entries.stream().map(GlossaryEntry::slug).filter(g -> only.apply(g) == null).toList());
        Parallel.forEach(entries, g -> {
            Set<Integer> pages = only.apply(g.slug());
            if (pages != null) for (int n : pages) ctx.index.findLinesOf(g.slug(), (n - 1) * Pagination.LINES, n * Pagination.LINES);
        });
        List<Page> pages = new ArrayList<>();
        for (List<Page> ps : Parallel.map(entries, g -> prepare(g, only.apply(g.slug())))) pages.addAll(ps);
        // Pages without lines (an entry no article uses) are made at once; the others as their lines come in.
        Parallel.forEach(pages.stream().filter(p -> p.next == p.to).toList(), p -> ctx.render(p.pending));
        return new Concordance(new ArrayList<>(pages.stream().filter(p -> p.next < p.to).toList()));
    }

    /** Takes in the lines of {@code p} whose articles come before {@code end} in reading order. */
    private void take(Page p, int end, java.util.function.IntFunction<archive.model.ArticleText> text,
                      java.util.Deque<HtmlText.Builder> buffers) {
        while (p.next < p.to) {
            int at = ctx.index.linePosition(p.slug, p.next);
            if (at >= end) return;
            if (p.rows == null) {
                HtmlText.Builder reused = buffers.poll();
                p.rows = reused != null ? reused : new HtmlText.Builder((p.to - p.from) * 280);
            }
            Occurrence o = ctx.index.line(p.slug, p.next, text.apply(at));
            row(p, o);
            p.next++;
        }
    }

    /**
     * A concordance row as HTML, appended to its page. Built here rather than in the template,
     * like the annotated text: a large archive has millions of lines, and a template costs several
     * times more per line than the few appends below. A row is kept short (its end tags are
     * implied, the date is the link): a concordance is a third of the site's bytes.
     */
    private static void row(Page p, Occurrence o) {
        HtmlText.Builder sb = p.rows;
        if (o.article() != p.lastArticle) {
            // Lines come grouped by article: its link and date are made once.
            p.lastArticle = o.article();
            var a = o.article().article();
            p.beforeAnchor = ("<tr><td><a href=\"" + Html.escape(p.link.apply(PagePaths.article(a.id()))) + "#").toCharArray();
            p.afterAnchor = ("\">" + a.date() + " p." + a.page() + "</a><td lang=\"").toCharArray();
        }
        // Row anchors are made by the generator (p3, en2, title): nothing to escape.
        sb.append(p.beforeAnchor).append(o.anchor()).append(p.afterAnchor).append(o.lang()).append(END_TAG);
        // The same text as o.left(), o.match() and o.right(), without making those strings.
        String text = o.text();
        int from = o.contextStart(), to = o.contextEnd();
        if (from > 0) sb.append('…');
        // The line's characters copied once (into the thread's array, reached once), its three parts escaped from there.
        char[] line = archive.model.Chars.of(text, from, to);
        sb.escape(line, 0, o.start() - from).append(MARK);
        sb.escape(line, o.start() - from, o.end() - from).append(END_MARK);
        sb.escape(line, o.end() - from, to - from);
        if (to < text.length()) sb.append('…');
        sb.append('\n');
    }

    private static final char[] END_TAG = "\">".toCharArray(), MARK = "<mark>".toCharArray(), END_MARK = "</mark>".toCharArray();

    /**
     * What a page of concordance lines is made from: each line's article (as read: a line shows its
     * text, date and page, not its other annotations) and place in it.
     */
    private long linesFingerprint(String slug, int from, int to, String path) {
        Fingerprint f = new Fingerprint().add(path).add(to - from);
        // Lines come grouped by article; within one, its source fingerprint and the line's place in it tell them apart.
        AnnotatedArticle last = null;
        long source = 0;
        for (int i = from; i < to; i++) {
            AnnotatedArticle a = ctx.index.lineArticle(slug, i);
            if (a != last) {
                last = a;
                source = ctx.sourceFingerprint(a);
            }
            f.add(source).add(ctx.index.lineKey(slug, i));
        }
        return f.value();
    }

    /**
     * What of the entry {@code g} its first page alone shows, of every page of the site: its
     * explanation, references and related entries (see {@link #withoutFirstPageOnly}).
     */
    public static Object firstPageOnly(GlossaryEntry g) {
        return List.of(g.explanation(), g.references(), g.related());
    }

    /** The entry {@code g} without what its first page alone shows ({@link #firstPageOnly}): as every other page has it. */
    public static GlossaryEntry withoutFirstPageOnly(GlossaryEntry g) {
        return new GlossaryEntry(g.slug(), g.kind(), g.zh(), g.parts(), g.pinyin(), g.en(), g.gloss(), "", List.of(), List.of(),
                g.origin());
    }

    /** Pinyin without tone marks, then the characters, then the slug: a stable order for readers of either language. */
    static Comparator<GlossaryEntry> byPinyin() {
        Collator c = Collator.getInstance(Locale.ROOT);
        c.setStrength(Collator.PRIMARY);
        return Comparator.<GlossaryEntry, String>comparing(g -> g.pinyin().toLowerCase(Locale.ROOT), c)
                .thenComparing(GlossaryEntry::headword).thenComparing(GlossaryEntry::slug);
    }

    /**
     * The pages of the entry's concordance (page/2/ … when it is long) that must be made: each is
     * fingerprinted, and kept as published when unchanged. Only {@code only}'s pages if not null.
     */
    private List<Page> prepare(GlossaryEntry g, Set<Integer> only) {
        String base = PagePaths.entry(g.slug());
        List<AnnotatedArticle> articles = ctx.index.usingEntry(g.slug());
        int lines = ctx.index.lineCount(g.slug());
        // Markdown is rendered once, for the entry's first page, so its diagnostics are reported once;
        // not at all when that page is not asked for (an edit's line on a later page), as no other shows it.
        boolean first = only == null || only.contains(1);
        String explanation = !first ? "" : ctx.renderMarkdown("glossary/" + g.slug() + "/explanation", g.explanation(),
                g.explanationAt().file(), g.explanationAt().line(), base);
        List<String> references = !first ? List.of() : IntStream.range(0, g.references().size()).mapToObj(i -> ctx.renderMarkdown(
                "glossary/" + g.slug() + "/reference/" + i, g.references().get(i), g.referenceAt(i).file(), g.referenceAt(i).line(),
                base)).toList();
        // Without their counts (their own pages show them): an article using a related entry would
        // otherwise remake this entry's first page.
        List<Views.Ref> related = g.related().stream().filter(ctx.glossary::containsKey).map(s -> ctx.entryRef(s, 0)).toList();
        var perMonth = first ? ArchiveIndex.perMonth(articles) : null;
        String title = g.headword() + " · " + (g.en().isEmpty() ? g.gloss() : g.en().get(0));
        int total = Pagination.pageCount(lines, Pagination.LINES);
        // Later pages carry the entry without what only the first shows: an edit of that remakes the
        // first page alone, not every page of a concordance that runs to hundreds of pages.
        GlossaryEntry later = withoutFirstPageOnly(g);
        List<Page> out = new ArrayList<>();
        for (Page p : Parallel.map(IntStream.rangeClosed(1, total).filter(n -> only == null || only.contains(n)).boxed().toList(), n -> {
            Pagination.Pager pager = Pagination.pager(base, n, total);
            int from = Math.min(lines, (n - 1) * Pagination.LINES), to = Math.min(lines, n * Pagination.LINES);
            String path = Pagination.path(base, n);
            Page page = new Page(g.slug(), from, to, ctx.linker(path));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("entry", pager.first() ? g : later);
            v.put("kindEn", g.kind().labelEn());
            v.put("kindZh", g.kind().labelZh());
            // Later pages carry the concordance only; the explanation's links are made for the first page.
            v.put("explanation", pager.first() ? explanation : "");
            v.put("references", pager.first() ? references : List.of());
            v.put("related", pager.first() ? related : List.of());
            // The counts and the chart by month are the first page's alone (see Pagination.Pager#first):
            // a new article then remakes the pages from its lines on, not every page of the concordance.
            v.put("articleCount", pager.first() ? articles.size() : null);
            v.put("lineCount", pager.first() ? lines : null);
            v.put("lines", ctx.deferred(linesFingerprint(g.slug(), from, to, path), page::rows));
            v.put("chart", pager.first() ? ctx.monthChart("Articles using " + g.headword() + " per month · 每月使用该词的文章数", perMonth,
                    path) : "");
            v.put("pager", pager);
            page.pending = ctx.prepare("glossary-entry", path, Pagination.title(title, pager), g.gloss(), "glossary", v);
            return page;
        })) {
            if (p.pending != null) out.add(p);
        }
        return out;
    }
}
