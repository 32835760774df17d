package archive.build;

import archive.index.ArchiveIndex;
import archive.model.AnnotatedArticle;
import archive.model.EditorialData;
import archive.render.CrossRefs;
import archive.render.PagePaths;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/** Resolves editors' cross-references against what the build actually publishes. */
final class IndexCrossRefs implements CrossRefs {
    private final ArchiveIndex index;
    private final EditorialData data;

    private final Set<String> pages;

    IndexCrossRefs(ArchiveIndex index, EditorialData data, Set<String> pages) {
        this.index = index;
        this.data = data;
        this.pages = pages;
    }

    @Override
    public String resolve(String scheme, String target) throws Unknown {
        switch (scheme) {
            case "article" -> {
                int hash = target.indexOf('#');
                String id = hash < 0 ? target : target.substring(0, hash);
                AnnotatedArticle a = index.article(id);
                if (a == null) throw new Unknown("no article has the id " + id);
                if (hash < 0) return PagePaths.article(id);
                String anchor = target.substring(hash + 1);
                boolean known = anchor.equals("top") || a.rows().stream().anyMatch(r -> r.anchors().contains(anchor));
                if (!known) throw new Unknown("article " + id + " has no paragraph " + anchor);
                return PagePaths.paragraph(id, anchor);
            }
            case "glossary" -> {
                if (!data.glossaryBySlug().containsKey(target)) throw new Unknown("no glossary entry has the slug " + target);
                return PagePaths.entry(target);
            }
            case "place" -> {
                if (!data.placesBySlug().containsKey(target)) throw new Unknown("no place in data/places.yaml has the slug " + target);
                return index.hasArticles(target) ? PagePaths.place(target) : PagePaths.PLACES + "#" + target;
            }
            case "industry" -> {
                if (!data.industriesBySlug().containsKey(target)) throw new Unknown("no industry in data/industries.yaml has the slug " + target);
                return index.inIndustry(target).isEmpty() ? PagePaths.INDUSTRIES + "#" + target : PagePaths.industry(target);
            }
            case "date" -> {
                LocalDate d;
                try {
                    d = LocalDate.parse(target);
                } catch (DateTimeException e) {
                    throw new Unknown("\"" + target + "\" is not a date; write date:YYYY-MM-DD");
                }
                if (index.onDay(d).isEmpty()) throw new Unknown("no article of the archive is dated " + target);
                return PagePaths.day(d);
            }
            case "page" -> {
                if (target.equals("home")) return PagePaths.HOME;
                if (!pages.contains(target)) throw new Unknown("there is no pages/" + target + ".md");
                return PagePaths.page(target);
            }
            default -> throw new Unknown("unknown scheme " + scheme);
        }
    }
}
