package archive.check;

import archive.testing.SeedSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every run of text in the other language carries its {@code lang}, so screen readers switch
 * voice and browsers pick Chinese fonts and line breaking. The rule, for the visible text of
 * {@code <body>} (attributes and {@code <head>} cannot carry a language of their own):
 * <ul>
 *   <li>a Han character must be inside an element whose nearest {@code lang} is Chinese in Han
 *       script ({@code zh}, {@code zh-Hans}, {@code zh-Hant}, … but not {@code zh-Latn-pinyin});</li>
 *   <li>inside such a Chinese element, a Latin word (two letters or more, with or without tone
 *       marks) must be inside an element that says its language ({@code en}, {@code zh-Latn-pinyin} …).
 *       Digits, punctuation and a lone letter (X光, A股) belong to Chinese text.</li>
 * </ul>
 */
class LanguageMarkupTest {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}{2,}");

    /** Violations in one page: "line text" for each unmarked run. */
    static List<String> violations(Document doc) {
        List<String> out = new ArrayList<>();
        doc.body().traverse((Node node, int depth) -> {
            if (!(node instanceof TextNode text) || text.isBlank()) return;
            Element parent = (Element) text.parent();
            // An <option> may hold only text, so a bilingual option cannot mark its Chinese part.
            if (parent == null || parent.closest("script, style, svg, option") != null) return;
            boolean chinese = isChineseInHan(languageOf(parent));
            Matcher m = (chinese ? LATIN_WORD : HAN).matcher(text.getWholeText());
            if (m.find()) {
                out.add((chinese ? "Latin word \"" : "Chinese \"") + m.group() + "\" in <" + parent.tagName()
                        + (parent.className().isEmpty() ? "" : " class=" + parent.className()) + "> lang="
                        + languageOf(parent) + ": \"" + abbreviate(text.getWholeText().strip()) + "\"");
            }
        });
        return out;
    }

    static String languageOf(Element el) {
        Element holder = el.closest("[lang]");
        return holder == null ? "" : holder.attr("lang");
    }

    static boolean isChineseInHan(String lang) {
        String l = lang.toLowerCase(java.util.Locale.ROOT);
        return (l.equals("zh") || l.startsWith("zh-")) && !l.contains("-latn");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    @Test
    void everyRunOfTextInTheOtherLanguageCarriesItsLang() throws IOException {
        Path site = SeedSite.site();
        List<String> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                for (String v : violations(Jsoup.parse(p.toFile(), "UTF-8"))) all.add(site.relativize(p) + ": " + v);
            }
        }
        assertEquals("", String.join("\n", all));
    }

    @Test
    void theRuleFindsUnmarkedChineseAndUnmarkedEnglishAndAcceptsMarkedText() {
        Document bad = Jsoup.parse("<html lang=\"en\"><body><p>Li Qi (李琦) said</p>"
                + "<p lang=\"zh-Hans\">太原 steel 钢铁</p><p lang=\"zh-Latn-pinyin\">Tàiyuán 太原</p></body></html>");
        assertEquals(3, violations(bad).size(), violations(bad).toString());
        Document good = Jsoup.parse("<html lang=\"en\"><body><p>Li Qi (<span lang=\"zh-Hans\">李琦</span>) said</p>"
                + "<p lang=\"zh-Hans\">太原<span lang=\"en\">steel</span> X光 1959年 <i lang=\"zh-Latn-pinyin\">Tàiyuán</i></p>"
                + "</body></html>");
        assertEquals(List.of(), violations(good));
    }
}
