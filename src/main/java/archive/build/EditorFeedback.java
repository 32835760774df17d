package archive.build;

import archive.diag.Diagnostics;
import archive.model.AnnotatedArticle;
import archive.model.EditorialData;
import archive.model.GlossaryEntry;
import archive.model.Mention;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Warnings that help editors keep the glossary true to the texts: an entry that matches nothing,
 * and an article whose Chinese uses an entry while its English has none of the entry's renderings
 * (most often a rendering missing from the entry's `en:` list).
 */
final class EditorFeedback {
    private final EditorialData data;

    EditorFeedback(EditorialData data) { this.data = data; }

    void report(List<AnnotatedArticle> articles, Diagnostics diags) {
        Set<String> used = new HashSet<>();
        articles.forEach(a -> used.addAll(a.glossary()));
        for (GlossaryEntry g : data.glossary()) {
            if (!used.contains(g.slug())) {
                diags.warn(g.origin().file(), g.origin().line(), "the glossary entry `" + g.slug()
                        + "` matches nothing in the articles; check its forms");
            }
        }
        var bySlug = data.glossaryBySlug();
        for (AnnotatedArticle a : articles) {
            if (!a.article().hasEnglish() || !a.article().hasChinese()) continue;
            Set<String> zh = slugs(a.zhMentions(), a.deckMentions()), en = slugs(a.enMentions(), List.of(a.titleMentions()));
            for (String s : zh) {
                GlossaryEntry g = bySlug.get(s);
                if (en.contains(s) || g == null || (g.en().isEmpty() && g.parts().stream().allMatch(p -> p.en().isEmpty()))) continue;
                diags.warn(g.origin().file(), g.origin().line(), "article " + a.id() + " (" + a.article().source().getFileName()
                        + ") uses " + g.headword() + " in Chinese but none of `" + g.slug() + "`'s English renderings; "
                        + "add the rendering its translation uses to `en:`");
            }
        }
    }

    private static Set<String> slugs(List<List<Mention>> a, List<List<Mention>> b) {
        Set<String> out = new HashSet<>();
        for (List<List<Mention>> group : List.of(a, b)) {
            for (List<Mention> ms : group) for (Mention m : ms) if (m.kind() == Mention.Kind.GLOSSARY) out.add(m.slug());
        }
        return out;
    }
}
