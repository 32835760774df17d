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

    private static final String BIB = "cite.bib", RIS = "cite.ris";

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
        String bib = path + BIB, ris = path + RIS;
        String anchor = aa.rows().stream().filter(row -> !row.label().isEmpty()).map(Row::anchor).findFirst().orElse("");
        String permalink = r.url() == null ? "" : r.url();
        String paragraphLink = permalink.isEmpty() || anchor.isEmpty() ? "" : permalink + "#" + anchor;

        Map<String, Object> v = new LinkedHashMap<>();
        v.put("meta", ArticleMetadata.of(r, aa, ctx.places, description));
        v.put("cite", new CiteBox(permalink, paragraphLink, List.copyOf(styles), bib, ris));
        return v;
    }

    @Override
    public void writeFiles(AnnotatedArticle aa, String path, long inputs) {
        ArticleRecord r = ArticleRecord.of(aa, ctx.links);
        write(path + BIB, BibTex.entry(r), inputs);
        write(path + RIS, Ris.record(r), inputs);
    }

    @Override
    public void keepFiles(AnnotatedArticle aa, String path, long inputs) {
        boolean bibKept = ctx.sink.keep(path + BIB, inputs), risKept = ctx.sink.keep(path + RIS, inputs);
        if (bibKept && risKept) return;
        ArticleRecord r = ArticleRecord.of(aa, ctx.links);
        if (!bibKept) write(path + BIB, BibTex.entry(r), inputs);
        if (!risKept) write(path + RIS, Ris.record(r), inputs);
    }

    private void write(String file, String content, long inputs) {
        if (inputs == 0) ctx.sink.write(file, content);
        else ctx.sink.write(file, archive.render.PageSink.bytes(content), inputs);
    }
}
