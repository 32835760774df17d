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
    /**
     * The fragment cut at its markers, found once: the text before each marker, then what follows
     * the last one ({@code pieces[0]} alone without markers); {@code here[i]} tells whether marker
     * i is a "here" marker. An entry is placed in a dozen lists and more (its day, month, year,
     * places, industries, the glossary entries it uses), each time joined from these pieces
     * instead of copying and scanning the whole fragment again.
     */
    private final char[][] pieces;
    private final boolean[] here;

    Relocatable(String html) {
        java.util.List<char[]> cut = new java.util.ArrayList<>();
        java.util.List<Boolean> kinds = new java.util.ArrayList<>();
        int from = 0, mark = html.indexOf(MARK), markHere = html.indexOf(MARK_HERE);
        while (mark >= 0 || markHere >= 0) {
            int at = markHere < 0 || mark >= 0 && mark < markHere ? mark : markHere;
            cut.add(html.substring(from, at).toCharArray());
            kinds.add(at == markHere);
            from = at + 1;
            if (at == mark) mark = html.indexOf(MARK, from);
            else markHere = html.indexOf(MARK_HERE, from);
        }
        cut.add(html.substring(from).toCharArray());
        pieces = cut.toArray(new char[0][]);
        here = new boolean[kinds.size()];
        for (int i = 0; i < here.length; i++) here[i] = kinds.get(i);
    }

    /** The link to {@code to} behind the marker; a link that would be empty or a bare fragment at the root gets "./". */
    static String link(Links links, String to) {
        String fromRoot = links.relative("index.html", to);
        return fromRoot.startsWith("./") ? MARK_HERE + fromRoot.substring(2) : MARK + fromRoot;
    }

    /** The ways up, as arrays, for the depths most pages are at ("./" for a "here" marker at the root). */
    private static final char[][] UP = new char[8][];
    private static final char[] HERE_AT_ROOT = "./".toCharArray();

    static {
        for (int i = 0; i < UP.length; i++) UP[i] = Links.up(i).toCharArray();
    }

    /**
     * The fragment for a page {@code depth} folders below the site root, as {@link HtmlText}: its
     * pieces and ways up copied into one array, which the page's buffer copies at once (the entry's
     * title is Chinese, so as a String it was copied out character by character).
     */
    public HtmlText at(int depth) {
        char[] up = depth < UP.length ? UP[depth] : Links.up(depth).toCharArray();
        char[] upHere = depth == 0 ? HERE_AT_ROOT : up;
        int n = 0;
        for (char[] p : pieces) n += p.length;
        for (boolean h : here) n += h ? upHere.length : up.length;
        HtmlText.Builder b = new HtmlText.Builder(n);
        for (int i = 0; i < here.length; i++) b.append(pieces[i]).append(here[i] ? upHere : up);
        return b.append(pieces[here.length]).build();
    }
}
