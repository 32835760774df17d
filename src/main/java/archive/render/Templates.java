package archive.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Pebble templates of templates/, which editors may override. Autoescaping is on and
 * variables are strict, so a typo in a template fails the build instead of printing nothing.
 * Templates get one function, {@code url(path)}, that turns a site path into a link from the
 * page being rendered, and one filter, {@code markzh}, that marks the Chinese in English text;
 * all other decisions are made in Java before the template runs.
 */
public final class Templates {
    /** Name of the variable holding the page being rendered ({@link Links.From}), read by {@code url()}. */
    static final String CURRENT_PAGE = "currentPage";

    private final PebbleEngine engine;
    private final Links links;
    private final long fingerprint;
    private final Map<String, PebbleTemplate> cache = new ConcurrentHashMap<>();

    public Templates(Path dir, Links links) {
        this.fingerprint = folderFingerprint(dir);
        this.links = links;
        FileLoader loader = new FileLoader(dir.toAbsolutePath().normalize().toString());
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(true)
                // The same five escapes as Pebble's own "html" strategy (unbescape's escapeHtml4Xml), whose
                // entity tables took 34 ms to build on the main thread of every one-article build.
                .addEscapingStrategy("html", Html::escape)
                .newLineTrimming(true)
                .extension(new UrlExtension(links))
                .build();
    }

    /** Renders {@code template} (name without .peb) for the page written at {@code file}. */
    public String render(String template, String file, Map<String, Object> variables) {
        return evaluate(template, file, variables, TextBuffer::toString);
    }

    /**
     * Renders a page and writes it to {@code sink} with this fingerprint, its bytes handed over from
     * the thread's encoding buffer without a copy of their own.
     */
    public void renderTo(String template, String file, Map<String, Object> variables, PageSink sink, long fingerprint) {
        evaluate(template, file, variables, out -> {
            PageEncoder.Encoded page = out.encodeShared();
            sink.write(file, page.bytes(), page.length(), fingerprint);
            return null;
        });
    }

    /**
     * Evaluates the template with a copy of {@code variables}, its {@link Deferred} values built into
     * the copy. The caller's map is left as it is: a page prepared long before it is made (a
     * concordance's) is in the old generation by then, and a map of it pointing at the page's rows
     * kept them through young collections after the page was dead (100,000 articles, `-Xlog:gc`: five
     * full collections in the concordance's phase before, none after).
     */
    private <T> T evaluate(String template, String file, Map<String, Object> variables, java.util.function.Function<TextBuffer, T> result) {
        PebbleTemplate t = cache.computeIfAbsent(template, engine::getTemplate);
        Map<String, Object> vars = new java.util.HashMap<>(variables.size() * 2 + 2);
        variables.forEach((k, v) -> vars.put(k, v instanceof Deferred d ? d.value() : v));
        vars.put(CURRENT_PAGE, links.from(file));
        TextBuffer out = TextBuffer.take();
        try {
            t.evaluate(out, vars);
            return result.apply(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.release();
        }
    }

    /**
     * Renders a fragment (an article in a list) once for pages at any depth: its links are written
     * from the site root behind a marker that {@link Relocatable#at(int)} replaces with the way up
     * from the page that shows it.
     */
    public Relocatable renderRelocatable(String template, Map<String, Object> variables) {
        return new Relocatable(render(template, Relocatable.FILE, variables));
    }

    /** A fingerprint of every file of the templates folder: a changed template re-renders every page. */
    public long fingerprint() { return fingerprint; }

    /** The fingerprint {@link #fingerprint()} a Templates made from {@code dir} now would have. */
    public static long fingerprintOf(Path dir) { return folderFingerprint(dir); }

    private static long folderFingerprint(Path dir) {
        Fingerprint f = new Fingerprint();
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(dir)) {
            for (Path p : s.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                f.add(dir.relativize(p).toString()).add(new String(java.nio.file.Files.readAllBytes(p),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f.value();
    }

    /**
     * A fingerprint of the generator's own code (the jar, or the compiled classes), so that pages
     * kept from a build by another version of the generator are rendered again.
     */
    public static long generatorFingerprint() {
        Fingerprint f = new Fingerprint();
        try {
            Path code = Path.of(Templates.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(code)) {
                for (Path p : s.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                    f.add(p.toString()).add(java.nio.file.Files.size(p)).add(java.nio.file.Files.getLastModifiedTime(p).toMillis());
                }
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            f.add(System.nanoTime()); // unknown code: never reuse a page
        }
        return f.value();
    }

    /** Checks that every template named exists and compiles, so a broken override fails before any page is made. */
    public void precompile(List<String> names) {
        for (String n : names) {
            try {
                cache.computeIfAbsent(n, engine::getTemplate);
            } catch (PebbleException e) {
                throw new TemplateException(n, e);
            }
        }
    }

    /** A template is missing or broken; the message names the template file and line. */
    public static final class TemplateException extends RuntimeException {
        public TemplateException(String name, PebbleException e) {
            super("template " + name + ".peb: " + e.getMessage(), e);
        }
    }

    private static final class UrlExtension extends AbstractExtension {
        private final Links links;

        UrlExtension(Links links) { this.links = links; }

        /** Attributes of the view records, read without reflection (see {@link RecordAttributes}). */
        @Override
        public List<io.pebbletemplates.pebble.attributes.AttributeResolver> getAttributeResolver() {
            return List.of(new RecordAttributes());
        }

        /** {@code markzh}: escapes English text and marks the Chinese in it with its lang (see {@link ChineseRuns}). */
        @Override
        public Map<String, io.pebbletemplates.pebble.extension.Filter> getFilters() {
            return Map.of("markzh", new io.pebbletemplates.pebble.extension.Filter() {
                @Override public List<String> getArgumentNames() { return List.of(); }

                @Override
                public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext ctx, int line) {
                    return new io.pebbletemplates.pebble.extension.escaper.SafeString(
                            ChineseRuns.html(input == null ? "" : input.toString()));
                }
            });
        }

        @Override
        public Map<String, Function> getFunctions() {
            return Map.of("url", new Function() {
                @Override public List<String> getArgumentNames() { return List.of("path"); }

                @Override
                public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext ctx, int line) {
                    Object path = args.get("path");
                    Links.From from = (Links.From) ctx.getVariable(CURRENT_PAGE);
                    String to = path == null ? "" : path.toString();
                    return from.file() == Relocatable.FILE ? Relocatable.link(links, to) : links.relative(from, to);
                }
            });
        }
    }
}
