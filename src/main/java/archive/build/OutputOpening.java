package archive.build;

import archive.site.SiteWriter;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The output folder opened for a one-off build on a thread of its own while the build reads its
 * seeds: the lock taken, the previous build's page manifest and folder times read (see
 * {@link SiteWriter#lookAhead}). Nothing the build reads changes them, and on the build's one
 * thread they were a twentieth of a build after a one-article edit at 10,000 articles. What the
 * opening throws (another build holds the lock, the folder is not ours) is thrown where the
 * build asks for the writer, after its reading, as when it opened the output there.
 */
final class OutputOpening {
    private final CompletableFuture<SiteWriter> writer;

    private OutputOpening(CompletableFuture<SiteWriter> writer) { this.writer = writer; }

    /** Starts opening {@code out} on a daemon thread. */
    static OutputOpening start(Path out) {
        return new OutputOpening(CompletableFuture.supplyAsync(() -> {
            SiteWriter w = SiteWriter.open(out);
            try {
                w.lookAhead();
            } catch (RuntimeException | Error e) {
                w.close();
                throw e;
            }
            return w;
        }, task -> {
            Thread t = new Thread(task, "output opening");
            t.setDaemon(true);
            t.start();
        }));
    }

    /** The opened writer, once opened; what the opening threw is thrown here. */
    SiteWriter writer() {
        return SideTask.joined(writer);
    }

    /** For a build that failed before publishing: waits for the opening and closes what it opened (the lock, the staging folder). */
    void closeQuietly() {
        try {
            writer.join().close();
        } catch (RuntimeException e) {
            // the build's own failure is the one reported
        }
    }
}
