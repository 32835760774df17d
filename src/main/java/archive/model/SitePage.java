package archive.model;

import java.nio.file.Path;

/**
 * One of the archive's own pages (pages/NAME.md): About, Editorial method …
 *
 * @param name      file base name; the page lives at NAME/
 * @param title     from the first line {@code # Title}
 * @param markdown  the rest of the file
 * @param firstLine line of the file where {@code markdown} starts
 */
public record SitePage(String name, String title, String markdown, Path file, int firstLine) {}
