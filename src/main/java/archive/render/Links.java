package archive.render;

/**
 * The archive's URL policy. Every page lives at a folder path ("articles/119a5904f4221201/")
 * that never depends on titles or dates of other articles. Links between pages are relative, so
 * the site works at a domain root, under a project path and from file:// ; with {@code offline}
 * they end in index.html, which file:// needs. Absolute URLs (canonical, feeds, sitemap) are made
 * only when the site URL is known.
 */
public final class Links {
    private final boolean offline;
    private final String siteUrl;
    /** When set, every link is this base plus the site path, whatever page it is on (see {@link #anchoredAt}). */
    private final String anchor;

    /** @param siteUrl absolute URL of the site root, or null */
    public Links(boolean offline, String siteUrl) {
        this(offline, siteUrl, null);
    }

    private Links(boolean offline, String siteUrl, String anchor) {
        this.offline = offline;
        this.siteUrl = siteUrl == null || siteUrl.isBlank() ? null : (siteUrl.endsWith("/") ? siteUrl : siteUrl + "/");
        this.anchor = anchor;
    }

    /**
     * Links that do not depend on where the page is read: {@code base} + site path. For pages a
     * host serves at any URL, like 404.html, which GitHub Pages returns for every missing path.
     */
    public Links anchoredAt(String base) {
        return new Links(offline, siteUrl, base.endsWith("/") ? base : base + "/");
    }

    public boolean offline() { return offline; }

    public String siteUrl() { return siteUrl; }

    /**
     * The link from the page written at {@code fromFile} (e.g. "articles/x/index.html") to the
     * site path {@code to} (e.g. "places/taiyuan/#top", "assets/site.css", or "" for home).
     */
    private static final String[] UP = new String[16];

    static {
        for (int i = 0; i < UP.length; i++) UP[i] = "../".repeat(i);
    }

    /** The depth of the page written at {@code file}: the number of folders above it. */
    public static int depth(String file) {
        int d = 0;
        for (int i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) d++;
        return d;
    }

    /** The way up from a page {@code depth} folders below the site root: "../" that many times. */
    static String up(int depth) { return depth < UP.length ? UP[depth] : "../".repeat(depth); }

    public String relative(String fromFile, String to) { return relative(from(fromFile), to); }

    /**
     * The page written at {@code file}, with the way up from it worked out once: a page makes a
     * hundred links and more (its menus, its lists, every mention in its text), all from there.
     */
    public record From(String file, String up) {}

    public From from(String file) { return new From(file, up(depth(file))); }

    /** As {@link #relative(String, String)}, from a page whose way up is known. */
    public String relative(From from, String to) {
        if (anchor != null) return anchor + finish(to);
        String rest = finish(to);
        // Below the root the link starts with "../": never empty, never a bare fragment.
        if (!from.up().isEmpty()) return from.up().concat(rest);
        return rest.isEmpty() ? "./" : rest.charAt(0) == '#' ? "./".concat(rest) : rest;
    }

    /** The absolute URL of a site path, or null when no site URL is known. */
    public String absolute(String to) {
        return siteUrl == null ? null : siteUrl + to;
    }

    private String finish(String to) {
        int hash = to.indexOf('#');
        // Most links have no fragment: the path itself, or with index.html where file:// needs it.
        if (hash < 0) return offline && (to.isEmpty() || to.endsWith("/")) ? to.concat("index.html") : to;
        String path = to.substring(0, hash);
        String fragment = to.substring(hash);
        if ((path.isEmpty() || path.endsWith("/")) && offline) path = path + "index.html";
        return path + fragment;
    }
}
