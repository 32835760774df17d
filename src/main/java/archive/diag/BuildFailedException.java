package archive.diag;

import java.util.List;

/** A build stage found errors in the input; the message lists them all, numbered. */
public final class BuildFailedException extends RuntimeException {
    private final transient List<Diagnostic> errors;

    public BuildFailedException(String stage, List<Diagnostic> errors) {
        super(describe(stage, errors));
        this.errors = List.copyOf(errors);
    }

    public List<Diagnostic> errors() { return errors; }

    private static String describe(String stage, List<Diagnostic> errors) {
        StringBuilder sb = new StringBuilder();
        sb.append(errors.size()).append(errors.size() == 1 ? " error" : " errors")
          .append(" while ").append(stage).append(':');
        int n = 1;
        for (Diagnostic d : errors) sb.append("\n  ").append(n++).append(". ").append(d.format());
        return sb.toString();
    }
}
