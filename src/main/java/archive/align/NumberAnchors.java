package archive.align;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the numbers of a paragraph so that the aligner can anchor rows where the same number
 * appears in both languages: "3,500" ↔ 三千五百, "275.3%" ↔ 275.3%, "6.3 million" ↔ 六百三十万,
 * "twenty-six" ↔ 二十六. Only numbers that identify something are kept: decimals, and integers of 10 or more.
 */
public final class NumberAnchors {
    private static final Pattern EN_DIGITS = Pattern.compile(
            "(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(\\s*(?:million|billion|thousand))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_WORDS = Pattern.compile(
            "\\b((?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|and)[\\s-]*)+)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZH_DIGITS = Pattern.compile("(\\d+)(\\.\\d+)?([万亿])?");
    private static final Pattern ZH_NUMERALS = Pattern.compile("[零〇一二两三四五六七八九十百千万亿点]{2,}");

    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90));

    private NumberAnchors() {}

    public static Set<Double> english(String text) {
        Set<Double> out = new HashSet<>();
        Matcher m = EN_DIGITS.matcher(text);
        while (m.find()) {
            double v = Double.parseDouble(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
            String scale = m.group(3) == null ? "" : m.group(3).strip().toLowerCase(Locale.ROOT);
            v *= switch (scale) { case "thousand" -> 1e3; case "million" -> 1e6; case "billion" -> 1e9; default -> 1; };
            keep(out, v);
        }
        Matcher w = EN_WORDS.matcher(text);
        while (w.find()) {
            Double v = englishWords(w.group(1));
            if (v != null) keep(out, v);
        }
        return out;
    }

    public static Set<Double> chinese(String text) {
        Set<Double> out = new HashSet<>();
        Matcher m = ZH_DIGITS.matcher(text);
        while (m.find()) {
            double v = Double.parseDouble(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
            if ("万".equals(m.group(3))) v *= 1e4;
            if ("亿".equals(m.group(3))) v *= 1e8;
            keep(out, v);
        }
        Matcher n = ZH_NUMERALS.matcher(text);
        while (n.find()) {
            Double v = chineseNumeral(n.group());
            if (v != null) keep(out, v);
        }
        return out;
    }

    private static void keep(Set<Double> out, double v) {
        if (v >= 10 || v != Math.rint(v)) out.add(Math.round(v * 1000) / 1000.0);
    }

    /** Parses "twenty-six", "three thousand five hundred"; null when the words are not a number. */
    static Double englishWords(String words) {
        long total = 0, current = 0;
        boolean any = false;
        for (String w : words.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
            if (w.isEmpty() || w.equals("and")) continue;
            Integer small = SMALL.get(w);
            if (small != null) { current += small; any = true; }
            else if (w.equals("hundred")) { current = Math.max(current, 1) * 100; any = true; }
            else if (w.equals("thousand")) { total += Math.max(current, 1) * 1000; current = 0; any = true; }
            else if (w.equals("million")) { total += Math.max(current, 1) * 1_000_000; current = 0; any = true; }
            else return null;
        }
        return any ? (double) (total + current) : null;
    }

    /** Parses 三千五百, 五万三千九百, 六百三十万, 二点七, 一九五九; null when not a number. */
    static Double chineseNumeral(String s) {
        String digits = "零〇一二两三四五六七八九";
        int point = s.indexOf('点');
        if (point >= 0) {
            String w = s.substring(0, point);
            Double whole = w.length() == 1 && digitValue(w.charAt(0)) >= 0 ? Double.valueOf(digitValue(w.charAt(0))) : chineseNumeral(w);
            String frac = s.substring(point + 1);
            if (whole == null || frac.isEmpty()) return null;
            StringBuilder f = new StringBuilder("0.");
            for (char c : frac.toCharArray()) {
                int d = digitValue(c);
                if (d < 0) return null;
                f.append(d);
            }
            return whole + Double.parseDouble(f.toString());
        }
        // A run of bare digits (一九五九) reads digit by digit.
        if (s.chars().allMatch(c -> digits.indexOf(c) >= 0)) {
            if (s.length() < 2) return null;
            long v = 0;
            for (char c : s.toCharArray()) v = v * 10 + digitValue(c);
            return (double) v;
        }
        long total = 0, section = 0, number = 0;
        for (char c : s.toCharArray()) {
            int d = digitValue(c);
            if (d >= 0) { number = d; continue; }
            switch (c) {
                case '十' -> { section += (number == 0 ? 1 : number) * 10; number = 0; }
                case '百' -> { section += number * 100; number = 0; }
                case '千' -> { section += number * 1000; number = 0; }
                case '万' -> { total += (section + number) * 10_000; section = 0; number = 0; }
                case '亿' -> { total = (total + section + number) * 100_000_000; section = 0; number = 0; }
                default -> { return null; }
            }
        }
        return (double) (total + section + number);
    }

    private static int digitValue(char c) {
        return switch (c) {
            case '零', '〇' -> 0; case '一' -> 1; case '二', '两' -> 2; case '三' -> 3; case '四' -> 4;
            case '五' -> 5; case '六' -> 6; case '七' -> 7; case '八' -> 8; case '九' -> 9;
            default -> -1;
        };
    }
}
