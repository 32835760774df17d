package archive.index;

import archive.model.AnnotatedArticle;
import archive.model.Mention;
import archive.model.Paragraph;
import archive.model.Place;
import archive.model.Row;

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
    /** Characters of context on each side of a concordance line, per language. */
    private static final int ZH_CONTEXT = 18, EN_CONTEXT = 48;

    private final List<AnnotatedArticle> articles;
    private final Map<String, Integer> position;
    private final TreeMap<LocalDate, List<AnnotatedArticle>> byDay = new TreeMap<>();
    private final TreeMap<YearMonth, List<AnnotatedArticle>> byMonth = new TreeMap<>();
    private final TreeMap<Integer, List<AnnotatedArticle>> byYear = new TreeMap<>();
    private final Map<String, List<AnnotatedArticle>> byPlace = new HashMap<>();
    private final Map<String, List<AnnotatedArticle>> byIndustry = new HashMap<>();
    private final Map<String, List<AnnotatedArticle>> byGlossary = new HashMap<>();
    private final Map<String, List<Occurrence>> concordance = new HashMap<>();
    private final Map<String, Place> places;
    private final Map<String, List<String>> children = new TreeMap<>();
    /** Computed on first use: pages ask for it many times (counts, links, lists). */
    private final Map<String, List<AnnotatedArticle>> viaSubPlaces = new java.util.concurrent.ConcurrentHashMap<>();

    public ArchiveIndex(List<AnnotatedArticle> sortedArticles, Map<String, Place> places) {
        this.articles = List.copyOf(sortedArticles);
        this.places = places;
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
            a.glossary().forEach(g -> byGlossary.computeIfAbsent(g, k -> new ArrayList<>()).add(a));
            addOccurrences(a);
        }
        for (Place p : places.values()) {
            if (p.parent() != null) children.computeIfAbsent(p.parent(), k -> new ArrayList<>()).add(p.slug());
        }
    }

    public List<AnnotatedArticle> articles() { return articles; }

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
        Set<String> own = new LinkedHashSet<>();
        mentioning(placeSlug).forEach(a -> own.add(a.id()));
        Set<String> seen = new LinkedHashSet<>();
        List<AnnotatedArticle> out = new ArrayList<>();
        for (String d : descendants(placeSlug)) {
            for (AnnotatedArticle a : mentioning(d)) if (!own.contains(a.id()) && seen.add(a.id())) out.add(a);
        }
        out.sort((x, y) -> Integer.compare(position.get(x.id()), position.get(y.id())));
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

    public List<Occurrence> occurrences(String slug) { return concordance.getOrDefault(slug, List.of()); }

    /** How often each key occurs among the articles, most frequent first, ties by key. */
    public static List<Map.Entry<String, Integer>> tally(List<AnnotatedArticle> as,
                                                         java.util.function.Function<AnnotatedArticle, List<String>> keys) {
        Map<String, Integer> counts = new TreeMap<>();
        for (AnnotatedArticle a : as) for (String k : new LinkedHashSet<>(keys.apply(a))) counts.merge(k, 1, Integer::sum);
        List<Map.Entry<String, Integer>> out = new ArrayList<>(counts.entrySet());
        out.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
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

    private void addOccurrences(AnnotatedArticle a) {
        List<Row> rows = a.rows();
        String title = a.article().title();
        for (Mention m : a.titleMentions()) add(a, "title", "en", title, m);
        if (a.article().chinese() != null) {
            List<String> deck = a.article().chinese().deck();
            for (int i = 0; i < deck.size() && i < a.deckMentions().size(); i++) {
                for (Mention m : a.deckMentions().get(i)) add(a, "title", "zh-Hans", deck.get(i), m);
            }
        }
        for (Row r : rows) {
            for (Paragraph p : r.zh()) for (Mention m : a.zhMentions().get(p.number() - 1)) add(a, r.anchor(), "zh-Hans", p.text(), m);
            for (Paragraph p : r.en()) for (Mention m : a.enMentions().get(p.number() - 1)) add(a, r.anchor(), "en", p.text(), m);
        }
    }

    private void add(AnnotatedArticle a, String anchor, String lang, String text, Mention m) {
        if (m.kind() != Mention.Kind.GLOSSARY) return;
        int width = lang.equals("en") ? EN_CONTEXT : ZH_CONTEXT;
        concordance.computeIfAbsent(m.slug(), k -> new ArrayList<>())
                .add(new Occurrence(a, anchor, lang, text, m.start(), m.end(), width));
    }

}
