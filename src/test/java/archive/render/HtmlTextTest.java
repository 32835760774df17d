package archive.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HTML the generator makes (annotated paragraphs, concordance lines) reaches the page as it is,
 * whether a template prints it plainly or, as templates written before it did, through {@code raw};
 * text stays escaped.
 */
class HtmlTextTest {
    @TempDir Path dir;

    private static HtmlText html(String text) {
        char[] cs = text.toCharArray();
        return new HtmlText.Builder(4).append("<b>").escape(cs, 0, cs.length).append("</b>").build();
    }

    private String render(String template, Map<String, Object> vars) throws IOException {
        Files.writeString(dir.resolve("t.peb"), template);
        return new Templates(dir, new Links(false, null)).render("t", "index.html", vars);
    }

    @Test
    void generatedHtmlIsPrintedAsItIsWithOrWithoutRaw() throws IOException {
        HtmlText p = html("钢铁 & “steel” <3 'iron'");
        String expected = "<b>钢铁 &amp; “steel” &lt;3 &#39;iron&#39;</b>";
        assertEquals(expected, p.toString());
        assertEquals("[" + expected + "][" + expected + "]", render("[{{ p }}][{{ p | raw }}]", Map.of("p", p)));
    }

    @Test
    void textIsStillEscaped() throws IOException {
        assertEquals("&lt;b&gt;钢铁&lt;/b&gt; 3", render("{{ s }} {{ n }}", Map.of("s", "<b>钢铁</b>", "n", 3)));
    }

    @Test
    void aLongPageOfLinesGrowsItsArray() {
        HtmlText.Builder b = new HtmlText.Builder(0);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            char[] line = ("第" + i + "行 <line> " + i).toCharArray();
            b.append('\n').escape(line, 0, line.length);
            expected.append('\n').append(Html.escape(new String(line)));
        }
        HtmlText all = b.build();
        assertEquals(expected.toString(), all.toString());
        assertEquals(all, b.build());
    }
}
