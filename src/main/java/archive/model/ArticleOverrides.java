package archive.model;

import java.nio.file.Path;
import java.util.List;

/**
 * An editor's corrections to what detection found for one article (seeds/NNN_id.meta.yaml):
 * places and industries to add or to remove.
 */
public record ArticleOverrides(Path file, List<String> addPlaces, List<String> removePlaces,
                               List<String> addIndustries, List<String> removeIndustries) {
    public static final ArticleOverrides NONE = new ArticleOverrides(null, List.of(), List.of(), List.of(), List.of());

    public ArticleOverrides {
        addPlaces = List.copyOf(addPlaces);
        removePlaces = List.copyOf(removePlaces);
        addIndustries = List.copyOf(addIndustries);
        removeIndustries = List.copyOf(removeIndustries);
    }

    /**
     * The record's own form ("ArticleOverrides[file=…, …]"), which the annotations' fingerprints
     * read: written out, since the generated one goes through method handles, slow in a build's first moments.
     */
    @Override
    public String toString() {
        return new StringBuilder("ArticleOverrides[file=").append(file).append(", addPlaces=").append(addPlaces)
                .append(", removePlaces=").append(removePlaces).append(", addIndustries=").append(addIndustries)
                .append(", removeIndustries=").append(removeIndustries).append(']').toString();
    }
}
