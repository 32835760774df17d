package archive.publish;

import archive.diag.Diagnostics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The permalink registry (data/permalinks.txt): every path the archive has ever published, one
 * per line, sorted, like a lock file. A build fails when a listed path would no longer be
 * produced (as a page, a redirect or a withdrawal notice), and records the new paths once the
 * site is published. The file is rewritten whole through a temporary file and an atomic rename,
 * in a fixed form (header, paths in code-point order, LF line ends), and only when it changes.
 */
public final class PermalinkRegistry {
    static final String HEADER = """
            # Permanent URLs of the archive: every path it has published, one per line, sorted.
            # Written by the build, which adds new paths and fails when a listed path would no
            # longer be produced. Commit it with the seeds. Never delete a line: to move or
            # withdraw a page, add it to data/redirects.yaml (see the README, "Stable URLs").
            """;
    /** A site path: begins with "/", no spaces, no "." or ".." segments, no query or fragment. */
    static final Pattern PATH = Pattern.compile("/(?:[A-Za-z0-9._~!$&'()*+,;=:@%-]+/?)*");

    private final Path file;
    /** Listed paths and the line each is on. */
    private final Map<String, Integer> listed;
    private final String original;

    private PermalinkRegistry(Path file, Map<String, Integer> listed, String original) {
        this.file = file;
        this.listed = listed;
        this.original = original;
    }

    /** Reads the registry; a missing file is an empty registry (the first build creates it). */
    public static PermalinkRegistry load(Path file, Diagnostics diags) {
        Map<String, Integer> listed = new LinkedHashMap<>();
        if (!Files.exists(file)) return new PermalinkRegistry(file, listed, null);
        String text;
        try {
            // Not SourceText: its size limit suits one article, and a large archive's registry can exceed it.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            diags.error(file, 0, "the permalink registry is not valid UTF-8; restore it from version control");
            return new PermalinkRegistry(file, listed, null);
        } catch (IOException e) {
            diags.error(file, 0, "cannot read the permalink registry: " + e.getMessage());
            return new PermalinkRegistry(file, listed, null);
        }
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (l.startsWith("<<<<<<<") || l.startsWith("=======") || l.startsWith(">>>>>>>")) {
                diags.error(file, i + 1, "a merge conflict marker: keep the paths of both sides (the registry only "
                        + "ever grows) and delete the marker lines");
            } else if (!PATH.matcher(l).matches() || l.contains("/./") || l.contains("/../") || l.endsWith("/..")) {
                diags.error(file, i + 1, "\"" + l + "\" is not a site path; each line holds one path such as "
                        + "/articles/119a5904f4221201/");
            } else {
                listed.putIfAbsent(l, i + 1);
            }
        }
        return new PermalinkRegistry(file, listed, text);
    }

    public Path file() { return file; }

    public boolean isListed(String path) { return listed.containsKey(path); }

    /** Reports, at its line, every listed path that this build does not produce. */
    public void check(Collection<String> produced, Diagnostics diags) {
        var have = new java.util.HashSet<>(produced);
        listed.forEach((path, line) -> {
            if (!have.contains(path)) {
                diags.error(file, line, path + " was published and would no longer be produced; a published URL must "
                        + "keep working: restore what made it (a seed, a page, a data entry), or list it in "
                        + "redirects.yaml as moved (`moved_to:`) or withdrawn (`withdrawn:` with the reason)");
            }
        });
    }

    /** The produced paths the registry does not list yet, sorted. */
    public List<String> unlisted(Collection<String> produced) {
        return produced.stream().filter(p -> !listed.containsKey(p)).sorted().toList();
    }

    /**
     * Writes the registry with {@code produced} added, atomically; only if that changes the file.
     *
     * @return the number of paths added
     */
    public int save(Collection<String> produced) {
        SortedSet<String> all = new TreeSet<>(listed.keySet());
        int before = all.size();
        all.addAll(produced);
        String text = HEADER + String.join("\n", all) + (all.isEmpty() ? "" : "\n");
        if (text.equals(original)) return 0;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            archive.io.FileReplace.replace(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("the site was published but the permalink registry " + file
                    + " could not be updated; run the build again", e);
        }
        return all.size() - before;
    }
}
