package archive.fuzz;

import java.util.Locale;

/**
 * A URL attribute as the WHATWG URL parser sees it before reading the scheme: leading and
 * trailing C0 controls and spaces stripped, every tab and newline removed (so "java&#9;script:"
 * is javascript:), lower case. An inner space ("java script:") makes it a harmless relative URL.
 */
public final class UrlAsBrowsersReadIt {
    private UrlAsBrowsersReadIt() {}

    public static String normalise(String value) {
        String v = value.replaceAll("[\\t\\n\\r]", "");
        int from = 0, to = v.length();
        while (from < to && v.charAt(from) <= ' ') from++;
        while (to > from && v.charAt(to - 1) <= ' ') to--;
        return v.substring(from, to).toLowerCase(Locale.ROOT);
    }

    public static boolean active(String value) {
        String v = normalise(value);
        return v.startsWith("javascript:") || v.startsWith("vbscript:") || v.startsWith("data:");
    }
}
