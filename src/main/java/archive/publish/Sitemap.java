package archive.publish;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sitemap.xml: the absolute URL of every page (redirects and withdrawal notices left out). The
 * protocol allows {@value #MAX_URLS} URLs a file, so a larger archive gets sitemap-1.xml,
 * sitemap-2.xml … and a sitemap.xml that indexes them. No {@code lastmod}: the build does not
 * know when a page last changed, and a guessed date would make output depend on the clock.
 */
final class Sitemap {
    static final String FILE = "sitemap.xml";
    static final int MAX_URLS = 50_000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private Sitemap() {}

    /** The sitemap files by site-relative name, for the page URLs given (in order). */
    static Map<String, byte[]> write(List<String> urls, String siteUrl) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (urls.size() <= MAX_URLS) {
            files.put(FILE, document("urlset", "url", urls));
            return files;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0, n = 1; i < urls.size(); i += MAX_URLS, n++) {
            String name = "sitemap-" + n + ".xml";
            files.put(name, document("urlset", "url", urls.subList(i, Math.min(urls.size(), i + MAX_URLS))));
            parts.add(siteUrl + name);
        }
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        ordered.put(FILE, document("sitemapindex", "sitemap", parts));
        ordered.putAll(files);
        return ordered;
    }

    private static byte[] document(String root, String item, List<String> locations) {
        StringWriter out = new StringWriter(locations.size() * 80 + 200);
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement(root);
            x.writeDefaultNamespace(NS);
            for (String loc : locations) {
                x.writeCharacters("\n  ");
                x.writeStartElement(item);
                x.writeStartElement("loc");
                x.writeCharacters(loc);
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.writeCharacters("\n");
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the sitemap", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
