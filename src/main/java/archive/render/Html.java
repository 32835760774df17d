package archive.render;

/** Escaping for the few fragments built in Java (annotated text, charts); templates autoescape. */
public final class Html {
    private Html() {}

    /**
     * Strings up to this length are read with {@code charAt}: most values a template prints (a date,
     * a link, a name) are short, and for them the thread's array cost more to reach than it saves.
     */
    private static final int SHORT = 24;

    public static String escape(String s) {
        if (s == null) return "";
        int n = s.length();
        int i = 0;
        char[] cs;
        if (n <= SHORT) {
            while (i < n && replacement(s.charAt(i)) == null) i++;
            if (i == n) return s; // most values (titles, dates, links) have nothing to escape: no copy
            cs = s.toCharArray();
        } else {
            cs = archive.model.Chars.of(s, 0, n);
            while (i < n && replacement(cs[i]) == null) i++;
            if (i == n) return s;
        }
        return new HtmlText.Builder(n + 16).append(cs, 0, i).escape(cs, i, n).text();
    }

    /** The entity for each character that needs one, by the character (all five are below '?'). */
    private static final String[] ENTITIES = new String['>' + 1];

    static {
        ENTITIES['<'] = "&lt;";
        ENTITIES['>'] = "&gt;";
        ENTITIES['&'] = "&amp;";
        ENTITIES['"'] = "&quot;";
        ENTITIES['\''] = "&#39;";
    }

    /**
     * The entity standing for {@code c} in HTML text and attribute values; null when {@code c}
     * stands for itself. (A table, small enough for C1 to inline in the loops over every character.)
     */
    static String replacement(char c) { return c < ENTITIES.length ? ENTITIES[c] : null; }

}
