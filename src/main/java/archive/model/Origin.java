package archive.model;

import java.nio.file.Path;

/** Where a piece of editorial data was written: file and 1-based line. */
public record Origin(Path file, int line) {}
