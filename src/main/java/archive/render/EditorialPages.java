package archive.render;

import archive.index.ArchiveIndex;
import archive.model.AnnotatedArticle;
import archive.model.SitePage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** The home page, the list of all articles, the list of annotated articles and the archive's own pages. */
public final class EditorialPages {
    /** An annotated article with its introduction. */
    public record Annotated(Views.ArticleSummary article, String introduction) {}

    private final RenderContext ctx;

    public EditorialPages(RenderContext ctx) { this.ctx = ctx; }

    /** The home page: introduction and counts, then the articles by date, newest first, page by page. */
    public void home(SitePage intro) { home(intro, Pagination.ALL); }

    /** The pages numbered {@code only} of the home page (see {@link Pagination}). */
    public void home(SitePage intro, IntPredicate only) {
        String html = intro == null ? "" : renderPage(intro, PagePaths.HOME);
        List<AnnotatedArticle> newestFirst = newestFirst(ctx.index);
        long placeCount = ctx.data.places().stream().filter(p -> ctx.placeHasPage(p.slug())).count();
        long annotatedCount = ctx.index.annotatedCount();
        Pagination.pages(PagePaths.HOME, newestFirst, Pagination.ARTICLES, only, (slice, pager) -> {
            String path = Pagination.path(PagePaths.HOME, pager.current());
            Map<String, Object> v = new LinkedHashMap<>();
            // The introduction and the counts are the first page's alone (empty on the others): a new
            // article, entry or note then changes that page, not every page of the list after it.
            boolean first = pager.first();
            v.put("introduction", first ? html : "");
            v.put("articleCount", first ? ctx.index.articles().size() : null);
            v.put("dayCount", first ? ctx.index.byDay().size() : null);
            v.put("placeCount", first ? placeCount : null);
            v.put("entryCount", first ? ctx.data.glossary().size() : null);
            v.put("annotatedCount", first ? annotatedCount : null);
            v.put("byDate", ctx.deferredItems(slice, path, () -> byDay(slice, path)));
            v.put("pager", pager);
            ctx.page("home", path, Pagination.title(ctx.site.titleEn() + " · " + ctx.site.titleZh(), pager),
                    "People's Daily articles of the Great Leap Forward, 1958–1960, in English and Chinese, annotated.", "home", v);
        });
    }

    /** The home page's list: the articles by day, newest day first, each day's in reading order. */
    public static List<AnnotatedArticle> newestFirst(ArchiveIndex index) {
        List<AnnotatedArticle> out = new ArrayList<>(index.articles().size());
        index.byDay().descendingMap().forEach((d, as) -> out.addAll(as));
        return out;
    }

    /** Consecutive articles of one day under that day's heading. */
    private List<Views.Group> byDay(List<AnnotatedArticle> slice, String path) {
        List<Views.Group> out = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= slice.size(); i++) {
            if (i == slice.size() || !slice.get(i).article().date().equals(slice.get(from).article().date())) {
                var d = slice.get(from).article().date();
                out.add(new Views.Group(PagePaths.day(d), Dates.en(d), Dates.zh(d), ctx.items(slice.subList(from, i), path)));
                from = i;
            }
        }
        return out;
    }

    public void articleList() { articleList(Pagination.ALL); }

    /** The pages numbered {@code only} of the list of articles. */
    public void articleList(IntPredicate only) {
        List<AnnotatedArticle> all = ctx.index.articles();
        Pagination.pages(PagePaths.ARTICLES, all, Pagination.ARTICLES, only, (slice, pager) -> {
            String path = Pagination.path(PagePaths.ARTICLES, pager.current());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("articles", ctx.deferredItems(slice, path));
            v.put("count", pager.first() ? all.size() : null); // the first page's alone, as on the home page
            v.put("pager", pager);
            ctx.page("articles", path, Pagination.title("All articles · 全部文章", pager), "Every article of the archive, by date.",
                    "articles", v);
        });
    }

    public void notesIndex(Map<String, String> introductions) {
        List<Annotated> list = new ArrayList<>();
        for (AnnotatedArticle a : ctx.index.articles()) {
            if (a.annotated()) list.add(new Annotated(ctx.summary(a), introductions.getOrDefault(a.id(), "")));
        }
        Pagination.pages(PagePaths.NOTES, list, Pagination.ARTICLES, (slice, pager) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("annotated", slice);
            v.put("count", list.size());
            v.put("pager", pager);
            ctx.page("notes-index", Pagination.path(PagePaths.NOTES, pager.current()),
                    Pagination.title("Annotated articles · 编者注释", pager), "Articles with the editors' introductions "
                    + "and notes.", "notes", v);
        });
    }

    public void sitePage(SitePage p) {
        String path = PagePaths.page(p.name());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("content", renderPage(p, path));
        v.put("title", p.title());
        ctx.page("page", path, p.title(), p.title(), "page", v);
    }

    private String renderPage(SitePage p, String path) {
        return ctx.renderMarkdown("page/" + p.name(), p.markdown(), p.file(), p.firstLine(), path);
    }
}
