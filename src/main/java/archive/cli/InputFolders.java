package archive.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The folders a build reads: seeds, templates, data and pages (build, check, bench). */
final class InputFolders {
    @Option(names = "--seeds", description = "article files (default: ${DEFAULT-VALUE})", defaultValue = "seeds")
    Path seeds;

    @Option(names = "--templates", description = "Pebble templates and assets (default: ${DEFAULT-VALUE})", defaultValue = "templates")
    Path templates;

    @Option(names = "--data", description = "glossary, gazetteer and industries (default: ${DEFAULT-VALUE})", defaultValue = "data")
    Path data;

    @Option(names = "--pages", description = "the archive's own pages in Markdown (default: ${DEFAULT-VALUE})", defaultValue = "pages")
    Path pages;
}
