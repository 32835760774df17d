package archive.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/** Dates as each interface language writes them: "2 March 1959", 1959年3月2日. */
public final class Dates {
    private Dates() {}

    /** The months' English names, looked up once: the lookup by locale was most of making a date's text. */
    private static final String[] MONTHS_EN = java.util.Arrays.stream(java.time.Month.values())
            .map(m -> m.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).toArray(String[]::new);

    public static String en(LocalDate d) {
        return d.getDayOfMonth() + " " + MONTHS_EN[d.getMonthValue() - 1] + " " + d.getYear();
    }

    public static String zh(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    public static String monthEn(YearMonth m) {
        return MONTHS_EN[m.getMonthValue() - 1] + " " + m.getYear();
    }

    public static String monthZh(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    /** Highwire Press form, 1959/03/02. */
    public static String slashed(LocalDate d) {
        return numeric(new StringBuilder(10), d, '/').toString();
    }

    /** Appends "1959/03/02" (with {@code separator}), as {@link #numeric(StringBuilder, int, int, char)} with the day. */
    public static StringBuilder numeric(StringBuilder sb, LocalDate d, char separator) {
        int day = d.getDayOfMonth();
        return numeric(sb, d.getYear(), d.getMonthValue(), separator).append(separator).append(day < 10 ? "0" : "").append(day);
    }

    /**
     * Appends "1959/03" (with {@code separator}), as String.format("%04d/%02d") writes it, without
     * its cost: dates are written for every article on every list.
     */
    public static StringBuilder numeric(StringBuilder sb, int year, int month, char separator) {
        if (year < 0) return sb.append(String.format(Locale.ROOT, "%04d%c%02d", year, separator, month));
        if (year < 1000) sb.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        return sb.append(year).append(separator).append(month < 10 ? "0" : "").append(month);
    }
}
