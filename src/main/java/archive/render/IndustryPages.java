package archive.render;

import archive.index.ArchiveIndex;
import archive.model.AnnotatedArticle;
import archive.model.Industry;
import archive.parallel.Parallel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The industries index and a page per industry with articles, places and articles per month. */
public final class IndustryPages {
    private final RenderContext ctx;

    public IndustryPages(RenderContext ctx) { this.ctx = ctx; }

    /** An industry on the index: {@code slug} is its anchor there, {@code path} null when it has no articles. */
    public record Row(String slug, String path, String en, String zh, int count) {}

    public void renderAll() {
        List<Row> rows = ctx.data.industries().stream()
                .map(i -> new Row(i.slug(), ctx.industryHasPage(i.slug()) ? PagePaths.industry(i.slug()) : null, i.name(), i.zh(),
                        ctx.index.inIndustry(i.slug()).size())).toList();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("industries", rows);
        v.put("chart", Charts.ranked("Articles per industry · 各行业文章数", rows.stream().filter(r -> r.count() > 0)
                .sorted(java.util.Comparator.comparingInt(Row::count).reversed().thenComparing(Row::en))
                .map(r -> new Charts.Bar(r.en(), r.zh(), r.count(), r.path())).toList(), ctx.linker(PagePaths.INDUSTRIES)));
        ctx.page("industries-index", PagePaths.INDUSTRIES, "Industries · 行业", "The archive's articles by industry.",
                "industries", v);
        Parallel.forEach(ctx.data.industries().stream().filter(i -> ctx.industryHasPage(i.slug())).toList(),
                i -> industry(i, Pagination.ALL));
    }

    /**
     * The pages of the industries {@code slugs} only (see {@link DatePages#render(java.util.Set)}): of each,
     * the pages {@code only} gives for its path (see {@link Pagination}).
     */
    public void render(java.util.Set<String> slugs, java.util.function.Function<String, java.util.function.IntPredicate> only) {
        Parallel.forEach(ctx.data.industries().stream().filter(i -> slugs.contains(i.slug()) && ctx.industryHasPage(i.slug()))
                .toList(), i -> industry(i, only.apply(PagePaths.industry(i.slug()))));
    }

    private void industry(Industry i, java.util.function.IntPredicate only) {
        String base = PagePaths.industry(i.slug());
        List<AnnotatedArticle> articles = ctx.index.inIndustry(i.slug());
        // What sums up the industry is counted only when its first page is made (an edit's may make later ones alone).
        boolean summed = only.test(1);
        List<Views.Ref> places = !summed ? List.of() : ArchiveIndex.tally(articles, AnnotatedArticle::places).stream()
                .filter(e -> ctx.places.containsKey(e.getKey())).map(e -> ctx.placeRef(e.getKey(), e.getValue())).toList();
        var perMonth = summed ? ArchiveIndex.perMonth(articles) : null;
        Pagination.pages(base, articles, Pagination.ARTICLES, only, (slice, pager) -> {
            String path = Pagination.path(base, pager.current());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("industry", i);
            v.put("articles", ctx.deferredItems(slice, path));
            // The count, the places and the chart sum up the industry on its first page alone: a new
            // article then remakes the pages from its place on, not every page of the list.
            boolean first = pager.first();
            v.put("count", first ? articles.size() : null);
            v.put("places", first ? places : List.of());
            v.put("chart", first ? ctx.monthChart(i.name() + ": articles per month · 每月文章数", perMonth, path) : "");
            v.put("pager", pager);
            ctx.page("industry", path, Pagination.title(i.name() + " · " + i.zh(), pager),
                    "Articles of People's Daily on " + i.name() + ", 1958–1960.", "industries", v);
        });
    }
}
