package archive.publish;

import archive.model.Article;
import archive.model.ChineseText;
import archive.model.EnglishText;
import archive.model.Paragraph;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSL output of the three styles, and the BibTeX and RIS files, for one article. */
class CitationsTest {
    static final String URL = "https://example.org/archive/articles/1012f6d7e23636c3/";
    static final ArticleRecord ARTICLE = new ArticleRecord("1012f6d7e23636c3", "articles/1012f6d7e23636c3/", URL,
            LocalDate.of(1958, 10, 24), 2, "", "", "", "Organize a Comprehensive Breakthrough Targeting Weak Links",
            "针对薄弱环节组织全面突击 江苏江西铁产量提高两倍");
    static final Citations CITATIONS = new Citations();

    static Map<Citations.Style, Citations.Formatted> format(ArticleRecord r) {
        return CITATIONS.format(r).stream().collect(Collectors.toMap(Citations.Formatted::style, f -> f));
    }

    @Test
    void chicagoNoteQuotesTheBracketedTitleAndItalicisesThePaper() {
        Citations.Formatted c = format(ARTICLE).get(Citations.Style.CHICAGO_NOTE);
        assertEquals("“针对薄弱环节组织全面突击 江苏江西铁产量提高两倍 [Organize a Comprehensive Breakthrough Targeting Weak Links],” "
                + "Renmin ribao 人民日报 [People’s Daily], October 24, 1958, " + URL + ".", c.text());
        assertTrue(c.html().contains("<i>Renmin ribao <span lang=\"zh-Hans\">人民日报</span> [People’s Daily]</i>"), c.html());
    }

    @Test
    void mlaGivesDayMonthYearAndPage() {
        Citations.Formatted c = format(ARTICLE).get(Citations.Style.MLA);
        assertEquals("“针对薄弱环节组织全面突击 江苏江西铁产量提高两倍 [Organize a Comprehensive Breakthrough Targeting Weak Links].” "
                + "Renmin ribao 人民日报 [People’s Daily], 24 Oct. 1958, p. 2, " + URL + ".", c.text());
    }

    @Test
    void apaPutsTheDateAfterTheTitleOfAnUnsignedArticle() {
        Citations.Formatted c = format(ARTICLE).get(Citations.Style.APA);
        assertEquals("针对薄弱环节组织全面突击 江苏江西铁产量提高两倍 [Organize a Comprehensive Breakthrough Targeting Weak Links]. "
                + "(1958, October 24). Renmin ribao 人民日报 [People’s Daily], 2. " + URL, c.text());
    }

    @Test
    void aBylineLeadsTheCitation() {
        ArticleRecord signed = new ArticleRecord("00000000000000ab", "articles/00000000000000ab/", null, LocalDate.of(1960, 1, 5), 4,
                "", "", "Xinhua News Agency", "Title", "标题");
        Map<Citations.Style, Citations.Formatted> f = format(signed);
        assertTrue(f.get(Citations.Style.APA).text().startsWith("Xinhua News Agency. (1960, January 5). 标题 [Title]."),
                f.get(Citations.Style.APA).text());
        assertTrue(f.get(Citations.Style.MLA).text().startsWith("Xinhua News Agency. “标题 [Title].”"), f.get(Citations.Style.MLA).text());
        assertFalse(f.get(Citations.Style.MLA).text().contains("http"), "no URL without a site URL");
    }

    @Test
    void htmlKeepsOnlyItalicsAndEscapesMarkupInTitles() {
        ArticleRecord r = new ArticleRecord("00000000000000ac", "articles/00000000000000ac/", null, LocalDate.of(1959, 3, 2), 1,
                "", "", "", "<b>Bold</b> & \"quoted\"", "");
        for (Citations.Formatted f : CITATIONS.format(r)) {
            assertFalse(f.html().contains("style="), f.html());
            assertFalse(f.html().contains("<b>"), f.html());
            assertTrue(f.html().contains("&lt;b&gt;Bold&lt;/b&gt; &amp;"), f.html());
            assertTrue(f.text().contains("<b>Bold</b> &"), f.text());
        }
    }

    /** What a build does on reading an edited seed: the page that needs citeproc finds its styles loaded. */
    @Test
    void stylesLoadedInTheBackgroundSpareThePageThatNeedsThem() {
        Citations.forgetLoadedStyles();
        Citations cold = new Citations();
        List<Citations.Formatted> expected = cold.format(ARTICLE);
        assertTrue(cold.loadNanos() > 0, "with no styles loaded, the first citation loads them");
        Citations.forgetLoadedStyles();
        Citations.warmUpInBackground();
        Citations warm = new Citations();
        assertEquals(expected, warm.format(ARTICLE));
        assertEquals(0, warm.loadNanos(), "the styles loaded in the background were taken, none loaded for the page");
    }

    /** An edited seed loads citeproc's styles beforehand only if its citation changed: an edit of the text alone loads nothing. */
    @Test
    void onlyAChangedCitationHasItsStylesLoadedBeforehand() {
        Article was = article("Steel output doubles", "The furnaces were lit.");
        java.util.function.BiConsumer<Article, Article> warmUp = Citations.warmUpWhenNeeded(null, LINKS);
        Citations.forgetLoadedStyles();
        warmUp.accept(was, article("Steel output doubles", "The furnaces were all lit."));
        assertFalse(Citations.stylesLoadedOrLoading(), "the text alone changed: the citation is the one cached");
        warmUp.accept(was, article("Steel output trebles", "The furnaces were lit."));
        assertTrue(Citations.stylesLoadedOrLoading(), "the title changed: its citation will be formatted");
        Citations.forgetLoadedStyles();
        warmUp.accept(null, was);
        assertTrue(Citations.stylesLoadedOrLoading(), "a new article is cited for the first time");
        Citations.forgetLoadedStyles();
    }

    /**
     * The shapes a build filled its citations into are stored beside the cache: the next build cites an
     * edited title or a new article of a month already cited without loading citeproc's styles, and gets
     * what citeproc gives; a month never cited still loads them.
     */
    @Test
    void storedShapesCiteAnEditedTitleWithoutLoadingTheStyles() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("cite-shapes");
        try {
            Citations first = Citations.inFolder(dir);
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < 4; i++) {
                ArticleRecord r = ArticleRecord.of(article(String.format("%016x", i), "Steel output report " + i, "Text."), LINKS);
                first.format(r);
                ids.add(r.id());
            }
            assertTrue(first.filled() > 0, "the build filled shapes");
            first.saveCache(ids);

            Article was = article("1012f6d7e23636c3", "Steel output doubles", "The furnaces were lit.");
            Article edited = article("1012f6d7e23636c3", "Steel output trebles in Anshan", "The furnaces were lit.");
            Citations.forgetLoadedStyles();
            java.util.function.BiConsumer<Article, Article> warmUp = Citations.warmUpWhenNeeded(dir, LINKS);
            warmUp.accept(was, edited);
            warmUp.accept(null, article("00000000000000ff", "A new article of the same month", "Text."));
            assertFalse(Citations.stylesLoadedOrLoading(), "an edited title and a new article of a month cited before: no styles loaded");
            Citations next = Citations.inFolder(dir);
            ArticleRecord r = ArticleRecord.of(edited, LINKS);
            List<Citations.Formatted> filled = next.format(r);
            assertFalse(Citations.stylesLoadedOrLoading(), "cited without citeproc");
            assertEquals(1, next.filled());
            assertEquals(new Citations().format(r), filled, "the filled citation is citeproc's");

            Citations.forgetLoadedStyles();
            Article otherYear = new Article("00000000000000fe", Path.of("seeds/y.txt"), LocalDate.of(1960, 2, 3), 2,
                    edited.english(), edited.chinese());
            warmUp.accept(null, otherYear);
            assertTrue(Citations.stylesLoadedOrLoading(), "a month no build cited: its shape needs citeproc");
        } finally {
            Citations.forgetLoadedStyles();
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * An edit undone (the byline or title back as an earlier build cited it) finds its citation in the
     * cache: no styles are loaded for it, even with no stored shape to fill, and the build's citations
     * give it from the cache the look-ahead read, as long as the file is still the one it read.
     */
    @Test
    void anUndoneEditFindsItsCitationInTheCacheWithoutLoadingTheStyles() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("cite-undo");
        try {
            Article original = article("1012f6d7e23636c3", "Steel output doubles", "The furnaces were lit.");
            Article edited = article("1012f6d7e23636c3", "Steel output trebles", "The furnaces were lit.");
            Citations first = Citations.inFolder(dir);
            List<Citations.Formatted> expected = first.format(ArticleRecord.of(original, LINKS));
            first.saveCache(java.util.Set.of(original.id()));
            // No shapes: only the cache can spare citeproc.
            java.nio.file.Files.delete(dir.resolve(CitationShapes.FILE));

            Citations.forgetLoadedStyles();
            Citations.warmUpWhenNeeded(dir, LINKS).accept(edited, original);
            assertFalse(Citations.stylesLoadedOrLoading(), "the citation as an earlier build made it is in the cache");
            Citations build = Citations.inFolder(dir);
            assertEquals(expected, build.format(ArticleRecord.of(original, LINKS)));
            assertEquals(0, build.formatted(), "given from the cache");
            assertFalse(Citations.stylesLoadedOrLoading());

            // The file changed after the look-ahead read it: the build reads it again and finds what was added.
            Article other = article("00000000000000ff", "Coal output rises", "Text.");
            Citations second = Citations.inFolder(dir);
            List<Citations.Formatted> otherCitation = second.format(ArticleRecord.of(other, LINKS));
            Citations.warmUpWhenNeeded(dir, LINKS).accept(edited, original);
            second.saveCache(java.util.Set.of(original.id(), other.id()));
            Citations third = Citations.inFolder(dir);
            assertEquals(otherCitation, third.format(ArticleRecord.of(other, LINKS)));
            assertEquals(0, third.formatted(), "the citation the second build added is found: the stale look-ahead was not taken");
        } finally {
            Citations.forgetLoadedStyles();
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** A damaged or stale file of shapes is as none: the citation is formatted, the same, and the file written again. */
    @Test
    void aDamagedFileOfShapesIsIgnored() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("cite-shapes");
        try {
            java.nio.file.Files.write(dir.resolve(CitationShapes.FILE), new byte[]{0, 5, 'j', 'u', 'n', 'k', '!', 1, 2});
            ArticleRecord r = ArticleRecord.of(article("1012f6d7e23636c3", "Steel output trebles", "Text."), LINKS);
            Citations c = Citations.inFolder(dir);
            assertEquals(new Citations().format(r), c.format(r));
            assertEquals(1, c.shapes(), "the file gave no shape: the month's was formatted anew");
            c.saveCache(java.util.Set.of(r.id()));
            ArticleRecord other = ArticleRecord.of(article("00000000000000fd", "Coal output trebles", "Text."), LINKS);
            Citations next = Citations.inFolder(dir);
            assertEquals(new Citations().format(other), next.format(other));
            assertEquals(0, next.shapes(), "the file was written again, and gave the month's shape");
            assertEquals(1, next.filled());
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static final archive.render.Links LINKS = new archive.render.Links(false, "https://example.org/archive/");

    private static Article article(String title, String text) {
        return article("1012f6d7e23636c3", title, text);
    }

    private static Article article(String id, String title, String text) {
        return new Article(id, Path.of("seeds/x.txt"), LocalDate.of(1958, 10, 24), 2,
                new EnglishText(title, "", List.of(new Paragraph(1, text, 7, Paragraph.Kind.TEXT, null))),
                new ChineseText(List.of("钢产量翻番"), "", "", List.of(new Paragraph(1, "高炉都点火了。", 9, Paragraph.Kind.TEXT, null))));
    }

    @Test
    void stylesAreLoadedOnceAndReused() {
        Citations.forgetLoadedStyles();
        Citations c = new Citations();
        c.format(ARTICLE);
        long loaded = c.loadNanos();
        assertTrue(loaded > 0, "with no styles loaded, the first citation loads them");
        for (int i = 0; i < 20; i++) c.format(ARTICLE);
        assertEquals(loaded, c.loadNanos());
        assertEquals(21, c.articles());
    }

    @Test
    void aRebuildTakesItsCitationsFromTheCacheAndGetsTheSameOutput() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cite-cache");
        try {
            java.nio.file.Path file = dir.resolve(CitationCache.FILE);
            Citations cold = new Citations(CitationCache.load(file));
            List<Citations.Formatted> first = cold.format(ARTICLE);
            assertEquals(1, cold.formatted());
            cold.saveCache(java.util.Set.of(ARTICLE.id()));
            // A build that kept the article's page without asking for its citations keeps them cached.
            new Citations(CitationCache.load(file)).saveCache(java.util.Set.of(ARTICLE.id()));

            Citations warm = new Citations(CitationCache.load(file));
            assertEquals(first, warm.format(ARTICLE));
            assertEquals(0, warm.formatted(), "taken from the cache");
            ArticleRecord changed = new ArticleRecord(ARTICLE.id(), ARTICLE.path(), ARTICLE.url(), ARTICLE.date(), 3,
                    "", "", "", ARTICLE.titleEn(), ARTICLE.titleZh());
            assertTrue(warm.format(changed).get(Citations.Style.MLA.ordinal()).text().contains("p. 3"));
            assertEquals(1, warm.formatted(), "a changed article is formatted again");
            // An article no longer in the archive leaves the cache.
            new Citations(CitationCache.load(file)).saveCache(java.util.Set.of());
            Citations gone = new Citations(CitationCache.load(file));
            gone.format(ARTICLE);
            assertEquals(1, gone.formatted(), "the citations of a removed article are not kept");

            java.nio.file.Files.write(file, new byte[]{1, 2, 3});
            Citations damaged = new Citations(CitationCache.load(file));
            assertEquals(first, damaged.format(ARTICLE));
            assertEquals(1, damaged.formatted(), "a damaged cache is ignored");
        } finally {
            archive.testing.TestProject.delete(dir);
        }
    }

    @Test
    void anEditAppendsItsCitationsAndTheFileIsRewrittenWhenMostlyStale() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cite-append");
        try {
            java.nio.file.Path file = dir.resolve(CitationCache.FILE);
            List<ArticleRecord> articles = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                articles.add(new ArticleRecord("00000000000000a" + i, "articles/00000000000000a" + i + "/", URL,
                        LocalDate.of(1959, 3, 2 + i), 1, "", "", "", "Title " + i, "标题" + i));
            }
            java.util.Set<String> live = articles.stream().map(ArticleRecord::id).collect(Collectors.toSet());
            Citations first = new Citations(CitationCache.load(file));
            articles.forEach(first::format);
            first.saveCache(live);
            byte[] written = java.nio.file.Files.readAllBytes(file);

            // One article edited: its new citations are appended, the others' stay as they were.
            ArticleRecord edited = new ArticleRecord(articles.get(0).id(), articles.get(0).path(), URL, articles.get(0).date(), 5,
                    "", "", "", "Title 0, edited", "标题0");
            Citations second = new Citations(CitationCache.load(file));
            List<Citations.Formatted> editedCitations = second.format(edited);
            assertEquals(1, second.formatted());
            second.saveCache(live);
            byte[] appended = java.nio.file.Files.readAllBytes(file);
            assertTrue(appended.length > written.length, "appended");
            assertArrayEquals(written, java.util.Arrays.copyOf(appended, written.length), "what was written is left as it was");

            Citations third = new Citations(CitationCache.load(file));
            assertEquals(editedCitations, third.format(edited));
            for (ArticleRecord r : articles.subList(1, 4)) third.format(r);
            assertEquals(0, third.formatted(), "every citation comes from the appended file");

            // Edited again and again: once most entries are stale, the file is rewritten with the live ones only.
            for (int page = 6; page < 12; page++) {
                Citations c = new Citations(CitationCache.load(file));
                c.format(new ArticleRecord(edited.id(), edited.path(), URL, edited.date(), page, "", "", "", "Title 0, edited", "标题0"));
                c.saveCache(java.util.Set.of(edited.id()));
            }
            assertTrue(entries(file) <= 2, "rewritten with the live entries once most were stale: " + entries(file));
        } finally {
            archive.testing.TestProject.delete(dir);
        }
    }

    private static long entries(java.nio.file.Path file) {
        return CitationCache.records(file);
    }

    @Test
    void aBuildKilledWhileAppendingLosesOnlyWhatItWasAppending() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cite-torn");
        try {
            java.nio.file.Path file = dir.resolve(CitationCache.FILE);
            ArticleRecord other = new ArticleRecord("00000000000000b1", "articles/00000000000000b1/", URL,
                    LocalDate.of(1959, 4, 2), 1, "", "", "", "Another title", "另一标题");
            Citations first = new Citations(CitationCache.load(file));
            List<Citations.Formatted> made = first.format(ARTICLE);
            first.saveCache(java.util.Set.of(ARTICLE.id()));
            long whole = java.nio.file.Files.size(file);
            Citations second = new Citations(CitationCache.load(file));
            second.format(other);
            second.saveCache(java.util.Set.of(ARTICLE.id(), other.id()));
            // The appended record cut short, as by a kill in the middle of the write.
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, (int) whole + (bytes.length - (int) whole) / 2));

            Citations third = new Citations(CitationCache.load(file));
            assertEquals(made, third.format(ARTICLE));
            assertEquals(0, third.formatted(), "the record written before the damage is read");
            third.format(other);
            assertEquals(1, third.formatted(), "the cut record is formatted again");
            third.saveCache(java.util.Set.of(ARTICLE.id(), other.id()));
            assertEquals(2, entries(file), "the damaged file is rewritten, not appended to");
            Citations fourth = new Citations(CitationCache.load(file));
            fourth.format(ARTICLE);
            fourth.format(other);
            assertEquals(0, fourth.formatted());
        } finally {
            archive.testing.TestProject.delete(dir);
        }
    }

    @Test
    void risIsANewspaperRecordWithSlashedDate() {
        String ris = Ris.record(ARTICLE);
        assertTrue(ris.endsWith("ER  - \r\n"));
        List<String> lines = List.of(ris.split("\r\n"));
        assertEquals("TY  - NEWS", lines.get(0));
        for (String l : lines) assertTrue(l.matches("[A-Z][A-Z0-9]  - .*"), l);
        assertTrue(lines.contains("TI  - 针对薄弱环节组织全面突击 江苏江西铁产量提高两倍 [Organize a Comprehensive Breakthrough Targeting Weak Links]"));
        assertTrue(lines.contains("T2  - Renmin ribao 人民日报 [People's Daily]"));
        assertTrue(lines.contains("DA  - 1958/10/24/"));
        assertTrue(lines.contains("SP  - 2"));
        assertTrue(lines.contains("UR  - " + URL));
    }

    @Test
    void risKeepsEachFieldOnOneLine() {
        ArticleRecord r = new ArticleRecord("00000000000000ae", "articles/00000000000000ae/", URL, LocalDate.of(1959, 3, 2), 1,
                "", "", "", "Steel\r\n\r\n\tand\nIron", "标题");
        List<String> lines = List.of(Ris.record(r).split("\r\n"));
        assertTrue(lines.contains("TI  - 标题 [Steel and Iron]"), lines.toString());
        for (String l : lines) assertTrue(l.matches("[A-Z][A-Z0-9]  - [^\t]*"), l);
        assertEquals("a b", Ris.oneLine("a\t\r\nb"));
        assertEquals("unchanged", Ris.oneLine("unchanged"));
    }

    @Test
    void bibtexEscapesTexAndBalancesBraces() {
        ArticleRecord r = new ArticleRecord("00000000000000ad", "articles/00000000000000ad/", URL, LocalDate.of(1959, 3, 2), 1,
                "", "", "", "100% of {targets} & $5_000 #1 ~ ^ \\", "标题");
        String bib = BibTex.entry(r);
        assertTrue(bib.startsWith("@article{renminribao1959-00000000000000ad,\n"), bib);
        assertTrue(bib.contains("title = {{标题 [100\\% of \\{targets\\} \\& \\$5\\_000 \\#1 \\~{} \\^{} \\textbackslash{}]}},"), bib);
        assertTrue(bib.contains("month = mar,"));
        assertTrue(bib.contains("pages = {1},"));
        assertTrue(bib.contains("date = {1959-03-02},"));
        int depth = 0;
        for (int i = 0; i < bib.length(); i++) {
            char ch = bib.charAt(i);
            if (ch == '\\') { i++; continue; }
            if (ch == '{') depth++;
            if (ch == '}') depth--;
            assertTrue(depth >= 0, "unbalanced at " + i);
        }
        assertEquals(0, depth);
    }
}
