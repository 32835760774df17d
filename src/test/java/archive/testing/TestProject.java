package archive.testing;

import archive.build.SiteBuild;
import archive.config.BuildConfig;
import archive.diag.BuildFailedException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throw-away project folder for end-to-end tests: the real templates, plus whatever seeds,
 * data and pages a test writes. {@link #seedProject()} copies the repository's own seeds, data
 * and pages.
 */
public final class TestProject {
    public static final Path REPO = Path.of("").toAbsolutePath();
    public final Path root;

    private TestProject(Path root) { this.root = root; }

    public static TestProject empty() {
        try {
            Path root = Files.createTempDirectory("archive-test");
            copyTree(REPO.resolve("templates"), root.resolve("templates"));
            Files.createDirectories(root.resolve("seeds"));
            Files.createDirectories(root.resolve("data"));
            Files.createDirectories(root.resolve("pages"));
            return new TestProject(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's seeds, notes, data and pages, in a temporary project. */
    public static TestProject seedProject() {
        TestProject p = empty();
        copyTree(REPO.resolve("seeds"), p.root.resolve("seeds"));
        copyTree(REPO.resolve("data"), p.root.resolve("data"));
        copyTree(REPO.resolve("pages"), p.root.resolve("pages"));
        return p;
    }

    /** The bench's corpus generator, drawing from the repository's seeds and data with {@code seed}. */
    public static archive.bench.CorpusGenerator generator(long seed) {
        return new archive.bench.CorpusGenerator(REPO.resolve("seeds"), REPO.resolve("data"), seed);
    }

    /** The repository's data and pages with {@code articles} synthetic seeds from {@code gen}, in a temporary project. */
    public static TestProject generated(archive.bench.CorpusGenerator gen, int articles) {
        TestProject p = empty();
        copyTree(REPO.resolve("data"), p.root.resolve("data"));
        copyTree(REPO.resolve("pages"), p.root.resolve("pages"));
        try {
            gen.write(p.root.resolve("seeds"), articles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public TestProject write(String rel, String text) {
        return write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Saves {@code text} over the file {@code rel} the way editors and {@code sed -i} save: written
     * beside it, then renamed over it (the file's folder records the change; see SiteWriter).
     */
    public TestProject replace(String rel, String text) {
        try {
            Path f = root.resolve(rel);
            Path beside = f.resolveSibling("." + f.getFileName() + ".saving");
            Files.writeString(beside, text);
            Files.move(beside, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestProject write(String rel, byte[] bytes) {
        try {
            Path f = root.resolve(rel);
            Files.createDirectories(f.getParent());
            Files.write(f, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String rel) {
        try {
            return Files.readString(root.resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BuildConfig config() { return BuildConfig.defaults(root); }

    public SiteBuild.Result build() { return new SiteBuild(config(), null).build(); }

    public SiteBuild.Result build(BuildConfig config) { return new SiteBuild(config, null).build(); }

    /** Builds and returns the failure; fails the test if the build succeeded. */
    public BuildFailedException buildFails() {
        try {
            build();
        } catch (BuildFailedException e) {
            return e;
        }
        throw new AssertionError("the build should have failed");
    }

    public Path site() { return root.resolve("site"); }

    /** The page at a site path ("articles/x/"), parsed. */
    public Document page(String sitePath) {
        Path f = site().resolve(sitePath.endsWith("/") || sitePath.isEmpty() ? sitePath + "index.html" : sitePath);
        try {
            return Jsoup.parse(f.toFile(), "UTF-8", f.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) {
        if (!Files.exists(from)) return;
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site paths of the files under {@code root}, sorted. */
    public static java.util.List<String> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that two built sites have the same files with the same bytes (an incremental build against a clean one). */
    public static void assertSameSite(Path expected, Path actual) {
        assertSameSite(expected, actual, f -> true);
    }

    /**
     * As {@link #assertSameSite(Path, Path)}, for the files {@code compared} accepts. A failure names
     * the first few files missing, not made by the expected build, or differing (not every file of both).
     */
    public static void assertSameSite(Path expected, Path actual, java.util.function.Predicate<String> compared) {
        java.util.List<String> want = files(expected).stream().filter(compared).toList();
        java.util.List<String> have = files(actual).stream().filter(compared).toList();
        java.util.Set<String> wanted = new java.util.HashSet<>(want), had = new java.util.HashSet<>(have);
        java.util.List<String> problems = new java.util.ArrayList<>();
        want.stream().filter(f -> !had.contains(f)).limit(5).forEach(f -> problems.add("missing " + f));
        have.stream().filter(f -> !wanted.contains(f)).limit(5).forEach(f -> problems.add("not made by the expected build: " + f));
        want.stream().filter(had::contains).filter(f -> !sameBytes(expected.resolve(f), actual.resolve(f))).limit(8)
                .forEach(f -> problems.add("differs: " + f));
        if (!problems.isEmpty()) org.junit.jupiter.api.Assertions.fail(String.join("\n    ", problems));
    }

    /** Whether two files hold the same bytes. */
    public static boolean sameBytes(Path a, Path b) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Dates every input file (seeds, data, templates, pages) a minute back, as files saved a while
     * ago are: a build stamps inputs saved in the moments before it as uncertain (see
     * archive.build.InputsStamp), and the build after it then reads its inputs whatever they are.
     */
    public TestProject settle() {
        java.nio.file.attribute.FileTime past = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        for (String dir : new String[] {"seeds", "data", "templates", "pages"}) {
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                for (Path p : s.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(p, past);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    public static void delete(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal valid seed, with the given date and English and Chinese paragraphs. */
    public static String seed(String date, int page, String title, String headline, String[] en, String[] zh) {
        StringBuilder sb = new StringBuilder();
        sb.append("Title: ").append(title).append("\nAuthor:\nDate: ").append(date).append("\nPage: ").append(page).append("\n\n");
        for (String p : en) sb.append(p).append("\n\n");
        sb.append("<hr />\n\nOriginal:\n\n### ").append(headline).append("\n\n").append(date).append("\n第").append(page)
                .append("版()\n专栏：\n\n    ").append(headline).append('\n');
        for (String p : zh) sb.append("    ").append(p).append('\n');
        return sb.toString();
    }
}
