package archive.diag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a build so that one run reports them all, then fails once.
 * Thread-safe: stages that work in parallel report into the same collector.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public synchronized void error(Path file, int line, String message) {
        items.add(new Diagnostic(Diagnostic.Severity.ERROR, file, line, message));
    }

    public synchronized void warn(Path file, int line, String message) {
        items.add(new Diagnostic(Diagnostic.Severity.WARNING, file, line, message));
    }

    public synchronized void add(Diagnostic d) {
        items.add(d);
    }

    /** Adds every diagnostic of {@code other} (a file's own collector) to this one. */
    public void addAll(Diagnostics other) {
        List<Diagnostic> theirs = other.all();
        synchronized (this) {
            items.addAll(theirs);
        }
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    /** All diagnostics in a stable order (file, line, message). */
    public synchronized List<Diagnostic> all() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(null);
        return copy;
    }

    public List<Diagnostic> errors() {
        return all().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }

    public List<Diagnostic> warnings() {
        return all().stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).toList();
    }

    /** Throws {@link BuildFailedException} carrying every error, if there is any. */
    public void throwIfErrors(String stage) {
        if (hasErrors()) throw new BuildFailedException(stage, errors());
    }
}
