package archive.render;

import archive.diag.Diagnostics;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.data.NullableDataKey;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Renders editors' Markdown (notes, glossary explanations, the archive's pages) to safe HTML.
 * Raw HTML in the Markdown is shown as text; links to the archive's own pages
 * ({@code [text](place:taiyuan)}) are resolved by a Flexmark link resolver, and an unknown target
 * is reported at its line of the editor's file; the result is then cleaned with Jsoup's allow-list,
 * which removes javascript:, data: and vbscript: links and closes anything left open.
 */
public final class Markdown {
    private static final NullableDataKey<Context> CONTEXT = new NullableDataKey<>("ARCHIVE_CONTEXT");

    /** Where the Markdown comes from and how to turn site paths into links from the current page. */
    public record Context(Path file, int firstLine, CrossRefs refs, UnaryOperator<String> link, Diagnostics diags) {}

    /** Flexmark's parser and renderer and jsoup's allow-list: made at the first use, as most edits' builds render no Markdown. */
    private record Engine(Parser parser, HtmlRenderer renderer, Safelist safelist) {}

    private volatile Engine engine;

    private Engine engine() {
        Engine e = engine;
        if (e != null) return e;
        synchronized (this) {
            if (engine == null) engine = newEngine();
            return engine;
        }
    }

    private static Engine newEngine() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(), TypographicExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SOFT_BREAK, " ");
        Safelist safelist = Safelist.relaxed()
                .addAttributes("a", "class", "id", "title", "lang")
                .addAttributes("sup", "id", "class")
                .addAttributes("li", "id")
                .addAttributes("div", "class")
                .addAttributes("span", "class", "lang")
                .addAttributes(":all", "lang")
                .addTags("hr", "abbr")
                .removeProtocols("img", "src", "http")
                .preserveRelativeLinks(true);
        return new Engine(Parser.builder(options).build(),
                HtmlRenderer.builder(options).linkResolverFactory(new ResolverFactory()).build(), safelist);
    }

    /** Renders and sanitises {@code markdown}; the line numbers of errors are counted from {@code context.firstLine()}. */
    public String render(String markdown, Context context) {
        String text = markdown == null ? "" : markdown;
        int danger = BackslashGuard.firstDanger(text);
        if (danger >= 0) {
            if (context != null) {
                context.diags().error(context.file(), context.firstLine() + BackslashGuard.lineOf(text, danger),
                        "more than " + BackslashGuard.MAX_BACKSLASHES + " backslashes after a `[`: the Markdown parser "
                        + "would take hours over them; remove them, or write a literal backslash as &#92;");
            }
            text = BackslashGuard.defuse(text);
        }
        Engine e = engine();
        Document doc = e.parser().parse(text);
        doc.set(CONTEXT, context);
        return clean(e.renderer().render(doc));
    }

    /** Cleans HTML with the allow-list (what survives is safe to put in any page) and marks its Chinese runs. */
    public String clean(String html) {
        OutputSettings out = new OutputSettings().prettyPrint(false).charset("UTF-8");
        org.jsoup.nodes.Document clean = new Cleaner(engine().safelist()).clean(Jsoup.parseBodyFragment(html, "https://archive.invalid/base/path/"));
        ChineseRuns.mark(clean.body()); // editors write Chinese inside English prose: give it its lang
        clean.outputSettings(out);
        return clean.body().html();
    }

    private static final class ResolverFactory implements LinkResolverFactory {
        @Override public Set<Class<?>> getAfterDependents() { return null; }
        @Override public Set<Class<?>> getBeforeDependents() { return null; }
        @Override public boolean affectsGlobalScope() { return false; }

        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return new Resolver(CONTEXT.get(context.getDocument()));
        }
    }

    private record Resolver(Context context) implements LinkResolver {
        @Override
        public ResolvedLink resolveLink(Node node, LinkResolverBasicContext basic, ResolvedLink link) {
            String url = link.getUrl();
            int colon = url.indexOf(':');
            if (context == null || colon <= 0) return link;
            String scheme = url.substring(0, colon);
            if (!CrossRefs.SCHEMES.contains(scheme)) return link;
            try {
                String path = context.refs().resolve(scheme, url.substring(colon + 1));
                return link.withUrl(context.link().apply(path)).withStatus(LinkStatus.VALID);
            } catch (CrossRefs.Unknown e) {
                int line = context.firstLine() + node.getStartLineNumber();
                context.diags().error(context.file(), line, "unknown cross-reference `" + url + "`: " + e.getMessage());
                return link.withUrl("#").withStatus(LinkStatus.NOT_FOUND);
            }
        }
    }
}
