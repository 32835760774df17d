package archive.build;

import archive.model.AnnotatedArticle;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * The pages of a paginated list that change when one of its articles moves within it, every other
 * article staying where it was: the articles between where it stood and where it stands shift by
 * one, so the pages from the one it stood on to the one it stands on change, and no other page
 * shows another article (lists are cut into pages by position, see {@link archive.render.Pagination}).
 */
final class ListWindow {
    private ListWindow() {}

    /**
     * The numbers (1-based) of the pages of the list shown as {@code parts}, one after the other,
     * that show other articles, or the article {@code moved} otherwise, than before it moved.
     * {@code key} orders each part (it rises along it, no two articles alike); another article came
     * before the moved one, as that stood, if its key is below {@code stood}. Null if the article
     * is not on the list. Found by halving, not by a look at each article: lists run to tens of
     * thousands of articles, and an edit's build runs this once, in cold code.
     */
    static Set<Integer> pagesMoved(List<List<AnnotatedArticle>> parts, AnnotatedArticle moved, ToLongFunction<AnnotatedArticle> key,
                                   long stood, int perPage) {
        long at = key.applyAsLong(moved);
        int offset = 0;
        for (List<AnnotatedArticle> part : parts) {
            int now = below(part, key, at);
            if (now < part.size() && part.get(now).id().equals(moved.id())) {
                // The others below where it stood; it is one of those below that key if it stands below it now.
                int was = below(part, key, stood) - (at < stood ? 1 : 0);
                Set<Integer> pages = new TreeSet<>();
                int from = offset + Math.min(now, was), to = offset + Math.max(now, was);
                for (int page = from / perPage + 1; page <= to / perPage + 1; page++) pages.add(page);
                return pages;
            }
            offset += part.size();
        }
        return null;
    }

    /** How many articles of {@code part} (ordered by {@code key}) have a key below {@code k}. */
    private static int below(List<AnnotatedArticle> part, ToLongFunction<AnnotatedArticle> key, long k) {
        int lo = 0, hi = part.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key.applyAsLong(part.get(mid)) < k) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
