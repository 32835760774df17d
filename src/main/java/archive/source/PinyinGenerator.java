package archive.source;

import com.github.houbb.pinyin.util.PinyinHelper;

/**
 * Pinyin with tone marks for entries whose editors left it out. The library reads polyphonic
 * characters by word (银行 yín háng, 行动 xíng dòng); the editors' value always wins.
 */
public final class PinyinGenerator {
    private PinyinGenerator() {}

    /** Syllables separated by spaces, Chinese punctuation and ideographic spaces dropped. */
    public static String pinyin(String chinese) {
        String cleaned = chinese.replaceAll("[\\u3000\\s、，,。；;：:！!？?“”\"'‘’（）()]+", " ").strip();
        StringBuilder sb = new StringBuilder();
        for (String part : cleaned.split(" ")) {
            if (part.isEmpty()) continue;
            if (sb.length() > 0) sb.append("  ");
            sb.append(PinyinHelper.toPinyin(part).strip().replaceAll("\\s+", " "));
        }
        return sb.toString();
    }
}
