package archive.render;

import archive.index.ArchiveIndex;
import archive.model.AnnotatedArticle;
import archive.model.Industry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The industries index and a page per industry with articles, places and articles per month. */
public final class IndustryPages {
    private final RenderContext ctx;

    public IndustryPages(RenderContext ctx) { this.ctx = ctx; }

    public void renderAll() {
        List<Views.Ref> refs = ctx.data.industries().stream()
                .map(i -> new Views.Ref(ctx.industryHasPage(i.slug()) ? PagePaths.industry(i.slug()) : null, i.name(), i.zh(),
                        ctx.index.inIndustry(i.slug()).size(), i.slug())).toList();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("industries", refs);
        v.put("chart", Charts.ranked("Articles per industry · 各行业文章数", refs.stream().filter(r -> r.count() > 0)
                .sorted(java.util.Comparator.comparingInt(Views.Ref::count).reversed().thenComparing(Views.Ref::en))
                .map(r -> new Charts.Bar(r.en(), r.zh(), r.count(), r.path())).toList(), ctx.linker(PagePaths.INDUSTRIES)));
        ctx.page("industries-index", PagePaths.INDUSTRIES, "Industries · 行业", "The archive's articles by industry.",
                "industries", v);
        for (Industry i : ctx.data.industries()) if (ctx.industryHasPage(i.slug())) industry(i);
    }

    private void industry(Industry i) {
        String path = PagePaths.industry(i.slug());
        List<AnnotatedArticle> articles = ctx.index.inIndustry(i.slug());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("industry", i);
        v.put("articles", ctx.summaries(articles));
        v.put("places", ArchiveIndex.tally(articles, AnnotatedArticle::places).stream()
                .filter(e -> ctx.places.containsKey(e.getKey())).map(e -> ctx.placeRef(e.getKey(), e.getValue())).toList());
        v.put("chart", Charts.perMonth(i.name() + ": articles per month · 每月文章数", ArchiveIndex.perMonth(articles),
                PagePaths::month, ctx.linker(path)));
        ctx.page("industry", path, i.name() + " · " + i.zh(), "Articles of People's Daily on " + i.name() + ", 1958–1960.",
                "industries", v);
    }
}
