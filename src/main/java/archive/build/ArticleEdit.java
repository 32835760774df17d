package archive.build;

import archive.model.AnnotatedArticle;
import archive.model.Row;
import archive.render.PagePaths;
import archive.render.RenderContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.TreeSet;

/**
 * A save in the preview that changed only the text inside some articles: the same articles in the
 * same order, each with the same summary (title, date, page, column, flags), places, industries,
 * glossary entries and paragraph anchors, no editors' notes, and the same data, templates and
 * pages. Then every list, index and chart is as before, and only the edited articles' own pages
 * and the concordance pages of the entries they use can differ. Anything else is no such edit, and
 * the build checks every page as usual.
 */
final class ArticleEdit {
    /**
     * What a successful build of the preview leaves for the next one to compare with: its corpus,
     * the fingerprint of its data, and that of its settings (templates, data, URL policy).
     */
    record Published(SiteBuild.Corpus corpus, long data, long inputs) {}

    private final List<AnnotatedArticle> changed;
    private final Set<String> articlePaths = new HashSet<>();
    private final Set<String> entryPaths = new HashSet<>();
    private final Set<String> entries = new TreeSet<>();

    private ArticleEdit(List<AnnotatedArticle> changed) {
        this.changed = changed;
        for (AnnotatedArticle a : changed) {
            articlePaths.add(PagePaths.article(a.id()));
            for (String slug : a.glossary()) {
                entries.add(slug);
                entryPaths.add(PagePaths.entry(slug));
            }
        }
    }

    /**
     * The edit from the build {@code before} to the articles {@code now}, annotated with data whose
     * fingerprint is {@code data}; null when more than the text of articles changed.
     */
    static ArticleEdit of(Published before, List<AnnotatedArticle> now, long data) {
        if (before == null || before.data() != data) return null;
        List<AnnotatedArticle> was = before.corpus().index().articles();
        if (was.size() != now.size()) return null;
        List<AnnotatedArticle> changed = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            AnnotatedArticle a = was.get(i), b = now.get(i);
            if (a == b) continue; // the preview's cache gives the same annotation for an unchanged article
            if (!sameOutside(a, b)) return null;
            changed.add(b);
        }
        return new ArticleEdit(changed);
    }

    /** Whether the templates, data, URL policy ({@code inputs}) and the archive's own pages are as before. */
    static boolean sameSettings(Published before, SiteBuild.Corpus now, long inputs) {
        return before != null && before.inputs() == inputs && before.corpus().pages().equals(now.pages());
    }

    /** True if nothing of the article that other pages show or link to differs. */
    private static boolean sameOutside(AnnotatedArticle a, AnnotatedArticle b) {
        return a.id().equals(b.id()) && a.notes() == null && b.notes() == null
                && RenderContext.summarise(a).equals(RenderContext.summarise(b))
                && a.places().equals(b.places()) && a.industries().equals(b.industries()) && a.glossary().equals(b.glossary())
                && anchors(a).equals(anchors(b)); // pages and notes link to paragraphs
    }

    private static List<List<String>> anchors(AnnotatedArticle a) {
        List<List<String>> out = new ArrayList<>(a.rows().size());
        for (Row r : a.rows()) out.add(r.anchors());
        return out;
    }

    List<AnnotatedArticle> changed() { return changed; }

    /** The glossary entries whose concordance quotes an edited article. */
    Set<String> entries() { return entries; }

    /**
     * Whether the site file {@code file} may differ after the edit: an edited article's files, the
     * pages of the entries it uses, the glossary's index, and the assets (copied by every build).
     */
    boolean affects(String file) {
        if (file.startsWith("assets/") || file.equals(PagePaths.GLOSSARY + "index.html")) return true;
        // Article and entry pages live in a folder of their own: "articles/<id>/…", "glossary/<slug>/…".
        int first = file.indexOf('/'), second = first < 0 ? -1 : file.indexOf('/', first + 1);
        if (second < 0) return false;
        String folder = file.substring(0, second + 1);
        return articlePaths.contains(folder) || entryPaths.contains(folder);
    }
}
