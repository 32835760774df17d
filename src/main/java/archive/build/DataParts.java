package archive.build;

import archive.model.EditorialData;
import archive.model.GlossaryEntry;
import archive.model.Place;
import archive.render.Fingerprint;
import archive.render.GlossaryPages;
import archive.render.PlacePages;
import archive.render.RenderContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The editorial data cut by the pages that show it: what a glossary entry's first page alone
 * shows of it (its explanation, references and related entries; see GlossaryPages), by entry;
 * what a place's own pages alone show (its note and coordinates; see PlacePages), by place, with
 * its coordinates apart, which the downloads show too; and the rest, which any page may show. An
 * edit of the data that changes only the former changes only those pages (and the downloads), so
 * a one-off build or the preview takes the edit's way (see {@link #ownPagesChanged}).
 * Where each entry was written is left out, as no page shows it.
 *
 * @param shared      a fingerprint of the data without what only those pages show
 * @param firstPages  a fingerprint of what each entry's first page alone shows, by slug
 * @param placePages  a fingerprint of what each place's pages alone show, by slug
 * @param coordinates a fingerprint of each place's coordinates, by slug (the part of {@code placePages} the downloads show)
 */
record DataParts(long shared, Map<String, Long> firstPages, Map<String, Long> placePages, Map<String, Long> coordinates) {
    /**
     * The entries and places whose own pages show something else than before (see {@link
     * #ownPagesChanged}), and whether the downloads do (a place's coordinates changed).
     */
    record Changed(Set<String> entries, Set<String> places, boolean downloads) {
        boolean isEmpty() { return entries.isEmpty() && places.isEmpty(); }
    }

    DataParts {
        firstPages = Map.copyOf(firstPages);
        placePages = Map.copyOf(placePages);
        coordinates = Map.copyOf(coordinates);
    }

    static DataParts of(EditorialData data) {
        List<GlossaryEntry> glossary = data.glossary().stream().map(GlossaryPages::withoutFirstPageOnly).toList();
        List<Place> places = data.places().stream().map(PlacePages::withoutOwnPagesOnly).toList();
        long shared = RenderContext.dataFingerprint(new EditorialData(glossary, places, data.industries()));
        return new DataParts(shared, bySlug(data.glossary(), GlossaryEntry::slug, GlossaryPages::firstPageOnly),
                bySlug(data.places(), Place::slug, PlacePages::ownPagesOnly),
                bySlug(data.places(), Place::slug, p -> List.of(p.lat(), p.lon())));
    }

    private static <T> Map<String, Long> bySlug(List<T> items, Function<T, String> slug, Function<T, Object> part) {
        Map<String, Long> out = new HashMap<>(items.size() * 4 / 3 + 16);
        for (T t : items) out.put(slug.apply(t), new Fingerprint().addValue(part.apply(t)).value());
        return out;
    }

    /**
     * The entries and places whose own pages show something else than with the data {@code before},
     * when that is all that changed (none when nothing did); null when anything else of the data changed.
     */
    Changed ownPagesChanged(DataParts before) {
        if (before == null || shared != before.shared || !firstPages.keySet().equals(before.firstPages.keySet())
                || !placePages.keySet().equals(before.placePages.keySet()) || !coordinates.keySet().equals(before.coordinates.keySet())) {
            return null;
        }
        return new Changed(changed(firstPages, before.firstPages), changed(placePages, before.placePages),
                !changed(coordinates, before.coordinates).isEmpty());
    }

    private static Set<String> changed(Map<String, Long> now, Map<String, Long> before) {
        Set<String> out = new TreeSet<>();
        now.forEach((slug, f) -> { if (!f.equals(before.get(slug))) out.add(slug); });
        return out;
    }
}
