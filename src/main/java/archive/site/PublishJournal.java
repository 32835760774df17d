package archive.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The in-place update of a published site, written down before it starts: which staged files
 * replace published ones and which published files go. A build killed while applying it leaves
 * the journal behind, and the next build applies it again before anything else (every step can
 * be repeated), so the published folder always ends up as the site of a build that succeeded.
 * A journal without its closing line was never started and is discarded.
 */
final class PublishJournal {
    private static final String HEADER = "archive-publish-1", END = "end";

    private final Path out, staging, file;

    PublishJournal(Path out, Path staging) {
        this.out = out;
        this.staging = staging;
        this.file = fileFor(out);
    }

    static Path fileFor(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".publish");
    }

    /** Records the update, applies it, and installs the new manifest. */
    void commit(Collection<String> staged, List<String> removed, PageManifest manifest) throws IOException {
        List<String> lines = new ArrayList<>(staged.size() + removed.size() + 2);
        lines.add(HEADER);
        // Removals first: a file in the way of a new folder (or a folder in the way of a new file) goes before the move.
        for (String f : removed) lines.add("D\t" + f);
        staged.stream().sorted().forEach(f -> lines.add("M\t" + f));
        lines.add(END);
        manifest.saveNext(out);
        archive.io.FileReplace.writeString(file, String.join("\n", lines) + "\n");
        // From here on the update is promised: the old manifest would describe a site that is going away.
        PageManifest.discard(out);
        apply(lines);
    }

    /** Finishes the update of a build killed while applying it; discards one that never started. */
    static void finishInterrupted(Path out, Path staging) throws IOException {
        Path file = fileFor(out);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp"));
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            lines = List.of();
        }
        boolean complete = lines.size() >= 2 && lines.get(0).equals(HEADER) && lines.get(lines.size() - 1).equals(END);
        if (complete && Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            new PublishJournal(out, staging).apply(lines);
        } else {
            Files.deleteIfExists(file);
            PageManifest.discardNext(out);
        }
    }

    private void apply(List<String> lines) throws IOException {
        // What the update takes away is kept aside and deleted after it (see Discards).
        Discards discards = new Discards(out);
        for (String line : lines) {
            if (line.startsWith("M\t")) {
                String f = line.substring(2);
                Path from = staging.resolve(f), to = out.resolve(f);
                if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) continue; // moved before the interruption
                Files.createDirectories(to.getParent());
                discards.keep(to);
                try {
                    archive.io.FileReplace.replace(from, to);
                } catch (IOException e) {
                    // A folder made by hand where the page goes (folders are listed for strays, pages are not).
                    if (!Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) throw e;
                    discards.take(to);
                    archive.io.FileReplace.replace(from, to);
                }
            } else if (line.startsWith("D\t")) {
                Path gone = out.resolve(line.substring(2));
                // A folder made by hand where the previous build had a file goes too.
                discards.take(gone);
                removeEmptyFolders(gone.getParent());
            }
        }
        PageManifest.installNext(out);
        Files.deleteIfExists(file);
        discards.take(staging);
        discards.dispose();
    }

    /** Removes the folders a deletion left empty, up to the site's root. */
    private void removeEmptyFolders(Path dir) throws IOException {
        for (Path d = dir; d != null && d.startsWith(out) && !d.equals(out); d = d.getParent()) {
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
        }
    }
}
