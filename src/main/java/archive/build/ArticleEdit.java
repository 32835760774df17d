package archive.build;

import archive.index.ArchiveIndex;
import archive.index.Occurrence;
import archive.model.AnnotatedArticle;
import archive.model.Place;
import archive.model.Row;
import archive.render.PagePaths;
import archive.render.Pagination;
import archive.render.RenderContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * A save in the preview, or for a one-off build the edits since the site it published (see
 * {@link #ofStored}), that changed some articles (their text, title or editors' notes) but not
 * where they stand: the same articles in the same order, each with the same date, places,
 * industries, glossary entries and paragraph anchors; the same data, templates and pages. Then
 * the indexes, counts, charts and links are as before, and only these can differ: the edited
 * articles' pages, the concordance pages that show one of their lines differently, the notes index when notes
 * changed and, when what lists show of an article changed (its title, headline, column, whether
 * it has notes), its neighbours' pages and the lists it is on (its day, month and year, its places
 * and their enclosing places, its industries, the home page and the list of articles).
 *
 * <p>Or a save that added articles, or moved a few (a new date, page, place or term), and left
 * every other as it was: then their pages and their neighbours' (whose links now lead to them) are
 * made at once, so the editor sees the page without waiting; the lists they join or leave and
 * their concordance lines shift every page after them (lists are paginated by position), and come
 * with the catching-up build, as the search index does; unless a list page would be taken away.
 * Anything else is no such edit, and the build checks every page as usual.
 */
final class ArticleEdit {
    /**
     * What a successful build of the preview leaves for the next one to compare with: its corpus,
     * its data's parts (see DataParts), and the fingerprint of its other settings (templates, URL policy).
     */
    record Published(SiteBuild.Corpus corpus, DataParts data, long inputs, Map<String, String> introductions) {}

    private final List<AnnotatedArticle> changed;
    /** The edited articles as they were, by id. */
    private final Map<String, AnnotatedArticle> before;
    /** Whether the lists wait for the catching-up build (see {@link #ofAddedOrMoved}). */
    private final boolean listsFollow;
    /** The articles whose pages are made again: the edited ones and, when lists changed, their neighbours. */
    private final List<AnnotatedArticle> pages;
    private final boolean listed;
    /** Whether an edited article has editors' notes (before or after): the notes index shows their introductions. */
    private final boolean notes;
    /**
     * The pages of each glossary entry whose concordance lines the edit changed: the pages holding
     * the edited article's lines; when their number changed, the first page (which counts them) and
     * every page from theirs on (the lines after them move); null for every page of the entry.
     */
    private final Map<String, Set<Integer>> entryPages;
    private final Set<String> places = new TreeSet<>();
    private final Set<String> industries = new TreeSet<>();
    private final Set<LocalDate> dates = new TreeSet<>();
    /** Folders whose every file may change ("articles/<id>/", "glossary/<slug>/" …). */
    private final Set<String> folders = new HashSet<>();
    /** Lists whose pages may change, with their further pages ("dates/1959/03/", "" for the home page). */
    private final Set<String> lists = new HashSet<>();
    /** Whether the edited articles moved in the reading order, every page of their lists fingerprinted (see {@link #ofStoredMoved}). */
    private final boolean moved;
    /**
     * The pages that may change of the lists a moved article changes only in part, by the list's
     * path ("places/beijing/", "" for the home page; see {@link #windowLists}); any other list of
     * the edit changes whole.
     */
    private final Map<String, Set<Integer>> listPages = new java.util.HashMap<>();
    /** The glossary entries and places whose own pages alone the data's edit changed (see {@link #alsoOwnPagesOf}). */
    private DataParts.Changed dataEdited = new DataParts.Changed(Set.of(), Set.of(), false);

    private ArticleEdit(List<AnnotatedArticle> changed, Map<String, AnnotatedArticle> before, List<AnnotatedArticle> pages,
                        boolean listed, boolean notes, Map<String, Place> gazetteer, boolean listsFollow,
                        Map<String, Set<Integer>> entryPages) {
        this(changed, before, pages, listed, notes, gazetteer, listsFollow, entryPages, false);
    }

    private ArticleEdit(List<AnnotatedArticle> changed, Map<String, AnnotatedArticle> before, List<AnnotatedArticle> pages,
                        boolean listed, boolean notes, Map<String, Place> gazetteer, boolean listsFollow,
                        Map<String, Set<Integer>> entryPages, boolean moved) {
        this.moved = moved;
        this.before = before;
        this.listsFollow = listsFollow;
        this.entryPages = entryPages;
        this.changed = changed;
        this.pages = pages;
        this.listed = listed;
        this.notes = notes;
        for (AnnotatedArticle a : pages) folders.add(PagePaths.article(a.id()));
        for (AnnotatedArticle a : changed) {
            if (listsFollow || !listed) continue; // a new article's lists wait for the catching-up build
            dates.add(a.article().date());
            industries.addAll(a.industries());
            // A place's page lists the articles of the places inside it too: every enclosing place's page changes.
            for (String slug : a.places()) addWithEnclosing(slug, gazetteer, places);
        }
        // A moved article leaves the lists of its old date too, and the dates' chart counts it in another month.
        if (moved) {
            for (AnnotatedArticle a : before.values()) dates.add(a.article().date());
            lists.add(PagePaths.DATES);
        }
        for (String p : places) folders.add(PagePaths.place(p));
        for (String i : industries) folders.add(PagePaths.industry(i));
        for (LocalDate d : dates) {
            lists.add(PagePaths.day(d));
            lists.add(PagePaths.month(java.time.YearMonth.from(d)));
            lists.add(PagePaths.year(d.getYear()));
        }
        if (listed) {
            lists.add(PagePaths.HOME);
            lists.add(PagePaths.ARTICLES);
        }
        if (notes || listed) lists.add(PagePaths.NOTES);
    }

    /**
     * The edit from the build {@code before} to the articles {@code now}, annotated with the data of
     * parts {@code data} (of which only what entries' first pages show may have changed, see
     * DataParts); null when more changed than this kind of edit allows.
     */
    static ArticleEdit of(Published before, List<AnnotatedArticle> now, DataParts data, Map<String, Place> gazetteer) {
        DataParts.Changed ownPages = before == null ? null : data.ownPagesChanged(before.data());
        if (ownPages == null) return null;
        List<AnnotatedArticle> was = before.corpus().index().articles();
        if (was.size() != now.size()) return null;
        Map<Integer, AnnotatedArticle> edited = new TreeMap<>();
        for (int i = 0; i < now.size(); i++) {
            if (was.get(i) != now.get(i)) edited.put(i, was.get(i)); // the preview's cache gives the same annotation for an unchanged article
        }
        ArticleEdit edit = between(edited, now, i -> now.get(i), before.corpus().index(), false, gazetteer);
        if (edit != null) edit.alsoOwnPagesOf(ownPages);
        return edit;
    }

    /**
     * The edit of a one-off build from the article store: {@code before} holds, by id, the
     * articles whose seeds changed as the previous build annotated them, {@code whole} the same
     * articles as annotated now (with their text); {@code index} is this build's, whose articles
     * must stand in the order of the previous build's (the caller checks). Null when more changed
     * than this kind of edit allows.
     */
    static ArticleEdit ofStored(Map<String, AnnotatedArticle> before, Map<String, AnnotatedArticle> whole, ArchiveIndex index,
                                Map<String, Place> gazetteer) {
        List<AnnotatedArticle> now = index.articles();
        Map<Integer, AnnotatedArticle> edited = new TreeMap<>();
        for (int i = 0; i < now.size(); i++) {
            AnnotatedArticle a = before.get(now.get(i).id());
            if (a != null) edited.put(i, a);
        }
        if (edited.size() != before.size() || !whole.keySet().equals(before.keySet())) return null;
        return between(edited, now, i -> whole.get(now.get(i).id()), index, true, gazetteer);
    }

    /**
     * The edit of the articles at the positions of {@code edited} (each as it was) in {@code now};
     * {@code wholeAt} gives the article at a position as it is now, with its text; {@code index} is
     * the index after the edit if {@code indexAfter}, else the one before. The positions of an
     * unchanged entry's lines are the same in the index before and after such an edit.
     */
    private static ArticleEdit between(Map<Integer, AnnotatedArticle> edited, List<AnnotatedArticle> now,
                                       java.util.function.IntFunction<AnnotatedArticle> wholeAt, ArchiveIndex index,
                                       boolean indexAfter, Map<String, Place> gazetteer) {
        List<AnnotatedArticle> changed = new ArrayList<>();
        Map<String, AnnotatedArticle> before = new java.util.HashMap<>();
        boolean listed = false, notes = false;
        Map<String, Set<Integer>> entryPages = new TreeMap<>();
        Map<String, Integer> moreLines = new TreeMap<>();
        for (var e : edited.entrySet()) {
            AnnotatedArticle a = e.getValue(), b = wholeAt.apply(e.getKey());
            before.put(a.id(), a);
            if (!samePlace(a, b)) return null;
            listed |= !RenderContext.summarise(a).equals(RenderContext.summarise(b));
            notes |= a.notes() != null || b.notes() != null;
            changed.add(now.get(e.getKey()));
            concordanceChanges(index, a, b, entryPages, moreLines);
        }
        if (!keepsEntryPages(index, indexAfter, moreLines)) return null;
        // The articles are in reading order, as in the index: the neighbours show an edited article's summary.
        // (Kept as positions: a set of the articles themselves hashed every row of each.)
        Set<Integer> at = new LinkedHashSet<>(edited.keySet());
        if (listed) {
            for (int i : edited.keySet()) {
                if (i > 0) at.add(i - 1);
                if (i + 1 < now.size()) at.add(i + 1);
            }
        }
        List<AnnotatedArticle> pages = new ArrayList<>(at.size());
        for (int i : at) pages.add(now.get(i));
        return new ArticleEdit(changed, before, List.copyOf(pages), listed, notes, gazetteer, false, entryPages);
    }

    /**
     * Notes in {@code out} the concordance pages that show a line of {@code was} (as indexed in
     * {@code index}) differently now that it is {@code now}: an edit of a title or author, or of a
     * paragraph without glossary terms, changes no line, and a changed line changes only its page,
     * unless the entry has more or fewer lines than before (how many more, into {@code moreLines}):
     * then its first page, which counts them, and every page from the article's lines on, whose lines move.
     */
    private static void concordanceChanges(ArchiveIndex index, AnnotatedArticle was, AnnotatedArticle now,
                                           Map<String, Set<Integer>> out, Map<String, Integer> moreLines) {
        Map<String, List<Occurrence>> before = ArchiveIndex.concordanceOf(was), after = ArchiveIndex.concordanceOf(now);
        // Each line shows the article's page, and links to it.
        boolean samePage = was.article().page() == now.article().page();
        Set<String> slugs = new TreeSet<>(before.keySet());
        slugs.addAll(after.keySet());
        // The changed lines of each entry whose lines changed in place: where they stand is asked of the
        // index, which counts it from its articles' counts of their lines when it has not found the concordance.
        Map<String, List<Integer>> changedLines = new TreeMap<>();
        for (String slug : slugs) {
            List<Occurrence> x = before.getOrDefault(slug, List.of()), y = after.getOrDefault(slug, List.of());
            boolean more = moreLines(slug, x, y, moreLines);
            if (out.containsKey(slug) && out.get(slug) == null) continue; // every page already
            if (more) {
                // The lines before the article's are the same in the index before the edit and after it.
                Set<Integer> pages = out.computeIfAbsent(slug, g -> new TreeSet<>());
                pages.add(1);
                int total = Pagination.pageCount(index.lineCount(slug), Pagination.LINES);
                for (int page = index.linesBefore(slug, was) / Pagination.LINES + 1; page <= total; page++) pages.add(page);
                continue;
            }
            for (int k = 0; k < x.size(); k++) {
                if (!samePage || !x.get(k).sameLine(y.get(k))) changedLines.computeIfAbsent(slug, g -> new ArrayList<>()).add(k);
            }
        }
        changedLines.forEach((slug, lines) -> {
            int[] at = index.linesOf(slug, was);
            for (int k : lines) out.computeIfAbsent(slug, g -> new TreeSet<>()).add(at[k] / Pagination.LINES + 1);
        });
    }

    /** Whether the entry {@code slug} has more or fewer lines {@code now} than it {@code was}: then how many more, into {@code moreLines}. */
    private static boolean moreLines(String slug, List<Occurrence> was, List<Occurrence> now, Map<String, Integer> moreLines) {
        if (was.size() == now.size()) return false;
        moreLines.merge(slug, now.size() - was.size(), Integer::sum);
        return true;
    }

    /**
     * Whether every entry's concordance keeps its number of pages after the edit gave each entry of
     * {@code moreLines} that many more lines, as {@code index} counts them (the index after the edit
     * if {@code indexAfter}, else the one before): the edit's way adds no page and takes none away,
     * so the sitemap and the permalink registry stand.
     */
    static boolean keepsEntryPages(ArchiveIndex index, boolean indexAfter, Map<String, Integer> moreLines) {
        for (var e : moreLines.entrySet()) {
            int counted = index.lineCount(e.getKey());
            int was = indexAfter ? counted - e.getValue() : counted, now = was + e.getValue();
            if (Pagination.pageCount(was, Pagination.LINES) != Pagination.pageCount(now, Pagination.LINES)) return false;
        }
        return true;
    }

    /**
     * The reading order of the previous build if the articles {@code before} (by id, as it had
     * them) were all that changed since: {@code now} with those in their old places. Null for more
     * than {@link #MOVED_AT_MOST}. The caller compares it with the order the previous build recorded.
     */
    static List<AnnotatedArticle> previousOrder(List<AnnotatedArticle> now, Map<String, AnnotatedArticle> before) {
        if (before.isEmpty() || before.size() > MOVED_AT_MOST) return null;
        List<AnnotatedArticle> was = new ArrayList<>(now.size());
        for (AnnotatedArticle a : now) was.add(before.getOrDefault(a.id(), a));
        // Nearly sorted already: the sort runs over it once.
        was.sort((x, y) -> archive.source.SeedReader.ORDER.compare(x.article(), y.article()));
        return was;
    }

    /**
     * The edit of a one-off build from the article store after some articles moved in the reading
     * order (a new date or page), each with the same places, industries, glossary entries and
     * paragraph anchors as before: {@code before} and {@code whole} as in {@link #ofStored},
     * {@code was} the previous build's reading order (see {@link #previousOrder}), {@code index}
     * this build's. Their pages and those of their neighbours before and after are made, and every
     * page of the lists they left or joined (their days, months and years, places, industries,
     * concordances, the home page and the list of articles) and the dates' index, as in any build,
     * most of them kept. Null unless every list keeps its number of pages: no page is added or
     * taken away, so the sitemap and the permalinks stand.
     */
    static ArticleEdit ofStoredMoved(Map<String, AnnotatedArticle> before, Map<String, AnnotatedArticle> whole,
                                     List<AnnotatedArticle> was, ArchiveIndex index, Map<String, Place> gazetteer) {
        if (before.isEmpty() || before.size() > MOVED_AT_MOST || !whole.keySet().equals(before.keySet())) return null;
        List<AnnotatedArticle> now = index.articles();
        Map<Object, Integer> shift = new java.util.HashMap<>();
        Map<String, Set<Integer>> entryPages = new TreeMap<>();
        for (AnnotatedArticle a : before.values()) {
            AnnotatedArticle b = whole.get(a.id());
            if (!a.places().equals(b.places()) || !a.industries().equals(b.industries()) || !a.glossary().equals(b.glossary())
                    || !anchors(a).equals(anchors(b))) {
                return null;
            }
            // Each list it joined has one more article than before, each it left one fewer.
            for (Object list : dateLists(b.article().date())) shift.merge(list, 1, Integer::sum);
            for (Object list : dateLists(a.article().date())) shift.merge(list, -1, Integer::sum);
        }
        for (var e : shift.entrySet()) {
            int n = dateListSize(index, e.getKey()), m = n - e.getValue();
            if ((n == 0) != (m == 0) || n > 0 && listPages(n) != listPages(m)) return null;
        }
        // Its text may have changed too: an entry with more or fewer lines changes on every page.
        Map<String, Integer> moreLines = new TreeMap<>();
        for (AnnotatedArticle a : before.values()) {
            Map<String, List<Occurrence>> x = ArchiveIndex.concordanceOf(a), y = ArchiveIndex.concordanceOf(whole.get(a.id()));
            for (String g : a.glossary()) moreLines(g, x.getOrDefault(g, List.of()), y.getOrDefault(g, List.of()), moreLines);
        }
        if (!keepsEntryPages(index, true, moreLines)) return null;
        // Its lines stand elsewhere in each of its entries' concordances: the pages between where they
        // stood and where they stand change, and the first page when it moved to another month (it
        // shows the entry's articles by month); every page when more moved, or when the entry has
        // more or fewer lines.
        Set<String> entries = new TreeSet<>();
        before.values().forEach(a -> entries.addAll(a.glossary()));
        AnnotatedArticle one = before.size() == 1 ? before.values().iterator().next() : null;
        boolean sameMonth = one != null && java.time.YearMonth.from(one.article().date())
                .equals(java.time.YearMonth.from(whole.get(one.id()).article().date()));
        int stood = 0;
        if (one != null) {
            while (!was.get(stood).id().equals(one.id())) stood++;
        }
        for (String g : entries) {
            Set<Integer> pages = one == null || moreLines.containsKey(g) ? null : pagesMoved(index, was, stood, index.article(one.id()), g);
            if (pages != null && !sameMonth) pages.add(1);
            entryPages.put(g, pages);
        }
        // Its neighbours' pages link to it (now) or to each other (where it stood).
        Set<String> ids = new java.util.TreeSet<>();
        neighbours(now, before.keySet(), ids);
        neighbours(was, before.keySet(), ids);
        List<AnnotatedArticle> changed = new ArrayList<>(), pages = new ArrayList<>();
        for (AnnotatedArticle a : now) {
            if (before.containsKey(a.id())) changed.add(a);
            if (ids.contains(a.id())) pages.add(a);
        }
        boolean notes = before.values().stream().anyMatch(a -> a.notes() != null);
        ArticleEdit edit = new ArticleEdit(List.copyOf(changed), Map.copyOf(before), List.copyOf(pages), true, notes, gazetteer,
                false, entryPages, true);
        if (sameMonth) edit.windowLists(index, one, whole.get(one.id()).article().date(), was, stood);
        return edit;
    }

    /**
     * Notes the pages of its lists that the one article {@code moved} (as it was) changes, having
     * moved within its month to {@code date} from place {@code stood} of the previous reading order
     * {@code was}: the pages between where it stood and where it stands (see {@link ListWindow}),
     * of the home page, the list of articles, its places and industries. Each shows as much as
     * before besides its articles (counts, the chart by month), except a place's first and last
     * date: a place whose dates it was or is at the end of changes whole.
     */
    private void windowLists(ArchiveIndex index, AnnotatedArticle moved, LocalDate date, List<AnnotatedArticle> was, int stood) {
        AnnotatedArticle now = index.article(moved.id());
        LocalDate stoodOn = moved.article().date();
        // Every other article stands where it stood, in the same order: it came before the moved
        // article if it stands before the article that came after it (lists keep the reading order).
        int n = index.articles().size();
        AnnotatedArticle next = stood + 1 < was.size() ? index.article(was.get(stood + 1).id()) : null;
        int nextAt = next == null ? n : index.positionOf(next);
        ToLongFunction<AnnotatedArticle> position = index::positionOf;
        window(PagePaths.ARTICLES, ListWindow.pagesMoved(List.of(index.articles()), now, position, nextAt, Pagination.ARTICLES));
        // The home page's newest day first, each day's articles in reading order.
        ToLongFunction<AnnotatedArticle> newestFirst = a -> -a.article().date().toEpochDay() * (n + 1) + index.positionOf(a);
        window(PagePaths.HOME, ListWindow.pagesMoved(List.of(archive.render.EditorialPages.newestFirst(index)), now, newestFirst,
                -stoodOn.toEpochDay() * (n + 1) + nextAt, Pagination.ARTICLES));
        for (String slug : places) {
            // A place's page lists its own articles, then those of the places within it.
            List<List<AnnotatedArticle>> parts = List.of(index.mentioning(slug), index.viaSubPlaces(slug));
            if (!withinDates(parts, now, stoodOn) || !withinDates(parts, now, date)) continue;
            window(PagePaths.place(slug), ListWindow.pagesMoved(parts, now, position, nextAt, Pagination.ARTICLES));
        }
        for (String slug : industries) {
            window(PagePaths.industry(slug), ListWindow.pagesMoved(List.of(index.inIndustry(slug)), now, position, nextAt,
                    Pagination.ARTICLES));
        }
    }

    private void window(String list, Set<Integer> pages) {
        if (pages != null) listPages.put(list, pages);
    }

    /** Whether {@code date} lies within the dates of the articles of {@code parts} other than {@code moved} (none: false). */
    private static boolean withinDates(List<List<AnnotatedArticle>> parts, AnnotatedArticle moved, LocalDate date) {
        LocalDate[] range = ArchiveIndex.dateRange(parts, moved.id());
        return range != null && !date.isBefore(range[0]) && !date.isAfter(range[1]);
    }

    /**
     * The concordance pages of the entry {@code slug} that show other lines after the one article
     * {@code moved} (as it is in {@code index}) moved from place {@code stood} of the previous
     * reading order {@code was} (see {@link #linesMoved}); null (every page) if it has no line there.
     */
    private static Set<Integer> pagesMoved(ArchiveIndex index, List<AnnotatedArticle> was, int stood, AnnotatedArticle moved,
                                           String slug) {
        int[] lines = linesMoved(index, was, stood, moved, slug);
        if (lines == null) return null;
        Set<Integer> pages = new TreeSet<>();
        for (int page = lines[0] / Pagination.LINES + 1; page <= (lines[1] - 1) / Pagination.LINES + 1; page++) pages.add(page);
        return pages;
    }

    /**
     * The lines of the concordance of {@code slug} that differ after the one article {@code moved}
     * (as it is in {@code index}) moved from place {@code stood} of the previous reading order
     * {@code was}, every other article as it was: from where its lines stood to where they stand,
     * the lines between shifted by as many, as {from, to} (to excluded). Null if it has no line there.
     */
    static int[] linesMoved(ArchiveIndex index, List<AnnotatedArticle> was, int stood, AnnotatedArticle moved, String slug) {
        int[] now = index.linesOf(slug, moved);
        int k = now.length;
        if (k == 0) return null;
        // Its lines stood before those of the article after it, which stands where it stood among the others.
        AnnotatedArticle next = stood + 1 < was.size() ? index.article(was.get(stood + 1).id()) : null;
        int first = next == null ? index.lineCount(slug) - k
                : index.linesBefore(slug, next) - (index.positionOf(moved) < index.positionOf(next) ? k : 0);
        return new int[] {Math.min(now[0], first), Math.max(now[0], first) + k};
    }

    /** The ids of the articles {@code ids} of {@code order} and of their neighbours there, into {@code out}. */
    private static void neighbours(List<AnnotatedArticle> order, Set<String> ids, Set<String> out) {
        for (int i = 0; i < order.size(); i++) {
            if (!ids.contains(order.get(i).id())) continue;
            out.add(order.get(i).id());
            if (i > 0) out.add(order.get(i - 1).id());
            if (i + 1 < order.size()) out.add(order.get(i + 1).id());
        }
    }

    /** The lists of articles a date puts an article on: its day, month and year. */
    private static List<Object> dateLists(LocalDate d) { return List.of(d, java.time.YearMonth.from(d), d.getYear()); }

    private static int dateListSize(ArchiveIndex index, Object list) {
        if (list instanceof LocalDate d) return index.onDay(d).size();
        List<AnnotatedArticle> as = list instanceof java.time.YearMonth m ? index.byMonth().get(m) : index.byYear().get((Integer) list);
        return as == null ? 0 : as.size();
    }

    /** More changed articles than this make a save take the usual way (each brings up to four pages with it). */
    private static final int MOVED_AT_MOST = 64;

    /**
     * The save from the build {@code before} that added articles, or changed a few in ways that
     * move them (a date, a page, their places or terms), and left every other as it was (the
     * preview's cache gives the same annotation for an unchanged article): the new and changed
     * articles' pages, their neighbours' and, for a changed one, the pages of the neighbours it
     * left, are made at once; the lists wait for the catching-up build. Null for any other save: a
     * removed article, or too many changed. The caller must also refuse it when a list page the
     * build before made would no longer be made (see {@link #keepsEveryListPage}), which the
     * permalink registry must refuse at once.
     */
    static ArticleEdit ofAddedOrMoved(Published before, List<AnnotatedArticle> now, DataParts data, Map<String, Place> gazetteer) {
        if (before == null || !data.equals(before.data())) return null;
        List<AnnotatedArticle> was = before.corpus().index().articles();
        if (now.size() < was.size()) return null;
        Map<String, AnnotatedArticle> byId = new java.util.HashMap<>(now.size() * 4 / 3 + 16);
        for (AnnotatedArticle a : now) byId.put(a.id(), a);
        Set<String> same = new HashSet<>(was.size() * 4 / 3 + 16);
        // Each article of the build before is still here: as it was (the same annotation object), or changed.
        Set<String> leftBehind = new HashSet<>();
        int changed = 0;
        for (int i = 0; i < was.size(); i++) {
            AnnotatedArticle a = was.get(i), b = byId.get(a.id());
            if (b == null) return null;
            if (b == a) {
                same.add(a.id());
                continue;
            }
            if (++changed > MOVED_AT_MOST) return null;
            // The articles it stood between link to each other now.
            if (i > 0) leftBehind.add(was.get(i - 1).id());
            if (i + 1 < was.size()) leftBehind.add(was.get(i + 1).id());
        }
        if (same.size() == now.size()) return null;
        List<AnnotatedArticle> moved = new ArrayList<>();
        Set<AnnotatedArticle> pages = new LinkedHashSet<>();
        for (int i = 0; i < now.size(); i++) {
            AnnotatedArticle a = now.get(i);
            if (same.contains(a.id())) {
                if (leftBehind.contains(a.id())) pages.add(a);
                continue;
            }
            moved.add(a);
            pages.add(a);
            // Its neighbours in reading order link to it now.
            if (i > 0) pages.add(now.get(i - 1));
            if (i + 1 < now.size()) pages.add(now.get(i + 1));
        }
        return new ArticleEdit(List.copyOf(moved), Map.of(), List.copyOf(pages), false, false, gazetteer, true, Map.of());
    }

    /**
     * Whether every list page made from {@code was} is made from {@code now} too, after a save
     * whose lists follow (see {@link #ofAddedOrMoved}), which may add pages, never take one away. Only the
     * lists a changed article left can shrink: its day, month and year, its places and every place
     * enclosing them, its industries and glossary entries (a concordance of fewer lines); each must
     * keep as many pages (lists are cut into pages of {@link Pagination#ARTICLES} articles, a
     * concordance into {@link Pagination#LINES} lines, as DatePages, PlacePages, IndustryPages and
     * GlossaryPages cut them). So must the editors' notes index.
     */
    boolean keepsEveryListPage(ArchiveIndex was, ArchiveIndex now, Map<String, Place> gazetteer) {
        Set<String> places = new TreeSet<>(), industries = new TreeSet<>(), entries = new TreeSet<>();
        for (AnnotatedArticle c : changed) {
            AnnotatedArticle old = was.article(c.id());
            if (old == null) continue; // added: it takes nothing away
            LocalDate d = old.article().date();
            if (!now.byYear().containsKey(d.getYear())) return false;
            if (!keepsPages(was.onDay(d), now.onDay(d)) || !keepsPages(was.byMonth().get(java.time.YearMonth.from(d)),
                    now.byMonth().get(java.time.YearMonth.from(d)))) {
                return false;
            }
            for (String slug : old.places()) addWithEnclosing(slug, gazetteer, places);
            industries.addAll(old.industries());
            entries.addAll(old.glossary());
        }
        for (String s : places) {
            if (was.hasArticles(s) && (!now.hasArticles(s) || listPages(now.totalFor(s)) < listPages(was.totalFor(s)))) return false;
        }
        for (String i : industries) if (!keepsPages(was.inIndustry(i), now.inIndustry(i))) return false;
        for (String g : entries) {
            if (Pagination.pageCount(now.lineCount(g), Pagination.LINES) < Pagination.pageCount(was.lineCount(g), Pagination.LINES)) {
                return false;
            }
        }
        return listPages(now.annotatedCount()) >= listPages(was.annotatedCount());
    }

    /** Adds the place {@code slug} and every place enclosing it, up to the top or to a place already in {@code out}. */
    private static void addWithEnclosing(String slug, Map<String, Place> gazetteer, Set<String> out) {
        for (String s = slug; s != null && out.add(s); ) {
            Place p = gazetteer.get(s);
            s = p == null ? null : p.parent();
        }
    }

    /** Whether the list {@code now} has as many pages as {@code was}, and is still there if {@code was} was. */
    private static boolean keepsPages(List<AnnotatedArticle> was, List<AnnotatedArticle> now) {
        if (was == null || was.isEmpty()) return true;
        return now != null && !now.isEmpty() && listPages(now.size()) >= listPages(was.size());
    }

    private static int listPages(int articles) { return Pagination.pageCount(articles, Pagination.ARTICLES); }


    /** Whether the edited articles moved in the reading order (see {@link #ofStoredMoved}): their records move in the downloads. */
    boolean moved() { return moved; }

    /** Whether this save added or moved articles (the index is made anew, the lists follow) rather than edited them in place. */
    boolean listsFollow() { return listsFollow; }

    /**
     * Whether the glossary's index may change: it counts each entry's articles, which only an edit
     * that adds or moves articles (their terms included) changes.
     */
    boolean changesGlossaryIndex() { return listsFollow; }

    /** Whether the templates, data, URL policy ({@code inputs}) and the archive's own pages are as before. */
    static boolean sameSettings(Published before, SiteBuild.Corpus now, long inputs) {
        return before != null && before.inputs() == inputs && before.corpus().pages().equals(now.pages());
    }

    /** True if the article stands where it stood: in the same lists, with the same anchors. */
    private static boolean samePlace(AnnotatedArticle a, AnnotatedArticle b) {
        return a.id().equals(b.id()) && a.article().date().equals(b.article().date())
                && a.places().equals(b.places()) && a.industries().equals(b.industries()) && a.glossary().equals(b.glossary())
                && anchors(a).equals(anchors(b)); // pages and notes link to paragraphs
    }

    private static List<List<String>> anchors(AnnotatedArticle a) {
        List<List<String>> out = new ArrayList<>(a.rows().size());
        for (Row r : a.rows()) out.add(r.anchors());
        return out;
    }

    /** The articles whose pages are made again: the edited ones and, when lists changed, their neighbours. */
    List<AnnotatedArticle> pages() { return pages; }

    /** The edited articles as they were, by id. */
    Map<String, AnnotatedArticle> before() { return before; }

    /** The edited articles, as they are now. */
    List<AnnotatedArticle> changed() { return changed; }

    /** Whether what lists show of an edited article changed. */
    boolean listed() { return listed; }

    /** Whether the notes index must be made again (see {@link #notes}). */
    boolean notesIndex() { return notes || listed; }

    /**
     * Adds the pages the data's edit changed (see DataParts): the first page of each glossary entry
     * whose explanation, references or related entries changed, and every page of each place
     * whose note or coordinates changed. No other page shows them (the downloads show the
     * coordinates, see {@link DataParts.Changed#downloads}).
     */
    void alsoOwnPagesOf(DataParts.Changed edited) {
        dataEdited = edited;
        for (String slug : edited.entries()) {
            if (entryPages.containsKey(slug) && entryPages.get(slug) == null) continue; // every page already
            entryPages.computeIfAbsent(slug, s -> new TreeSet<>()).add(1);
        }
        for (String slug : edited.places()) {
            places.add(slug);
            folders.add(PagePaths.place(slug));
            listPages.remove(PagePaths.place(slug)); // every page shows the note and coordinates
        }
    }

    /** The glossary entries and places whose own pages the data's edit changed (see {@link #alsoOwnPagesOf}). */
    DataParts.Changed dataEdited() { return dataEdited; }

    /** The concordance pages the edit changed, by glossary entry; null for every page of an entry (see {@link #entryPages}). */
    Map<String, Set<Integer>> entryPages() { return entryPages; }

    Set<String> places() { return places; }

    /** The pages of the list at {@code list} that the edit may change (see {@link #listPages}). */
    java.util.function.IntPredicate pagesOf(String list) {
        Set<Integer> pages = listPages.get(list);
        return pages == null ? Pagination.ALL : pages::contains;
    }

    Set<String> industries() { return industries; }

    Set<LocalDate> dates() { return dates; }

    /** Whether the site file {@code file} may differ after the edit (the assets are copied by every build). */
    boolean affects(String file) {
        if (file.startsWith("assets/") || changesGlossaryIndex() && file.equals(PagePaths.GLOSSARY + "index.html")) return true;
        String list = listPages.isEmpty() ? null : listOf(file);
        if (list != null && listPages.containsKey(list)) return listPages.get(list).contains(pageOf(file.substring(list.length())));
        // Article, entry, place and industry pages live in a folder of their own: "articles/<id>/…".
        int first = file.indexOf('/'), second = first < 0 ? -1 : file.indexOf('/', first + 1);
        if (second >= 0 && folders.contains(file.substring(0, second + 1))) return true;
        if (second >= 0 && file.startsWith(PagePaths.GLOSSARY)) {
            String slug = file.substring(first + 1, second);
            if (!entryPages.containsKey(slug)) return false;
            Set<Integer> pages = entryPages.get(slug);
            return pages == null || pages.contains(pageOf(file.substring(second + 1)));
        }
        return !lists.isEmpty() && lists.contains(listOf(file));
    }

    /** The page number of a list's page, from its path within the list ("index.html" is 1, "page/3/index.html" is 3); 0 otherwise. */
    static int pageOf(String rest) {
        if (rest.equals("index.html")) return 1;
        if (!rest.startsWith("page/") || !rest.endsWith("/index.html")) return 0;
        String n = rest.substring(5, rest.length() - "/index.html".length());
        return n.isEmpty() || n.length() > 9 || !n.chars().allMatch(Character::isDigit) ? 0 : Integer.parseInt(n);
    }

    /** The list a page belongs to: "dates/1959/03/" for ".../index.html" and ".../page/2/index.html"; null otherwise. */
    static String listOf(String file) {
        if (!file.endsWith("index.html")) return null;
        String dir = file.substring(0, file.length() - "index.html".length());
        int end = dir.length() - 1, k = end;
        if (end < 0) return dir;
        while (k > 0 && Character.isDigit(dir.charAt(k - 1))) k--;
        if (k < end && k >= 5 && dir.startsWith("page/", k - 5) && (k == 5 || dir.charAt(k - 6) == '/')) return dir.substring(0, k - 5);
        return dir;
    }
}
