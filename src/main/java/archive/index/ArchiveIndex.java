package archive.index;

import archive.model.AnnotatedArticle;
import archive.model.Place;
import archive.parallel.Parallel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The archive's indexes, built once from the annotated articles: by date, place, industry and
 * glossary entry, with the concordance of every glossary occurrence. Every list is in reading
 * order (date, page, id), so nothing depends on the order files were read in.
 */
public final class ArchiveIndex {
    private final List<AnnotatedArticle> articles;
    private final Map<String, Integer> position;
    private final TreeMap<LocalDate, List<AnnotatedArticle>> byDay = new TreeMap<>();
    private final TreeMap<YearMonth, List<AnnotatedArticle>> byMonth = new TreeMap<>();
    private final TreeMap<Integer, List<AnnotatedArticle>> byYear = new TreeMap<>();
    private final Map<String, List<AnnotatedArticle>> byPlace = new HashMap<>();
    private final Map<String, List<AnnotatedArticle>> byIndustry = new HashMap<>();
    private final Map<String, List<AnnotatedArticle>> byGlossary = new HashMap<>();
    /** Every entry's lines, once found (see {@link #concordanceFound}). */
    private final Map<String, ConcordanceLines> concordance = new HashMap<>();
    /**
     * Whether the concordance is found: when the index is made, or (an index made to find it
     * lazily) when first asked for, from the mentions of the index's articles (read back from the
     * store for an archive held hollow). A build after an edit of an author or a title asks for none of it, and the pass over
     * every mention of the archive was most of the index's time. Set once the lines are in.
     */
    private volatile boolean concordanceFound;
    /**
     * Entries' lines found before (or instead of) the whole concordance, each a window of them (see
     * {@link #findLinesOf}): an edit's build makes a page or two of an entry's concordance, or every
     * page of its entries only, and finds those lines from the articles they quote.
     */
    private final Map<String, List<ConcordanceLines>> windows = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Each entry's lines counted by article (see {@link #counted}), made with an index that finds its
     * concordance when asked: where an edited article's lines stand, without finding them.
     */
    private final Map<String, LineCounts> lineCounts = new HashMap<>();
    private final Map<String, Place> places;
    /** The article at a place in reading order with its mentions, for a concordance found later; else null. */
    private final java.util.function.IntFunction<AnnotatedArticle> mentioned;
    private final Map<String, List<String>> children = new TreeMap<>();
    /** Computed on first use: pages ask for it many times (counts, links, lists). */
    private final Map<String, List<AnnotatedArticle>> viaSubPlaces = new java.util.concurrent.ConcurrentHashMap<>();

    public ArchiveIndex(List<AnnotatedArticle> sortedArticles, Map<String, Place> places) {
        this(sortedArticles, places, sortedArticles::get);
    }

    /**
     * The index of {@code sortedArticles}, whose concordance is found from the mentions of
     * {@code mentioned} (the same articles in the same order, with their mentions: the articles
     * the index holds may have been left without them, see AnnotatedArticle#hollowed).
     */
    public ArchiveIndex(List<AnnotatedArticle> sortedArticles, Map<String, Place> places,
                        java.util.function.IntFunction<AnnotatedArticle> mentioned) {
        this(sortedArticles, places, mentioned, false);
    }

    /**
     * The index of {@code sortedArticles}, as {@link #ArchiveIndex(List, Map, java.util.function.IntFunction)}; with
     * {@code lazyConcordance}, the concordance is found when first asked for, from the mentions
     * {@code mentioned} gives then (see {@link #concordanceFound}).
     */
    public ArchiveIndex(List<AnnotatedArticle> sortedArticles, Map<String, Place> places,
                        java.util.function.IntFunction<AnnotatedArticle> mentioned, boolean lazyConcordance) {
        this.articles = List.copyOf(sortedArticles);
        this.places = places;
        // Kept only to find the concordance later: it may hold the archive's mentions (a gigabyte for the
        // whole paper, which a rebuild that kept it spent twice the CPU collecting around; held hollow, it
        // reads them back from the article store instead).
        this.mentioned = lazyConcordance ? mentioned : null;
        this.position = new HashMap<>(articles.size() * 4 / 3 + 16);
        LocalDate lastDate = null;
        List<AnnotatedArticle> day = null, month = null, year = null;
        for (int i = 0; i < articles.size(); i++) {
            AnnotatedArticle a = articles.get(i);
            position.put(a.id(), i);
            LocalDate date = a.article().date();
            // In reading order the articles of a day (month, year) follow each other: look each list up once.
            if (!date.equals(lastDate)) {
                if (lastDate == null || date.getYear() != lastDate.getYear()) {
                    year = byYear.computeIfAbsent(date.getYear(), y -> new ArrayList<>());
                }
                if (lastDate == null || !YearMonth.from(date).equals(YearMonth.from(lastDate))) {
                    month = byMonth.computeIfAbsent(YearMonth.from(date), m -> new ArrayList<>());
                }
                day = byDay.computeIfAbsent(date, d -> new ArrayList<>());
                lastDate = date;
            }
            day.add(a);
            month.add(a);
            year.add(a);
            a.places().forEach(p -> byPlace.computeIfAbsent(p, k -> new ArrayList<>()).add(a));
            a.industries().forEach(s -> byIndustry.computeIfAbsent(s, k -> new ArrayList<>()).add(a));
            List<String> glossary = a.glossary();
            for (int k = 0; k < glossary.size(); k++) {
                String g = glossary.get(k);
                byGlossary.computeIfAbsent(g, e -> new ArrayList<>()).add(a);
                if (lazyConcordance) lineCounts.computeIfAbsent(g, e -> new LineCounts()).add(i, a.glossaryLines(), k);
            }
        }
        lineCounts.values().forEach(LineCounts::trim);
        if (!lazyConcordance) {
            concordance.putAll(concordanceOf(mentioned));
            concordanceFound = true;
        }
        for (Place p : places.values()) {
            if (p.parent() != null) children.computeIfAbsent(p.parent(), k -> new ArrayList<>()).add(p.slug());
        }
    }

    /** A copy of {@code from} over the articles {@code articles}, sharing the lists the caller does not replace. */
    private ArchiveIndex(ArchiveIndex from, List<AnnotatedArticle> articles) {
        this.articles = articles;
        this.places = from.places;
        this.mentioned = from.mentioned; // (its concordance is found: never read)
        this.position = from.position;
        from.findConcordanceNow();
        this.concordanceFound = true;
        this.byDay.putAll(from.byDay);
        this.byMonth.putAll(from.byMonth);
        this.byYear.putAll(from.byYear);
        this.byPlace.putAll(from.byPlace);
        this.byIndustry.putAll(from.byIndustry);
        this.byGlossary.putAll(from.byGlossary);
        this.concordance.putAll(from.concordance);
        this.children.putAll(from.children);
    }

    /**
     * This index with the articles {@code changed} in place of those with their ids, which must
     * have the same date, places, industries and glossary entries (their text may differ): what a
     * preview needs after a save that changed the text of an article, without indexing the
     * archive again. Only the lists that hold a changed article are copied.
     */
    public ArchiveIndex replacing(List<AnnotatedArticle> changed) {
        List<AnnotatedArticle> next = new ArrayList<>(articles);
        for (AnnotatedArticle c : changed) {
            AnnotatedArticle old = article(c.id());
            if (old == null || !old.article().date().equals(c.article().date()) || !old.places().equals(c.places())
                    || !old.industries().equals(c.industries()) || !old.glossary().equals(c.glossary())) {
                throw new IllegalArgumentException("not a change of text only: " + c.id());
            }
            next.set(position.get(c.id()), c);
        }
        ArchiveIndex out = new ArchiveIndex(this, List.copyOf(next));
        for (AnnotatedArticle c : changed) {
            AnnotatedArticle old = article(c.id());
            LocalDate d = c.article().date();
            replaceIn(out.byDay, d, old, c);
            replaceIn(out.byMonth, YearMonth.from(d), old, c);
            replaceIn(out.byYear, d.getYear(), old, c);
            for (String p : c.places()) replaceIn(out.byPlace, p, old, c);
            for (String i : c.industries()) replaceIn(out.byIndustry, i, old, c);
            for (String g : c.glossary()) replaceIn(out.byGlossary, g, old, c);
            Map<String, ConcordanceLines> fresh = new HashMap<>();
            int mine = position.get(c.id());
            addOccurrences(c, mine, fresh);
            for (String g : c.glossary()) {
                ConcordanceLines lines = out.concordance.getOrDefault(g, new ConcordanceLines());
                ConcordanceLines edited = fresh.getOrDefault(g, new ConcordanceLines());
                out.concordance.put(g, lines.replacing(mine, edited));
            }
        }
        return out;
    }

    private static <K> void replaceIn(Map<K, List<AnnotatedArticle>> map, K key, AnnotatedArticle old, AnnotatedArticle now) {
        List<AnnotatedArticle> list = new ArrayList<>(map.get(key));
        for (int i = 0; i < list.size(); i++) if (list.get(i) == old) list.set(i, now);
        map.put(key, list);
    }

    public List<AnnotatedArticle> articles() { return articles; }

    /** How many articles have editors' notes: those the notes index lists. */
    public int annotatedCount() {
        int n = 0;
        for (AnnotatedArticle a : articles) if (a.annotated()) n++;
        return n;
    }

    /** The place of {@code a} in reading order (by its id); -1 if it is not in the index. */
    public int positionOf(AnnotatedArticle a) {
        Integer at = position.get(a.id());
        return at == null ? -1 : at;
    }

    public AnnotatedArticle previous(AnnotatedArticle a) {
        int i = position.get(a.id());
        return i > 0 ? articles.get(i - 1) : null;
    }

    public AnnotatedArticle next(AnnotatedArticle a) {
        int i = position.get(a.id());
        return i + 1 < articles.size() ? articles.get(i + 1) : null;
    }

    public AnnotatedArticle article(String id) {
        Integer i = position.get(id);
        return i == null ? null : articles.get(i);
    }

    // ---- dates ---------------------------------------------------------------------------------

    public TreeMap<LocalDate, List<AnnotatedArticle>> byDay() { return byDay; }

    public List<AnnotatedArticle> onDay(LocalDate d) { return byDay.getOrDefault(d, List.of()); }

    public TreeMap<YearMonth, List<AnnotatedArticle>> byMonth() { return byMonth; }

    public TreeMap<Integer, List<AnnotatedArticle>> byYear() { return byYear; }

    // ---- places --------------------------------------------------------------------------------

    /** Articles that mention the place itself. */
    public List<AnnotatedArticle> mentioning(String placeSlug) { return byPlace.getOrDefault(placeSlug, List.of()); }

    /** True when an article mentions the place or a place inside it: such a place has a page. */
    public boolean hasArticles(String placeSlug) {
        return !mentioning(placeSlug).isEmpty() || !viaSubPlaces(placeSlug).isEmpty();
    }

    public List<String> children(String placeSlug) { return children.getOrDefault(placeSlug, List.of()); }

    /** Articles that mention a sub-place (at any depth) but not the place itself, in reading order. */
    public List<AnnotatedArticle> viaSubPlaces(String placeSlug) {
        return viaSubPlaces.computeIfAbsent(placeSlug, this::computeViaSubPlaces);
    }

    private List<AnnotatedArticle> computeViaSubPlaces(String placeSlug) {
        // Each article marked at its place in reading order, once, and taken in that order: sorting them by
        // their places, looked up by id at each comparison, was 0.025 s of a moved article's build at 10,000.
        java.util.BitSet own = new java.util.BitSet(articles.size()), via = new java.util.BitSet(articles.size());
        for (AnnotatedArticle a : mentioning(placeSlug)) own.set(position.get(a.id()));
        for (String d : descendants(placeSlug)) {
            for (AnnotatedArticle a : mentioning(d)) {
                int at = position.get(a.id());
                if (!own.get(at)) via.set(at);
            }
        }
        List<AnnotatedArticle> out = new ArrayList<>(via.cardinality());
        for (int at = via.nextSetBit(0); at >= 0; at = via.nextSetBit(at + 1)) out.add(articles.get(at));
        return List.copyOf(out);
    }

    public List<String> descendants(String placeSlug) {
        List<String> out = new ArrayList<>();
        List<String> queue = new ArrayList<>(children(placeSlug));
        Set<String> seen = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            String s = queue.remove(0);
            if (!seen.add(s)) continue;
            out.add(s);
            queue.addAll(children(s));
        }
        return out;
    }

    /** Number of distinct articles about a place or any place inside it. */
    public int totalFor(String placeSlug) {
        return mentioning(placeSlug).size() + viaSubPlaces(placeSlug).size();
    }

    // ---- industries and glossary ----------------------------------------------------------------

    public List<AnnotatedArticle> inIndustry(String slug) { return byIndustry.getOrDefault(slug, List.of()); }

    public List<AnnotatedArticle> usingEntry(String slug) { return byGlossary.getOrDefault(slug, List.of()); }

    /** How many lines the concordance of the entry {@code slug} has. */
    public int lineCount(String slug) {
        if (counted(slug)) return lineCounts(slug).lines();
        ConcordanceLines lines = lines(slug);
        return lines == null ? 0 : lines.size();
    }

    /** Line {@code i} of the concordance of {@code slug}, cut from {@code text}, the text of its article. */
    public Occurrence line(String slug, int i, archive.model.ArticleText text) {
        ConcordanceLines lines = lines(slug, i);
        return lines.line(i, articles.get(lines.position(i)), text);
    }

    /** The article of line {@code i} of the concordance of {@code slug}. */
    public AnnotatedArticle lineArticle(String slug, int i) { return articles.get(lines(slug, i).position(i)); }

    /** The place in reading order of the article of line {@code i} of the concordance of {@code slug}. */
    public int linePosition(String slug, int i) { return lines(slug, i).position(i); }

    /** What tells line {@code i} of {@code slug} apart from the other lines of its article (for fingerprints). */
    public long lineKey(String slug, int i) { return lines(slug, i).key(i); }

    /** Where the lines of {@code a} are among the concordance lines of the entry {@code slug}, in order. */
    public int[] linesOf(String slug, AnnotatedArticle a) {
        Integer at = position.get(a.id());
        if (at != null && counted(slug)) {
            int[] out = new int[articles.get(at).linesOf(slug)];
            int before = countedBefore(slug, at);
            for (int k = 0; k < out.length; k++) out[k] = before + k;
            return out;
        }
        ConcordanceLines lines = lines(slug);
        return lines == null || at == null ? new int[0] : lines.linesOf(at);
    }

    /** How many lines of the concordance of {@code slug} come from articles before {@code a} in reading order. */
    public int linesBefore(String slug, AnnotatedArticle a) {
        Integer at = position.get(a.id());
        if (at != null && counted(slug)) return countedBefore(slug, at);
        ConcordanceLines lines = lines(slug);
        if (at == null) throw new IllegalArgumentException("not in the index: " + a.id());
        return lines == null ? 0 : lines.before(at);
    }

    /**
     * Whether the lines of {@code slug} are counted rather than found: the concordance is not found,
     * and each article using the entry counted its lines when annotated.
     */
    private boolean counted(String slug) {
        return !concordanceFound && lineCounts(slug) != null;
    }

    /**
     * The articles using an entry by place in reading order, with the lines they give it counted up:
     * {@code before[k]} lines come from the first {@code k} of them. Incomplete when one of them did
     * not count its lines (see AnnotatedArticle#glossaryLines).
     */
    private static final class LineCounts {
        private int[] positions = new int[16], before = new int[17];
        private int size;
        private boolean complete = true;

        /** Adds the article at place {@code position}, which gives the entry {@code counted.get(k)} lines. */
        void add(int position, List<Integer> counted, int k) {
            if (counted == null) complete = false;
            if (size == positions.length) {
                positions = java.util.Arrays.copyOf(positions, size * 2);
                before = java.util.Arrays.copyOf(before, size * 2 + 1);
            }
            positions[size] = position;
            before[size + 1] = before[size] + (counted == null ? 0 : counted.get(k));
            size++;
        }

        /** Drops the spare room left by growing, once every article is in. */
        LineCounts trim() {
            positions = java.util.Arrays.copyOf(positions, size);
            before = java.util.Arrays.copyOf(before, size + 1);
            return this;
        }

        /** How many lines they give the entry. */
        int lines() { return before[size]; }

        /** Which of the articles gives line {@code line}: the first whose lines reach past it ({@link #size} if none). */
        int articleOfLine(int line) {
            int lo = 0, hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (before[mid + 1] > line) hi = mid;
                else lo = mid + 1;
            }
            return lo;
        }

        /** How many of the articles come before place {@code end} in reading order. */
        int articlesBefore(int end) {
            int k = java.util.Arrays.binarySearch(positions, end);
            return k >= 0 ? k : -k - 1;
        }
    }

    /** Each entry's counts (see {@link #counted}); null when an article using it did not count its lines. */
    private LineCounts lineCounts(String slug) {
        LineCounts c = lineCounts.get(slug);
        return c == null ? NO_LINES : c.complete ? c : null;
    }

    /** The counts of an entry no article uses. */
    private static final LineCounts NO_LINES = new LineCounts().trim();

    /** How many lines of the entry {@code slug} the articles before place {@code end} in reading order give, as each counted them. */
    private int countedBefore(String slug, int end) {
        LineCounts c = lineCounts(slug);
        return c.before[c.articlesBefore(end)];
    }

    /**
     * Finds lines {@code from} to {@code to} (excluded, at most the entry's last) of the entry
     * {@code slug} now, if the concordance is found when first asked for and not found yet, unless a
     * window found already holds them: from the articles those lines quote alone, found through each
     * article's count of its lines (a window of the lines, which answers {@link #line}, {@link
     * #lineArticle}, {@link #linePosition} and {@link #lineKey} for them). An edit's build makes a page
     * of an entry's concordance so, without reading the mentions of every article that uses the entry.
     */
    public void findLinesOf(String slug, int from, int to) {
        if (!counted(slug)) return;
        LineCounts counts = lineCounts(slug);
        to = Math.min(to, counts.lines());
        if (from >= to || window(slug, from, to) != null) return;
        int k = counts.articleOfLine(from);
        ConcordanceLines window = new ConcordanceLines(counts.before[k]);
        int expected = 0;
        for (; k < counts.size && counts.before[k] < to; k++) {
            int lines = counts.before[k + 1] - counts.before[k];
            if (lines == 0) continue;
            int at = counts.positions[k];
            addOccurrences(mentioned.apply(at), at, slug, window);
            expected += lines;
        }
        window.trim();
        if (window.size() != expected) {
            throw new IllegalStateException("the concordance lines counted for `" + slug + "` are not those its articles give");
        }
        windows.compute(slug, (g, ws) -> {
            List<ConcordanceLines> out = ws == null ? new ArrayList<>() : new ArrayList<>(ws);
            out.add(window);
            return List.copyOf(out);
        });
    }

    /** A window of the entry's lines found already that holds lines {@code from} to {@code to} (excluded); else null. */
    private ConcordanceLines window(String slug, int from, int to) {
        for (ConcordanceLines w : windows.getOrDefault(slug, List.of())) if (w.holds(from) && w.holds(to - 1)) return w;
        return null;
    }

    /** The lines of the entry {@code slug} that hold line {@code i}: a window found for it, or all of them. */
    private ConcordanceLines lines(String slug, int i) {
        if (!concordanceFound) {
            ConcordanceLines w = window(slug, i, i + 1);
            if (w != null) return w;
        }
        return lines(slug);
    }

    /** The concordance lines of one article (which must have its text), by glossary entry, as the index would hold them. */
    public static Map<String, List<Occurrence>> concordanceOf(AnnotatedArticle a) {
        Map<String, ConcordanceLines> lines = new HashMap<>();
        addOccurrences(a.requireText(), 0, lines);
        Map<String, List<Occurrence>> out = new HashMap<>();
        lines.forEach((slug, l) -> out.put(slug, l.lines(0, l.size(), List.of(a), x -> x)));
        return out;
    }

    /** How often each key occurs among the articles, most frequent first, ties by key. */
    public static List<Map.Entry<String, Integer>> tally(List<AnnotatedArticle> as,
                                                         java.util.function.Function<AnnotatedArticle, List<String>> keys) {
        // Counted in a hash map, each article's keys (a handful) checked for repeats in place: a place's
        // or an industry's page tallies every article of its list, tens of thousands at 100,000.
        Map<String, int[]> counts = new HashMap<>();
        for (AnnotatedArticle a : as) {
            List<String> ks = keys.apply(a);
            for (int i = 0; i < ks.size(); i++) {
                String k = ks.get(i);
                if (ks.subList(0, i).contains(k)) continue;
                int[] n = counts.get(k);
                if (n == null) counts.put(k, new int[] {1});
                else n[0]++;
            }
        }
        List<Map.Entry<String, Integer>> out = new ArrayList<>(counts.size());
        counts.forEach((k, n) -> out.add(Map.entry(k, n[0])));
        out.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }

    /**
     * The first and last dates of the articles of {@code parts}, the article {@code except} left out
     * (null: none), as {first, last}; null if there is no other. Each part is in reading order, by
     * date first: its ends give its dates, and no article between them is looked at.
     */
    public static LocalDate[] dateRange(List<List<AnnotatedArticle>> parts, String except) {
        LocalDate first = null, last = null;
        for (List<AnnotatedArticle> part : parts) {
            AnnotatedArticle a = end(part, except, true), z = end(part, except, false);
            if (a != null && (first == null || a.article().date().isBefore(first))) first = a.article().date();
            if (z != null && (last == null || z.article().date().isAfter(last))) last = z.article().date();
        }
        return first == null ? null : new LocalDate[] {first, last};
    }

    /** The first (or last) article of {@code part} other than the one {@code except}; null if there is none. */
    private static AnnotatedArticle end(List<AnnotatedArticle> part, String except, boolean first) {
        for (int k = 0; k < Math.min(2, part.size()); k++) {
            AnnotatedArticle a = part.get(first ? k : part.size() - 1 - k);
            if (!a.id().equals(except)) return a;
        }
        return null;
    }

    /** Articles per month, every month from the first to the last present in the list. */
    public static TreeMap<YearMonth, Integer> perMonth(List<AnnotatedArticle> as) {
        TreeMap<YearMonth, Integer> out = new TreeMap<>();
        if (as.isEmpty()) return out;
        // Counted in an array by month number: lists run to tens of thousands of articles, and every
        // list page, place, industry and glossary entry has a chart.
        int[] month = new int[as.size()];
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        for (int i = 0; i < month.length; i++) {
            LocalDate d = as.get(i).article().date();
            month[i] = d.getYear() * 12 + d.getMonthValue() - 1;
            first = Math.min(first, month[i]);
            last = Math.max(last, month[i]);
        }
        int[] counts = new int[last - first + 1];
        for (int m : month) counts[m - first]++;
        for (int i = 0; i < counts.length; i++) out.put(YearMonth.of((first + i) / 12, (first + i) % 12 + 1), counts[i]);
        return out;
    }

    /**
     * Finds the concordance now if it is found when first asked for: before work in parallel asks for
     * it, each task of which would otherwise find it too (see {@link #findConcordance}).
     */
    public void findConcordanceNow() {
        if (!concordanceFound) findConcordance();
    }

    /**
     * Finds the lines of the entries {@code slugs} now, if the concordance is found when first asked
     * for and not found yet, so that each task asking for one finds it found: each from the articles
     * that use it (on every core, see {@link #findLinesOf}) when these are fewer than the archive's
     * articles, else the whole concordance, in one pass over every article's mentions (see
     * {@link #findConcordanceNow}).
     */
    public void findConcordanceOf(java.util.Collection<String> slugs) {
        if (concordanceFound) return;
        long read = 0;
        for (String g : slugs) read += usingEntry(g).size();
        if (read >= articles.size() || !slugs.stream().allMatch(this::counted)) findConcordance();
        else Parallel.forEach(slugs, g -> findLinesOf(g, 0, Integer.MAX_VALUE));
    }

    /** The lines of the entry {@code slug}; null if it has none. */
    private ConcordanceLines lines(String slug) {
        if (!concordanceFound && counted(slug)) {
            int n = lineCounts(slug).lines();
            findLinesOf(slug, 0, n);
            return window(slug, 0, n);
        }
        findConcordanceNow();
        return concordance.get(slug);
    }

    /**
     * Finds the concordance of an index made to find it when asked for, from its articles' mentions.
     * Found outside any lock, and only put in under one: finding it runs in parallel on the common pool,
     * and a lock held meanwhile would hold the pool's worker too once a task running there asked for it
     * (the two waited for each other, a build's glossary hung). Threads asking at once each find it.
     */
    private void findConcordance() {
        Map<String, ConcordanceLines> found = concordanceOf(mentioned);
        synchronized (this) {
            if (concordanceFound) return;
            concordance.putAll(found);
            concordanceFound = true;
        }
    }

    /** The concordance, in one pass over the mentions of the articles ({@code mentioned} gives them in reading order). */
    private Map<String, ConcordanceLines> concordanceOf(java.util.function.IntFunction<AnnotatedArticle> mentioned) {
        // The articles are taken in runs, one run's lines found on each core (with the decoding of
        // the mentions a restored article holds as bytes), then each entry's lines joined run after
        // run: in reading order, as one pass would find them.
        int n = articles.size(), runs = Math.max(1, Math.min(n / 256, 64));
        List<Map<String, ConcordanceLines>> found = Parallel.mapIndex(runs, r -> {
            Map<String, ConcordanceLines> lines = new HashMap<>();
            for (int i = (int) ((long) r * n / runs), end = (int) ((long) (r + 1) * n / runs); i < end; i++) {
                addOccurrences(mentioned.apply(i), i, lines);
            }
            return lines;
        });
        Map<String, ConcordanceLines> all = new HashMap<>();
        for (Map<String, ConcordanceLines> run : found) {
            run.forEach((slug, lines) -> all.merge(slug, lines, (before, after) -> before.append(after)));
        }
        for (ConcordanceLines lines : all.values()) lines.trim();
        return all;
    }

    /** The concordance lines of article {@code a}, at {@code position} in reading order; the article's text is not read. */
    private static void addOccurrences(AnnotatedArticle a, int position, Map<String, ConcordanceLines> concordance) {
        addOccurrences(a, position, slug -> concordance.computeIfAbsent(slug, k -> new ConcordanceLines()));
    }

    /** The lines of article {@code a} (at {@code position}) of the entry {@code slug} alone, added to {@code lines}. */
    private static void addOccurrences(AnnotatedArticle a, int position, String slug, ConcordanceLines lines) {
        addOccurrences(a, position, s -> s.equals(slug) ? lines : null);
    }

    /** Adds each concordance line of article {@code a} (at {@code position}), in order, to the lines {@code to} gives for its entry (none: skipped). */
    private static void addOccurrences(AnnotatedArticle a, int position, java.util.function.Function<String, ConcordanceLines> to) {
        a.visitGlossary((row, zh, part, start, end, slug) -> {
            ConcordanceLines lines = to.apply(slug);
            if (lines != null) lines.add(a, position, row, zh, part, start, end);
        });
    }

}
