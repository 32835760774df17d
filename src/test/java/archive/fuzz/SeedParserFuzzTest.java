package archive.fuzz;

import archive.diag.Diagnostic;
import archive.diag.Diagnostics;
import archive.model.Article;
import archive.model.Paragraph;
import archive.source.SeedParser;
import archive.source.SourceText;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any bytes as a seed file: the only acceptable outcomes are an article or the parser's own
 * diagnostics. Any other exception, a hang or running out of memory is a bug.
 */
class SeedParserFuzzTest {
    private static final Path FILE = Path.of("seeds/000_0123456789abcdef.txt");

    @FuzzTest(maxDuration = "30s")
    void anyBytesGiveAnArticleOrDiagnostics(byte[] bytes) {
        Diagnostics diags = new Diagnostics();
        String text = SourceText.decode(FILE, bytes, diags);
        if (text == null) {
            assertTrue(diags.hasErrors(), "a refused file must say why");
            return;
        }
        text.codePoints().forEach(c -> assertFalse(SourceText.isInvisibleControl(c), "control character survived decoding"));
        Article a = new SeedParser().parse(FILE, "0123456789abcdef", text, diags);
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        for (Diagnostic d : diags.all()) {
            assertNotNull(d.message());
            assertTrue(d.line() >= 0 && d.line() <= lines, () -> "line out of the file: " + d);
        }
        if (a == null) {
            assertTrue(diags.hasErrors(), "no article and no error");
            return;
        }
        int n = 1;
        for (Paragraph p : a.enParagraphs()) {
            assertEquals(n++, p.number());
            assertFalse(p.text().isBlank());
        }
        n = 1;
        for (Paragraph p : a.zhParagraphs()) {
            assertEquals(n++, p.number());
            assertFalse(p.text().isBlank());
        }
    }
}
