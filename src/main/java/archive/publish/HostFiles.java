package archive.publish;

import archive.render.Links;
import archive.render.Templates;
import archive.render.Views;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a static host and crawlers look for at the site root: robots.txt (naming the
 * sitemap when the site URL is known), an empty .nojekyll (so GitHub Pages serves the folder
 * as it is), and 404.html.
 *
 * <p>The host serves 404.html at whatever missing URL was asked for, at any depth, so relative
 * links in it would break. Its links are therefore absolute: under the site URL when it is
 * known, and from the domain root ("/assets/site.css") otherwise, which is right for a site
 * served at the root of its domain; a site under a project path needs its URL
 * ({@code --site-url}, which the GitHub Pages workflow passes).
 */
final class HostFiles {
    static final String ROBOTS = "robots.txt";
    static final String NO_JEKYLL = ".nojekyll";
    static final List<String> TEMPLATES = List.of("not-found");

    private HostFiles() {}

    static byte[] robots(Links links) {
        StringBuilder sb = new StringBuilder("User-agent: *\nAllow: /\n");
        String sitemap = links.absolute(Sitemap.FILE);
        if (sitemap != null) sb.append("\nSitemap: ").append(sitemap).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** 404.html, rendered with links that work from any URL. */
    static byte[] notFound(Path templatesDir, Links links, Views.SiteInfo site) {
        Links anchored = links.anchoredAt(links.siteUrl() != null ? links.siteUrl() : "/");
        Templates templates = new Templates(templatesDir, anchored);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("site", site);
        v.put("page", new Views.PageInfo("Page not found · 找不到网页", "", "There is no page at this address.", null, "not-found"));
        return archive.render.PageSink.bytes(templates.render("not-found", PageRecorder.NOT_FOUND, v));
    }
}
