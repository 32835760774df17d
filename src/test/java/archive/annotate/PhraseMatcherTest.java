package archive.annotate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhraseMatcherTest {
    private static String found(PhraseMatcher<String> m, String text) {
        return String.join(" | ", m.find(text).stream()
                .map(x -> text.substring(x.start(), x.end()) + "=" + x.target()).toList());
    }

    @Test
    void longestMatchWinsAndMatchesNeverOverlap() {
        PhraseMatcher<String> m = PhraseMatcher.<String>chinese().add("跃进", "leap").add("大跃进", "glf").add("进计划", "x").build();
        assertEquals("大跃进=glf", found(m, "大跃进计划"));
        assertEquals("跃进=leap", found(m, "生产跃进"));
        assertEquals("大跃进=glf | 跃进=leap", found(m, "大跃进和跃进"));
    }

    @Test
    void longerOverlappingPhraseBeatsAnEarlierShorterOne() {
        PhraseMatcher<String> m = PhraseMatcher.<String>chinese().add("本溪", "city").add("溪煤矿公司", "mine").build();
        assertEquals("溪煤矿公司=mine", found(m, "本溪煤矿公司"));
    }

    @Test
    void slogansAreFoundWithAnySeparatorBetweenTheirParts() {
        PhraseMatcher<String> m = PhraseMatcher.<String>chinese().add("干劲排山倒海　措施千方百计", "s").add("分秒必争", "p").build();
        assertEquals("干劲排山倒海　措施千方百计=s", found(m, "干劲排山倒海　措施千方百计"));
        assertEquals("干劲排山倒海、措施千方百计=s", found(m, "在干劲排山倒海、措施千方百计的口号下"));
        assertEquals("干劲排山倒海措施千方百计=s", found(m, "干劲排山倒海措施千方百计"));
        assertEquals("分秒必争=p", found(m, "时间分秒必争"));
    }

    @Test
    void englishMatchesWholeWordsIgnoringCaseAndHyphens() {
        PhraseMatcher<String> m = PhraseMatcher.<String>english().add("red flag", "rf").add("red flags", "rf").add("steel", "st").build();
        assertEquals("Red Flag=rf", found(m, "the national Red Flag"));
        assertEquals("red-flag=rf", found(m, "a red-flag competition"));
        assertEquals("red flags=rf", found(m, "plant red flags higher"));
        assertEquals("", found(m, "steelmaking and redflag"));
        assertEquals("steel=st", found(m, "steel, iron"));
    }

    @Test
    void chineseMatchesInsideMixedText() {
        PhraseMatcher<String> m = PhraseMatcher.<String>chinese().add("太原", "ty").build();
        assertEquals("太原=ty | 太原=ty", found(m, "Taiyuan太原1日电，太原市"));
    }

    @Test
    void blockerHidesOnlyTheNamesInsideIt() {
        PhraseMatcher<String> m = PhraseMatcher.<String>chinese().add("平安", "mine").add("平安无事", null).add("无事生非", "x").build();
        assertEquals("", found(m, "一路平安无事"));
        assertEquals("平安=mine", found(m, "阜新平安煤矿"));
        PhraseMatcher<String> n = PhraseMatcher.<String>chinese().add("山东", "sd").add("今天山", null).build();
        assertEquals("山东=sd", found(n, "今天山东"), "a blocker does not suppress a neighbour that only overlaps it");
    }

    @Test
    void emptyMatcherFindsNothing() {
        assertEquals(List.of(), PhraseMatcher.<String>english().build().find("anything"));
    }
}
