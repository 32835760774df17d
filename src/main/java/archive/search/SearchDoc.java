package archive.search;

import archive.model.AnnotatedArticle;
import archive.model.Article;
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

    static SearchDoc of(int number, AnnotatedArticle aa, Map<String, Place> places) {
        Article a = aa.article();
        List<String[]> segs = new ArrayList<>();
        String deck = a.chinese() == null ? "" : String.join("\n", a.chinese().deck());
        segs.add(new String[] {"title", deck, a.title()});
        for (Row r : aa.rows()) segs.add(new String[] {r.anchor(), join(r.zh()), join(r.en())});
        Set<String> facets = new LinkedHashSet<>();
        for (String p : aa.places()) {
            int guard = 0;
            for (String s = p; s != null && guard++ < 64; ) {
                facets.add("place:" + s);
                Place pl = places.get(s);
                s = pl == null ? null : pl.parent();
            }
        }
        aa.industries().forEach(s -> facets.add("industry:" + s));
        aa.glossary().forEach(s -> facets.add("entry:" + s));
        return new SearchDoc(number, a.id(), a.title(), a.headline(), a.date().toString(), a.page(), segs, List.copyOf(facets));
    }

    private static String join(List<Paragraph> ps) {
        if (ps.size() == 1) return ps.get(0).text();
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : ps) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(p.text());
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
