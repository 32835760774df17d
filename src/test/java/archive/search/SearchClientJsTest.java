package archive.search;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search client's own tests (src/test/js, node --test), its syntax check and its CSP rules. */
class SearchClientJsTest {
    static final Path ASSETS = Path.of("templates/assets");

    static List<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.list(ASSETS)) {
            return s.filter(p -> p.toString().endsWith(".js")).sorted().toList();
        }
    }

    @Test
    void clientUnitTestsPass() {
        String out = Node.ok("", "--test", "src/test/js/");
        assertTrue(out.contains("# fail 0"), out);
        assertFalse(out.contains("# pass 0"), out);
    }

    @Test
    void everyAssetScriptParses() throws IOException {
        for (Path p : scripts()) Node.ok("", "--check", p.toString());
    }

    /** Under a Content-Security-Policy without 'unsafe-eval' or inline script, and to keep result text escaped. */
    @Test
    void scriptsUseNoEvalNoInlineHandlersAndNoHtmlStrings() throws IOException {
        Pattern banned = Pattern.compile("\\beval\\s*\\(|new\\s+Function\\b|\\.innerHTML\\b|\\.outerHTML\\b|insertAdjacentHTML"
                + "|document\\.write|setAttribute\\(\\s*\"on|setTimeout\\(\\s*\"|\\.style\\.|setAttribute\\(\\s*\"style\"");
        for (Path p : scripts()) {
            String js = Files.readString(p);
            var m = banned.matcher(js);
            assertFalse(m.find(), p + " uses " + (m.hitEnd() ? "" : js.substring(m.start(), Math.min(js.length(), m.end() + 20))));
        }
    }
}
