package archive.render;

import archive.index.ArchiveIndex;
import archive.model.AnnotatedArticle;
import archive.model.Place;
import archive.parallel.Parallel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gazetteer as a hierarchy with counts, and a page for each place that has articles. */
public final class PlacePages {
    private final RenderContext ctx;

    public PlacePages(RenderContext ctx) { this.ctx = ctx; }

    /** A place in the hierarchy; {@code path} is null when it has no articles (and so no page). */
    public record Node(String slug, String path, String en, String zh, String typeEn, String typeZh, int count,
                       List<Node> children) {}

    public void renderAll() {
        List<Node> top = ctx.data.places().stream().filter(p -> p.parent() == null || !ctx.places.containsKey(p.parent()))
                .sorted(Comparator.comparing(Place::name).thenComparing(Place::slug)).map(this::node).toList();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tree", top);
        v.put("withArticles", ctx.data.places().stream().filter(p -> ctx.placeHasPage(p.slug())).count());
        // The chart ranks the places articles name themselves (not via sub-places), the 20 most reported.
        v.put("chart", Charts.ranked("Places most reported · 报道最多的地点", ctx.data.places().stream()
                .filter(p -> !ctx.index.mentioning(p.slug()).isEmpty())
                .sorted(Comparator.comparingInt((Place p) -> -ctx.index.mentioning(p.slug()).size()).thenComparing(Place::name))
                .limit(20).map(p -> new Charts.Bar(p.name(), p.zh(), ctx.index.mentioning(p.slug()).size(), PagePaths.place(p.slug())))
                .toList(), ctx.linker(PagePaths.PLACES)));
        ctx.page("places-index", PagePaths.PLACES, "Places · 地点", "The places of the archive's articles, "
                + "province by province.", "places", v);
        Parallel.forEach(ctx.data.places().stream().filter(p -> ctx.placeHasPage(p.slug())).toList(), p -> place(p, Pagination.ALL));
    }

    /**
     * The pages of the places {@code slugs} only (see {@link DatePages#render(java.util.Set)}): of each,
     * the pages {@code only} gives for its path (see {@link Pagination}).
     */
    public void render(java.util.Set<String> slugs, java.util.function.Function<String, java.util.function.IntPredicate> only) {
        Parallel.forEach(ctx.data.places().stream().filter(p -> slugs.contains(p.slug()) && ctx.placeHasPage(p.slug())).toList(),
                p -> place(p, only.apply(PagePaths.place(p.slug()))));
    }

    /**
     * What of the place {@code p} its own pages alone show, of every page of the site: its editors'
     * note and its coordinates (which the downloads show too).
     */
    public static Object ownPagesOnly(Place p) {
        return java.util.Arrays.asList(p.note(), p.lat(), p.lon());
    }

    /** The place {@code p} without what its own pages alone show ({@link #ownPagesOnly}). */
    public static Place withoutOwnPagesOnly(Place p) {
        return p.asMatched();
    }

    private Node node(Place p) {
        List<Node> children = ctx.index.children(p.slug()).stream().map(ctx.places::get)
                .sorted(Comparator.comparing(Place::name).thenComparing(Place::slug)).map(this::node).toList();
        int count = ctx.index.totalFor(p.slug());
        return new Node(p.slug(), count > 0 ? PagePaths.place(p.slug()) : null, p.name(), p.zh(), p.type().labelEn(),
                p.type().labelZh(), count, children);
    }

    private void place(Place p, java.util.function.IntPredicate only) {
        String base = PagePaths.place(p.slug());
        List<AnnotatedArticle> own = ctx.index.mentioning(p.slug());
        List<AnnotatedArticle> sub = ctx.index.viaSubPlaces(p.slug());
        // One list, the place's own articles then those about places within it, cut into pages; its
        // tally and chart count them, its dates are its parts' ends (see ArchiveIndex#dateRange).
        List<AnnotatedArticle> listed = new ArrayList<>(own);
        listed.addAll(sub);
        java.time.LocalDate[] dates = ArchiveIndex.dateRange(List.of(own, sub), null);
        Place parent = p.parent() == null ? null : ctx.places.get(p.parent());
        // The way up, without the parent's count (its own page shows it): an article about a place
        // beside this one changes that count, and would otherwise remake every page of this place.
        Views.Ref parentRef = parent == null ? null : new Views.Ref(ctx.placeHasPage(parent.slug()) ? PagePaths.place(parent.slug())
                : PagePaths.PLACES + "#" + parent.slug(), parent.name(), parent.zh(), 0, "");
        // What sums up the place is counted only when its first page is made (an edit's may make later ones alone).
        boolean summed = only.test(1);
        List<Views.Ref> children = !summed ? List.of() : ctx.index.children(p.slug()).stream().map(ctx.places::get)
                .sorted(Comparator.comparing(Place::name)).filter(c -> ctx.placeHasPage(c.slug()))
                .map(c -> ctx.placeRef(c.slug(), ctx.index.totalFor(c.slug()))).toList();
        List<Views.Ref> industries = !summed ? List.of() : ArchiveIndex.tally(listed, AnnotatedArticle::industries).stream()
                .filter(e -> ctx.industries.containsKey(e.getKey())).map(e -> ctx.industryRef(e.getKey(), e.getValue())).toList();
        var perMonth = summed ? ArchiveIndex.perMonth(listed) : null;
        Pagination.pages(base, listed, Pagination.ARTICLES, only, (slice, pager) -> {
            String path = Pagination.path(base, pager.current());
            int from = (pager.current() - 1) * Pagination.ARTICLES;
            int ownEnd = Math.max(0, Math.min(slice.size(), own.size() - from));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("place", p);
            v.put("typeEn", p.type().labelEn());
            v.put("typeZh", p.type().labelZh());
            v.put("articles", ctx.deferredItems(slice.subList(0, ownEnd), path));
            v.put("subArticles", ctx.deferredItems(slice.subList(ownEnd, slice.size()), path));
            v.put("parent", parentRef);
            // What sums up the place (the places within it and the industries with their counts, the
            // chart) is its first page's alone: a new article then remakes the pages from its place on.
            boolean first = pager.first();
            v.put("children", first ? children : List.of());
            v.put("industries", first ? industries : List.of());
            v.put("firstDate", dates == null ? "" : Dates.en(dates[0]));
            v.put("lastDate", dates == null ? "" : Dates.en(dates[1]));
            v.put("coordinates", p.hasCoordinates() ? String.format(java.util.Locale.ROOT, "%.2f° %s, %.2f° %s",
                    Math.abs(p.lat()), p.lat() >= 0 ? "N" : "S", Math.abs(p.lon()), p.lon() >= 0 ? "E" : "W") : "");
            v.put("chart", first ? ctx.monthChart("Articles about " + p.name() + " per month · 每月文章数", perMonth, path) : "");
            v.put("pager", pager);
            ctx.page("place", path, Pagination.title(p.name() + " · " + p.zh(), pager),
                    "Articles of People's Daily about " + p.name() + ", 1958–1960.", "places", v);
        });
    }
}
