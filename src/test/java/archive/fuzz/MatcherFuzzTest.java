package archive.fuzz;

import archive.annotate.Annotator;
import archive.annotate.PhraseMatcher;
import archive.diag.Diagnostics;
import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.ArticleOverrides;
import archive.model.ChineseText;
import archive.model.Dateline;
import archive.model.EditorialData;
import archive.model.EnglishText;
import archive.model.Mention;
import archive.model.Paragraph;
import archive.source.EditorialDataLoader;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The glossary, place and industry matcher on any phrases and any text: matches stay inside the
 * text, never overlap, come in order and spell one of the phrases; a phrase written into the text
 * between spaces is always found (or hidden by a longer phrase overlapping it).
 */
class MatcherFuzzTest {
    private static final EditorialData DATA = new EditorialDataLoader().load(Path.of("data"), new Diagnostics());
    private static final Annotator ANNOTATOR = new Annotator(DATA);

    @FuzzTest(maxDuration = "30s")
    void matchesAreInsideInOrderAndNeverOverlap(FuzzedDataProvider data) {
        boolean english = data.consumeBoolean();
        PhraseMatcher.Builder<String> b = english ? PhraseMatcher.english() : PhraseMatcher.chinese();
        int n = data.consumeInt(1, 12);
        List<String> phrases = new ArrayList<>();
        boolean anyBlocker = false;
        for (int i = 0; i < n; i++) {
            String p = data.consumeString(12);
            boolean blocker = i > 0 && data.consumeBoolean();
            anyBlocker |= blocker;
            b.add(p, blocker ? null : "t" + i);
            phrases.add(p);
        }
        PhraseMatcher<String> m = b.build();
        String filler = data.consumeString(200);
        String wanted = phrases.get(0);
        String text = filler + " " + wanted + " " + data.consumeRemainingAsString();
        List<PhraseMatcher.Match<String>> found = m.find(text);
        int last = 0;
        for (PhraseMatcher.Match<String> x : found) {
            assertNotNull(x.target());
            assertTrue(x.start() >= last && x.start() < x.end() && x.end() <= text.length(), () -> "bad match " + x + " in " + found);
            last = x.end();
            String s = key(text.substring(x.start(), x.end()), english);
            assertTrue(phrases.stream().anyMatch(p -> key(p, english).equals(s)), () -> "match \"" + s + "\" is no phrase of " + phrases);
        }
        String w = wanted.strip();
        // A single word (no separators inside) between spaces must be found unless a blocker may hide it.
        boolean plainWord = !w.isEmpty() && w.chars().noneMatch(c -> Character.isWhitespace(c)
                || EditorialDataLoader.FORM_SEPARATORS.indexOf(c) >= 0 || c == '-')
                && (!english || (Character.isLetterOrDigit(w.charAt(0)) && Character.isLetterOrDigit(w.charAt(w.length() - 1))));
        if (plainWord && !anyBlocker) {
            int at = filler.length() + 1 + wanted.indexOf(w);
            int end = at + w.length();
            assertTrue(found.stream().anyMatch(x -> x.start() < end && at < x.end()),
                    () -> "the phrase \"" + w + "\" in the text was not found: " + found);
        }
    }

    /** Phrases compare without case (English), separators, hyphens and spaces. */
    private static String key(String s, boolean english) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || EditorialDataLoader.FORM_SEPARATORS.indexOf(c) >= 0 || c == '-'
                    || c == '\u2010' || c == '\u2011') continue;
            if (c == '\u2019' || c == '\u2018') c = '\'';
            sb.append(english ? Character.toLowerCase(c) : c);
        }
        return english ? sb.toString().toLowerCase(Locale.ROOT) : sb.toString();
    }

    @FuzzTest(maxDuration = "30s")
    void annotatorFindsOnlyKnownSlugsInsideTheText(FuzzedDataProvider data) {
        List<Paragraph> zh = new ArrayList<>(), en = new ArrayList<>();
        int nz = data.consumeInt(0, 6), ne = data.consumeInt(0, 6);
        for (int i = 0; i < nz; i++) zh.add(paragraph(data, zh.size() + 1));
        for (int i = 0; i < ne; i++) en.add(paragraph(data, en.size() + 1));
        String title = data.consumeString(80);
        List<String> deck = List.of(data.consumeString(40));
        if (zh.isEmpty() && en.isEmpty()) return;
        Article a = new Article("0123456789abcdef", Path.of("x.txt"), LocalDate.of(1959, 3, 2), 1,
                en.isEmpty() ? null : new EnglishText(title, "", en), zh.isEmpty() ? null : new ChineseText(deck, "", "", zh));
        AnnotatedArticle r = ANNOTATOR.annotate(a, List.of(), ArticleOverrides.NONE, null);
        for (int i = 0; i < zh.size(); i++) checkInside(r.zhMentions().get(i), zh.get(i).text());
        for (int i = 0; i < en.size(); i++) checkInside(r.enMentions().get(i), en.get(i).text());
        r.places().forEach(s -> assertTrue(DATA.placesBySlug().containsKey(s), s));
        r.glossary().forEach(s -> assertTrue(DATA.glossaryBySlug().containsKey(s), s));
        r.industries().forEach(s -> assertTrue(DATA.industriesBySlug().containsKey(s), s));
    }

    private static Paragraph paragraph(FuzzedDataProvider data, int number) {
        String text = data.consumeString(300);
        Dateline d = data.consumeBoolean() ? new Dateline(text, data.consumeString(10)) : null;
        return new Paragraph(number, text, number, Paragraph.Kind.TEXT, d);
    }

    private static void checkInside(List<Mention> ms, String text) {
        int last = 0;
        for (Mention m : ms) {
            assertTrue(m.start() >= last && m.start() < m.end() && m.end() <= text.length(), () -> "bad mention " + m);
            assertFalse(m.slug() == null || m.slug().isEmpty());
            last = m.end();
        }
        assertEquals(ms.size(), ms.stream().distinct().count());
    }
}
