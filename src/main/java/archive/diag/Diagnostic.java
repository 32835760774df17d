package archive.diag;

import java.nio.file.Path;

/**
 * One problem found in an input file, pointing at the line an editor must open.
 * Line 0 means the problem concerns the whole file.
 */
public record Diagnostic(Severity severity, Path file, int line, String message) implements Comparable<Diagnostic> {

    public enum Severity { ERROR, WARNING }

    /** {@code FILE:LINE: message}, the form editors' tools and terminals recognise. */
    public String format() {
        String where = file == null ? "" : (line > 0 ? file + ":" + line + ": " : file + ": ");
        String prefix = severity == Severity.WARNING ? "warning: " : "";
        return where + prefix + message;
    }

    @Override
    public int compareTo(Diagnostic o) {
        int c = String.valueOf(file).compareTo(String.valueOf(o.file));
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() { return format(); }
}
