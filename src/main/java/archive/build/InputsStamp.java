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
 */
final class InputsStamp {
    private InputsStamp() {}

    /** The stamp of the inputs of a build with {@code config}, whose seeds folder is listed in {@code seeds}. */
    static long of(BuildConfig config, SeedFolder seeds) {
        Fingerprint f = new Fingerprint().add(String.valueOf(config));
        Diagnostics problems = new Diagnostics(); // reported when the files are read; here only their presence counts
        for (List<SeedFolder.Entry> files : List.of(seeds.seeds(problems), seeds.notes(problems), seeds.overrides(problems))) {
            f.add(files.size());
            for (SeedFolder.Entry e : files) {
                f.add(e.path().getFileName().toString()).add(e.size()).add(e.modified()).add(String.valueOf(e.fileKey()));
            }
        }
        for (Diagnostic d : problems.all()) f.add(d.format());
        for (Path dir : new Path[] {config.data(), config.templates(), config.pages(), config.permalinks()}) tree(f, dir);
        return f.value();
    }

    /** Adds every regular file under {@code root} (or the file {@code root}), or a mark that there is none. */
    static void tree(Fingerprint f, Path root) {
        if (root == null || !Files.exists(root)) {
            f.add("absent");
            return;
        }
        try (Stream<Path> s = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            List<Path> files = s.sorted().toList();
            f.add(files.size());
            for (Path p : files) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isDirectory()) continue;
                f.add(root.relativize(p).toString()).add(a.size()).add(a.lastModifiedTime().to(TimeUnit.NANOSECONDS))
                        .add(String.valueOf(a.fileKey()));
            }
        } catch (IOException | UncheckedIOException e) {
            f.add(System.nanoTime()); // a folder that cannot be listed: never the same stamp
        }
    }
}
