package archive.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a build reads and writes, and how links are made.
 *
 * @param seeds     article files (and their notes and overrides)
 * @param templates Pebble templates and assets/
 * @param data      glossary.yaml, places.yaml, industries.yaml
 * @param pages     the archive's own pages in Markdown
 * @param out       the site folder to publish into
 * @param siteUrl   absolute URL the site is published at, or null (relative links only)
 * @param offline   links end in index.html so the site works from file://
 * @param permalinks the permalink registry (every published path), or null to switch it off
 */
public record BuildConfig(Path seeds, Path templates, Path data, Path pages, Path out, String siteUrl, boolean offline,
                          Path permalinks) {
    /**
     * The record's own form ("BuildConfig[seeds=…, …]"), which fingerprints of the settings read:
     * written out, since the generated one goes through method handles, slow in a build's first moments.
     */
    @Override
    public String toString() {
        return new StringBuilder("BuildConfig[seeds=").append(seeds).append(", templates=").append(templates)
                .append(", data=").append(data).append(", pages=").append(pages).append(", out=").append(out)
                .append(", siteUrl=").append(siteUrl).append(", offline=").append(offline)
                .append(", permalinks=").append(permalinks).append(']').toString();
    }

    public static final String TITLE_EN = "People's Daily Archive, 1958–1960";
    public static final String TITLE_ZH = "人民日报档案 1958–1960";
    /** The permalink registry's file name inside the data folder, its default place. */
    public static final String PERMALINKS_FILE = "permalinks.txt";

    /** The folders of a project at {@code root}, as the README describes them. */
    public static BuildConfig defaults(Path root) {
        return new BuildConfig(root.resolve("seeds"), root.resolve("templates"), root.resolve("data"), root.resolve("pages"),
                root.resolve("site"), null, false, root.resolve("data").resolve(PERMALINKS_FILE));
    }

    public BuildConfig withOut(Path newOut) { return new BuildConfig(seeds, templates, data, pages, newOut, siteUrl, offline, permalinks); }

    public BuildConfig withSiteUrl(String url) { return new BuildConfig(seeds, templates, data, pages, out, url, offline, permalinks); }

    public BuildConfig withOffline(boolean off) { return new BuildConfig(seeds, templates, data, pages, out, siteUrl, off, permalinks); }

    /** @param registry the permalink registry to check and extend, or null for none */
    public BuildConfig withPermalinks(Path registry) {
        return new BuildConfig(seeds, templates, data, pages, out, siteUrl, offline, registry);
    }

    /**
     * Problems with the folders themselves: the output must not be, or contain, an input folder
     * or the project root, since publishing replaces it whole.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        // Compared as real paths, so that a symbolic link (site -> seeds) or ".." cannot disguise an input folder.
        Path o = OutputPaths.real(this.out);
        for (Path in : List.of(seeds, templates, data, pages)) {
            Path i = OutputPaths.real(in);
            if (i.startsWith(o)) {
                out.add("the output folder " + this.out + " would replace the input folder " + in
                        + "; choose another --out (the default is site/)");
            } else if (o.startsWith(i)) {
                out.add("the output folder " + this.out + " is inside the input folder " + in
                        + "; choose another --out (the default is site/)");
            }
        }
        Path root = OutputPaths.real(seeds).getParent();
        if (root != null && (o.equals(root) || Files.exists(o.resolve("pom.xml")) || Files.isDirectory(o.resolve(".git")))) {
            out.add("the output folder " + o + " is a project folder; choose another --out (the default is site/)");
        }
        if (permalinks != null && permalinks.toAbsolutePath().normalize().startsWith(o)) {
            out.add("the permalink registry " + permalinks + " is inside the output folder, which each build replaces; keep it in data/");
        }
        if (!Files.isDirectory(templates)) out.add("the templates folder " + templates + " does not exist; pass --templates FOLDER");
        if (siteUrl != null && !siteUrl.isBlank() && !siteUrl.matches("https?://[^\\s\"'<>]+")) {
            out.add("the site URL \"" + siteUrl + "\" must be an absolute http(s) URL, for example https://user.github.io/archive/");
        }
        return out;
    }
}
