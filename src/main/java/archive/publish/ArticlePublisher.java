package archive.publish;

import archive.model.AnnotatedArticle;
import archive.model.Row;
import archive.render.ArticleExtras;
import archive.render.Dates;
import archive.render.RenderContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds to each article page its metadata ({@code meta}) and its "Cite this article" box
 * ({@code cite}), and writes the article's cite.bib and cite.ris beside the page.
 */
public final class ArticlePublisher implements ArticleExtras {
    /** The citation box. {@code permalink} and {@code paragraphLink} are absolute, or empty without a site URL. */
    public record CiteBox(String permalink, String paragraphLink, List<Entry> styles, String bibPath, String risPath) {}

    /** One style's citation; {@code id} is the element id the copy button names. */
    public record Entry(String id, String label, String html) {}

    private final RenderContext ctx;
    private final Citations citations;

    public ArticlePublisher(RenderContext ctx, Citations citations) {
        this.ctx = ctx;
        this.citations = citations;
    }

    @Override
    public Map<String, Object> vars(AnnotatedArticle aa, String path) {
        ArticleRecord r = ArticleRecord.of(aa, ctx.links);
        String description = "People's Daily, " + Dates.en(r.date()) + ", page " + r.page() + ". " + r.titleZh();
        List<Entry> styles = new ArrayList<>();
        for (Citations.Formatted f : citations.format(r)) styles.add(new Entry(f.style().anchor, f.style().label, f.html()));
        String bib = path + "cite.bib", ris = path + "cite.ris";
        ctx.sink.write(bib, BibTex.entry(r));
        ctx.sink.write(ris, Ris.record(r));
        String anchor = aa.rows().stream().filter(row -> !row.label().isEmpty()).map(Row::anchor).findFirst().orElse("");
        String permalink = r.url() == null ? "" : r.url();
        String paragraphLink = permalink.isEmpty() || anchor.isEmpty() ? "" : permalink + "#" + anchor;

        Map<String, Object> v = new LinkedHashMap<>();
        v.put("meta", ArticleMetadata.of(r, aa, ctx.places, description));
        v.put("cite", new CiteBox(permalink, paragraphLink, List.copyOf(styles), bib, ris));
        return v;
    }
}
