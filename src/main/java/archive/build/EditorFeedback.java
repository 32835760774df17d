package archive.build;

import archive.diag.Diagnostics;
import archive.model.AnnotatedArticle;
import archive.model.EditorialData;
import archive.model.GlossaryEntry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Set;

/**
 * Warnings that help editors keep the glossary true to the texts: an entry that matches nothing,
 * and an article whose Chinese uses an entry while its English has none of the entry's renderings
 * (most often a rendering missing from the entry's `en:` list).
 */
final class EditorFeedback {
    /** Articles named in a warning; the count gives the rest. */
    private static final int EXAMPLES = 3;

    private final EditorialData data;

    EditorFeedback(EditorialData data) { this.data = data; }

    /** Reports the warnings about {@code articles}, which need not keep their mentions (see AnnotatedArticle#chineseOnly). */
    void report(List<AnnotatedArticle> articles, Diagnostics diags) {
        Set<String> used = new HashSet<>();
        articles.forEach(a -> used.addAll(a.glossary()));
        for (GlossaryEntry g : data.glossary()) {
            if (!used.contains(g.slug())) {
                diags.warn(g.origin().file(), g.origin().line(), "the glossary entry `" + g.slug()
                        + "` matches nothing in the articles; check its forms");
            }
        }
        // One warning per entry, not per article: at archive scale an entry can miss its rendering in
        // thousands of articles, and the editor's fix (a rendering added to `en:`) is one line.
        var bySlug = data.glossaryBySlug();
        Map<String, List<AnnotatedArticle>> missing = new TreeMap<>();
        for (AnnotatedArticle a : articles) {
            for (String s : lacking(a, bySlug)) missing.computeIfAbsent(s, k -> new ArrayList<>()).add(a);
        }
        for (GlossaryEntry g : data.glossary()) {
            List<AnnotatedArticle> in = missing.get(g.slug());
            if (in == null) continue;
            String examples = in.stream().limit(EXAMPLES).map(a -> a.id() + " (" + a.article().source().getFileName() + ")")
                    .collect(Collectors.joining(", "));
            String more = in.size() > EXAMPLES ? " and " + (in.size() - EXAMPLES) + " more" : "";
            diags.warn(g.origin().file(), g.origin().line(), (in.size() == 1 ? "article " : in.size() + " articles: ") + examples
                    + more + (in.size() == 1 ? " uses " : " use ") + g.headword() + " in Chinese but none of `" + g.slug()
                    + "`'s English renderings; add the rendering " + (in.size() == 1 ? "its translation uses" : "their translations use")
                    + " to `en:`");
        }
    }

    /** The entries the article's Chinese uses while its English has none of their renderings. */
    private static List<String> lacking(AnnotatedArticle a, Map<String, GlossaryEntry> bySlug) {
        if (!a.article().hasEnglish() || !a.article().hasChinese() || a.chineseOnly().isEmpty()) return List.of();
        List<String> out = new ArrayList<>(a.chineseOnly().size());
        for (String s : a.chineseOnly()) {
            GlossaryEntry g = bySlug.get(s);
            if (g == null || (g.en().isEmpty() && g.parts().stream().allMatch(p -> p.en().isEmpty()))) continue;
            out.add(s);
        }
        return out;
    }
}
