package archive.browser;

import archive.testing.SeedSite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which pages of the seed site the browser tests visit, chosen from the built site, not named. */
final class SitePages {
    private SitePages() {}

    /** The first page (in path order) of every kind: home, each index, and one page under each folder. */
    static List<String> onePageOfEachKind() {
        Path site = SeedSite.site();
        TreeMap<String, String> byKind = new TreeMap<>();
        try (Stream<Path> s = Files.walk(site)) {
            for (Path f : s.filter(x -> x.getFileName().toString().equals("index.html")).sorted().toList()) {
                String rel = site.relativize(f.getParent()).toString().replace('\\', '/');
                String path = rel.isEmpty() ? "" : rel + "/";
                String kind = path.isEmpty() ? "" : path.substring(0, path.indexOf('/')) + " " + path.split("/").length;
                byKind.putIfAbsent(kind, path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>(byKind.values());
        for (String article : SeedSite.project().page("articles/").select("main a[href]").eachAttr("href")) {
            String path = article.replaceFirst("^\\.\\./", "");
            if (path.matches("articles/[0-9a-f]{16}/") && !all.contains(path)) all.add(path);
        }
        assertTrue(all.size() > 15, all.toString());
        return all;
    }

    /** The pages axe checks: home, two articles, glossary index and an entry, dates, a day, a place, industries, an industry and search. */
    static List<String> forAccessibility() {
        List<String> kinds = onePageOfEachKind();
        List<String> out = new ArrayList<>();
        for (String p : kinds) {
            int depth = p.isEmpty() ? 0 : p.split("/").length;
            String top = p.isEmpty() ? "" : p.substring(0, p.indexOf('/'));
            boolean wanted = switch (top) {
                case "" -> true;
                case "glossary", "industries" -> depth <= 2;
                case "search" -> depth == 1;
                case "dates" -> depth == 1 || depth == 4;
                case "places" -> depth == 2;
                case "articles" -> depth == 2 && out.stream().filter(x -> x.matches("articles/.+")).count() < 2;
                default -> false;
            };
            if (wanted) out.add(p);
        }
        assertTrue(out.size() == 11, out.toString());
        return out;
    }
}
