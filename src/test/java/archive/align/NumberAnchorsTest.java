package archive.align;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumberAnchorsTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "三千五百, 3500", "五万三千九百, 53900", "六百三十万, 6300000", "二点七, 2.7", "二十六, 26", "十九, 19",
            "一九五九, 1959", "两千, 2000", "一千六百, 1600", "十, 10"})
    void chineseNumerals(String text, double value) {
        assertEquals(value, NumberAnchors.chineseNumeral(text));
    }

    @ParameterizedTest(name = "{0} is not a number")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"点五", "一点", "十点点", "点"})
    void malformedNumeralsAreNotNumbers(String text) {
        assertEquals(null, NumberAnchors.chineseNumeral(text));
        NumberAnchors.chinese("共" + text + "吨"); // must not throw
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "twenty-six | 26", "three thousand five hundred | 3500", "nineteen | 19", "sixty | 60", "two hundred and forty-one | 241"})
    void englishNumberWords(String text, double value) {
        assertEquals(value, NumberAnchors.englishWords(text));
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "More than 3,500 representatives | 三千五百多名代表",
            "increase of 275.3% | 增长了275.3%",
            "6.3 million tons of coal | 六百三十万吨煤炭",
            "twenty-six consecutive months | 连续二十六个月",
            "53,900 tons | 五万三千九百多吨",
            "2.7 times | 二点七倍"})
    void sameNumberInBothLanguages(String english, String chinese) {
        var en = NumberAnchors.english(english);
        var zh = NumberAnchors.chinese(chinese);
        assertTrue(en.stream().anyMatch(zh::contains), en + " vs " + zh);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"one of the units | 一个单位", "the 1st | 1日"})
    void smallNumbersAreNotAnchors(String english, String chinese) {
        assertTrue(NumberAnchors.english(english).isEmpty());
        assertTrue(NumberAnchors.chinese(chinese).isEmpty());
    }
}
