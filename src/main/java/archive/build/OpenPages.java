package archive.build;

import archive.model.AnnotatedArticle;
import archive.model.SitePage;
import archive.render.ArticlePages;
import archive.render.DatePages;
import archive.render.EditorialPages;
import archive.render.GlossaryPages;
import archive.render.IndustryPages;
import archive.render.PageSink;
import archive.render.Pagination;
import archive.render.PlacePages;
import archive.render.RenderContext;
import archive.render.SearchPage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages at a few files of the site (those open in the editors' browsers), made by the page
 * builders that own them, into memory: the preview shows them before it renders every other page
 * after a template's change (as Hugo's server renders the pages being viewed first). Every other
 * file is "kept" by the {@link Sink}, so the builders render these pages alone.
 */
final class OpenPages {
    private final RenderContext ctx;
    private final List<SitePage> sitePages;
    private final Map<String, String> introductions;

    /**
     * @param introductions the editors' introductions by article id, as the last build published
     *                      them (the notes' index shows them; only an article's own page makes one)
     */
    OpenPages(RenderContext ctx, List<SitePage> sitePages, Map<String, String> introductions) {
        this.ctx = ctx;
        this.sitePages = sitePages;
        this.introductions = introductions;
    }

    /** Where the pages go: every file but {@code files} is kept, and only theirs are taken. */
    static final class Sink implements PageSink {
        private final Set<String> files;
        private final Map<String, byte[]> made = new ConcurrentHashMap<>();

        Sink(Set<String> files) { this.files = Set.copyOf(files); }

        /** The pages made, by site file. */
        Map<String, byte[]> made() { return Map.copyOf(made); }

        @Override
        public void write(String file, byte[] content) {
            if (files.contains(file)) made.put(file, content);
        }

        @Override
        public void write(String file, byte[] content, long fingerprint) { write(file, content); }

        @Override
        public void write(String file, byte[] content, int length, long fingerprint) {
            if (files.contains(file)) made.put(file, java.util.Arrays.copyOf(content, length));
        }

        @Override
        public boolean keep(String file, long fingerprint) { return !files.contains(file); }

        @Override
        public boolean keepAsPublished(String file) { return true; }
    }

    /** Makes the pages at {@code files} (site files such as "articles/ID/index.html"); other files are not pages, and are left. */
    void render(Set<String> files) {
        Wanted w = new Wanted();
        for (String f : files) w.add(f);
        EditorialPages editorial = new EditorialPages(ctx);
        if (w.home) editorial.home(sitePages.stream().filter(p -> p.name().equals("home")).findFirst().orElse(null));
        if (w.articleList) editorial.articleList();
        if (w.notes) editorial.notesIndex(new HashMap<>(introductions));
        for (SitePage p : sitePages) if (w.sitePages.contains(p.name())) editorial.sitePage(p);
        if (!w.articles.isEmpty()) {
            ArticlePages articles = new ArticlePages(ctx);
            for (AnnotatedArticle a : ctx.index.articles()) if (w.articles.contains(a.id())) articles.render(a);
        }
        if (w.glossaryIndex || !w.entries.isEmpty()) new GlossaryPages(ctx).render(w.entries, w.glossaryIndex);
        if (w.dates) new DatePages(ctx).renderAll();
        if (w.placesIndex) new PlacePages(ctx).renderAll();
        else if (!w.places.isEmpty()) new PlacePages(ctx).render(w.places, path -> Pagination.ALL);
        if (w.industriesIndex) new IndustryPages(ctx).renderAll();
        else if (!w.industries.isEmpty()) new IndustryPages(ctx).render(w.industries, path -> Pagination.ALL);
        if (w.search) new SearchPage(ctx).render();
    }

    /** Which builders make the files asked for, by the site's paths (see PagePaths). */
    private static final class Wanted {
        boolean home, articleList, notes, glossaryIndex, dates, placesIndex, industriesIndex, search;
        final Set<String> articles = new HashSet<>(), places = new HashSet<>(), industries = new HashSet<>(),
                sitePages = new HashSet<>();
        final Map<String, Set<Integer>> entries = new HashMap<>();

        void add(String file) {
            if (!file.endsWith("index.html")) return;
            String[] s = file.split("/");
            int n = s.length;
            switch (s[0]) {
                case "index.html", "page" -> home = true;
                case "articles" -> {
                    if (n == 3 && !s[1].equals("page")) articles.add(s[1]);
                    else articleList = true;
                }
                case "notes" -> notes = true;
                case "glossary" -> {
                    if (n == 2) glossaryIndex = true;
                    else if (n == 3) entries.computeIfAbsent(s[1], k -> new TreeSet<>()).add(1);
                    else if (n == 5 && s[2].equals("page") && s[3].matches("[0-9]{1,6}")) {
                        entries.computeIfAbsent(s[1], k -> new TreeSet<>()).add(Integer.parseInt(s[3]));
                    }
                }
                case "dates" -> dates = true;
                case "places" -> {
                    if (n == 2) placesIndex = true;
                    else places.add(s[1]);
                }
                case "industries" -> {
                    if (n == 2) industriesIndex = true;
                    else industries.add(s[1]);
                }
                case "search" -> search = true;
                default -> {
                    if (n == 2) sitePages.add(s[0]);
                }
            }
        }
    }
}
