package archive.build;

import archive.model.AnnotatedArticle;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The pages of a paginated list that change when one of its articles moves within it, every other
 * article staying where it was: the articles between where it stood and where it stands shift by
 * one, so the pages from the one it stood on to the one it stands on change, and no other page
 * shows another article (lists are cut into pages by position, see {@link archive.render.Pagination}).
 */
final class ListWindow {
    private ListWindow() {}

    /**
     * The numbers (1-based) of the pages of the list shown as {@code parts}, one after the other
     * (each in its own order, as the list's page shows them), that show other articles, or the
     * article {@code movedId} otherwise, than before it moved; {@code cameBefore} tells, of each
     * other article of its part, whether it came before the moved article as it stood. Null if the
     * article is not on the list.
     */
    static Set<Integer> pagesMoved(List<List<AnnotatedArticle>> parts, String movedId, Predicate<AnnotatedArticle> cameBefore,
                                   int perPage) {
        int offset = 0;
        for (List<AnnotatedArticle> part : parts) {
            int now = -1, was = 0;
            for (int i = 0; i < part.size(); i++) {
                AnnotatedArticle a = part.get(i);
                if (a.id().equals(movedId)) now = i;
                else if (cameBefore.test(a)) was++;
            }
            if (now >= 0) {
                Set<Integer> pages = new TreeSet<>();
                int from = offset + Math.min(now, was), to = offset + Math.max(now, was);
                for (int page = from / perPage + 1; page <= to / perPage + 1; page++) pages.add(page);
                return pages;
            }
            offset += part.size();
        }
        return null;
    }
}
