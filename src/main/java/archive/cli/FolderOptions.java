package archive.cli;

import archive.config.BuildConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The input and output folders, shared by build and check. */
final class FolderOptions {
    @Option(names = "--seeds", description = "article files (default: ${DEFAULT-VALUE})", defaultValue = "seeds")
    Path seeds;

    @Option(names = "--templates", description = "Pebble templates and assets (default: ${DEFAULT-VALUE})", defaultValue = "templates")
    Path templates;

    @Option(names = "--data", description = "glossary, gazetteer and industries (default: ${DEFAULT-VALUE})", defaultValue = "data")
    Path data;

    @Option(names = "--pages", description = "the archive's own pages in Markdown (default: ${DEFAULT-VALUE})", defaultValue = "pages")
    Path pages;

    @Option(names = "--out", description = "the site folder to write (default: ${DEFAULT-VALUE})", defaultValue = "site")
    Path out;

    @Option(names = "--site-url", description = "absolute URL the site is published at (default: $ARCHIVE_SITE_URL, else relative links only)")
    String siteUrl;

    @Option(names = "--offline", description = "end links in index.html so the site can be browsed from file://")
    boolean offline;

    @Option(names = "--permalinks", paramLabel = "FILE|none",
            description = "the permalink registry: every published path, checked and extended by each build "
                    + "(default: DATA/permalinks.txt; `none` switches it off, for benchmarks and other corpora)")
    String permalinks;

    BuildConfig config() {
        String url = siteUrl != null ? siteUrl : System.getenv("ARCHIVE_SITE_URL");
        Path registry = permalinks == null ? data.resolve(BuildConfig.PERMALINKS_FILE)
                : permalinks.equals("none") ? null : Path.of(permalinks);
        return new BuildConfig(seeds, templates, data, pages, out, url == null || url.isBlank() ? null : url, offline, registry);
    }
}
