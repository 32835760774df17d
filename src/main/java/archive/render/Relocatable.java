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
    private final String html;

    Relocatable(String html) { this.html = html; }

    /** The link to {@code to} behind the marker; a link that would be empty or a bare fragment at the root gets "./". */
    static String link(Links links, String to) {
        String fromRoot = links.relative("index.html", to);
        return fromRoot.startsWith("./") ? MARK_HERE + fromRoot.substring(2) : MARK + fromRoot;
    }

    /** The fragment for a page {@code depth} folders below the site root. */
    public String at(int depth) {
        int mark = html.indexOf(MARK), here = html.indexOf(MARK_HERE);
        if (mark < 0 && here < 0) return html;
        String up = Links.up(depth);
        StringBuilder sb = new StringBuilder(html.length() + 32);
        // From marker to marker (found with indexOf, copied from an array: not character by character).
        char[] cs = archive.model.Chars.of(html, 0, html.length());
        int from = 0;
        while (mark >= 0 || here >= 0) {
            int at = here < 0 || mark >= 0 && mark < here ? mark : here;
            sb.append(cs, from, at - from);
            sb.append(at == mark ? up : depth == 0 ? "./" : up);
            from = at + 1;
            if (at == mark) mark = html.indexOf(MARK, from);
            else here = html.indexOf(MARK_HERE, from);
        }
        return sb.append(cs, from, html.length() - from).toString();
    }
}
