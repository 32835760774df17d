package archive.cli;

import archive.bench.CorpusGenerator;
import archive.bench.MachineLoad;
import archive.bench.ProcessStats;
import archive.bench.Trash;
import archive.config.BuildConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Generates a synthetic corpus of N articles and times builds of it, each in a fresh JVM as an
 * editor or CI runs it: a clean full build, a build with nothing changed, and a build after
 * editing one article. Prints wall and CPU time, peak memory, pages and articles per second.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Generate a synthetic corpus of --articles articles and time full, unchanged and one-edit builds.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--articles", required = true, description = "number of articles in the corpus")
    int articles;

    @Option(names = "--seed", defaultValue = "1958", description = "seed of the corpus generator (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dir", defaultValue = "target/bench", description = "where corpora are generated and kept (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--out", description = "the site folder to build (default: DIR/site-N); put it on tmpfs to leave the disk out")
    Path out;

    /** The real seeds the corpus is made from, and the data, pages and templates it is built with. */
    @picocli.CommandLine.Mixin
    InputFolders in;

    @Option(names = "--full-only", description = "time only the clean full build")
    boolean fullOnly;

    @Option(names = "--cold", description = "delete the build's caches (annotations, citations, search postings) before the "
            + "clean build too, as on a machine that never built the corpus")
    boolean cold;

    @Option(names = "--editor-only", description = "time only the editor loop (the preview builds the site first)")
    boolean editorOnly;

    @Option(names = "--saves", defaultValue = "5", description = "saves timed in the editor loop, 0 for none (default: ${DEFAULT-VALUE})")
    int saves;

    @Option(names = "--edit", defaultValue = "author", description = "what the editor loop's saves change: author (a line "
            + "of text only the article's page shows), title (shown in every list the article is on), notes (a paragraph added "
            + "to an article's editors' notes), date (the article moved a day later each save, its title marked), new (a new article "
            + "each save), explanation (a glossary entry's explanation, in the data) or template (a comment in the head of "
            + "base.peb, in a copy of the templates: every page changes, the open one is shown first) or gloss (the gloss of the "
            + "first entry the article's page links, in the data: every article with the entry changes) (default: ${DEFAULT-VALUE})")
    String edit;

    @Option(names = "--interval", paramLabel = "MS", description = "in the editor loop, save again MS milliseconds after the last "
            + "save's page was fetched, while its builds may still run (an editor saving again; a build of every page gives way "
            + "to the newer save); by default each save waits for the last one's builds")
    Long interval;

    @Option(names = "--java-opts", description = "JVM options of the timed builds (default: those of this JVM)")
    String javaOpts;

    /**
     * One timed build: its process figures and what it wrote; {@code othersCpu}, what the rest of
     * the machine computed meanwhile (see {@link MachineLoad}).
     */
    record Run(String name, ProcessStats stats, int articles, int pages, int rendered, int written, int reused, double searchSeconds,
               double othersCpu) {}

    /** A progress line of the build: {@code [  1.23 s, CPU   2.34 s] what was done}. */
    private static final java.util.regex.Pattern PROGRESS = java.util.regex.Pattern.compile("^\\[\\s*([\\d.]+) s, CPU\\s+[\\d.]+ s\\] (.*)$");

    @Override
    public Integer call() throws Exception {
        Path corpus = dir.resolve("corpus-" + articles + "-" + seed);
        Path site = out != null ? out : dir.resolve("site-" + articles);
        Path seedDir = corpus.resolve("seeds");
        // What the bench would delete is moved aside and deleted after the timed builds (see Trash).
        Trash trash = new Trash(dir);
        trash.empty();
        try {
            return bench(corpus, site, seedDir, trash);
        } finally {
            trash.empty();
        }
    }

    private int bench(Path corpus, Path site, Path seedDir, Trash trash) throws Exception {
        if (!Files.exists(corpus.resolve(".complete"))) {
            trash.moveAside(corpus);
            long t0 = System.nanoTime();
            new CorpusGenerator(in.seeds, in.data, seed).write(seedDir, articles);
            copyTree(in.data, corpus.resolve("data"));
            copyTree(in.pages, corpus.resolve("pages"));
            Files.writeString(corpus.resolve(".complete"), "articles=" + articles + " seed=" + seed + "\n");
            System.out.printf(Locale.ROOT, "Generated %d articles in %s (%.1f s)%n", articles, seedDir,
                    (System.nanoTime() - t0) / 1e9);
        } else {
            System.out.printf("Reusing the corpus in %s%n", corpus);
        }
        long bytes;
        try (Stream<Path> s = Files.list(seedDir)) {
            bytes = s.mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "Corpus: %d articles, %.1f MB of seeds and notes%n", articles, bytes / 1e6);

        if (editorOnly) {
            editorLoop(corpus, seedDir, site);
            return 0;
        }
        trash.moveAside(site);
        // A synthetic corpus publishes other paths than the archive: its builds keep no permalink registry.
        List<String> build = List.of("build", "--stats", "--permalinks", "none", "--seeds", seedDir.toString(), "--data", corpus.resolve("data").toString(),
                "--pages", corpus.resolve("pages").toString(), "--templates", in.templates.toString(), "--out", site.toString());
        List<Run> runs = new ArrayList<>();
        BuildConfig config = new BuildConfig(seedDir, in.templates, corpus.resolve("data"), corpus.resolve("pages"), site, null,
                false, null);
        if (!cold && !archive.build.SiteBuild.cachesMadeByThisGenerator(config)) {
            // Caches of another build of the generator are no caches: the "caches kept" build would annotate
            // and tokenize every article, as a build without them does (--cold times that).
            System.out.println("The caches beside " + site + " were made by another build of the generator, or none: "
                    + "one untimed build makes them first");
            run("making the caches (untimed)", build);
            trash.moveAside(site);
        }
        if (cold) {
            trash.moveAside(archive.publish.Publishing.cacheFolder(config));
        }
        // Only before the timed build: the untimed one may pay for what the bench deleted lately.
        settleDisk();
        trash.waitForQuiet(site, System.out);
        // The issue counts the search index apart from the pages: the clean build makes it after them, so that
        // its progress lines time each (the index beside the pages took as long in all: docs/benchmarks.md).
        List<String> clean = new ArrayList<>(build);
        clean.add(1, "--search-index-apart");
        runs.add(run(cold ? "full build, clean, no caches" : "full build, clean (caches kept)", clean));
        if (!fullOnly) {
            runs.add(run("nothing changed", build));
            CorpusGenerator gen = new CorpusGenerator(in.seeds, in.data, seed);
            Path edited = seedDir.resolve(gen.fileName(articles / 2));
            byte[] original = Files.readAllBytes(edited);
            try {
                String text = new String(original, StandardCharsets.UTF_8);
                Files.writeString(edited, text.replaceFirst("\nAuthor:", "\nAuthor: An edit for the benchmark"));
                runs.add(run("one article edited (author line)", build));
                // Then its text: a sentence before its first paragraph (its search postings change too).
                int body = text.indexOf("\n\n", text.indexOf("\nPage:")) + 2;
                Files.writeString(edited, text.substring(0, body) + "An editor's correction of the translation. " + text.substring(body));
                runs.add(run("one article edited (a paragraph)", build));
                // Then its date, English and Chinese (a correction editors make): it moves in every list it is on.
                Files.writeString(edited, movedOneDay(text));
                runs.add(run("one article moved (its date)", build));
                // Then the data alone: a glossary entry's explanation reworded, which only the entry's first page shows.
                Path glossary = corpus.resolve("data").resolve("glossary.yaml");
                byte[] data = Files.readAllBytes(glossary);
                try {
                    Files.writeString(glossary, EditorLoopBench.explanationMarked(new String(data, StandardCharsets.UTF_8),
                            "An editor's rewording"));
                    runs.add(run("one glossary explanation edited (data)", build));
                } finally {
                    Files.write(glossary, data);
                }
            } finally {
                Files.write(edited, original);
            }
        }
        print(site, runs);
        if (!fullOnly && saves > 0) editorLoop(corpus, seedDir, site);
        return 0;
    }

    /** A seed's text with its date, on the English {@code Date:} line and the Chinese date line, a day later (or earlier). */
    static String movedOneDay(String seed) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\nDate: (\\d{4}-\\d{2}-\\d{2})\n").matcher(seed);
        if (!m.find()) throw new IllegalStateException("the seed has no Date: line");
        String was = m.group(1);
        java.time.LocalDate date = java.time.LocalDate.parse(was);
        // Within its month, so that it stays in the archive's years (the last day of a month moves back a day).
        String now = (date.plusDays(1).getMonth() == date.getMonth() ? date.plusDays(1) : date.minusDays(1)).toString();
        return seed.replace("\nDate: " + was + "\n", "\nDate: " + now + "\n").replace("\n" + was + "\n", "\n" + now + "\n");
    }

    /** Times the preview's rebuild after saving a seed, in this JVM (the preview is a long-running process). */
    private void editorLoop(Path corpus, Path seedDir, Path site) throws IOException, InterruptedException {
        CorpusGenerator gen = new CorpusGenerator(in.seeds, in.data, seed);
        int n = articles / 3;
        EditorLoopBench.Edit kind = EditorLoopBench.Edit.valueOf(edit.toUpperCase(Locale.ROOT));
        Path templates = in.templates;
        if (kind == EditorLoopBench.Edit.TEMPLATE) {
            // A copy beside the corpus, made anew each run: the saves change its base.peb, never the project's own.
            templates = corpus.resolve("templates");
            archive.site.SiteWriter.deleteTree(templates);
            copyTree(in.templates, templates);
        }
        BuildConfig config = new BuildConfig(seedDir, templates, corpus.resolve("data"), corpus.resolve("pages"), site,
                null, false, null);
        Path file = seedDir.resolve(gen.fileName(n));
        String article = "articles/" + gen.id(n) + "/";
        if (kind == EditorLoopBench.Edit.NOTES) {
            // The first article of the corpus with editors' notes.
            try (Stream<Path> s = Files.list(seedDir)) {
                file = s.filter(p -> p.getFileName().toString().endsWith(".notes.md")).sorted().findFirst()
                        .orElseThrow(() -> new IllegalStateException("the corpus has no editors' notes"));
            }
            String name = file.getFileName().toString();
            article = "articles/" + name.substring(name.indexOf('_') + 1, name.length() - ".notes.md".length()) + "/";
        } else if (kind == EditorLoopBench.Edit.EXPLANATION) {
            file = config.data().resolve("glossary.yaml");
            article = "glossary/" + EditorLoopBench.explainedEntry(Files.readString(file)) + "/";
        } else if (kind == EditorLoopBench.Edit.TEMPLATE) {
            file = templates.resolve("base.peb");
        } else if (kind == EditorLoopBench.Edit.GLOSS) {
            file = config.data().resolve("glossary.yaml");
        }
        System.out.println();
        String what = edit.equals("new") ? "a new article (a copy of " + file.getFileName() + " under a new id) saved " + saves
                + " times, each a new one" : "the " + edit + " of " + file.getFileName() + " changed and saved " + saves + " times";
        System.out.printf("Editor loop: `serve` on the corpus, %s; time from the save to the "
                + "reload event and to the page fetched with the edit (JVM options: %s)%n", what,
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        if (interval != null) {
            System.out.printf("Each save after the first %d ms after the last one's page was fetched, its builds perhaps still running "
                    + "(timed to the first reload that shows it)%n", interval);
        }
        System.out.println("| save | to reload event | to page fetched | rebuild |");
        System.out.println("|---|---|---|---|");
        int i = 0;
        for (EditorLoopBench.Save s : new EditorLoopBench(config, kind, interval == null ? -1 : interval).run(file, article, saves)) {
            System.out.printf(Locale.ROOT, "| %d | %d ms | %d ms | %s |%n", ++i, s.reloadMillis(), s.pageMillis(),
                    s.buildMillis() < 0 ? "–" : s.buildMillis() + " ms");
        }
    }

    private Run run(String name, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        String launcher = System.getenv("ARCHIVE_LAUNCHER");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (launcher != null && !launcher.isBlank()) {
            // As an editor runs it: the launcher picks the JVM's options for the archive's size.
            cmd.add(launcher);
            if (javaOpts != null) pb.environment().put("ARCHIVE_JAVA_OPTS", javaOpts);
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Main.class.getName());
        }
        cmd.addAll(args);
        long started = System.nanoTime();
        double machineBefore = MachineLoad.busySeconds();
        Process p = pb.start();
        ProcessStats stats = null;
        int[] counts = new int[5];
        List<String> output = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.add(line);
                if (line.startsWith("jvm: ")) buildJvm = line.substring("jvm: ".length());
                ProcessStats s = ProcessStats.parse(line);
                if (s != null) {
                    stats = s;
                    for (String kv : line.split(" ")) {
                        String[] e = kv.split("=", 2);
                        switch (e[0]) {
                            case "articles" -> counts[0] = Integer.parseInt(e[1]);
                            case "pages" -> counts[1] = Integer.parseInt(e[1]);
                            case "written" -> counts[2] = Integer.parseInt(e[1]);
                            case "reused" -> counts[3] = Integer.parseInt(e[1]);
                            case "rendered" -> counts[4] = Integer.parseInt(e[1]);
                            default -> { }
                        }
                    }
                }
            }
        }
        int code = p.waitFor();
        double machineCpu = MachineLoad.busySeconds() - machineBefore;
        if (code != 0 || stats == null) {
            output.stream().skip(Math.max(0, output.size() - 30)).forEach(System.err::println);
            throw new IllegalStateException("the " + name + " failed with exit code " + code);
        }
        // Wall time of the whole command as typed (launcher, JVM start and exit), not the JVM's uptime.
        stats = new ProcessStats((System.nanoTime() - started) / 1e9, stats.cpuSeconds(), stats.peakRssBytes(), stats.peakHeapBytes());
        Run run = new Run(name, stats, counts[0], counts[1], counts[4], counts[2], counts[3], searchSeconds(output),
                Math.max(0, machineCpu - stats.cpuSeconds()));
        System.out.printf(Locale.ROOT, "%-20s %6.2f s wall, %6.2f s CPU; other work meanwhile %s%n", name, stats.wallSeconds(),
                stats.cpuSeconds(), others(run));
        return run;
    }

    /**
     * What the search index added to a build's wall time, from its progress lines (the issue counts the
     * index apart from the pages): the stage ending with the "Indexed" (or "Kept the search index") line,
     * from the line before it, when only publishing follows it. Made beside the pages (on a thread of its
     * own) and done before them, it added nothing: other stages' lines come after its own.
     */
    static double searchSeconds(List<String> output) {
        List<java.util.regex.Matcher> lines = new ArrayList<>();
        for (String line : output) {
            java.util.regex.Matcher m = PROGRESS.matcher(line);
            if (m.matches()) lines.add(m);
        }
        double search = 0;
        for (int i = 0; i < lines.size(); i++) {
            String what = lines.get(i).group(2);
            if (!what.startsWith("Indexed") && !what.startsWith("Kept the search index")) continue;
            boolean last = lines.subList(i + 1, lines.size()).stream().allMatch(m -> m.group(2).startsWith("Published"));
            double before = i == 0 ? 0 : Double.parseDouble(lines.get(i - 1).group(1));
            if (last) search += Double.parseDouble(lines.get(i).group(1)) - before;
        }
        return search;
    }

    /** The JVM options the timed builds reported (the launcher chooses them by the archive's size). */
    private String buildJvm;

    private List<String> jvmOptions() {
        if (javaOpts != null) return javaOpts.isBlank() ? List.of() : List.of(javaOpts.trim().split("\\s+"));
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-XX:StartFlightRecording") && !a.startsWith("-agentlib")
                        && !a.startsWith("-XX:ArchiveClassesAtExit")).toList();
    }

    private void print(Path site, List<Run> runs) {
        System.out.println();
        System.out.printf("%d articles into %s; JVM options: %s; %d cores%n", articles, site,
                buildJvm != null ? buildJvm : String.join(" ", jvmOptions()),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| build | wall | of it, search index | wall without it | CPU | peak RSS | peak heap | pages | pages rendered "
                + "| files written | files unchanged | articles/s | other work meanwhile |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Run r : runs) {
            ProcessStats s = r.stats();
            System.out.printf(Locale.ROOT, "| %s | %.2f s | %.2f s | %.2f s | %.2f s | %s | %s | %d | %d | %d | %d | %.0f | %s |%n", r.name(),
                    s.wallSeconds(), r.searchSeconds(), s.wallSeconds() - r.searchSeconds(), s.cpuSeconds(),
                    ProcessStats.gib(s.peakRssBytes()), ProcessStats.gib(s.peakHeapBytes()), r.pages(), r.rendered(),
                    r.written(), r.reused(), r.articles() / s.wallSeconds(), others(r));
        }
        System.out.println("(other work meanwhile: the machine's busy CPU time during the build less the build's own, in seconds "
                + "and as cores; it includes the kernel writing the build's files back to disk)");
        System.out.println("(of it, search index: the clean build makes the index after every page (build --search-index-apart), "
                + "and the index's stage is its share; the other builds make it beside the pages, and only what it added after "
                + "them counts)");
    }

    /** The CPU the rest of the machine used during a build: "1.23 s CPU (0.45 cores)"; "n/a" without /proc/stat. */
    private static String others(Run r) {
        if (Double.isNaN(r.othersCpu())) return "n/a";
        return String.format(Locale.ROOT, "%.2f s CPU (%.2f cores)", r.othersCpu(), r.othersCpu() / r.stats().wallSeconds());
    }

    /**
     * Waits for the disk to write back what the bench itself just did (a corpus generated, the
     * trash of an earlier run deleted), so that the clean build is not charged for it: the system's
     * `sync`, where there is one.
     */
    private static void settleDisk() {
        try {
            Process p = new ProcessBuilder("sync").redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            // no sync command: the build may share the disk with the deletion's writeback
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) return;
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
