package archive.render;

import archive.model.GlossaryEntry;
import archive.model.Industry;
import archive.model.Place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search page, search/: the query form with its filters (years, places, industries and
 * glossary entries that have articles), which also works as a plain GET form; the results are
 * made in the browser by assets/search.js from the index in search/data/.
 */
public final class SearchPage {
    public static final String PATH = "search/";

    /** One choice of a filter. */
    public record Option(String value, String label, String zh) {}

    private final RenderContext ctx;

    public SearchPage(RenderContext ctx) { this.ctx = ctx; }

    public void render() {
        Map<String, Object> v = new LinkedHashMap<>();
        List<Option> years = new ArrayList<>();
        ctx.index.byYear().keySet().forEach(y -> years.add(new Option(String.valueOf(y), String.valueOf(y), "")));
        List<Option> places = new ArrayList<>();
        for (Place p : ctx.data.places()) if (ctx.placeHasPage(p.slug())) places.add(new Option(p.slug(), p.name(), p.zh()));
        places.sort(Comparator.comparing(Option::label).thenComparing(Option::value));
        List<Option> industries = new ArrayList<>();
        for (Industry i : ctx.data.industries()) if (ctx.industryHasPage(i.slug())) industries.add(new Option(i.slug(), i.name(), i.zh()));
        List<Option> entries = new ArrayList<>();
        for (GlossaryEntry g : ctx.data.glossary()) {
            if (ctx.index.usingEntry(g.slug()).isEmpty()) continue;
            entries.add(new Option(g.slug(), g.en().isEmpty() ? g.gloss() : g.en().get(0), g.headword()));
        }
        entries.sort(Comparator.comparing(Option::label).thenComparing(Option::value));
        v.put("years", years);
        v.put("places", places);
        v.put("industries", industries);
        v.put("entries", entries);
        ctx.page("search", PATH, "Search · 搜索", "Search the archive's articles in English or Chinese.", "search", v);
    }
}
