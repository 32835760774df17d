package archive.annotate;

import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.ArticleNotes;
import archive.model.ArticleOverrides;
import archive.model.Dateline;
import archive.model.EditorialData;
import archive.model.GlossaryEntry;
import archive.model.Mention;
import archive.model.MentionList;
import archive.model.Mention.Target;
import archive.model.Paragraph;
import archive.model.Place;
import archive.model.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds glossary terms and places in both languages of an article, applies the gazetteer's
 * context rules and the editors' overrides, resolves datelines and assigns industries.
 * Built once from the editorial data; safe to use from several threads.
 */
public final class Annotator {
    private final PhraseMatcher<Target> zhMatcher;
    private final PhraseMatcher<Target> enMatcher;
    private final Map<String, Place> places;
    private final Map<String, String> placeByForm = new HashMap<>();
    private final IndustryClassifier industries;
    /** Every target, once, and its place in the table the mention lists of all articles share. */
    private final Map<Target, Integer> targetIndex = new HashMap<>();
    private final Target[] table;

    public Annotator(EditorialData data) {
        List<Target> targets = new ArrayList<>();
        PhraseMatcher.Builder<Target> zh = PhraseMatcher.chinese(), en = PhraseMatcher.english();
        for (GlossaryEntry g : data.glossary()) {
            Target t = target(new Target(Mention.Kind.GLOSSARY, g.slug()), targets);
            g.zh().forEach(f -> zh.add(f, t));
            g.en().forEach(f -> en.add(f, t));
            for (GlossaryEntry.Part p : g.parts()) {
                zh.add(p.zh(), t);
                p.en().forEach(f -> en.add(f, t));
            }
        }
        for (Place p : data.places()) {
            Target t = target(new Target(Mention.Kind.PLACE, p.slug()), targets);
            p.zhForms().forEach(f -> zh.add(f, t));
            p.englishForms().forEach(f -> en.add(f, t));
            p.notWithin().forEach(f -> zh.add(f, null));
            p.zhForms().forEach(f -> placeByForm.putIfAbsent(f, p.slug()));
            p.englishForms().forEach(f -> placeByForm.putIfAbsent(f.toLowerCase(Locale.ROOT), p.slug()));
        }
        this.zhMatcher = zh.build();
        this.enMatcher = en.build();
        this.places = data.placesBySlug();
        this.industries = new IndustryClassifier(data.industries());
        this.table = targets.toArray(new Target[0]);
    }

    private Target target(Target t, List<Target> targets) {
        Integer known = targetIndex.putIfAbsent(t, targets.size());
        if (known != null) return targets.get(known);
        targets.add(t);
        return t;
    }

    /**
     * What of the editorial data an annotation depends on: every glossary entry's forms, every
     * place and every industry (in order, as matches are found in that order). Glosses,
     * explanations, references and places' notes and coordinates are left out: changing them changes
     * pages, not annotations, so annotations kept from a previous build stay valid.
     */
    public static List<Object> inputsOf(EditorialData data) {
        List<Object> out = new ArrayList<>();
        for (GlossaryEntry g : data.glossary()) out.add(List.of(g.slug(), g.zh(), g.en(), g.parts()));
        out.add(data.places().stream().map(archive.model.Place::asMatched).toList());
        out.add(data.industries());
        return out;
    }

    public AnnotatedArticle annotate(Article a, List<Row> rows, ArticleOverrides overrides, ArticleNotes notes) {
        List<List<Mention>> en = new ArrayList<>();
        for (Paragraph p : a.enParagraphs()) en.add(find(enMatcher, p.text()));
        List<Mention> title = find(enMatcher, a.title());
        Set<String> englishPlaces = new LinkedHashSet<>();
        collect(title, Mention.Kind.PLACE, englishPlaces);
        en.forEach(ms -> collect(ms, Mention.Kind.PLACE, englishPlaces));

        List<List<Mention>> zh = new ArrayList<>();
        for (Paragraph p : a.zhParagraphs()) zh.add(confirmed(find(zhMatcher, p.text()), englishPlaces));
        List<List<Mention>> deck = new ArrayList<>();
        if (a.chinese() != null) for (String d : a.chinese().deck()) deck.add(confirmed(find(zhMatcher, d), englishPlaces));

        Set<String> glossary = new LinkedHashSet<>(), placeSet = new LinkedHashSet<>();
        for (List<List<Mention>> group : List.of(deck, zh, List.of(title), en)) {
            for (List<Mention> ms : group) {
                collect(ms, Mention.Kind.GLOSSARY, glossary);
                collect(ms, Mention.Kind.PLACE, placeSet);
            }
        }
        Set<String> datelines = new LinkedHashSet<>();
        for (Dateline d : a.datelines()) {
            if (d.place() == null) continue;
            String slug = placeByForm.getOrDefault(d.place(), placeByForm.get(d.place().toLowerCase(Locale.ROOT)));
            if (slug != null) datelines.add(slug);
        }
        placeSet.addAll(datelines);
        placeSet.removeAll(overrides.removePlaces());
        placeSet.addAll(overrides.addPlaces());

        Set<String> industrySet = new LinkedHashSet<>(industries.classify(a));
        industrySet.removeAll(overrides.removeIndustries());
        industrySet.addAll(overrides.addIndustries());
        List<String> orderedIndustries = industries.inDataOrder(industrySet);

        return new AnnotatedArticle(a, rows, zh, en, title, deck, List.copyOf(glossary), List.copyOf(placeSet),
                List.copyOf(datelines), orderedIndustries, notes);
    }

    private List<Mention> find(PhraseMatcher<Target> m, String text) {
        if (text == null || text.isEmpty()) return List.of();
        List<PhraseMatcher.Match<Target>> found = m.find(text);
        if (found.isEmpty()) return List.of();
        MentionList.Builder out = new MentionList.Builder(found.size(), table);
        for (PhraseMatcher.Match<Target> x : found) out.add(x.start(), x.end(), targetIndex.get(x.target()));
        return out.build();
    }

    /** Drops Chinese mentions of places that need the English side to agree, where it does not. */
    private List<Mention> confirmed(List<Mention> ms, Set<String> englishPlaces) {
        if (ms.isEmpty()) return ms;
        return ((MentionList) ms).filter(m -> {
            if (m.kind() != Mention.Kind.PLACE) return true;
            Place p = places.get(m.slug());
            return p == null || !p.confirmEnglish() || englishPlaces.contains(p.slug());
        });
    }

    private static void collect(List<Mention> ms, Mention.Kind kind, Set<String> into) {
        for (Mention m : ms) if (m.kind() == kind) into.add(m.slug());
    }
}
