package archive.build;

import archive.config.BuildConfig;
import archive.diag.Diagnostic;
import archive.diag.Diagnostics;
import archive.render.Fingerprint;
import archive.source.SeedFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The stamp of everything a one-off build reads: every file of the seeds folder as it was listed
 * (seeds, notes and overrides, and the names it reports as problems), every file under the data,
 * templates and pages folders and the permalink registry, each by name, size, time (in
 * nanoseconds) and identity, with the build's settings. No file is opened: as the article store
 * does, a file with the same size, time and identity is taken to be the same. Taken before
 * anything is read, so a file saved while a build runs changes the stamp its successor sees.
 *
 * <p>A file saved in the moments before the stamp is taken could be saved again with the same
 * size and, on a file system whose clock ticks coarsely, the same time: such a stamp is
 * {@link #UNCERTAIN} and matches none (as git treats a "racily clean" file), and the next build
 * reads its inputs.
 */
record InputsStamp(long value, long sideFiles) {
    /** The stamp of inputs of which one was saved too recently to be told from a later save. */
    static final long UNCERTAIN = 0;
    /** How recent a save makes a stamp uncertain: file systems' times tick every few milliseconds, some every second or two. */
    static final long RECENT_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * The stamp of the inputs of a build with {@code config}, whose seeds folder is listed in
     * {@code seeds}; {@code sideFiles} is the part of it that stamps the notes and overrides files,
     * which an edit's build needs unchanged (see PublishedState).
     */
    static InputsStamp of(BuildConfig config, SeedFolder seeds) {
        long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        long[] newest = {Long.MIN_VALUE};
        Diagnostics problems = new Diagnostics(); // reported when the files are read; here only their presence counts
        Fingerprint side = new Fingerprint();
        entries(side, seeds.notes(problems), newest);
        entries(side, seeds.overrides(problems), newest);
        Fingerprint f = new Fingerprint().add(String.valueOf(config)).add(side.value());
        entries(f, seeds.seeds(problems), newest);
        for (Diagnostic d : problems.all()) f.add(d.format());
        for (Path dir : new Path[] {config.data(), config.templates(), config.pages(), config.permalinks()}) {
            tree(f, dir, t -> newest[0] = Math.max(newest[0], t));
        }
        long value = f.value();
        return new InputsStamp(newest[0] > now - RECENT_NANOS || value == UNCERTAIN ? UNCERTAIN : value, side.value());
    }

    /** Whether a build with this stamp may take its inputs to be those of a build with the stamp {@code recorded}. */
    boolean matches(long recorded) { return value != UNCERTAIN && value == recorded; }

    /** Adds the files of one list of the seeds folder, noting the newest time in {@code newest[0]}. */
    private static void entries(Fingerprint f, List<SeedFolder.Entry> files, long[] newest) {
        f.add(files.size());
        for (SeedFolder.Entry e : files) {
            f.add(e.path().getFileName().toString()).add(e.size()).add(e.modified()).add(archive.io.FileIdentity.of(e.fileKey()));
            newest[0] = Math.max(newest[0], e.modified());
        }
    }

    /** Adds every regular file under {@code root} (or the file {@code root}), or a mark that there is none. */
    static void tree(Fingerprint f, Path root) {
        tree(f, root, t -> { });
    }

    /** As {@link #tree(Fingerprint, Path)}, leaving out the files {@code skip} accepts. */
    static void treeWithout(Fingerprint f, Path root, java.util.function.Predicate<Path> skip) {
        tree(f, root, t -> { }, skip);
    }

    /** As {@link #tree(Fingerprint, Path)}, telling {@code times} each file's time in nanoseconds. */
    private static void tree(Fingerprint f, Path root, java.util.function.LongConsumer times) {
        tree(f, root, times, p -> false);
    }

    private static void tree(Fingerprint f, Path root, java.util.function.LongConsumer times, java.util.function.Predicate<Path> skip) {
        if (root == null || !Files.exists(root)) {
            f.add("absent");
            return;
        }
        try (Stream<Path> s = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            List<Path> files = s.filter(skip.negate()).sorted().toList();
            f.add(files.size());
            for (Path p : files) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isDirectory()) continue;
                long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                f.add(root.relativize(p).toString()).add(a.size()).add(modified).add(archive.io.FileIdentity.of(a.fileKey()));
                times.accept(modified);
            }
        } catch (IOException | UncheckedIOException e) {
            f.add(System.nanoTime()); // a folder that cannot be listed: never the same stamp
        }
    }
}
