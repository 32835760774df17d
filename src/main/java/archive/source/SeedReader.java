package archive.source;

import archive.diag.Diagnostics;
import archive.model.Article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every seed in a folder, in parallel, and checks what concerns the corpus as a whole
 * (file names, one id per article). Articles come back sorted by date, page, then id.
 */
public final class SeedReader {
    public static final Pattern SEED_NAME = Pattern.compile("(\\d{1,6})_([0-9a-f]{16})\\.txt");
    /** Sidecar files an editor may put next to a seed: notes and per-article overrides. */
    public static final List<String> SIDECARS = List.of(".notes.md", ".meta.yaml");

    public static final Comparator<Article> ORDER = Comparator.comparing(Article::date)
            .thenComparingInt(Article::page).thenComparing(Article::id);

    private final SeedParser parser = new SeedParser();

    public List<Article> readAll(Path seedsDir, Diagnostics diags) {
        return readAll(seedsDir, diags, f -> null);
    }

    /**
     * Reads every seed, taking from {@code known} the articles of files that have not changed since
     * they were last read (a long-running preview keeps them; null means read the file).
     */
    public List<Article> readAll(Path seedsDir, Diagnostics diags, java.util.function.Function<Path, Article> known) {
        if (!Files.isDirectory(seedsDir)) {
            diags.error(seedsDir, 0, "the seeds folder does not exist; create it or pass --seeds FOLDER");
            return List.of();
        }
        List<Path> files = seedFiles(seedsDir, diags);
        List<Article> articles = files.parallelStream()
                .map(f -> {
                    Article a = known.apply(f);
                    return a != null ? a : read(f, diags);
                })
                .filter(Objects::nonNull)
                .toList();
        List<Article> sorted = new ArrayList<>(checkUniqueIds(articles, diags));
        sorted.sort(ORDER);
        return sorted;
    }

    /** The seed files of the folder, sorted by name; badly named files are reported. */
    public static List<Path> seedFiles(Path seedsDir, Diagnostics diags) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(seedsDir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || SIDECARS.stream().anyMatch(name::endsWith)) continue;
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                if (Files.isSymbolicLink(p)) {
                    diags.error(p, 0, "seed files must be plain files, not symbolic links; copy the file into the seeds folder");
                    continue;
                }
                if (!name.endsWith(".txt")) {
                    if (!name.equalsIgnoreCase("README.md")) {
                        diags.warn(p, 0, "not a seed file (seeds are named NNN_<16 hex digits>.txt); it is ignored");
                    }
                    continue;
                }
                Matcher m = SEED_NAME.matcher(name);
                if (!m.matches()) {
                    String hint = name.toLowerCase(Locale.ROOT).matches("\\d{1,6}_[0-9a-f]{16}\\.txt")
                            ? "the id must be written in lowercase hexadecimal"
                            : "rename it NNN_<id>.txt where <id> is 16 lowercase hexadecimal digits (the `new` command makes one)";
                    diags.error(p, 0, "bad seed file name: " + hint);
                    continue;
                }
                out.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The sidecar files ({@code suffix} one of {@link #SIDECARS}) of the folder, sorted by name.
     * Symbolic links are refused like linked seeds: a link could publish a file from outside the project.
     */
    public static List<Path> sidecars(Path seedsDir, String suffix, Diagnostics diags) {
        if (!Files.isDirectory(seedsDir)) return List.of();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(seedsDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                if (Files.isSymbolicLink(p)) {
                    diags.error(p, 0, "notes and overrides must be plain files, not symbolic links; copy the file into the seeds folder");
                } else if (!Files.isDirectory(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static String idOf(Path seedFile) {
        Matcher m = SEED_NAME.matcher(seedFile.getFileName().toString());
        if (!m.matches()) throw new IllegalArgumentException(seedFile.toString());
        return m.group(2);
    }

    public Article read(Path file, Diagnostics diags) {
        String text = SourceText.readText(file, diags);
        if (text == null) return null;
        return parser.parse(file, idOf(file), text, diags);
    }

    /** Reports every id used twice and keeps the first file (by name) that uses it. */
    private static List<Article> checkUniqueIds(List<Article> articles, Diagnostics diags) {
        Map<String, Article> seen = new HashMap<>();
        for (Article a : articles.stream().sorted(Comparator.comparing(a -> a.source().toString())).toList()) {
            Article before = seen.putIfAbsent(a.id(), a);
            if (before != null) {
                diags.error(a.source(), 0, "the id " + a.id() + " is already used by " + before.source().getFileName()
                        + "; every article needs its own id (the `new` command makes a fresh one)");
            }
        }
        return List.copyOf(seen.values());
    }
}
