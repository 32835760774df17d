package archive.cli;

import archive.config.BuildConfig;
import archive.serve.Preview;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The editor loop as an editor lives it: the preview running on the corpus, a seed saved, and the
 * time until the open page has been told to reload (Server-Sent Event) and has fetched the article
 * again with the edit in it.
 */
final class EditorLoopBench {
    /** One save: the time to the reload event and to the fetched page, and what the rebuild did. */
    record Save(long reloadMillis, long pageMillis, long buildMillis) {}

    /**
     * What each save changes: the seed's author line (text only the article's page shows), its
     * title (shown in every list the article is on), a paragraph added to its editors' notes, or
     * a new article (a copy of the seed under a new id, which every list after it makes room for),
     * or the data: a glossary entry's explanation, which only the entry's first page shows (the file
     * saved is then data/glossary.yaml, and the page fetched the entry's, see {@link #explainedEntry}),
     * or a template: a comment put in the head of base.peb, which every page shows (the file saved is
     * then base.peb, and the open page, the article's, is rendered before the others), or the gloss of
     * the first glossary entry the article's page links, which every article with the entry shows (the
     * file saved is then data/glossary.yaml; the article's page is rendered first too).
     */
    enum Edit { AUTHOR, TITLE, NOTES, DATE, NEW, EXPLANATION, TEMPLATE, GLOSS }

    /** {@code yaml} with {@code mark} put first in the gloss of the entry {@code slug}. */
    static String glossMarked(String yaml, String slug, String mark) {
        int entry = yaml.indexOf("- slug: " + slug + "\n");
        int gloss = entry < 0 ? -1 : yaml.indexOf("\n  gloss: ", entry);
        if (gloss < 0) throw new IllegalStateException("the glossary has no gloss for " + slug);
        int at = gloss + "\n  gloss: ".length();
        return yaml.substring(0, at) + mark + " " + yaml.substring(at);
    }

    /** {@code template} with the comment {@code mark} at the end of its head. */
    static String templateMarked(String template, String mark) {
        int head = template.indexOf("</head>");
        if (head < 0) throw new IllegalStateException("the template has no </head>");
        return template.substring(0, head) + "<!-- " + mark + " -->\n" + template.substring(head);
    }

    /** The first glossary entry of {@code yaml} whose explanation is a block ("explanation: |"): the one an EXPLANATION save changes. */
    static String explainedEntry(String yaml) { return explained(yaml).group(1); }

    private static final java.util.regex.Pattern EXPLAINED =
            java.util.regex.Pattern.compile("(?m)^- slug: (\\S+)\n(?:  .*\n)*?  explanation: \\|\n    ");

    /** {@code yaml} with {@code mark} put first in the explanation of the {@link #explainedEntry}. */
    static String explanationMarked(String yaml, String mark) {
        int at = explained(yaml).end();
        return yaml.substring(0, at) + mark + ". " + yaml.substring(at);
    }

    /** The first glossary entry of {@code yaml} whose explanation is a block, found. */
    private static java.util.regex.Matcher explained(String yaml) {
        java.util.regex.Matcher m = EXPLAINED.matcher(yaml);
        if (!m.find()) throw new IllegalStateException("no glossary entry has an explanation written as a block (explanation: |)");
        return m;
    }

    private final BuildConfig config;
    private final Edit edit;
    /** Milliseconds from a save's page fetched to the next save, not waiting for its builds; negative: waiting for them. */
    private final long interval;

    EditorLoopBench(BuildConfig config, Edit edit) { this(config, edit, -1); }

    /**
     * With {@code interval} at 0 or more, each save after the first comes that many milliseconds
     * after the last one's page was fetched, while its builds may still run (an editor saving again),
     * and is timed to the first reload whose page shows it.
     */
    EditorLoopBench(BuildConfig config, Edit edit, long interval) {
        this.config = config;
        this.edit = edit;
        this.interval = interval;
    }

    /** The seed's text with its date {@code days} later, in the English header and in the original's date line. */
    private static String movedBy(String text, int days) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^Date: (\\d{4}-\\d{2}-\\d{2})$").matcher(text);
        if (!m.find()) throw new IllegalStateException("the seed has no Date: line");
        String was = m.group(1), now = java.time.LocalDate.parse(was).plusDays(days).toString();
        return text.replaceAll("(?m)^(Date: )?" + was + "$", "$1" + now);
    }

    List<Save> run(Path seed, String articlePath, int saves) throws IOException, InterruptedException {
        byte[] original = Files.readAllBytes(seed);
        List<Save> out = new ArrayList<>();
        List<Path> added = new ArrayList<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (Preview preview = new Preview(config, "127.0.0.1", 0, quiet)) {
            preview.start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + preview.port();
            BlockingQueue<Long> reloads = new LinkedBlockingQueue<>();
            // As the reload script does, the page says which it is (after a template's change it is rendered first).
            String events = base + "/_archive/events?page=" + java.net.URLEncoder.encode("/" + articlePath, StandardCharsets.UTF_8);
            http.sendAsync(HttpRequest.newBuilder(URI.create(events)).build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(r -> r.body().forEach(line -> {
                        if (line.startsWith("event: reload")) reloads.add(System.nanoTime());
                    }));
            Thread.sleep(500); // let the event stream connect
            String text = new String(original, StandardCharsets.UTF_8);
            java.util.regex.Matcher linked = java.util.regex.Pattern.compile("glossary/([a-z0-9-]+)/").matcher(edit != Edit.GLOSS ? ""
                    : http.send(HttpRequest.newBuilder(URI.create(base + "/" + articlePath)).build(), HttpResponse.BodyHandlers.ofString()).body());
            String glossed = linked.find() ? linked.group(1) : null;
            if (edit == Edit.GLOSS && glossed == null) throw new IllegalStateException("the page " + articlePath + " links no glossary entry");
            for (int i = 1; i <= saves; i++) {
                String mark = "Editor loop " + i;
                // The builds of the last save done (a deferring build is followed by one that catches up) and
                // their reload events in: an event of theirs taken for this save's would fetch the page too soon.
                if (interval < 0 || i == 1) {
                    preview.awaitIdle(120);
                    Thread.sleep(100);
                } else {
                    Thread.sleep(interval);
                }
                reloads.clear();
                String id = String.format(java.util.Locale.ROOT, "ed170000000000%02x", i), fetched = articlePath;
                long t0 = System.nanoTime();
                if (edit == Edit.NEW) {
                    Path copy = seed.resolveSibling("900" + String.format(java.util.Locale.ROOT, "%03d", i) + "_" + id + ".txt");
                    added.add(copy);
                    fetched = "articles/" + id + "/";
                    Files.writeString(copy, text.replaceFirst("^Title: ", "Title: " + mark + ": "));
                } else {
                    Files.writeString(seed, switch (edit) {
                        case AUTHOR -> text.replaceFirst("\nAuthor:[^\n]*", "\nAuthor: " + mark);
                        case TITLE -> text.replaceFirst("^Title: ", "Title: " + mark + ": ");
                        case NOTES -> text.stripTrailing() + "\n\n" + mark + ".\n";
                        // Moved in the reading order, off its day's, month's and perhaps year's lists onto others.
                        case DATE -> movedBy(text, i).replaceFirst("^Title: ", "Title: " + mark + ": ");
                        case EXPLANATION -> explanationMarked(text, mark);
                        case TEMPLATE -> templateMarked(text, mark);
                        case GLOSS -> glossMarked(text, glossed, mark);
                        case NEW -> throw new IllegalStateException();
                    });
                }
                long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
                Long reload;
                String page;
                do {
                    // (Saving while the last save's builds run, a reload of theirs may come first: the page reloads again.)
                    reload = reloads.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (reload == null) throw new IllegalStateException("no reload event showing the edit within two minutes of saving " + seed);
                    page = http.send(HttpRequest.newBuilder(URI.create(base + "/" + fetched)).build(), HttpResponse.BodyHandlers.ofString()).body();
                } while (interval >= 0 && !page.contains(mark));
                long t1 = System.nanoTime();
                if (!page.contains(mark)) throw new IllegalStateException("the reloaded page does not show the edit \"" + mark + "\"");
                out.add(new Save((reload - t0) / 1_000_000, (t1 - t0) / 1_000_000, interval < 0 ? preview.lastBuildMillis() : -1));
                if (interval < 0) Thread.sleep(300);
            }
            // The seed put back while the preview still runs, and built: the site then shows the corpus
            // again, as the bench's later builds and any reader of the site expect. Awaited as a build
            // announced after the last save's were done: a reload event of those could still be on its way.
            if (saves > 0) {
                preview.awaitIdle(120);
                int before = preview.server().announced();
                restore(seed, original, added);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (preview.server().announced() == before) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("no build within two minutes of restoring " + seed);
                    Thread.sleep(10);
                }
                preview.awaitIdle(120);
                if (!preview.server().lastErrors().isEmpty()) {
                    throw new IllegalStateException("the build after restoring " + seed + " failed: " + preview.server().lastErrors());
                }
            }
        } finally {
            restore(seed, original, added);
        }
        return out;
    }

    /** Puts the edited seed back as it was and removes the articles the saves added. */
    private static void restore(Path seed, byte[] original, List<Path> added) throws IOException {
        if (!java.util.Arrays.equals(Files.readAllBytes(seed), original)) Files.write(seed, original);
        for (Path p : added) Files.deleteIfExists(p);
    }
}
