package archive.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/** Dates as each interface language writes them: "2 March 1959", 1959年3月2日. */
public final class Dates {
    private Dates() {}

    public static String en(LocalDate d) {
        return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
    }

    public static String zh(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    public static String monthEn(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
    }

    public static String monthZh(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    /** Highwire Press form, 1959/03/02. */
    public static String slashed(LocalDate d) {
        return String.format("%04d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
}
