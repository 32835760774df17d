package archive.build;

import archive.diag.Diagnostics;
import archive.model.AnnotatedArticle;
import archive.model.EditorialData;
import archive.model.GlossaryEntry;
import archive.model.Mention;

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

    /**
     * Reports the warnings; {@code remembered}, if given, returns what an article's earlier check
     * found, or computes it with the function it is given (the preview keeps it with the annotation;
     * a build holding the archive hollow gives it the article with its mentions decoded for the check).
     */
    void report(List<AnnotatedArticle> articles, Diagnostics diags,
                java.util.function.BiFunction<AnnotatedArticle, java.util.function.Function<AnnotatedArticle, List<String>>, List<String>> remembered) {
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
        // Each article's share is found in parallel (a pass over every mention), then gathered in reading order.
        java.util.function.Function<AnnotatedArticle, List<String>> check = a -> lacking(a, bySlug);
        List<List<String>> lacking = articles.parallelStream()
                .map(a -> remembered == null ? check.apply(a) : remembered.apply(a, check)).toList();
        Map<String, List<AnnotatedArticle>> missing = new TreeMap<>();
        for (int i = 0; i < articles.size(); i++) {
            for (String s : lacking.get(i)) missing.computeIfAbsent(s, k -> new ArrayList<>()).add(articles.get(i));
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

    /**
     * The key of the data the warnings are made from: its values, as {@code shared} takes them
     * (see DataParts: every value but what only some pages show, as explanations and notes; any
     * change of a form can change what the articles use), and where each glossary entry stands,
     * which that fingerprint leaves out and the warnings name.
     */
    static long dataKey(long shared, EditorialData data) {
        archive.render.Fingerprint f = new archive.render.Fingerprint().add(shared);
        // (The file and line added as they are: the record's generated text goes through method
        // handles, 13-16 ms of the main thread at a build's start, before any other record's.)
        for (GlossaryEntry g : data.glossary()) {
            archive.model.Origin o = g.origin();
            f.add(o == null ? "" : o.file() + ":" + o.line());
        }
        return f.value();
    }

    /**
     * Whether each article of {@code before} (by id, as an earlier build annotated it) counts as
     * {@code after} has it in every warning, with the same data: the same file, the same entries
     * used, the same entries lacking.
     */
    static boolean countAlike(Map<String, AnnotatedArticle> before, Map<String, AnnotatedArticle> after, EditorialData data) {
        if (!before.keySet().equals(after.keySet())) return false;
        var bySlug = data.glossaryBySlug();
        for (AnnotatedArticle was : before.values()) {
            AnnotatedArticle now = after.get(was.id());
            if (!was.article().source().getFileName().equals(now.article().source().getFileName())
                    || !Set.copyOf(was.glossary()).equals(Set.copyOf(now.glossary()))
                    || !Set.copyOf(lacking(was, bySlug)).equals(Set.copyOf(lacking(now, bySlug)))) {
                return false;
            }
        }
        return true;
    }

    /** Whether none of the articles {@code articles} (by id) is named in a warning of missing renderings. */
    static boolean noneLacking(Map<String, AnnotatedArticle> articles, EditorialData data) {
        var bySlug = data.glossaryBySlug();
        return articles.values().stream().allMatch(a -> lacking(a, bySlug).isEmpty());
    }

    /** The entries the article's Chinese uses while its English has none of their renderings. */
    private static List<String> lacking(AnnotatedArticle a, Map<String, GlossaryEntry> bySlug) {
        if (!a.article().hasEnglish() || !a.article().hasChinese()) return List.of();
        Set<String> zh = slugs(a.zhMentions(), a.deckMentions()), en = slugs(a.enMentions(), List.of(a.titleMentions()));
        List<String> out = new ArrayList<>(2);
        for (String s : zh) {
            GlossaryEntry g = bySlug.get(s);
            if (en.contains(s) || g == null || (g.en().isEmpty() && g.parts().stream().allMatch(p -> p.en().isEmpty()))) continue;
            out.add(s);
        }
        return out;
    }

    private static Set<String> slugs(List<List<Mention>> a, List<List<Mention>> b) {
        Set<String> out = new HashSet<>();
        for (List<List<Mention>> group : List.of(a, b)) {
            for (List<Mention> ms : group) {
                archive.model.MentionList.visit(ms, (start, end, t) -> {
                    if (t.kind() == Mention.Kind.GLOSSARY) out.add(t.slug());
                });
            }
        }
        return out;
    }
}
