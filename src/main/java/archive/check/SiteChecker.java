package archive.check;

import archive.render.PageSink;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds broken internal links, paragraph anchors and assets, HTML syntax errors and duplicate ids
 * in a site, page by page as the pages are made. Feed it every file (as a {@link PageSink}, or
 * with {@link #addFile}), then call {@link #problems()}.
 *
 * <p>A link is internal when it has no scheme and no host. It must name a file of the site
 * ("dir/" means "dir/index.html"; a folder without its slash counts as broken, since file://
 * cannot follow it) and, when it has a fragment, an element with that id in the target page.
 * Same-page fragments are checked at once; links to other pages are resolved at the end, so the
 * order in which pages arrive does not matter. Only each page's ids and distinct link targets are
 * kept, not the pages. Thread-safe: pages are rendered in parallel.
 */
public final class SiteChecker implements PageSink {
    private static final int MAX_SYNTAX_ERRORS = 20;
    private static final String SITE = "site.invalid";

    /** Every file of the site; for pages, their ids joined by newlines (cheap to keep for 100,000 pages). */
    private final Map<String, String> files = new ConcurrentHashMap<>();
    /** Each distinct cross-page target ("file" or "file#id") with the first place that links to it. */
    private final Map<String, SiteProblem> wanted = new ConcurrentHashMap<>();
    private final List<SiteProblem> problems = new ArrayList<>();

    /** Checks every file of a built site folder. */
    public static List<SiteProblem> checkFolder(Path site) {
        SiteChecker checker = new SiteChecker();
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = site.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(".html")) checker.write(rel, Files.readAllBytes(p));
                else checker.addFile(rel);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checker.problems();
    }

    /** Records a file that is not a page (an asset), so links to it resolve. */
    public void addFile(String file) {
        files.putIfAbsent(file, "");
    }

    /** Every page is checked, so none is kept from an earlier build. */
    @Override
    public void write(String file, byte[] content, long fingerprint) {
        write(file, content);
    }

    @Override
    public boolean keep(String file, long fingerprint) {
        return false;
    }

    @Override
    public boolean keepAsPublished(String file) {
        return false;
    }

    @Override
    public void write(String file, byte[] content) {
        if (!file.endsWith(".html")) {
            addFile(file);
            return;
        }
        Parser parser = Parser.htmlParser().setTrackErrors(MAX_SYNTAX_ERRORS).setTrackPosition(true);
        Document doc = parser.parseInput(new String(content, StandardCharsets.UTF_8), "https://" + SITE + "/" + file);
        List<SiteProblem> found = new ArrayList<>();
        for (ParseError e : parser.getErrors()) found.add(new SiteProblem(file, lineOf(e), "HTML syntax: " + e.getErrorMessage()));
        Set<String> ids = new HashSet<>();
        for (Element el : doc.select("[id]")) {
            if (!ids.add(el.id())) found.add(new SiteProblem(file, line(el), "duplicate id \"" + el.id() + "\""));
        }
        for (Element el : doc.select("a[name]")) ids.add(el.attr("name"));
        for (Element el : doc.select("[href], [src], form[action]")) {
            for (String attr : new String[] {"href", "src", "action"}) {
                if (el.hasAttr(attr)) checkLink(file, el, attr, ids, found);
            }
        }
        files.put(file, "\n" + String.join("\n", ids) + "\n");
        synchronized (problems) {
            problems.addAll(found);
        }
    }

    private void checkLink(String file, Element el, String attr, Set<String> ids, List<SiteProblem> found) {
        String link = el.attr(attr).strip();
        if (link.isEmpty()) {
            found.add(new SiteProblem(file, line(el), "empty " + attr + " on <" + el.tagName() + ">"));
            return;
        }
        URI uri;
        try {
            uri = new URI("https", SITE, "/" + file, null).resolve(new URI(link));
        } catch (URISyntaxException e) {
            found.add(new SiteProblem(file, line(el), "malformed link \"" + link + "\": " + e.getReason()));
            return;
        }
        if (!"https".equals(uri.getScheme()) || !SITE.equals(uri.getHost())) return; // external: mailto:, https://…
        String path = uri.getPath();
        if (path.startsWith("/..") || !path.startsWith("/")) {
            found.add(new SiteProblem(file, line(el), "link \"" + link + "\" leads outside the site"));
            return;
        }
        String target = path.substring(1);
        if (target.isEmpty() || target.endsWith("/")) target += "index.html";
        String fragment = uri.getFragment();
        SiteProblem where = new SiteProblem(file, line(el), "link \"" + link + "\"");
        if (target.equals(file)) {
            if (fragment != null && !fragmentOk(fragment, ids)) {
                found.add(new SiteProblem(file, line(el), "link \"" + link + "\": no element with id \"" + fragment + "\" on this page"));
            }
            return;
        }
        wanted.putIfAbsent(target, where);
        if (fragment != null && !fragment.isEmpty()) wanted.putIfAbsent(target + "#" + fragment, where);
    }

    /** Every problem found, links resolved against all files seen, in a stable order. */
    public List<SiteProblem> problems() {
        List<SiteProblem> all;
        synchronized (problems) {
            all = new ArrayList<>(problems);
        }
        for (Map.Entry<String, SiteProblem> w : new TreeMap<>(wanted).entrySet()) {
            String key = w.getKey();
            SiteProblem where = w.getValue();
            int hash = key.indexOf('#');
            if (hash < 0) {
                if (!files.containsKey(key)) {
                    String hint = files.containsKey(key + "/index.html") ? " (a folder: end the link with /)" : "";
                    all.add(new SiteProblem(where.file(), where.line(), where.message() + ": no such file " + key + hint));
                }
                continue;
            }
            String ids = files.get(key.substring(0, hash));
            if (ids != null && !ids.isEmpty() && !fragmentOk(key.substring(hash + 1), ids)) {
                all.add(new SiteProblem(where.file(), where.line(),
                        where.message() + ": " + key.substring(0, hash) + " has no element with id \"" + key.substring(hash + 1) + "\""));
            }
        }
        all.sort(null);
        return all;
    }

    /** An empty fragment and "top" scroll to the top of any page (HTML's rule); others need their id. */
    private static boolean fragmentOk(String fragment, Set<String> ids) {
        return fragment.isEmpty() || fragment.equalsIgnoreCase("top") || ids.contains(fragment);
    }

    private static boolean fragmentOk(String fragment, String joinedIds) {
        return fragment.isEmpty() || fragment.equalsIgnoreCase("top") || joinedIds.contains("\n" + fragment + "\n");
    }

    private static int line(Element el) {
        return Math.max(0, el.sourceRange().start().lineNumber());
    }

    private static int lineOf(ParseError e) {
        String pos = e.getCursorPos();
        int colon = pos.indexOf(':');
        try {
            return colon > 0 ? Integer.parseInt(pos.substring(0, colon)) : 0;
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
