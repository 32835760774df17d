package archive.source;

import archive.model.Dateline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline that opens a dispatch: 据新华社太原1日电, 新华社2日讯, 本报讯,
 * "Xinhua News Agency, Taiyuan, 1st –", "Xinhua News Agency, February 2nd --".
 * The place is returned as printed; the gazetteer resolves it later.
 */
final class DatelineDetector {
    private static final Pattern ZH = Pattern.compile(
            "^((?:据)?(?:新华社|本报)(.{0,12}?)(?:(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月)?(?:\\d{1,2}|[一二三四五六七八九十]{1,3})日(?:电|讯)|本报讯)[\\u3000 ]*");
    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
    private static final Pattern EN = Pattern.compile(
            "^((?:According to )?(?:Xinhua News Agency|This newspaper|Our newspaper|People's Daily)(?:'s)?(?: dispatch)?,?\\s+"
                    + "(?:([A-Z][A-Za-z'’.\\- ]{1,40}?),\\s+)?(?:" + MONTH + "\\s+)?\\d{1,2}(?:st|nd|rd|th)?"
                    + "(?:\\s*(?:--|[-–—:]))?)\\s*");

    Dateline chinese(String text) {
        Matcher m = ZH.matcher(text);
        if (!m.find()) return null;
        String place = m.group(2);
        return new Dateline(m.group(1), place == null || place.isBlank() ? null : place.strip());
    }

    Dateline english(String text) {
        Matcher m = EN.matcher(text);
        if (!m.find()) return null;
        String place = m.group(2);
        if (place != null && place.matches(MONTH)) place = null;
        return new Dateline(m.group(1).strip(), place == null ? null : place.strip());
    }
}
