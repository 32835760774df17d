package archive.model;

import java.util.List;

/**
 * One industry (data/industries.yaml) and the words that signal it.
 *
 * @param threshold how many signal occurrences in one language assign it to an article
 */
public record Industry(String slug, String name, String zh, List<String> zhSignals, List<String> enSignals,
                       int threshold, Origin origin) {
    public static final int DEFAULT_THRESHOLD = 3;

    public Industry {
        zhSignals = List.copyOf(zhSignals);
        enSignals = List.copyOf(enSignals);
    }
}
