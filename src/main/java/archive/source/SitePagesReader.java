package archive.source;

import archive.diag.Diagnostics;
import archive.model.SitePage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads pages/*.md: each starts with a line {@code # Title}; its name becomes its URL. */
public final class SitePagesReader {
    /** Paths the generator itself publishes; a page may not take them. */
    public static final Set<String> RESERVED = Set.of("articles", "dates", "places", "industries", "glossary", "notes",
            "assets", "search", "downloads", "index", "404", "feed", "sitemap");

    public List<SitePage> read(Path dir, Diagnostics diags) {
        if (!Files.isDirectory(dir)) return List.of();
        List<SitePage> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("\\.md$", "");
            if (!EditorialDataLoader.SLUG.matcher(name).matches()) {
                diags.error(f, 0, "page names become URLs: rename the file with lowercase letters, digits and hyphens");
                continue;
            }
            if (RESERVED.contains(name)) {
                diags.error(f, 0, "the name `" + name + "` is used by the archive itself; rename the page");
                continue;
            }
            if (Files.isSymbolicLink(f)) {
                diags.error(f, 0, "pages must be plain files, not symbolic links (a link could publish a file from "
                        + "outside the project); copy the file into the pages folder");
                continue;
            }
            String text = SourceText.readText(f, diags);
            if (text == null) continue;
            String[] lines = text.split("\n", 2);
            if (!lines[0].startsWith("# ") || lines[0].substring(2).isBlank()) {
                diags.error(f, 1, "a page starts with its title on a line `# Title`");
                continue;
            }
            out.add(new SitePage(name, lines[0].substring(2).strip(), lines.length > 1 ? lines[1] : "", f, 2));
        }
        return out;
    }
}
