package archive.annotate;

import archive.model.Article;
import archive.model.Industry;
import archive.model.Paragraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns industries to an article on evidence, not on one passing word. An industry is assigned
 * when its signal words occur at least {@code threshold} times (default 3) in one language's body,
 * or at least once in a headline (either language) and at least once in the body.
 * Overlapping signals count once, the longest winning (高炉炼铁 is one signal, not two).
 */
public final class IndustryClassifier {
    private final List<Industry> industries;
    private final PhraseMatcher<Industry> zh;
    private final PhraseMatcher<Industry> en;

    public IndustryClassifier(List<Industry> industries) {
        this.industries = List.copyOf(industries);
        PhraseMatcher.Builder<Industry> z = PhraseMatcher.chinese(), e = PhraseMatcher.english();
        for (Industry i : industries) {
            i.zhSignals().forEach(s -> z.add(s, i));
            i.enSignals().forEach(s -> e.add(s, i));
        }
        this.zh = z.build();
        this.en = e.build();
    }

    /** Slugs of the industries the article's evidence supports. */
    public List<String> classify(Article a) {
        Map<Industry, Integer> zhBody = count(zh, a.zhParagraphs()), enBody = count(en, a.enParagraphs());
        Map<Industry, Integer> heads = new java.util.IdentityHashMap<>();
        count(zh, a.headline(), heads);
        count(en, a.title(), heads);
        List<String> out = new ArrayList<>();
        for (Industry i : industries) {
            int z = zhBody.getOrDefault(i, 0), e = enBody.getOrDefault(i, 0);
            boolean inHeadline = heads.getOrDefault(i, 0) > 0 && (z + e) > 0;
            if (Math.max(z, e) >= i.threshold() || inHeadline) out.add(i.slug());
        }
        return out;
    }

    /** The given slugs in the order the data lists the industries. */
    public List<String> inDataOrder(Set<String> slugs) {
        List<String> out = new ArrayList<>();
        for (Industry i : industries) if (slugs.contains(i.slug())) out.add(i.slug());
        for (String s : slugs) if (!out.contains(s)) out.add(s);
        return out;
    }

    private static Map<Industry, Integer> count(PhraseMatcher<Industry> m, List<Paragraph> ps) {
        // By identity: each industry is one object of the data, and the record's own hash reads all of its signals.
        Map<Industry, Integer> out = new java.util.IdentityHashMap<>();
        for (Paragraph p : ps) count(m, p.text(), out);
        return out;
    }

    private static void count(PhraseMatcher<Industry> m, String text, Map<Industry, Integer> into) {
        for (PhraseMatcher.Match<Industry> x : m.find(text)) into.merge(x.target(), 1, Integer::sum);
    }
}
