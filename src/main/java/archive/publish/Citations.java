package archive.publish;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Formats an article's citation in Chicago (note), MLA and APA with
 * citeproc-java and the official CSL styles, as HTML fit for the page and as plain text.
 *
 * <p>Loading a style costs a tenth to a third of a second (Chicago's file is 240 KB), formatting
 * an item with a loaded style about a tenth of a millisecond. So each thread loads every style
 * once and reuses it for all its articles, with {@code reset()} between items; the engines are
 * not thread-safe, hence one set per thread.
 *
 * <p>The item follows the styles' own conventions for a newspaper article: type
 * {@code article-newspaper}, the Chinese title with the English in brackets, language
 * {@code zh} (so no style changes the case of a title it cannot judge), no {@code section}
 * (MLA and APA would print it as a stray number).
 */
public final class Citations {
    /**
     * The styles offered, in the order the page shows them. Chicago in its note form only: the
     * Manual cites newspaper articles in notes, and the style's bibliography entry for an
     * unsigned article (the paper's name in the author's place) italicises the headline.
     */
    public enum Style {
        CHICAGO_NOTE("chicago-notes-bibliography", "Chicago (note)", "cite-chicago", true),
        MLA("modern-language-association", "MLA", "cite-mla", false),
        APA("apa", "APA", "cite-apa", false);

        public final String csl;
        public final String label;
        public final String anchor;
        final boolean note;

        Style(String csl, String label, String anchor, boolean note) {
            this.csl = csl;
            this.label = label;
            this.anchor = anchor;
            this.note = note;
        }
    }

    /** One formatted citation: safe HTML (only i, b, sup, sub) and the same as plain text. */
    public record Formatted(Style style, String html, String text) {}

    private final ThreadLocal<Engines> engines = ThreadLocal.withInitial(Engines::new);
    private final LongAdder nanos = new LongAdder();
    private final LongAdder loadNanos = new LongAdder();
    private final LongAdder items = new LongAdder();

    /** Every style's citation of the article, in {@link Style} order. */
    public List<Formatted> format(ArticleRecord r) {
        long t0 = System.nanoTime();
        Engines e = engines.get();
        List<Formatted> out = new ArrayList<>(Style.values().length);
        for (Style s : Style.values()) out.add(e.format(s, item(r)));
        nanos.add(System.nanoTime() - t0);
        items.increment();
        return out;
    }

    /** Time spent formatting so far, style loading included, in nanoseconds (all threads). */
    public long nanos() { return nanos.sum(); }

    /** Of which loading styles. */
    public long loadNanos() { return loadNanos.sum(); }

    public long articles() { return items.sum(); }

    static CSLItemData item(ArticleRecord r) {
        CSLItemDataBuilder b = new CSLItemDataBuilder()
                .id(r.id())
                .type(CSLType.ARTICLE_NEWSPAPER)
                .title(r.citationTitle())
                .containerTitle(Newspaper.CITATION_NAME)
                .issued(r.date().getYear(), r.date().getMonthValue(), r.date().getDayOfMonth())
                .page(String.valueOf(r.page()))
                .language(Newspaper.LANGUAGE);
        if (r.url() != null) b.URL(r.url());
        if (r.hasAuthor()) b.author(new CSLNameBuilder().literal(r.author()).build());
        return b.build();
    }

    /** One thread's loaded styles and the single item they are asked about. */
    private final class Engines implements ItemDataProvider {
        private final Map<Style, CSL> byStyle = new EnumMap<>(Style.class);
        private CSLItemData current;

        @Override
        public CSLItemData retrieveItem(String id) {
            return current != null && current.getId().equals(id) ? current : null;
        }

        @Override
        public Collection<String> getIds() { return current == null ? List.of() : List.of(current.getId()); }

        Formatted format(Style style, CSLItemData item) {
            current = item;
            CSL csl = byStyle.computeIfAbsent(style, s -> load(s.csl));
            // reset() forgets the previous item; it must come before setOutputFormat, which it would undo.
            csl.reset();
            csl.setOutputFormat("html");
            String html;
            if (style.note) {
                html = csl.makeCitation(item.getId()).get(0).getText();
            } else {
                csl.registerCitationItems(item.getId());
                html = csl.makeBibliography().getEntries()[0];
            }
            return clean(style, html);
        }

        private CSL load(String name) {
            long t0 = System.nanoTime();
            try {
                return new CSL(this, name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the citation style " + name, e);
            } finally {
                loadNanos.add(System.nanoTime() - t0);
            }
        }
    }

    private static final Safelist ALLOWED = new Safelist().addTags("i", "b", "sup", "sub");

    /**
     * citeproc's HTML marks italics with inline styles, which a strict Content-Security-Policy
     * blocks: turn them into {@code <i>}/{@code <b>}, drop the wrappers, keep nothing else.
     */
    static Formatted clean(Style style, String cslHtml) {
        Document d = Jsoup.parseBodyFragment(cslHtml);
        for (Element span : d.body().select("span[style]")) {
            String css = span.attr("style").replace(" ", "");
            if (css.contains("font-style:italic")) span.tagName("i");
            else if (css.contains("font-weight:bold")) span.tagName("b");
            else if (css.contains("vertical-align:sup")) span.tagName("sup");
            else if (css.contains("vertical-align:sub")) span.tagName("sub");
            span.removeAttr("style");
        }
        Document clean = new Cleaner(ALLOWED).clean(d);
        clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(org.jsoup.nodes.Entities.EscapeMode.base);
        String html = clean.body().html().strip();
        String text = clean.body().text().strip();
        return new Formatted(style, html, text);
    }
}
