package archive.source;

import archive.diag.Diagnostics;
import archive.model.ArticleOverrides;
import archive.model.EditorialData;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads seeds/NNN_id.meta.yaml, an editor's corrections to detection:
 * <pre>
 * places:
 *   add: [karamay]
 *   remove: [tianshan]
 * industries:
 *   add: [petroleum]
 *   remove: []
 * </pre>
 */
public final class OverridesLoader {
    public ArticleOverrides read(Path file, EditorialData data, Diagnostics diags) {
        YamlFile.Entry root = YamlFile.loadMapping(file, diags);
        if (root == null) return ArticleOverrides.NONE;
        root.rejectUnknownKeys(Set.of("places", "industries"));
        YamlFile.Entry places = root.entry("places"), industries = root.entry("industries");
        Set<String> placeSlugs = data.placesBySlug().keySet(), industrySlugs = data.industriesBySlug().keySet();
        return new ArticleOverrides(file,
                slugs(places, "add", placeSlugs, "place", "data/places.yaml"),
                slugs(places, "remove", placeSlugs, "place", "data/places.yaml"),
                slugs(industries, "add", industrySlugs, "industry", "data/industries.yaml"),
                slugs(industries, "remove", industrySlugs, "industry", "data/industries.yaml"));
    }

    private static List<String> slugs(YamlFile.Entry e, String key, Set<String> known, String what, String where) {
        if (e == null) return List.of();
        e.rejectUnknownKeys(Set.of("add", "remove"));
        List<String> out = e.strings(key);
        for (String s : out) {
            if (!known.contains(s)) e.error(key, "unknown " + what + " `" + s + "`; use a slug from " + where);
        }
        return out.stream().filter(known::contains).toList();
    }
}
