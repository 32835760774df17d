package archive.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The loops over every character of the site's text, read from an array rather than by charAt. */
class TextLoopsTest {
    @Test
    void escapingLeavesOrdinaryTextAndReplacesTheFiveCharacters() {
        assertEquals("&lt;b&gt;“大跃进” &amp; &quot;Leap&quot; &#39;58", Html.escape("<b>“大跃进” & \"Leap\" '58"));
        char[] cs = "鼓足干劲<力争上游>".toCharArray();
        assertEquals("x干劲&lt;力争", new HtmlText.Builder(0).append('x').escape(cs, 2, 7).text());
        String longText = "钢".repeat(70_000) + "&";
        assertEquals("钢".repeat(70_000) + "&amp;", Html.escape(longText), "longer than the kept buffer");
        String plain = "人民日报 People's Daily".replace("'", "");
        assertSame(plain, Html.escape(plain), "nothing to escape: the value itself");
        assertEquals("&amp;", Html.escape("&"));
        assertEquals("a&#39;", Html.escape("a'"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void escapingMatchesUnbescapesEscapeHtml4Xml() {
        // Pebble's own "html" strategy, which Templates replaces with Html.escape: the same five characters, and only those.
        // (That the templates use it shows in the golden pages, unchanged by the swap.)
        String text = "<i>“大跃进”</i> & \"Leap\" '58 ©\u00a0é\t";
        assertEquals(org.unbescape.html.HtmlEscape.escapeHtml4Xml(text), Html.escape(text));
    }

    @Test
    void aRelocatableFragmentGetsTheWayUpAtEveryMarker() {
        Relocatable r = new Relocatable("<a href=\"\u0000articles/x/\">标题</a> <a href=\"\u0001#top\">↑</a><a href=\"\u0000places/\">地</a>");
        assertEquals("<a href=\"articles/x/\">标题</a> <a href=\"./#top\">↑</a><a href=\"places/\">地</a>", r.at(0).toString());
        assertEquals("<a href=\"../../articles/x/\">标题</a> <a href=\"../../#top\">↑</a><a href=\"../../places/\">地</a>", r.at(2).toString());
        assertEquals("plain 文字", new Relocatable("plain 文字").at(3).toString());
        assertEquals(3, Links.depth("dates/1959/03/index.html"));
    }
}
