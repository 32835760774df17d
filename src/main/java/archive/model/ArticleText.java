package archive.model;

import java.util.List;

/**
 * The text of an article alone, without the objects of its paragraphs: each paragraph by
 * number, the English title and the lines of the Chinese headline. What a concordance line is
 * cut from; a hollow article (see AnnotatedArticle) says where each line is, this what it says.
 *
 * @param zh the Chinese paragraphs' text, paragraph N at index N - 1
 * @param en the English paragraphs' text, paragraph N at index N - 1
 */
public record ArticleText(String title, List<String> deck, String[] zh, String[] en) {
    /** The text of an article that has it. */
    public static ArticleText of(Article a) {
        return new ArticleText(a.title(), a.chinese() == null ? List.of() : a.chinese().deck(), texts(a.zhParagraphs()),
                texts(a.enParagraphs()));
    }

    private static String[] texts(List<Paragraph> ps) {
        String[] out = new String[ps.size()];
        for (int i = 0; i < out.length; i++) out[i] = ps.get(i).text();
        return out;
    }
}
