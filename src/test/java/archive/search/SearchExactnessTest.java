package archive.search;

import archive.build.SiteBuild;
import archive.diag.Diagnostics;
import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.Paragraph;
import archive.testing.TestProject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactness on the seeds, through the real client (templates/assets/search-core.js under node)
 * over the index the build wrote: every Chinese string finds exactly the articles whose text
 * contains it, every English word exactly the articles with the word or one of its inflections.
 */
class SearchExactnessTest {
    static TestProject project;
    static List<AnnotatedArticle> articles;

    /** Chinese strings: words, names, single characters, phrases of 3–6 characters, and some that occur nowhere. */
    static final List<String> CHINESE = List.of("大跃进", "跃进", "钢铁", "太原", "人民公社", "的", "钢", "铁", "人", "一", "煤",
            "公社", "本溪", "干劲", "生产", "工人", "炼钢", "高炉", "超额完成", "排山倒海", "新华社", "职工", "技术革新", "江苏",
            "江西", "北京", "天山", "满堂红", "红旗", "群众运动", "鼓足干劲", "全面", "产量", "提高两倍", "人民日报", "跃大", "钢钢",
            "大跃进的基础上更大跃进", "第一书记", "二月", "生铁", "公司", "新疆", "市委", "标兵");

    /** English words and their inflections as a reader would write them. */
    static final Map<String, List<String>> ENGLISH = new LinkedHashMap<>();

    static {
        ENGLISH.put("steel", List.of("steel", "steels"));
        ENGLISH.put("furnace", List.of("furnace", "furnaces"));
        ENGLISH.put("produce", List.of("produce", "produces", "produced", "producing"));
        ENGLISH.put("increase", List.of("increase", "increases", "increased", "increasing"));
        ENGLISH.put("worker", List.of("worker", "workers"));
        ENGLISH.put("commune", List.of("commune", "communes"));
        ENGLISH.put("march", List.of("march", "marches", "marched", "marching"));
        ENGLISH.put("city", List.of("city", "cities"));
        ENGLISH.put("iron", List.of("iron", "irons"));
        ENGLISH.put("leap", List.of("leap", "leaps", "leaped", "leaping"));
        ENGLISH.put("coal", List.of("coal", "coals"));
        ENGLISH.put("taiyuan", List.of("taiyuan"));
        ENGLISH.put("plan", List.of("plan", "plans", "planned", "planning"));
        ENGLISH.put("double", List.of("double", "doubles", "doubled", "doubling"));
        ENGLISH.put("xinjiang", List.of("xinjiang"));
    }

    @BeforeAll
    static void build() {
        project = TestProject.seedProject();
        project.build();
        articles = new SiteBuild(project.config(), null).read(new Diagnostics()).articles();
    }

    @AfterAll
    static void clean() { TestProject.delete(project.root); }

    /** One result line of query.js. */
    record Result(int count, boolean exact, List<String> ids, List<String> anchors, List<String> marked, String pinyin) {
        Set<String> idSet() { return new TreeSet<>(ids); }
    }

    static List<Result> search(List<String> queries) {
        String out = Node.ok(String.join("\n", queries) + "\n", "src/test/js/query.js", project.site().toString());
        List<Result> results = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            results.add(new Result(Integer.parseInt(f[0]), Boolean.parseBoolean(f[1]), split(f[2], ","), split(f[3], ","),
                    split(f[4], "\\|"), f[5]));
        }
        assertEquals(queries.size(), results.size());
        return results;
    }

    private static List<String> split(String s, String sep) { return s.isEmpty() ? List.of() : List.of(s.split(sep)); }

    /** Everything search reads of an article: headlines, paragraphs and the editors' notes. */
    static List<String> texts(AnnotatedArticle aa) {
        Article a = aa.article();
        List<String> t = new ArrayList<>();
        t.add(a.title());
        if (a.chinese() != null) t.addAll(a.chinese().deck());
        for (Paragraph p : a.zhParagraphs()) t.add(p.text());
        for (Paragraph p : a.enParagraphs()) t.add(p.text());
        if (aa.notes() != null) for (String[] seg : SearchDoc.noteSegments(aa)) t.add(seg[2]);
        return t;
    }

    static Set<String> containing(String s) {
        return articles.stream().filter(a -> texts(a).stream().anyMatch(t -> t.contains(s))).map(AnnotatedArticle::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> withWord(List<String> forms) {
        Set<String> out = new TreeSet<>();
        for (AnnotatedArticle a : articles) {
            for (String t : texts(a)) {
                for (String w : t.split("[^\\p{L}\\p{Nd}]+")) if (forms.contains(w.toLowerCase(Locale.ROOT))) out.add(a.id());
            }
        }
        return out;
    }

    /** Substrings of the seeds' Chinese paragraphs, 1 to 6 characters, at random places (fixed seed). */
    static List<String> sampledChinese() {
        Random r = new Random(1959);
        Set<String> out = new LinkedHashSet<>();
        Pattern han = Pattern.compile("\\p{IsHan}+");
        List<String> runs = new ArrayList<>();
        for (AnnotatedArticle a : articles) {
            for (Paragraph p : a.article().zhParagraphs()) han.matcher(p.text()).results().forEach(m -> runs.add(m.group()));
        }
        while (out.size() < 60) {
            String run = runs.get(r.nextInt(runs.size()));
            int len = 1 + r.nextInt(Math.min(6, run.length()));
            int at = r.nextInt(run.length() - len + 1);
            out.add(run.substring(at, at + len));
        }
        return new ArrayList<>(out);
    }

    @Test
    void everyChineseStringFindsExactlyTheArticlesContainingIt() {
        List<String> queries = new ArrayList<>(CHINESE);
        queries.addAll(sampledChinese());
        List<Result> results = search(queries);
        int nonEmpty = 0;
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            Set<String> expected = containing(q);
            assertEquals(expected, results.get(i).idSet(), q);
            assertEquals(expected.size(), results.get(i).count(), q);
            assertTrue(results.get(i).exact(), q);
            if (!expected.isEmpty()) {
                nonEmpty++;
                assertEquals(List.of(q), results.get(i).marked().stream().distinct().toList(), "the excerpt marks " + q);
            }
        }
        assertTrue(nonEmpty >= 90, "most strings occur somewhere: " + nonEmpty);
        assertTrue(containing("人民公社").size() < articles.size(), "人民公社 is not in every article (人民日报 is no hit)");
        assertTrue(containing("跃大").isEmpty());
    }

    @Test
    void everyEnglishWordFindsTheArticlesWithItOrItsInflections() {
        List<String> queries = new ArrayList<>();
        List<List<String>> forms = new ArrayList<>();
        ENGLISH.forEach((w, f) -> {
            for (String q : f) {
                queries.add(q);
                forms.add(f);
            }
            queries.add(w.toUpperCase(Locale.ROOT));
            forms.add(f);
        });
        List<Result> results = search(queries);
        int nonEmpty = 0;
        for (int i = 0; i < queries.size(); i++) {
            Set<String> expected = withWord(forms.get(i));
            assertEquals(expected, results.get(i).idSet(), queries.get(i));
            if (!expected.isEmpty()) nonEmpty++;
        }
        assertTrue(nonEmpty > queries.size() / 2, "most words occur: " + nonEmpty);
    }

    @Test
    void severalWordsAndPhrasesMustAllOccur() {
        List<Result> r = search(List.of("pig iron production", "钢铁 steel", "太原 本溪", "steel 新疆"));
        assertEquals(intersect(withWord(List.of("pig", "pigs")), withWord(List.of("iron", "irons")),
                withWord(List.of("production", "productions"))), r.get(0).idSet());
        assertEquals(intersect(containing("钢铁"), withWord(List.of("steel", "steels"))), r.get(1).idSet());
        assertEquals(intersect(containing("太原"), containing("本溪")), r.get(2).idSet());
        assertFalse(r.get(2).ids().isEmpty());
        assertEquals(intersect(containing("新疆"), withWord(List.of("steel", "steels"))), r.get(3).idSet());
    }

    /**
     * Quoted English phrases, each word with the inflections the stemmer joins to it (as in
     * {@link #ENGLISH}); some in an order or adjacency that the seeds' text does not have.
     */
    static final Map<String, List<List<String>>> PHRASES = new LinkedHashMap<>();

    static {
        PHRASES.put("red flag", List.of(List.of("red", "reds"), List.of("flag", "flags", "flagged", "flagging")));
        PHRASES.put("pig iron", List.of(List.of("pig", "pigs"), List.of("iron", "irons", "ironed", "ironing")));
        PHRASES.put("great leap forward", List.of(List.of("great", "greats"), List.of("leap", "leaps", "leaped", "leaping"),
                List.of("forward", "forwards")));
        PHRASES.put("iron and steel", List.of(List.of("iron", "irons", "ironed", "ironing"), List.of("and"), List.of("steel", "steels")));
        PHRASES.put("blast furnace", List.of(List.of("blast", "blasts", "blasted", "blasting"), List.of("furnace", "furnaces")));
        PHRASES.put("steel production", List.of(List.of("steel", "steels"), List.of("production", "productions")));
        PHRASES.put("party committee", List.of(List.of("party", "parties"), List.of("committee", "committees")));
        PHRASES.put("first secretary", List.of(List.of("first", "firsts"), List.of("secretary", "secretaries")));
        PHRASES.put("coal mines", List.of(List.of("coal", "coals"), List.of("mine", "mines", "mined", "mining")));
        PHRASES.put("people's commune", List.of(List.of("people", "peoples"), List.of("s"), List.of("commune", "communes")));
        PHRASES.put("steel iron", List.of(List.of("steel", "steels"), List.of("iron", "irons", "ironed", "ironing")));
        PHRASES.put("forward leap", List.of(List.of("forward", "forwards"), List.of("leap", "leaps", "leaped", "leaping")));
    }

    /**
     * The phrase as a pattern over one paragraph: the forms of each word in order, whole words, with
     * only spaces or punctuation (no letter, digit, Han character or line break) between them.
     */
    static Pattern phrasePattern(List<List<String>> words) {
        String wordChar = "[\\p{L}\\p{Nd}&&[^\\p{IsHan}]]";
        String body = words.stream().map(forms -> "(?:" + String.join("|", forms) + ")").collect(Collectors.joining("[^\\p{L}\\p{Nd}\\n]+"));
        return Pattern.compile("(?<!" + wordChar + ")" + body + "(?!" + wordChar + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static Set<String> withPhrase(Pattern phrase) {
        return articles.stream().filter(a -> texts(a).stream().anyMatch(t -> phrase.matcher(t).find())).map(AnnotatedArticle::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aQuotedPhraseFindsExactlyTheArticlesWithItsWordsInOrderInOneParagraph() {
        List<String> queries = new ArrayList<>();
        for (String p : PHRASES.keySet()) {
            queries.add('"' + p + '"');
            queries.add("\u201c" + p.toUpperCase(Locale.ROOT) + "\u201d");
            queries.add(p);
        }
        List<Result> results = search(queries);
        int found = 0, narrowed = 0, i = 0;
        for (Map.Entry<String, List<List<String>>> e : PHRASES.entrySet()) {
            Pattern phrase = phrasePattern(e.getValue());
            Set<String> expected = withPhrase(phrase);
            Result quoted = results.get(i++), typographic = results.get(i++), words = results.get(i++);
            assertEquals(expected, quoted.idSet(), e.getKey());
            assertEquals(expected.size(), quoted.count(), e.getKey());
            assertEquals(expected, typographic.idSet(), e.getKey() + " in typographic quotes, upper case");
            Set<String> allWords = intersect(e.getValue().stream().map(SearchExactnessTest::withWord).toArray(Set[]::new));
            assertEquals(allWords, words.idSet(), e.getKey() + " unquoted: every word, anywhere");
            for (String m : quoted.marked()) assertTrue(phrase.matcher(m).matches(), e.getKey() + " marks " + m);
            if (!expected.isEmpty()) {
                found++;
                assertFalse(quoted.marked().isEmpty(), "the excerpt marks " + e.getKey());
            }
            if (expected.size() < allWords.size()) narrowed++;
        }
        assertTrue(found >= 8, "most phrases occur in the seeds: " + found);
        assertTrue(narrowed >= 3, "quotes narrow some queries to the phrase: " + narrowed);
    }

    @SafeVarargs
    static Set<String> intersect(Set<String>... sets) {
        Set<String> out = new TreeSet<>(sets[0]);
        for (Set<String> s : sets) out.retainAll(s);
        return out;
    }

    @Test
    void aGlossaryEntrysPinyinFindsIt() {
        List<Result> r = search(List.of("dayuejin", "da yue jin", "Dà Yuèjìn", "renmin gongshe", "大跃进"));
        for (int i = 0; i < 3; i++) {
            assertEquals(r.get(4).idSet(), r.get(i).idSet());
            assertFalse(r.get(i).ids().isEmpty());
        }
        assertEquals(containing("人民公社"), r.get(3).idSet());
        assertEquals("大跃进", r.get(0).pinyin());
        assertEquals("人民公社", r.get(3).pinyin());
    }

    @Test
    void filtersNarrowTheResults() {
        AnnotatedArticle first = articles.get(0);
        String year = String.valueOf(first.article().date().getYear());
        String place = first.places().get(0);
        String entry = first.glossary().get(0);
        String industry = articles.stream().flatMap(a -> a.industries().stream()).findFirst().orElseThrow();
        List<Result> r = search(List.of("的\t" + year, "\t" + year, "\t\t" + place, "\t\t\t" + industry, "\t\t\t\t" + entry,
                "的\t1900"));
        Set<String> inYear = articles.stream().filter(a -> a.article().date().getYear() == first.article().date().getYear())
                .map(AnnotatedArticle::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(intersect(containing("的"), inYear), r.get(0).idSet());
        assertEquals(inYear, r.get(1).idSet());
        assertEquals(articles.stream().filter(a -> a.places().contains(place)).map(AnnotatedArticle::id).toList(), r.get(2).ids(),
                "with no words, results are in reading order");
        assertEquals(articles.stream().filter(a -> a.industries().contains(industry)).map(AnnotatedArticle::id).toList(), r.get(3).ids());
        assertEquals(articles.stream().filter(a -> a.glossary().contains(entry)).map(AnnotatedArticle::id).toList(), r.get(4).ids());
        assertTrue(r.get(5).ids().isEmpty());
    }

    @Test
    void aParentPlaceFilterIncludesArticlesAboutPlacesInside() {
        var places = project.config();
        var data = new SiteBuild(places, null).read(new Diagnostics()).data();
        var bySlug = data.placesBySlug();
        String child = articles.stream().flatMap(a -> a.places().stream()).filter(s -> bySlug.get(s).parent() != null).findFirst()
                .orElseThrow();
        String parent = bySlug.get(child).parent();
        Result r = search(List.of("\t\t" + parent)).get(0);
        for (AnnotatedArticle a : articles) if (a.places().contains(child)) assertTrue(r.ids().contains(a.id()), parent + " ⊇ " + child);
    }

    @Test
    void resultsLinkToAParagraphThatHoldsTheHit() {
        List<Result> r = search(List.of("钢铁", "furnaces"));
        for (int k = 0; k < 2; k++) {
            Result res = r.get(k);
            assertFalse(res.ids().isEmpty());
            for (int i = 0; i < res.ids().size(); i++) {
                Document page = project.page("articles/" + res.ids().get(i) + "/");
                Element target = page.getElementById(res.anchors().get(i));
                assertNotNull(target, "anchor " + res.anchors().get(i));
                String text = target.text().toLowerCase(Locale.ROOT);
                assertTrue(k == 0 ? text.contains("钢铁") : text.contains("furnace"), res.anchors().get(i) + ": " + text);
            }
        }
    }

    @Test
    void theEditorsNotesAreSearchedAndLinkToTheNote() throws java.io.IOException {
        // A word of the notes' sources that no article's text contains.
        Set<String> expected = withWord(List.of("macfarquhar"));
        assertFalse(expected.isEmpty(), "the seed notes cite MacFarquhar");
        for (AnnotatedArticle a : articles) {
            for (Paragraph p : a.article().enParagraphs()) assertFalse(p.text().contains("MacFarquhar"));
        }
        Result r = search(List.of("MacFarquhar")).get(0);
        assertEquals(expected, r.idSet());
        for (int i = 0; i < r.ids().size(); i++) {
            Element target = project.page("articles/" + r.ids().get(i) + "/").getElementById(r.anchors().get(i));
            assertNotNull(target, "anchor " + r.anchors().get(i));
            assertTrue(target.text().contains("MacFarquhar"), r.anchors().get(i) + ": " + target.text());
        }
    }

    @Test
    void rankingPutsTheArticleUsingATermMostFirst() {
        Result r = search(List.of("钢铁")).get(0);
        AnnotatedArticle top = articles.stream().filter(a -> a.id().equals(r.ids().get(0))).findFirst().orElseThrow();
        AnnotatedArticle last = articles.stream().filter(a -> a.id().equals(r.ids().get(r.ids().size() - 1))).findFirst().orElseThrow();
        assertTrue(density(top, "钢铁") > density(last, "钢铁"), "BM25 favours the article where 钢铁 is denser");
    }

    private static double density(AnnotatedArticle a, String s) {
        int n = 0, len = 0;
        for (String t : texts(a)) {
            len += t.length();
            for (int i = t.indexOf(s); i >= 0; i = t.indexOf(s, i + 1)) n++;
        }
        return (double) n / len;
    }
}
