package archive.build;

import archive.model.EditorialData;
import archive.model.GlossaryEntry;
import archive.render.Fingerprint;
import archive.render.GlossaryPages;
import archive.render.RenderContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The editorial data cut by the pages that show it: what a glossary entry's first page alone
 * shows of it (its explanation, references and related entries; see GlossaryPages), by entry,
 * and the rest, which any page may show. An edit of the data that changes only the former changes
 * only those first pages, so a one-off build takes the edit's way (see {@link #firstPagesChanged}).
 * Where each entry was written is left out, as no page shows it.
 *
 * @param shared     a fingerprint of the data without what only the entries' first pages show
 * @param firstPages a fingerprint of what each entry's first page alone shows, by slug
 */
record DataParts(long shared, Map<String, Long> firstPages) {
    DataParts {
        firstPages = Map.copyOf(firstPages);
    }

    static DataParts of(EditorialData data) {
        List<GlossaryEntry> shared = data.glossary().stream().map(GlossaryPages::withoutFirstPageOnly).toList();
        Map<String, Long> firstPages = new HashMap<>(data.glossary().size() * 4 / 3 + 16);
        for (GlossaryEntry g : data.glossary()) {
            firstPages.put(g.slug(), new Fingerprint().addValue(GlossaryPages.firstPageOnly(g)).value());
        }
        long key = RenderContext.dataFingerprint(new EditorialData(shared, data.places(), data.industries()));
        return new DataParts(key, firstPages);
    }

    /**
     * The entries whose first pages show something else than with the data {@code before}, when
     * that is all that changed (none when nothing did); null when anything else of the data changed.
     */
    Set<String> firstPagesChanged(DataParts before) {
        if (before == null || shared != before.shared || !firstPages.keySet().equals(before.firstPages.keySet())) return null;
        Set<String> out = new TreeSet<>();
        firstPages.forEach((slug, f) -> { if (!f.equals(before.firstPages.get(slug))) out.add(slug); });
        return out;
    }
}
