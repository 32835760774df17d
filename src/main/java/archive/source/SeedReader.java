package archive.source;

import archive.diag.Diagnostics;
import archive.model.Article;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads every seed in a folder, in parallel, and checks what concerns the corpus as a whole
 * (file names, one id per article). Articles come back sorted by date, page, then id.
 */
public final class SeedReader {
    public static final Pattern SEED_NAME = Pattern.compile("(\\d{1,6})_([0-9a-f]{16})\\.txt");
    /** Sidecar files an editor may put next to a seed: notes and per-article overrides. */
    public static final List<String> SIDECARS = List.of(".notes.md", ".meta.yaml");

    public static final Comparator<Article> ORDER = (a, b) -> {
        // Written out: a chain of key extractors ran 10,000 articles' sort in cold code (tens of milliseconds).
        int c = a.date().compareTo(b.date());
        if (c == 0) c = Integer.compare(a.page(), b.page());
        return c != 0 ? c : a.id().compareTo(b.id());
    };

    private final SeedParser parser = new SeedParser();

    public List<Article> readAll(Path seedsDir, Diagnostics diags) {
        return readAll(SeedFolder.scan(seedsDir), diags, this::read);
    }

    /**
     * Reads every seed of the listed folder with {@code read}, which gives the article of a seed
     * (parsed, or remembered from an earlier build) or null after reporting why it has none.
     */
    public List<Article> readAll(SeedFolder folder, Diagnostics diags,
                                 java.util.function.BiFunction<SeedFolder.Entry, Diagnostics, Article> read) {
        List<SeedFolder.Entry> files = folder.seeds(diags);
        List<Article> articles = files.parallelStream()
                .map(f -> read.apply(f, diags))
                .filter(Objects::nonNull)
                .toList();
        List<Article> sorted = new ArrayList<>(checkUniqueIds(articles, diags));
        sorted.sort(ORDER);
        return sorted;
    }

    public static String idOf(Path seedFile) {
        String id = idInName(seedFile.getFileName().toString());
        if (id == null) throw new IllegalArgumentException(seedFile.toString());
        return id;
    }

    /**
     * The id in a seed file's name when the name is one ({@link #SEED_NAME}: up to six digits, "_",
     * 16 lowercase hexadecimal digits, ".txt"), else null. Read by hand: the pattern, matched twice
     * for each of 10,000 seeds in a build's first moments, ran in cold code.
     */
    public static String idInName(String name) {
        int underscore = name.indexOf('_');
        if (underscore < 1 || underscore > 6 || name.length() != underscore + 1 + 16 + 4 || !name.endsWith(".txt")) return null;
        for (int i = 0; i < underscore; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') return null;
        }
        for (int i = underscore + 1; i < underscore + 17; i++) {
            char c = name.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) return null;
        }
        return name.substring(underscore + 1, underscore + 17);
    }

    public Article read(Path file, Diagnostics diags) {
        String text = SourceText.readText(file, diags);
        if (text == null) return null;
        return parser.parse(file, idOf(file), text, diags);
    }

    /** Reads the listed seed {@code f}, whose size is known from the listing. */
    public Article read(SeedFolder.Entry f, Diagnostics diags) {
        byte[] bytes = SourceText.read(f.path(), f.size(), diags);
        return bytes == null ? null : parse(f.path(), bytes, diags);
    }

    /** Parses the seed {@code file} from its bytes. */
    public Article parse(Path file, byte[] bytes, Diagnostics diags) {
        String text = SourceText.decode(file, bytes, diags);
        if (text == null) return null;
        return parser.parse(file, idOf(file), text, diags);
    }

    /** Reports every id used twice and keeps the first file (by name: {@code articles} are in the folder's order) that uses it. */
    private static List<Article> checkUniqueIds(List<Article> articles, Diagnostics diags) {
        Map<String, Article> seen = new HashMap<>(articles.size() * 4 / 3 + 16);
        for (Article a : articles) {
            Article before = seen.putIfAbsent(a.id(), a);
            if (before != null) {
                diags.error(a.source(), 0, "the id " + a.id() + " is already used by " + before.source().getFileName()
                        + "; every article needs its own id (the `new` command makes a fresh one)");
            }
        }
        return List.copyOf(seen.values());
    }
}
