package archive.render;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks runs of Chinese inside English text ("Li Qi (李琦)") with {@code <span lang="zh-Hans">},
 * so screen readers switch voice and browsers choose Chinese fonts. A run starts at a Han
 * character and goes on over Han characters and Chinese punctuation (、，。「」 and the
 * ideographic space) and ends at a Han character, so a slogan in parts stays one span.
 */
public final class ChineseRuns {
    private static final String OPEN = "<span lang=\"zh-Hans\">", CLOSE = "</span>";

    private ChineseRuns() {}

    /** Escapes plain English text for HTML and marks its Chinese runs. */
    public static String html(String text) {
        if (text == null) return "";
        int n = text.length();
        // The text's characters copied once, every piece escaped from there.
        char[] cs = archive.model.Chars.of(text, 0, n);
        HtmlText.Builder out = new HtmlText.Builder(n + 32);
        int at = 0;
        for (int[] run : runs(text)) {
            out.escape(cs, at, run[0]).append(OPEN).escape(cs, run[0], run[1]).append(CLOSE);
            at = run[1];
        }
        return out.escape(cs, at, n).text();
    }

    /** Marks the Chinese runs of every text node under {@code root} that is not already inside a Chinese element. */
    public static void mark(Element root) {
        List<TextNode> texts = new ArrayList<>();
        root.traverse((Node node, int depth) -> {
            if (node instanceof TextNode t && !insideChinese(t)) texts.add(t);
        });
        for (TextNode t : texts) {
            String s = t.getWholeText();
            List<int[]> runs = runs(s);
            if (runs.isEmpty()) continue;
            int at = 0;
            Node last = t;
            List<Node> parts = new ArrayList<>();
            for (int[] run : runs) {
                if (run[0] > at) parts.add(new TextNode(s.substring(at, run[0])));
                parts.add(new Element("span").attr("lang", "zh-Hans").appendText(s.substring(run[0], run[1])));
                at = run[1];
            }
            if (at < s.length()) parts.add(new TextNode(s.substring(at)));
            for (Node part : parts) {
                last.after(part);
                last = part;
            }
            t.remove();
        }
    }

    private static boolean insideChinese(TextNode t) {
        Node n = t.parent();
        while (n instanceof Element e) {
            if (e.hasAttr("lang")) return e.attr("lang").startsWith("zh");
            n = e.parent();
        }
        return false;
    }

    /** [start, end) of each Chinese run. */
    public static List<int[]> runs(String s) {
        List<int[]> out = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            int c = s.codePointAt(i);
            if (!isHan(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i, end = i;
            while (i < n) {
                int d = s.codePointAt(i);
                if (isHan(d)) end = i + Character.charCount(d);
                else if (!isChinesePunctuation(d)) break;
                i += Character.charCount(d);
            }
            out.add(new int[] {start, end});
            i = end;
        }
        return out;
    }

    /** Whether a run could go on over {@code c}: a Han character or Chinese punctuation. */
    public static boolean continuesRun(int c) {
        return isHan(c) || isChinesePunctuation(c);
    }

    static boolean isHan(int c) {
        // No Han character lies below U+2E80, and U+4E00 to U+9FFC are all Han: most characters are
        // answered without UnicodeScript's binary search over every script's ranges.
        if (c < 0x2E80) return false;
        if (c >= 0x4E00 && c <= 0x9FFC) return true;
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** CJK punctuation, the ideographic space and full-width forms. */
    private static boolean isChinesePunctuation(int c) {
        return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF65);
    }
}
