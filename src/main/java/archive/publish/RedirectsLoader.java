package archive.publish;

import archive.diag.Diagnostics;
import archive.source.YamlFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads data/redirects.yaml: a list of moved or withdrawn pages. Every mistake is reported at
 * its line; whether the paths exist is checked later, against the pages the build produced.
 */
public final class RedirectsLoader {
    public static final String FILE = "redirects.yaml";
    private static final Set<String> KEYS = Set.of("path", "moved_to", "withdrawn", "note", "date");
    /** A page path: "/", then segments each ending in "/". */
    static final Pattern PAGE_PATH = Pattern.compile("/(?:[A-Za-z0-9._~-]+/)*");
    private static final Pattern FRAGMENT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** The redirects of {@code dataDir}; none when the file does not exist. */
    public List<Redirect> load(Path dataDir, Diagnostics diags) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) return List.of();
        List<Redirect> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (YamlFile.Entry e : YamlFile.loadSequenceOfMappings(file, diags, "redirects")) {
            e.rejectUnknownKeys(KEYS);
            String path = e.string("path", true);
            String movedTo = e.string("moved_to", false);
            String reason = e.string("withdrawn", false);
            String note = e.string("note", false);
            String dateText = e.string("date", false);
            boolean ok = path != null;
            if (path != null && !isPagePath(path)) {
                e.error("path", "`path: " + path + "` is not a page path; write it as in permalinks.txt, starting and "
                        + "ending with a slash, e.g. /articles/119a5904f4221201/");
                ok = false;
            }
            if (path != null && ok) {
                Integer before = seen.putIfAbsent(path, e.line("path"));
                if (before != null) {
                    e.error("path", path + " is already listed at line " + before + "; keep one entry per path");
                    ok = false;
                }
            }
            if ((movedTo == null) == (reason == null)) {
                e.error("path", "say what happened to " + (path == null ? "the page" : path) + ": either `moved_to:` "
                        + "with its new path, or `withdrawn:` with the reason (not both)");
                ok = false;
            }
            if (reason != null && reason.isBlank()) ok = false; // reported by string(): empty
            if (movedTo != null && !isTarget(movedTo)) {
                e.error("moved_to", "`moved_to: " + movedTo + "` is not a page path; write e.g. /articles/119a5904f4221201/ "
                        + "or /articles/119a5904f4221201/#p3");
                ok = false;
            }
            if (movedTo != null && path != null && movedTo.equals(path)) {
                e.error("moved_to", path + " cannot move to itself");
                ok = false;
            }
            LocalDate date = null;
            if (dateText != null && !dateText.isEmpty()) {
                try {
                    date = LocalDate.parse(dateText);
                } catch (DateTimeParseException ex) {
                    e.error("date", "`date: " + dateText + "` is not a date; write YYYY-MM-DD");
                    ok = false;
                }
            }
            if (ok) {
                out.add(new Redirect(path, movedTo, reason, note == null ? "" : note, date, file, e.line("path")));
            }
        }
        return out;
    }

    static boolean isPagePath(String p) {
        return PAGE_PATH.matcher(p).matches() && !p.contains("/./") && !p.contains("/../");
    }

    private static boolean isTarget(String t) {
        int hash = t.indexOf('#');
        String page = hash < 0 ? t : t.substring(0, hash);
        return isPagePath(page) && (hash < 0 || FRAGMENT.matcher(t.substring(hash + 1)).matches());
    }
}
