package archive.build;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * Work of a build run on a thread of its own beside the build's (the search index, made from the
 * articles alone, while pages are rendered), and joined before the build publishes: its failure is
 * the build's.
 */
final class SideTask {
    private final String name;
    private volatile CompletableFuture<Boolean> result;

    SideTask(String name) { this.name = name; }

    /** Starts {@code work} on a daemon thread named after this task. */
    void start(BooleanSupplier work) {
        result = CompletableFuture.supplyAsync(work::getAsBoolean, task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        });
    }

    /** Waits for the work and gives its result; what it threw is thrown here. */
    boolean join() {
        CompletableFuture<Boolean> r = result;
        if (r == null) throw new IllegalStateException("the " + name + " was never started");
        return joined(r);
    }

    /** What {@code work} gave, once done; what it threw is thrown here, as the build's own. */
    static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error cause) throw cause;
            throw e;
        }
    }

    /**
     * Waits for the work to end, whatever it gives, if it was started: the build is failing already,
     * and must not close its output while the work still writes to it.
     */
    void awaitQuietly() {
        CompletableFuture<Boolean> r = result;
        if (r == null) return;
        try {
            r.join();
        } catch (RuntimeException ignored) {
            // the build's own failure is the one reported
        }
    }
}
