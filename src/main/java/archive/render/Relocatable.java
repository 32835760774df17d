package archive.render;

/**
 * A fragment of HTML rendered once and placed in pages at different depths of the site (an
 * article's entry in a list appears on the home page, a month, a day, places, industries).
 * Its links are written from the site root behind a marker; {@link #at(int)} puts the way up in
 * place of the marker. The marker is a NUL character, which no text of the site can contain:
 * the source readers strip every control character.
 */
public final class Relocatable {
    /** The pseudo file a relocatable fragment is rendered for; compared by identity. */
    static final String FILE = new String("\u0000relocatable");
    private static final char MARK = '\u0000', MARK_HERE = '\u0001';
    private static final String[] UP = new String[16];

    static {
        for (int i = 0; i < UP.length; i++) UP[i] = "../".repeat(i);
    }

    private final String html;

    Relocatable(String html) { this.html = html; }

    /** The link to {@code to} behind the marker; a link that would be empty or a bare fragment at the root gets "./". */
    static String link(Links links, String to) {
        String fromRoot = links.relative("index.html", to);
        return fromRoot.startsWith("./") ? MARK_HERE + fromRoot.substring(2) : MARK + fromRoot;
    }

    /** The fragment for a page {@code depth} folders below the site root. */
    public String at(int depth) {
        if (html.indexOf(MARK) < 0 && html.indexOf(MARK_HERE) < 0) return html;
        String up = depth < UP.length ? UP[depth] : "../".repeat(depth);
        StringBuilder sb = new StringBuilder(html.length() + 32);
        for (int i = 0, n = html.length(); i < n; i++) {
            char c = html.charAt(i);
            if (c == MARK) sb.append(up);
            else if (c == MARK_HERE) sb.append(depth == 0 ? "./" : up);
            else sb.append(c);
        }
        return sb.toString();
    }

    /** The depth of the page written at {@code file}: the number of folders above it. */
    public static int depth(String file) {
        int d = 0;
        for (int i = 0; i < file.length(); i++) if (file.charAt(i) == '/') d++;
        return d;
    }
}
