package archive.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the editors know beyond the articles: glossary, gazetteer, industries. */
public record EditorialData(List<GlossaryEntry> glossary, List<Place> places, List<Industry> industries) {
    public EditorialData {
        glossary = List.copyOf(glossary);
        places = List.copyOf(places);
        industries = List.copyOf(industries);
    }

    public static EditorialData empty() { return new EditorialData(List.of(), List.of(), List.of()); }

    public Map<String, GlossaryEntry> glossaryBySlug() { return bySlug(glossary, GlossaryEntry::slug); }
    public Map<String, Place> placesBySlug() { return bySlug(places, Place::slug); }
    public Map<String, Industry> industriesBySlug() { return bySlug(industries, Industry::slug); }

    private static <T> Map<String, T> bySlug(List<T> items, java.util.function.Function<T, String> slug) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T t : items) m.putIfAbsent(slug.apply(t), t);
        return m;
    }
}
