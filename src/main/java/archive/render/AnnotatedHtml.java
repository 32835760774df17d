package archive.render;

import archive.model.Chars;
import archive.model.GlossaryEntry;
import archive.model.Mention;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes a paragraph's text as HTML with its mentions as links: a glossary term links to its
 * entry and carries its gloss (shown on hover, focus or tap by the stylesheet; read inline
 * without it); a place links to its page. Text is escaped; links never nest or overlap
 * because the matcher never returns overlapping mentions.
 */
public final class AnnotatedHtml {
    private final Map<String, GlossaryEntry> glossary;
    /** The gloss of each entry as HTML, for Chinese text and for English text: the same on every page (as arrays, see {@link HtmlText.Builder}). */
    private final Map<String, char[]> zhGloss = new java.util.HashMap<>(), enGloss = new java.util.HashMap<>();
    private static final char[] END_LINK = "</a>".toCharArray();
    /**
     * The opening tag of each link, by site path, for the page it was last made for: pages at
     * the same depth (every article page) make the same links, so each is made once, not once
     * per mention (about 80 an article). Static, and holding the link function weakly: a thread's
     * openings outlive the build that made them (the preview's pool threads serve every save), and
     * a value of a per-instance thread-local that led back to its key through the render context
     * kept every build's render context, and all it reached, for the life of the thread.
     */
    private static final ThreadLocal<Openings> OPENINGS = ThreadLocal.withInitial(Openings::new);
    /**
     * Each thread's builder, reused from paragraph to paragraph: a fresh one grew two or three
     * times on the way to a paragraph with its glosses, and turned from Latin-1 to UTF-16 at the
     * first Chinese character, each time a copy (1.3 GB of the 8.4 GB a build of 10,000 articles
     * allocated).
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    /** Characters a thread's builder is kept for: a long paragraph, not a pathological one. */
    private static final int KEPT = 1 << 16;

    /**
     * A thread's builder, and its array for the characters of the paragraph being escaped piece by
     * piece (its own: an opening tag escapes a link through the thread's {@link Chars}; a fresh
     * copy of each paragraph of every article was garbage for the young collections).
     */
    private static final class Scratch {
        final HtmlText.Builder out = new HtmlText.Builder(8192);
        final Chars.Buffer chars = new Chars.Buffer();
    }

    /** Opening tags made with one link function. */
    private static final class Openings {
        java.lang.ref.WeakReference<UnaryOperator<String>> link = new java.lang.ref.WeakReference<>(null);
        String probe;
        final Map<String, char[]> terms = new java.util.HashMap<>(), places = new java.util.HashMap<>();
    }

    public AnnotatedHtml(Map<String, GlossaryEntry> glossary) {
        this.glossary = glossary;
        glossary.forEach((slug, e) -> {
            String tail = "<i lang=\"zh-Latn-pinyin\">" + Html.escape(e.pinyin()) + "</i> " + ChineseRuns.html(e.gloss()) + "</span></a>";
            zhGloss.put(slug, ("<span class=\"gloss\" lang=\"en\">" + tail).toCharArray());
            enGloss.put(slug, ("<span class=\"gloss\" lang=\"en\"><span lang=\"zh-Hans\">" + Html.escape(e.headword()) + "</span> " + tail).toCharArray());
        });
    }

    /**
     * @param lang          the language of the text ("zh-Hans" or "en"), to mark the gloss as the other one
     * @param linkedPlaces  places that have a page to link to
     * @param link          turns a site path into a link from the current page
     */
    public HtmlText render(String text, List<Mention> mentions, String lang, Set<String> linkedPlaces,
                           UnaryOperator<String> link) {
        Scratch scratch = SCRATCH.get();
        HtmlText.Builder sb = scratch.out;
        sb.clear();
        Openings tags = openings(link);
        // The text's characters copied once for the escaping of every piece between and inside the mentions.
        char[] cs = scratch.chars.of(text, 0, text.length());
        int at = 0;
        for (Mention m : mentions) {
            if (m.start() < at) continue;
            sb.escape(cs, at, m.start());
            if (m.kind() == Mention.Kind.GLOSSARY && glossary.containsKey(m.slug())) {
                sb.append(opening(link, tags.terms, "term", PagePaths.GLOSSARY, m.slug()));
                sb.escape(cs, m.start(), m.end());
                sb.append((lang.startsWith("zh") ? zhGloss : enGloss).get(m.slug()));
            } else if (m.kind() == Mention.Kind.PLACE && linkedPlaces.contains(m.slug())) {
                sb.append(opening(link, tags.places, "place", PagePaths.PLACES, m.slug()));
                sb.escape(cs, m.start(), m.end());
                sb.append(END_LINK);
            } else {
                sb.escape(cs, m.start(), m.end());
            }
            at = m.end();
        }
        sb.escape(cs, at, text.length());
        HtmlText html = sb.build();
        if (sb.capacity() > KEPT) SCRATCH.remove();
        return html;
    }

    /**
     * This thread's opening tags for links made by {@code link}: kept while {@code link} makes
     * the same link to a probe path as the one they were made with (a page at the same depth, with
     * the same URL policy), made anew otherwise.
     */
    private Openings openings(UnaryOperator<String> link) {
        Openings o = OPENINGS.get();
        if (o.link.get() != link) {
            String probe = link.apply(PagePaths.GLOSSARY);
            if (!probe.equals(o.probe)) {
                o.terms.clear();
                o.places.clear();
                o.probe = probe;
            }
            o.link = new java.lang.ref.WeakReference<>(link);
        }
        return o;
    }

    private static char[] opening(UnaryOperator<String> link, Map<String, char[]> made, String kind, String folder, String slug) {
        char[] tag = made.get(slug);
        if (tag == null) {
            tag = ("<a class=\"" + kind + "\" href=\"" + Html.escape(link.apply(folder + slug + "/")) + "\">").toCharArray();
            made.put(slug, tag);
        }
        return tag;
    }
}
