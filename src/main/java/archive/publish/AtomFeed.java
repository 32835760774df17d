package archive.publish;

import archive.config.BuildConfig;
import archive.model.AnnotatedArticle;
import archive.render.Dates;
import archive.render.Links;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Atom feed of the archive (feed.xml at the site root): the {@value #ENTRIES} articles most
 * recently published or annotated. An entry's {@code updated} is the later of the paper's date
 * and the date the editors signed its notes, so the feed is the same for the same input. Entry
 * ids are UUIDs derived from the article id: they survive a move to another domain.
 */
final class AtomFeed {
    static final String FILE = "feed.xml";
    static final int ENTRIES = 50;
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The paper's dates are Beijing dates. */
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private AtomFeed() {}

    static byte[] write(List<AnnotatedArticle> articles, Links links, Map<String, String> introductions) {
        List<AnnotatedArticle> recent = articles.stream()
                .sorted(Comparator.comparing(AtomFeed::updated).reversed()
                        .thenComparing(Comparator.comparing((AnnotatedArticle a) -> a.article().date()).reversed())
                        .thenComparing(AnnotatedArticle::id))
                .limit(ENTRIES).toList();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
            String self = links.absolute(FILE);
            text(x, 1, "id", self != null ? self : uuid("feed:" + BuildConfig.TITLE_EN));
            text(x, 1, "title", BuildConfig.TITLE_EN + " · " + BuildConfig.TITLE_ZH);
            text(x, 1, "subtitle", "Articles of People's Daily (人民日报), 1958–1960, in English and Chinese");
            text(x, 1, "updated", recent.isEmpty() ? timestamp(LocalDate.of(1958, 1, 1)) : timestamp(updated(recent.get(0))));
            indent(x, 1);
            x.writeStartElement("author");
            text(x, 2, "name", BuildConfig.TITLE_EN);
            indent(x, 1);
            x.writeEndElement();
            link(x, 1, "alternate", "text/html", links.absolute("") != null ? links.absolute("") : "./");
            if (self != null) link(x, 1, "self", "application/atom+xml", self);
            for (AnnotatedArticle a : recent) entry(x, a, links, introductions.getOrDefault(a.id(), ""));
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.writeCharacters("\n");
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed", e);
        }
        return archive.render.PageSink.bytes(out.toString());
    }

    private static void entry(XMLStreamWriter x, AnnotatedArticle aa, Links links, String introduction) throws XMLStreamException {
        ArticleRecord r = ArticleRecord.of(aa, links);
        indent(x, 1);
        x.writeStartElement("entry");
        text(x, 2, "id", uuid("article:" + r.id()));
        text(x, 2, "title", r.displayTitle());
        link(x, 2, "alternate", "text/html", r.url() != null ? r.url() : r.path());
        text(x, 2, "published", timestamp(r.date()));
        text(x, 2, "updated", timestamp(updated(aa)));
        if (r.hasAuthor()) {
            indent(x, 2);
            x.writeStartElement("author");
            text(x, 3, "name", r.author());
            indent(x, 2);
            x.writeEndElement();
        }
        String summary = "People's Daily, " + Dates.en(r.date()) + ", page " + r.page() + ". " + r.titleZh()
                + (introduction.isEmpty() ? "" : "\n\n" + opening(introduction));
        text(x, 2, "summary", summary.strip());
        indent(x, 1);
        x.writeEndElement();
    }

    /** The first sentences of an introduction, about {@value #SUMMARY_CHARS} characters, ending where a sentence does. */
    static String opening(String text) {
        if (text.length() <= SUMMARY_CHARS) return text;
        int end = text.indexOf(". ", SUMMARY_CHARS);
        return end < 0 ? text : text.substring(0, end + 1) + " …";
    }

    static final int SUMMARY_CHARS = 300;

    static LocalDate updated(AnnotatedArticle a) {
        LocalDate d = a.article().date();
        LocalDate notes = a.notes() == null ? null : a.notes().written();
        return notes != null && notes.isAfter(d) ? notes : d;
    }

    /** RFC 3339 with seconds, as Atom requires: 1959-03-02T00:00:00+08:00. */
    static String timestamp(LocalDate d) {
        return OffsetDateTime.of(d.atStartOfDay(), BEIJING).format(RFC_3339);
    }

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    static String uuid(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("archive:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static void text(XMLStreamWriter x, int depth, String name, String value) throws XMLStreamException {
        indent(x, depth);
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, int depth, String rel, String type, String href) throws XMLStreamException {
        indent(x, depth);
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    private static void indent(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }
}
