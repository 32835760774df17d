package archive.render;

import archive.model.AnnotatedArticle;
import archive.model.ArticleNotes;
import archive.model.Row;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders an article's notes file once (so footnote ids are unique on the page) and splits the
 * result into the introduction, the note of each row and the footnotes. A note on a paragraph
 * the article does not have is reported at its heading's line.
 */
public final class NotesHtml {
    private static final Pattern HEADING = Pattern.compile("p(\\d+)");

    /** The pieces of one article's notes, as safe HTML. {@code byAnchor} maps a row anchor to its note. */
    public record Split(String introduction, Map<String, String> byAnchor, String footnotes) {}

    static Split render(AnnotatedArticle a, RenderContext ctx, String pagePath) {
        ArticleNotes notes = a.notes();
        if (notes == null) return new Split("", Map.of(), "");
        Map<Integer, String> rowOf = new HashMap<>();
        for (Row r : a.rows()) for (String anchor : r.anchors()) {
            Matcher m = HEADING.matcher(anchor);
            if (m.matches()) rowOf.put(Integer.parseInt(m.group(1)), r.anchor());
        }
        // The same notes on the same page, with every link resolving the same: as rendered before. (The
        // file's name, not its folder's path: the seeds folder may be named another way next time.)
        long key = new Fingerprint().add(notes.markdown())
                .add(notes.file() == null ? "null" : String.valueOf(notes.file().getFileName())).add(pagePath)
                .add(String.valueOf(new java.util.TreeMap<>(rowOf))).add(ctx.linker(pagePath).apply("")).value();
        return ctx.remembered(a.id(), key, (refs, own) -> render(notes, rowOf, ctx, pagePath, refs, own));
    }

    private static Split render(ArticleNotes notes, Map<Integer, String> rowOf, RenderContext ctx, String pagePath, CrossRefs refs,
                                archive.diag.Diagnostics diags) {
        boolean ok = true;
        for (ArticleNotes.ParagraphNote n : notes.paragraphNotes()) {
            if (!rowOf.containsKey(n.paragraph())) {
                diags.error(notes.file(), n.line(), "a note on paragraph " + n.paragraph() + ", but the article has "
                        + rowOf.size() + " numbered paragraphs; use a number from 1 to " + rowOf.size());
                ok = false;
            }
        }
        String html = ctx.markdown.render(notes.markdown(),
                new Markdown.Context(notes.file(), 1, refs, ctx.linker(pagePath), diags));
        if (!ok) return new Split("", Map.of(), "");
        Document doc = Jsoup.parseBodyFragment(html);
        StringBuilder intro = new StringBuilder(), footnotes = new StringBuilder();
        Map<String, StringBuilder> byAnchor = new HashMap<>();
        StringBuilder current = intro;
        for (Node child : doc.body().childNodes()) {
            if (child instanceof Element e && e.normalName().equals("h2")) {
                Matcher m = HEADING.matcher(e.text().strip());
                if (m.matches() && rowOf.containsKey(Integer.parseInt(m.group(1)))) {
                    String anchor = rowOf.get(Integer.parseInt(m.group(1)));
                    current = byAnchor.computeIfAbsent(anchor, k -> new StringBuilder());
                    continue;
                }
            }
            if (child instanceof Element e && e.hasClass("footnotes")) {
                e.select("hr").remove();
                footnotes.append(e.html());
                continue;
            }
            current.append(child.outerHtml());
        }
        Map<String, String> out = new HashMap<>();
        byAnchor.forEach((k, v) -> out.put(k, v.toString().strip()));
        return new Split(intro.toString().strip(), out, footnotes.toString().strip());
    }

    private NotesHtml() {}
}
