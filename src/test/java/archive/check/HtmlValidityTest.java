package archive.check;

import archive.testing.SeedSite;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every generated page is valid HTML by the W3C Nu validator (the checker behind validator.w3.org),
 * and so is the stylesheet. One validator is set up and reused: setting up its schema costs
 * seconds, checking a page a few milliseconds.
 */
class HtmlValidityTest {
    private static SimpleDocumentValidator validator;
    private static final Collector errors = new Collector();

    /** Keeps errors (and fatal errors) with their position; warnings are advice, not failures. */
    static final class Collector implements ErrorHandler {
        final List<String> found = new ArrayList<>();
        String current = "";

        @Override public void warning(SAXParseException e) { }
        @Override public void error(SAXParseException e) { found.add(current + ":" + e.getLineNumber() + ": " + e.getMessage()); }
        @Override public void fatalError(SAXParseException e) { error(e); }
    }

    @BeforeAll
    static void setUp() throws Exception {
        validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", errors);
        validator.setUpValidatorAndParsers(errors, false, false);
    }

    private static List<String> validate(String name, byte[] html) throws Exception {
        errors.found.clear();
        errors.current = name;
        try (InputStream in = new java.io.ByteArrayInputStream(html)) {
            InputSource source = new InputSource(in);
            source.setSystemId(name);
            source.setEncoding("UTF-8");
            validator.checkHtmlInputSource(source);
        }
        return List.copyOf(errors.found);
    }

    @Test
    void everyGeneratedPageIsValidHtml() throws Exception {
        Path site = SeedSite.site();
        List<String> all = new ArrayList<>();
        int pages = 0;
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                all.addAll(validate(site.relativize(p).toString(), Files.readAllBytes(p)));
                pages++;
            }
        }
        assertTrue(pages > 100, "expected the whole seed site, found " + pages + " pages");
        assertEquals("", String.join("\n", all));
    }

    @Test
    void theStylesheetIsValidCss() throws IOException, org.xml.sax.SAXException {
        errors.found.clear();
        errors.current = "assets/site.css";
        validator.checkCssFile(SeedSite.site().resolve("assets/site.css").toFile(), false);
        assertEquals("", String.join("\n", errors.found));
    }

    @Test
    void theValidatorReportsAnInvalidPage() throws Exception {
        String bad = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p><div>x</div></p>"
                + "<a href=\"x\"><a href=\"y\">nested</a></a><span id=\"a\"></span><span id=\"a\"></span></body></html>";
        List<String> found = validate("bad.html", bad.getBytes(StandardCharsets.UTF_8));
        assertTrue(found.size() >= 3, String.join("\n", found));
    }
}
