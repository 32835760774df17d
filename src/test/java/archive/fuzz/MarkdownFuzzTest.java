package archive.fuzz;

import archive.diag.Diagnostics;
import archive.render.CrossRefs;
import archive.render.Markdown;
import archive.source.SourceText;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Any editor's Markdown (notes, explanations, pages) rendered and sanitised: the HTML carries no
 * script, no event handler, no javascript:, vbscript: or data: URL, whatever the input.
 */
class MarkdownFuzzTest {
    private static final Markdown MARKDOWN = new Markdown();
    private static final CrossRefs REFS = (scheme, target) -> {
        if (target.startsWith("x")) throw new CrossRefs.Unknown("no such " + scheme);
        return scheme + "/" + target + "/";
    };

    @FuzzTest(maxDuration = "30s")
    void renderedMarkdownHasNoActiveContent(byte[] bytes) {
        Diagnostics diags = new Diagnostics();
        String text = SourceText.decode(Path.of("n.notes.md"), bytes, diags);
        if (text == null) return;
        String html = MARKDOWN.render(text, new Markdown.Context(Path.of("n.notes.md"), 0, REFS, p -> "../" + p, diags));
        for (Element e : Jsoup.parseBodyFragment(html).getAllElements()) {
            assertFalse(e.tagName().equals("script") || e.tagName().equals("iframe") || e.tagName().equals("object")
                    || e.tagName().equals("style"), () -> "active element in " + html);
            e.attributes().forEach(a -> {
                assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), () -> "event handler in " + html);
                String v = UrlAsBrowsersReadIt.normalise(a.getValue());
                assertFalse(v.startsWith("javascript:") || v.startsWith("vbscript:") || v.startsWith("data:"),
                        () -> "active URL in " + html);
            });
        }
    }
}
