package archive.cli;

import archive.config.BuildConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The input and output folders and link options, shared by build and check. */
final class FolderOptions {
    @Mixin
    InputFolders in;

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
        Path registry = permalinks == null ? in.data.resolve(BuildConfig.PERMALINKS_FILE)
                : permalinks.equals("none") ? null : Path.of(permalinks);
        return new BuildConfig(in.seeds, in.templates, in.data, in.pages, out, url == null || url.isBlank() ? null : url, offline, registry);
    }
}
