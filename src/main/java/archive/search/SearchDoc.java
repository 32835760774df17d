package archive.search;

import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.ArticleNotes;
import archive.model.ArticleText;
import archive.model.Paragraph;
import archive.model.Place;
import archive.model.Row;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One article as search sees it: its segments (the headline, then each aligned row with its
 * anchor), and its facets. Chinese and English paragraphs of a row are kept apart by a line
 * break, so no bigram or phrase spans two paragraphs.
 *
 * @param segments [anchor, Chinese text, English text] per segment, the headline first ("title")
 * @param facets   "place:slug" (with the places containing it), "industry:slug", "entry:slug"
 */
record SearchDoc(int number, String id, String title, String headline, String date, int page,
                 List<String[]> segments, List<String> facets) {

    /** The article {@code aa}, which may be held hollow (see AnnotatedArticle), with {@code text}, its text. */
    static SearchDoc of(int number, AnnotatedArticle aa, ArticleText text, Map<String, Place> places) {
        Article a = aa.article();
        List<String[]> segs = new ArrayList<>();
        String deck = String.join("\n", text.deck());
        segs.add(new String[] {"title", deck, text.title()});
        for (Row r : aa.rows()) segs.add(new String[] {r.anchor(), join(r.zh(), text.zh()), join(r.en(), text.en())});
        if (aa.notes() != null) segs.addAll(noteSegments(aa));
        Set<String> facets = new LinkedHashSet<>(placeFacets(aa, places));
        aa.industries().forEach(s -> facets.add("industry:" + s));
        aa.glossary().forEach(s -> facets.add("entry:" + s));
        return new SearchDoc(number, a.id(), a.title(), a.headline(), a.date().toString(), a.page(), segs, List.copyOf(facets));
    }

    /** The article's places and the places containing them, as "place:slug" facets, in order. */
    static List<String> placeFacets(AnnotatedArticle aa, Map<String, Place> places) {
        Set<String> facets = new LinkedHashSet<>();
        for (String p : aa.places()) {
            int guard = 0;
            for (String s = p; s != null && guard++ < 64; ) {
                facets.add("place:" + s);
                Place pl = places.get(s);
                s = pl == null ? null : pl.parent();
            }
        }
        return List.copyOf(facets);
    }

    /**
     * The editors' notes as searchable text: the introduction (anchor "intro"), each note on a
     * paragraph (anchor "note-pN", the note beside that row) and the footnotes (anchor "sources"),
     * Markdown reduced to its words.
     */
    static List<String[]> noteSegments(AnnotatedArticle aa) {
        ArticleNotes notes = aa.notes();
        String[] lines = notes.markdown().split("\n", -1);
        // Footnote definitions ([^1]: …, and their indented continuations) are shown at the foot of the
        // page, not in the note they follow: they get a segment of their own.
        StringBuilder footnotes = new StringBuilder();
        boolean inFootnote = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("\\[\\^[^\\]]+\\]:.*")) inFootnote = true;
            else if (!lines[i].startsWith(" ") && !lines[i].startsWith("\t")) inFootnote = false;
            if (inFootnote) {
                footnotes.append(lines[i]).append('\n');
                lines[i] = "";
            }
        }
        List<String[]> out = new ArrayList<>();
        List<ArticleNotes.ParagraphNote> sections = notes.paragraphNotes();
        int firstHeading = sections.isEmpty() ? lines.length : sections.get(0).line() - 1;
        String intro = plainText(lines, 0, firstHeading);
        if (!intro.isBlank()) out.add(new String[] {"intro", "", intro});
        for (int i = 0; i < sections.size(); i++) {
            ArticleNotes.ParagraphNote n = sections.get(i);
            int to = i + 1 < sections.size() ? sections.get(i + 1).line() - 1 : lines.length;
            String anchor = aa.anchorOf(true, n.paragraph());
            String text = plainText(lines, n.line(), to);
            if (!text.isBlank()) out.add(new String[] {"note-" + anchor, "", text});
        }
        String[] fn = footnotes.toString().split("\n");
        String sources = plainText(fn, 0, fn.length);
        if (!sources.isBlank()) out.add(new String[] {"sources", "", sources});
        return out;
    }

    /** Lines [from, to) of Markdown as plain words: link targets, emphasis and footnote marks dropped. */
    static String plainText(String[] lines, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.matches("\\|?[-:| ]+\\|?")) continue;
            l = l.replaceAll("\\[\\^[^\\]]*\\]:?", " ")          // footnote marks
                    .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")  // [text](target) -> text
                    .replaceAll("^#+\\s*|^>\\s*|^[-*+]\\s+|^\\d+\\.\\s+", "")
                    .replaceAll("[*_`|]+", " ");
            if (sb.length() > 0) sb.append(' ');
            sb.append(l.strip());
        }
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    /** The text of the paragraphs {@code ps} (by number in {@code texts}), a line break between two. */
    private static String join(List<Paragraph> ps, String[] texts) {
        if (ps.size() == 1) return texts[ps.get(0).number() - 1];
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : ps) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(texts[p.number() - 1]);
        }
        return sb.toString();
    }

    /** The file the client loads for this article's text: search/index/d/&lt;n/1000&gt;/&lt;n%1000&gt;.js. */
    static String fileName(int number) {
        return "d/" + (number / 1000) + "/" + (number % 1000);
    }

    /** The article's text file, a script that registers itself. */
    byte[] script() {
        StringBuilder sb = new StringBuilder(8192);
        String name = fileName(number);
        sb.append("ArchiveSearch.add(");
        Json.quote(sb, name).append(",{\"id\":");
        Json.quote(sb, id).append(",\"t\":");
        Json.quote(sb, title).append(",\"h\":");
        Json.quote(sb, headline).append(",\"d\":");
        Json.quote(sb, date).append(",\"p\":").append(page).append(",\"s\":[");
        for (int i = 0; i < segments.size(); i++) {
            String[] s = segments.get(i);
            if (i > 0) sb.append(',');
            sb.append('[');
            Json.quote(sb, s[0]).append(',');
            Json.quote(sb, s[1]).append(',');
            Json.quote(sb, s[2]).append(']');
        }
        sb.append("]});\n");
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
