package archive.site;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What an in-place update of the site takes away (the published files it replaces or removes, and
 * the emptied staging folder), or the staging folder of a build that published nothing, kept in a
 * folder beside the output ({@code .site.discarded-N}) and deleted once the update is done: at once
 * when it is little, otherwise by a process of its own, after which the build returns.
 *
 * <p>Why: giving a file's space back is most of what replacing it costs on a disk like this
 * machine's (ext4 without a journal, mounted with {@code discard}): 8,000 pages of 30 KB renamed
 * over the published ones took 1.65–2.11 s; renamed in after the published ones were moved aside,
 * 0.35–0.41 s, and deleting those afterwards 1.41–1.67 s; with a second link kept instead,
 * 0.73–0.78 s ({@code python3 bench/replace_cost.py}, docs/benchmarks.md, thirty-fifth session). A template's edit at 10,000 articles, which
 * rewrites 13,623 pages, spent 7–9 s publishing them. A published file is first given a second
 * link here, so the rename that replaces it (readers still see the old file or the new one, never
 * neither) frees nothing.
 *
 * <p>A build killed before the folder is deleted leaves it behind; the next update whose discards
 * are deleted by a process deletes every such folder of the output too.
 */
final class Discards {
    /** Fewer files and folders than this are deleted by the build itself (about 0.1 s on this machine's disk). */
    static final int DELETED_AT_ONCE = 500;

    private final Path out;
    private final Path dir;
    private int entries;
    /** Files and folders held, counting those inside the folders taken whole (see {@link #take(Path, int)}). */
    private int held;
    private boolean made;
    private boolean linking = true;

    Discards(Path out) {
        this.out = out;
        this.dir = out.resolveSibling(prefix(out) + System.nanoTime());
    }

    /** The names of the output {@code out}'s discard folders start with this. */
    static String prefix(Path out) { return "." + out.getFileName() + ".discarded-"; }

    /**
     * Links the published file {@code published} into the folder before an update replaces it, so
     * the replacement frees nothing. Nothing to do when it does not exist (a new page); on a file
     * system without links (or the folder on another one) the replacement frees the file, as before.
     */
    void keep(Path published) throws IOException {
        if (!linking) return;
        try {
            Files.createLink(next(), published);
            entries++;
            held++;
        } catch (NoSuchFileException e) {
            // a new page: nothing published to keep
        } catch (UnsupportedOperationException e) {
            linking = false;
        } catch (FileSystemException e) {
            // A folder made by hand where the page goes is dealt with by the update; anything else: no links here.
            if (!Files.isDirectory(published, LinkOption.NOFOLLOW_LINKS)) linking = false;
        }
    }

    /** Moves {@code path} (a published file the update removes, or a folder) into the folder; deletes it where it cannot. */
    void take(Path path) throws IOException { take(path, 1); }

    /** As {@link #take(Path)}, {@code path} holding about {@code files} files and folders (deleted apart when many). */
    void take(Path path, int files) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.move(path, next(), StandardCopyOption.ATOMIC_MOVE);
            entries++;
            held += Math.max(1, files);
        } catch (IOException e) {
            SiteWriter.deleteTree(path);
        }
    }

    private Path next() throws IOException {
        if (!made) {
            Files.createDirectories(dir);
            made = true;
        }
        return dir.resolve(Integer.toString(entries));
    }

    /**
     * Deletes the folder: at once when it holds few entries and no discard folder of an earlier
     * build is left, otherwise by a process of its own (this folder and every other one), which goes
     * on after this one ends. Where no such process can be started, at once.
     */
    void dispose() throws IOException {
        List<Path> all = folders(out);
        boolean onlyThis = all.isEmpty() || all.size() == 1 && all.get(0).equals(dir);
        if (onlyThis && held < DELETED_AT_ONCE) {
            SiteWriter.deleteTree(dir);
        } else if (!deletedApart(all)) {
            for (Path f : all) SiteWriter.deleteTree(f);
        }
    }

    /** The discard folders of the output {@code out}, this build's and any left by earlier ones. */
    static List<Path> folders(Path out) throws IOException {
        List<Path> found = new ArrayList<>();
        String prefix = prefix(out);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out.getParent(), prefix + "*")) {
            // Only names this class gives (a number after the prefix), not another output's files.
            for (Path p : ds) if (p.getFileName().toString().substring(prefix.length()).matches("[0-9]+")) found.add(p);
        }
        found.sort(null);
        return found;
    }

    /** Starts a JVM of this generator's that deletes {@code folders}; false if it could not be started. */
    private static boolean deletedApart(List<Path> folders) {
        java.util.Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path");
        if (java.isEmpty() || classPath == null || classPath.isEmpty()) return false;
        List<String> command = new ArrayList<>(List.of(java.get(), "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classPath, Discards.class.getName()));
        for (Path f : folders) command.add(f.toString());
        try {
            new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Deletes the folders named (the process {@link #dispose} starts). */
    public static void main(String[] folders) throws IOException {
        for (String f : folders) SiteWriter.deleteTree(Path.of(f));
    }
}
