package archive.publish;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Follows every link, stylesheet, script, image and meta refresh from a start page, over HTTP or
 * file://, and lists what is broken: a target inside the site that does not load, a fragment
 * ("#p3") that names no element of its page, or a link that leaves the site's folder on its own
 * host (what a root-relative link does under a project path).
 */
final class LinkCrawler {
    /** One broken reference: the page it is on and what is wrong. */
    record Problem(String page, String reference, String why) {
        @Override public String toString() { return page + ": " + reference + " — " + why; }
    }

    private final URI root;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<URI, Loaded> cache = new HashMap<>();
    final List<Problem> problems = new ArrayList<>();
    final Set<String> pagesVisited = new TreeSet<>();

    private record Loaded(int status, String type, byte[] body, Document html) {}

    /** @param root the site's root: everything under it is "inside" */
    LinkCrawler(URI root) { this.root = root; }

    /** Crawls every page reachable from {@code start}; returns the problems found. */
    List<Problem> crawl(URI start) {
        Deque<URI> queue = new ArrayDeque<>(List.of(start));
        Set<URI> seen = new java.util.HashSet<>(List.of(start));
        while (!queue.isEmpty()) {
            URI page = queue.removeFirst();
            Loaded l = load(page);
            if (l.status != 200 || l.html == null) continue;
            pagesVisited.add(key(page));
            for (URI next : check(page, l.html)) if (seen.add(next)) queue.addLast(next);
        }
        return problems;
    }

    /** Checks every reference of one page (even one not reached by crawling, like 404.html); returns the pages it links to. */
    List<URI> check(URI page, Document doc) {
        List<URI> pages = new ArrayList<>();
        for (Element e : doc.select("a[href], link[href], script[src], img[src], iframe[src], source[src]")) {
            String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            checkReference(page, doc, ref).ifPresent(pages::add);
        }
        for (Element m : doc.select("meta[http-equiv=refresh]")) {
            String content = m.attr("content");
            int at = content.toLowerCase().indexOf("url=");
            if (at < 0) problems.add(new Problem(page.toString(), content, "meta refresh without a URL"));
            else checkReference(page, doc, content.substring(at + 4).strip()).ifPresent(pages::add);
        }
        return pages;
    }

    private java.util.Optional<URI> checkReference(URI page, Document doc, String ref) {
        if (ref.isEmpty() || ref.startsWith("mailto:") || ref.startsWith("javascript:")) {
            if (ref.startsWith("javascript:")) problems.add(new Problem(page.toString(), ref, "javascript: link"));
            return java.util.Optional.empty();
        }
        URI target;
        try {
            target = page.resolve(ref.replace(" ", "%20"));
        } catch (IllegalArgumentException ex) {
            problems.add(new Problem(page.toString(), ref, "not a URI"));
            return java.util.Optional.empty();
        }
        boolean sameHost = java.util.Objects.equals(target.getScheme(), root.getScheme())
                && java.util.Objects.equals(target.getAuthority(), root.getAuthority());
        if (!sameHost) return java.util.Optional.empty(); // an external link: not ours to check
        if (!target.getPath().startsWith(root.getPath())) {
            problems.add(new Problem(page.toString(), ref, "leaves the site folder " + root.getPath()));
            return java.util.Optional.empty();
        }
        URI withoutFragment = withoutFragment(target);
        String fragment = target.getFragment();
        Loaded l = withoutFragment.equals(withoutFragment(page)) ? new Loaded(200, "text/html", null, doc) : load(withoutFragment);
        if (l.status != 200) {
            problems.add(new Problem(page.toString(), ref, "status " + l.status));
            return java.util.Optional.empty();
        }
        if (fragment != null && !fragment.isEmpty()) {
            if (l.html == null) problems.add(new Problem(page.toString(), ref, "fragment on a file that is not HTML"));
            else if (l.html.getElementById(fragment) == null && l.html.selectFirst("a[name=" + fragment + "]") == null) {
                problems.add(new Problem(page.toString(), ref, "no element with id \"" + fragment + "\""));
            }
        }
        return l.html != null ? java.util.Optional.of(withoutFragment) : java.util.Optional.empty();
    }

    /** One spelling per page: Java writes file:///a as file:/a after resolving, so file URIs go through Path. */
    static String key(URI u) {
        return u.getScheme().equals("file") ? Path.of(u).toUri().toString() : u.toString();
    }

    private static URI withoutFragment(URI u) {
        try {
            return new URI(u.getScheme(), u.getRawAuthority() == null ? null : u.getAuthority(), u.getPath(), u.getQuery(), null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Loaded load(URI u) {
        return cache.computeIfAbsent(u, this::fetch);
    }

    /** Status and HTML of {@code u}: HTTP as a browser asks, or file:// as a browser opens it (a folder is no page). */
    int status(URI u) { return load(u).status; }

    Document html(URI u) { return load(u).html; }

    private Loaded fetch(URI u) {
        try {
            if (u.getScheme().equals("file")) {
                Path p = Path.of(u);
                if (!Files.isRegularFile(p)) return new Loaded(404, "", new byte[0], null);
                byte[] body = Files.readAllBytes(p);
                boolean html = p.getFileName().toString().endsWith(".html");
                return new Loaded(200, html ? "text/html" : "", body, html ? parse(body, u) : null);
            }
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(u).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = r.headers().firstValue("Content-Type").orElse("");
            return new Loaded(r.statusCode(), type, r.body(), type.startsWith("text/html") ? parse(r.body(), u) : null);
        } catch (IOException e) {
            return new Loaded(599, "", new byte[0], null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Document parse(byte[] body, URI u) {
        return Jsoup.parse(new String(body, StandardCharsets.UTF_8), u.toString());
    }

    static String report(List<Problem> problems) {
        return problems.size() + " broken references:\n" + problems.stream().limit(40).map(Problem::toString)
                .collect(Collectors.joining("\n"));
    }
}
