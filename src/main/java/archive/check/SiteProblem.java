package archive.check;

/** One problem in a generated file: the site-relative file, its line (0 when unknown), and what is wrong. */
public record SiteProblem(String file, int line, String message) implements Comparable<SiteProblem> {
    @Override
    public int compareTo(SiteProblem o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() { return file + (line > 0 ? ":" + line : "") + ": " + message; }
}
