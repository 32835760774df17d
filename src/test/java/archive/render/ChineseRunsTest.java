package archive.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChineseRunsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
            "Li Qi (李琦) said | Li Qi (<span lang=\"zh-Hans\">李琦</span>) said",
            "插红旗，拔白旗 | <span lang=\"zh-Hans\">插红旗，拔白旗</span>",
            "About · 关于本档案 | About · <span lang=\"zh-Hans\">关于本档案</span>",
            "干劲排山倒海　措施千方百计 and more | <span lang=\"zh-Hans\">干劲排山倒海　措施千方百计</span> and more",
            "超额111% means | <span lang=\"zh-Hans\">超额</span>111% means",
            "“向X要Y” | “<span lang=\"zh-Hans\">向</span>X<span lang=\"zh-Hans\">要</span>Y”",
            "no Chinese <b> | no Chinese &lt;b&gt;",
            "^^ | ^^",
    })
    void marksEachChineseRunOfEnglishText(String text, String html) {
        assertEquals(html, ChineseRuns.html(text));
    }

    @Test
    void marksTextNodesButLeavesChineseElementsAlone() {
        Document d = Jsoup.parseBodyFragment("<p>The slogan (<a href=\"x\">鼓足干劲</a>) and <span lang=\"zh-Hans\">钢铁</span>.</p>");
        ChineseRuns.mark(d.body());
        assertEquals("<p>The slogan (<a href=\"x\"><span lang=\"zh-Hans\">鼓足干劲</span></a>) and <span lang=\"zh-Hans\">钢铁</span>.</p>",
                d.body().html());
    }

    /** The shortcuts of isHan (nothing below U+2E80, U+4E00 to U+9FFC all Han) answer as UnicodeScript does, for every code point. */
    @org.junit.jupiter.api.Test
    void hanIsUnicodeScriptsHanForEveryCodePoint() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (ChineseRuns.isHan(c) != han) org.junit.jupiter.api.Assertions.fail("U+" + Integer.toHexString(c) + " is Han: " + han);
        }
    }
}
