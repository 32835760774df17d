package archive.render;

import archive.parallel.Parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Splits a long list into pages with stable URLs: the first page at the list's own path, the
 * others at {@code <path>page/2/}, {@code page/3/} … Which item lands on which page depends only
 * on the list's order, so adding an article moves items, never URLs.
 */
public final class Pagination {
    /** Articles per page of a list (an article's entry is under a kilobyte). */
    public static final int ARTICLES = 200;
    /** Concordance lines per page of a glossary entry. */
    public static final int LINES = 500;

    private Pagination() {}

    /** One page of the pages of a list, as the pagination include shows it. */
    public record Pager(int current, int total, String prev, String next, List<PageLink> pages) {
        public boolean paged() { return total > 1; }
        public boolean first() { return current == 1; }
        /** The path of the list's first page, which alone sums the list up (its counts, its chart). */
        public String firstPath() { return pages.get(0).path(); }
    }

    /** A numbered link in the pager; {@code gap} stands for the numbers left out. */
    public record PageLink(int number, String path, boolean current, boolean gap) {}

    /** The site path of page {@code n} (1-based) of the list at {@code base}. */
    public static String path(String base, int n) {
        return n <= 1 ? base : base + "page/" + n + "/";
    }

    public static int pageCount(int items, int perPage) {
        return Math.max(1, (items + perPage - 1) / perPage);
    }

    /**
     * Calls {@code page} for each page of {@code items} with the page's slice and pager, pages in
     * parallel (each is written to its own file). An empty list still has its first page.
     */
    public static <T> void pages(String base, List<T> items, int perPage, BiConsumer<List<T>, Pager> page) {
        pages(base, items, perPage, ALL, page);
    }

    /** Every page of a list. */
    public static final IntPredicate ALL = n -> true;

    /** As {@link #pages(String, List, int, BiConsumer)}, for the pages numbered {@code only} alone (an edit's, see {@code ArticleEdit}). */
    public static <T> void pages(String base, List<T> items, int perPage, IntPredicate only, BiConsumer<List<T>, Pager> page) {
        int total = pageCount(items.size(), perPage);
        int[] numbers = IntStream.rangeClosed(1, total).filter(only).toArray();
        Parallel.forEachIndex(numbers.length, k -> {
            int n = numbers[k];
            List<T> slice = items.subList(Math.min(items.size(), (n - 1) * perPage), Math.min(items.size(), n * perPage));
            page.accept(slice, pager(base, n, total));
        });
    }

    /** The pager of page {@code n} of {@code total}: first, last and two either side of the current page. */
    public static Pager pager(String base, int n, int total) {
        List<PageLink> links = new ArrayList<>();
        int last = 0;
        for (int i = 1; i <= total; i++) {
            if (i == 1 || i == total || Math.abs(i - n) <= 2) {
                if (last != 0 && i > last + 1) links.add(new PageLink(0, "", false, true));
                links.add(new PageLink(i, path(base, i), i == n, false));
                last = i;
            }
        }
        return new Pager(n, total, n > 1 ? path(base, n - 1) : "", n < total ? path(base, n + 1) : "", links);
    }

    /** A title for page {@code n}: the list's own on the first page. */
    public static String title(String title, Pager p) {
        return p.current() == 1 ? title : title + " · page " + p.current() + " of " + p.total();
    }
}
