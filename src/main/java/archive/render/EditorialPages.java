package archive.render;

import archive.model.AnnotatedArticle;
import archive.model.SitePage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The home page, the list of all articles, the list of annotated articles and the archive's own pages. */
public final class EditorialPages {
    /** An annotated article with its introduction. */
    public record Annotated(Views.ArticleSummary article, String introduction) {}

    private final RenderContext ctx;

    public EditorialPages(RenderContext ctx) { this.ctx = ctx; }

    public void home(SitePage intro) {
        String html = intro == null ? "" : renderPage(intro, PagePaths.HOME);
        List<Views.Group> byDate = new ArrayList<>();
        ctx.index.byDay().descendingMap().forEach((d, as) ->
                byDate.add(new Views.Group(PagePaths.day(d), Dates.en(d), Dates.zh(d), ctx.summaries(as))));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("introduction", html);
        v.put("articleCount", ctx.index.articles().size());
        v.put("dayCount", ctx.index.byDay().size());
        v.put("placeCount", ctx.data.places().stream().filter(p -> ctx.placeHasPage(p.slug())).count());
        v.put("entryCount", ctx.data.glossary().size());
        v.put("annotatedCount", ctx.index.articles().stream().filter(AnnotatedArticle::annotated).count());
        v.put("byDate", byDate);
        ctx.page("home", PagePaths.HOME, ctx.site.titleEn() + " · " + ctx.site.titleZh(),
                "People's Daily articles of the Great Leap Forward, 1958–1960, in English and Chinese, annotated.", "home", v);
    }

    public void articleList() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("articles", ctx.summaries(ctx.index.articles()));
        ctx.page("articles", PagePaths.ARTICLES, "All articles · 全部文章", "Every article of the archive, by date.",
                "articles", v);
    }

    public void notesIndex(Map<String, String> introductions) {
        List<Annotated> list = new ArrayList<>();
        for (AnnotatedArticle a : ctx.index.articles()) {
            if (a.annotated()) list.add(new Annotated(ctx.summary(a), introductions.getOrDefault(a.id(), "")));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("annotated", list);
        ctx.page("notes-index", PagePaths.NOTES, "Annotated articles · 编者注释", "Articles with the editors' introductions "
                + "and notes.", "notes", v);
    }

    public void sitePage(SitePage p) {
        String path = PagePaths.page(p.name());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("content", renderPage(p, path));
        v.put("title", p.title());
        ctx.page("page", path, p.title(), p.title(), "page", v);
    }

    private String renderPage(SitePage p, String path) {
        return ctx.markdown.render(p.markdown(), new Markdown.Context(p.file(), p.firstLine(), ctx.refs, ctx.linker(path), ctx.diags));
    }
}
