package archive.bench;

import archive.site.SiteWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * Where the bench puts what it would otherwise delete before a timed build (the previous site, a
 * corpus to generate again), emptied after the timed builds.
 *
 * <p>Why not delete at once: ext4 without a journal (this machine's disk) does not give a new file
 * an inode freed in the last few minutes; each new file's inode is found past every file deleted
 * since, one buffer-cache look each. A clean build of 10,000 articles (44,000 files) right after
 * the previous site was deleted spent 20.5 s of kernel time instead of 5.8 s and took 23.2 s
 * instead of 13.1 s (perf: {@code recently_deleted} under {@code ext4_create} and {@code ext4_mkdir}).
 * That is the bench's own deletion charged to the build. Moving the site aside is one rename.
 */
public final class Trash {
    /** What {@link #empty} touches when it has deleted something: its time says when. */
    private static final String EMPTIED = ".trash-emptied";

    private final Path dir;
    private final Path folder;

    /** The trash of the bench folder {@code dir} ({@code dir/.trash}). */
    public Trash(Path dir) {
        this.dir = dir;
        this.folder = dir.resolve(".trash");
    }

    /** Moves {@code path} (a file or a folder) into the trash, if it exists: one rename, nothing freed. */
    public void moveAside(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        Files.createDirectories(folder);
        Path to = folder.resolve(path.getFileName() + "-" + System.nanoTime());
        try {
            Files.move(path, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another file system (an --out on tmpfs): nothing to spare there, deleted at once.
            SiteWriter.deleteTree(path);
            deleted();
        }
    }

    /** Deletes what the trash holds (after the timed builds, or leftovers of a bench that was stopped). */
    public void empty() throws IOException {
        if (!Files.exists(folder)) return;
        SiteWriter.deleteTree(folder);
        deleted();
    }

    private void deleted() throws IOException {
        Files.createDirectories(dir);
        Path marker = dir.resolve(EMPTIED);
        try {
            Files.createFile(marker);
        } catch (java.nio.file.FileAlreadyExistsException made) {
            // made by an earlier emptying, or by another bench emptying the same trash just now
        }
        Files.setLastModifiedTime(marker, FileTime.fromMillis(System.currentTimeMillis()));
    }

    /**
     * Before a timed build that writes to {@code out}: waits until the files the bench deleted
     * (see {@link #empty}) are old enough for the file system to reuse their inodes, saying so.
     * Nothing to wait for on tmpfs, or when the bench deleted nothing lately.
     */
    public void waitForQuiet(Path out, PrintStream say) throws IOException, InterruptedException {
        long wait = millisToWait(out);
        if (wait <= 0) return;
        say.printf(java.util.Locale.ROOT, "Waiting %.0f s: files the bench deleted would slow the file system's choice of "
                + "inodes for the build's new files (see archive.bench.Trash)%n", wait / 1e3);
        Thread.sleep(wait);
    }

    /** How long {@link #waitForQuiet} waits before a build to {@code out}: 0 on tmpfs or when nothing was deleted lately. */
    long millisToWait(Path out) throws IOException {
        Path marker = dir.resolve(EMPTIED);
        if (!Files.exists(marker) || onTmpfs(out)) return 0;
        long since = System.currentTimeMillis() - Files.getLastModifiedTime(marker).toMillis();
        return Math.max(0, windowMillis() - since);
    }

    /**
     * How long freed inodes slow the choice of new ones, measured on this machine (Linux 6.18,
     * {@code python3 bench/inode_window.py}, twice on 2026-12-07): 300 files made after 20,000 were
     * deleted cost 0.28-0.40 ms each 20-40 s after, 0.04-0.24 ms from 60 s to 200 s, and 0.023-0.03
     * ms, as if nothing had been deleted, from 250 s on. A clean build of 10,000 articles to disk right
     * after the previous site was deleted took 16.8-19.0 s, and 8.2 s after a 400 s wait
     * (docs/benchmarks.md, thirty-sixth session). The bench waited 36 s before, an earlier kernel's rule.
     */
    static long windowMillis() {
        return 250_000;
    }

    static boolean onTmpfs(Path out) {
        try {
            Path p = out.toAbsolutePath();
            while (p != null && !Files.exists(p)) p = p.getParent();
            if (p == null) return false;
            FileStore store = Files.getFileStore(p);
            return store.type().equals("tmpfs");
        } catch (IOException e) {
            return false;
        }
    }
}
