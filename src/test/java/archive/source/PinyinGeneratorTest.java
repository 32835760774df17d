package archive.source;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Polyphonic characters are read by word: 行, 长, 重, 朝 each have two readings. */
class PinyinGeneratorTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "银行, yín háng", "行动, xíng dòng", "行业, háng yè",
            "长江, cháng jiāng", "厂长, chǎng zhǎng", "增长, zēng zhǎng",
            "重庆, chóng qìng", "重工业, zhòng gōng yè",
            "朝鲜, cháo xiān", "朝气, zhāo qì",
            "干劲, gàn jìn", "大跃进, dà yuè jìn"})
    void readsPolyphonesByWord(String chinese, String pinyin) {
        assertEquals(pinyin, PinyinGenerator.pinyin(chinese));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"分秒必争，寸步不让 | fēn miǎo bì zhēng  cùn bù bù ràng"})
    void partsOfASloganAreSeparated(String chinese, String pinyin) {
        assertEquals(pinyin, PinyinGenerator.pinyin(chinese));
    }
}
