package archive.render;

import archive.index.ArchiveIndex;
import archive.model.AnnotatedArticle;
import archive.parallel.Parallel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The archive as a newspaper: years, a calendar per year, months, and each day's paper by page. */
public final class DatePages {
    private final RenderContext ctx;

    public DatePages(RenderContext ctx) { this.ctx = ctx; }

    /** A day cell of a calendar: the day number, and the path of its paper when it has articles. */
    public record Day(int day, String path, int count) {}

    /** A page of the day's paper, its articles grouped by column (a column with an empty name comes first). */
    public record PaperPage(String id, String en, String zh, List<Views.Group> columns) {}

    /** One month of a year's calendar, as weeks of seven cells (null for padding). */
    public record CalendarMonth(String path, String en, String zh, int count, List<List<Day>> weeks) {}

    public void renderAll() {
        index();
        TreeMap<Integer, List<AnnotatedArticle>> years = ctx.index.byYear();
        years.forEach(this::year);
        TreeMap<YearMonth, List<AnnotatedArticle>> months = ctx.index.byMonth();
        Parallel.forEach(months.entrySet(), e -> month(e.getKey(), e.getValue(), months));
        TreeMap<LocalDate, List<AnnotatedArticle>> days = ctx.index.byDay();
        Parallel.forEach(days.entrySet(), e -> day(e.getKey(), e.getValue(), days));
    }

    /** The dates' index: the years, and a chart of every month's articles. */
    public void index() {
        TreeMap<Integer, List<AnnotatedArticle>> years = ctx.index.byYear();
        List<Views.Ref> yearRefs = new ArrayList<>();
        years.forEach((y, as) -> yearRefs.add(new Views.Ref(PagePaths.year(y), String.valueOf(y), y + "年", as.size(), "")));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("years", yearRefs);
        v.put("chart", Charts.perMonth("Articles per month · 每月文章数", ArchiveIndex.perMonth(ctx.index.articles()),
                PagePaths::month, ctx.linker(PagePaths.DATES)));
        ctx.page("dates-index", PagePaths.DATES, "Dates · 日期", "The archive by year, month and day.", "dates", v);
    }

    /**
     * The year, month and day pages of {@code dates} only: after an edit that changed what lists
     * show of some articles (a title, a column) but not when they appeared.
     */
    public void render(java.util.Set<LocalDate> dates) {
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        java.util.Set<YearMonth> months = new java.util.TreeSet<>();
        for (LocalDate d : dates) {
            years.add(d.getYear());
            months.add(YearMonth.from(d));
        }
        for (int y : years) year(y, ctx.index.byYear().get(y));
        for (YearMonth m : months) month(m, ctx.index.byMonth().get(m), ctx.index.byMonth());
        for (LocalDate d : dates) day(d, ctx.index.onDay(d), ctx.index.byDay());
    }

    private void year(int year, List<AnnotatedArticle> articles) {
        String path = PagePaths.year(year);
        List<CalendarMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            List<List<Day>> weeks = new ArrayList<>();
            List<Day> week = new ArrayList<>();
            int pad = ym.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
            for (int i = 0; i < pad; i++) week.add(null);
            int monthCount = 0;
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate date = ym.atDay(d);
                int n = ctx.index.onDay(date).size();
                monthCount += n;
                week.add(new Day(d, n > 0 ? PagePaths.day(date) : null, n));
                if (week.size() == 7) { weeks.add(week); week = new ArrayList<>(); }
            }
            if (!week.isEmpty()) { while (week.size() < 7) week.add(null); weeks.add(week); }
            months.add(new CalendarMonth(monthCount > 0 ? PagePaths.month(ym) : null, Dates.monthEn(ym), Dates.monthZh(ym),
                    monthCount, weeks));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("year", year);
        v.put("count", articles.size());
        v.put("months", months);
        v.put("prevYear", ctx.index.byYear().lowerKey(year));
        v.put("nextYear", ctx.index.byYear().higherKey(year));
        v.put("prevYearPath", ctx.index.byYear().lowerKey(year) == null ? "" : PagePaths.year(ctx.index.byYear().lowerKey(year)));
        v.put("nextYearPath", ctx.index.byYear().higherKey(year) == null ? "" : PagePaths.year(ctx.index.byYear().higherKey(year)));
        v.put("chart", Charts.perMonth("Articles per month in " + year + " · " + year + "年每月文章数",
                fullYear(year, articles), PagePaths::month, ctx.linker(path)));
        ctx.page("dates-year", path, year + " · " + year + "年", "The archive's articles of " + year + ", by day.", "dates", v);
    }

    private TreeMap<YearMonth, Integer> fullYear(int year, List<AnnotatedArticle> articles) {
        TreeMap<YearMonth, Integer> counts = new TreeMap<>();
        for (int m = 1; m <= 12; m++) counts.put(YearMonth.of(year, m), 0);
        ArchiveIndex.perMonth(articles).forEach(counts::put);
        return counts;
    }

    private void month(YearMonth month, List<AnnotatedArticle> articles, TreeMap<YearMonth, List<AnnotatedArticle>> months) {
        String base = PagePaths.month(month);
        YearMonth prev = months.lowerKey(month), next = months.higherKey(month);
        Pagination.pages(base, articles, Pagination.ARTICLES, (slice, pager) -> {
            String path = Pagination.path(base, pager.current());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("monthEn", Dates.monthEn(month));
            v.put("monthZh", Dates.monthZh(month));
            v.put("yearPath", PagePaths.year(month.getYear()));
            v.put("year", month.getYear());
            v.put("days", ctx.deferredItems(slice, path,
                    () -> groups(slice, a -> a.article().date(), d -> PagePaths.day(d), Dates::en, Dates::zh, path)));
            v.put("count", pager.first() ? articles.size() : null); // the first page's alone, as on the home page
            v.put("prev", prev == null ? null : new Views.Ref(PagePaths.month(prev), Dates.monthEn(prev), Dates.monthZh(prev), 0, ""));
            v.put("next", next == null ? null : new Views.Ref(PagePaths.month(next), Dates.monthEn(next), Dates.monthZh(next), 0, ""));
            v.put("pager", pager);
            ctx.page("dates-month", path, Pagination.title(Dates.monthEn(month) + " · " + Dates.monthZh(month), pager),
                    "The archive's articles of " + Dates.monthEn(month) + ".", "dates", v);
        });
    }

    /** Consecutive articles with the same key under one heading, in the order given. */
    private <K> List<Views.Group> groups(List<AnnotatedArticle> slice, java.util.function.Function<AnnotatedArticle, K> key,
                                         java.util.function.Function<K, String> id, java.util.function.Function<K, String> en,
                                         java.util.function.Function<K, String> zh, String path) {
        List<Views.Group> out = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= slice.size(); i++) {
            if (i == slice.size() || !key.apply(slice.get(i)).equals(key.apply(slice.get(from)))) {
                K k = key.apply(slice.get(from));
                out.add(new Views.Group(id.apply(k), en.apply(k), zh.apply(k), ctx.items(slice.subList(from, i), path)));
                from = i;
            }
        }
        return out;
    }

    /** A day's articles grouped by page, and within a page by column (no column first), as the paper printed them. */
    private List<PaperPage> paperPages(List<AnnotatedArticle> slice, String path) {
        List<PaperPage> pages = new ArrayList<>();
        for (Views.Group page : groups(slice, a -> a.article().page(), p -> "page-" + p, p -> "Page " + p, p -> "第" + p + "版", path)) {
            int number = Integer.parseInt(page.id().substring("page-".length()));
            List<AnnotatedArticle> onPage = new ArrayList<>(slice.stream().filter(a -> a.article().page() == number).toList());
            onPage.sort(java.util.Comparator.comparing((AnnotatedArticle a) -> a.article().column()).thenComparing(AnnotatedArticle::id));
            pages.add(new PaperPage(page.id(), page.en(), page.zh(),
                    groups(onPage, a -> a.article().column(), c -> c, c -> c.isEmpty() ? "" : "Column", c -> c, path)));
        }
        return pages;
    }

    private void day(LocalDate date, List<AnnotatedArticle> articles, TreeMap<LocalDate, List<AnnotatedArticle>> days) {
        String base = PagePaths.day(date);
        // The day's paper: articles grouped by page (the index keeps a day's articles in page order).
        List<Views.Ref> places = ArchiveIndex.tally(articles, AnnotatedArticle::places).stream()
                .filter(e -> ctx.places.containsKey(e.getKey())).map(e -> ctx.placeRef(e.getKey(), e.getValue())).toList();
        List<Views.Ref> industries = ArchiveIndex.tally(articles, AnnotatedArticle::industries).stream()
                .filter(e -> ctx.industries.containsKey(e.getKey())).map(e -> ctx.industryRef(e.getKey(), e.getValue())).toList();
        LocalDate prev = days.lowerKey(date), next = days.higherKey(date);
        Pagination.pages(base, articles, Pagination.ARTICLES, (slice, pager) -> {
        String path = Pagination.path(base, pager.current());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("dateEn", Dates.en(date));
        v.put("dateZh", Dates.zh(date));
        v.put("weekday", date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
        v.put("pages", ctx.deferredItems(slice, path, () -> paperPages(slice, path)));
        v.put("count", articles.size());
        YearMonth m = YearMonth.from(date);
        v.put("monthPath", PagePaths.month(m));
        v.put("monthEn", Dates.monthEn(m));
        v.put("monthZh", Dates.monthZh(m));
        v.put("yearPath", PagePaths.year(date.getYear()));
        v.put("year", date.getYear());
        v.put("places", places);
        v.put("industries", industries);
        v.put("prev", prev == null ? null : new Views.Ref(PagePaths.day(prev), Dates.en(prev), Dates.zh(prev), 0, ""));
        v.put("next", next == null ? null : new Views.Ref(PagePaths.day(next), Dates.en(next), Dates.zh(next), 0, ""));
        v.put("pager", pager);
        ctx.page("dates-day", path, Pagination.title("People's Daily, " + Dates.en(date) + " · " + Dates.zh(date) + "人民日报", pager),
                "The articles of People's Daily of " + Dates.en(date) + " in the archive, by page.", "dates", v);
        });
    }
}
