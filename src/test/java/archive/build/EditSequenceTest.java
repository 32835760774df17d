package archive.build;

import archive.config.BuildConfig;
import archive.diag.BuildFailedException;
import archive.diag.Diagnostic;
import archive.render.Pagination;
import archive.testing.TestProject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random sequences of what editors do between two builds (a byline corrected, a sentence or a
 * term added, an article moved to another day or page, retitled, added, deleted, renamed, given
 * notes; a glossary entry explained anew, given a rendering, added; a place's note rewritten; an
 * earlier change undone; a mistake, taken back after the build that refused it), one to three
 * changes at a time. After each step the one-off build and
 * the preview (its quick build, then the build that catches up) must give exactly the site, and
 * the warnings, that a clean build without caches gives; a step that a clean build refuses must
 * be refused with the same errors, leaving the last good site as it was.
 *
 * <p>The incremental builds take many shortcuts (pages kept by fingerprint, the article and search
 * stores, the edits' ways through the lists); each test of {@link IncrementalBuildTest} checks one
 * on purpose, these check them in combinations nobody planned. A failure names the sequence's seed
 * and its steps; {@code -Darchive.editSequence.steps=N} runs longer sequences, {@code
 * -Darchive.editSequence.count=N} more of them.
 */
class EditSequenceTest {
    private static final int STEPS = Integer.getInteger("archive.editSequence.steps", 8);
    private static final Pattern DATE = Pattern.compile("\nDate: (\\d{4}-\\d{2}-\\d{2})\n");
    private static final Pattern HAN_RUN = Pattern.compile("[\\p{IsHan}]{3}");
    private static final Pattern WORD_PAIR = Pattern.compile("\\b([a-z]{4,}) ([a-z]{4,})\\b");

    /** The sequences' seeds: three by default, more with {@code -Darchive.editSequence.count=N}. */
    static java.util.stream.LongStream sequences() {
        return java.util.stream.LongStream.range(1958, 1958 + Integer.getInteger("archive.editSequence.count", 3));
    }

    @ParameterizedTest(name = "sequence {0}")
    @MethodSource("sequences")
    void everyStepGivesTheSiteACleanBuildGives(long sequence) throws IOException {
        archive.bench.CorpusGenerator gen = TestProject.generator(sequence);
        TestProject corpus = TestProject.generated(gen, Pagination.ARTICLES + 30);
        try {
            new Sequence(corpus, new SplittableRandom(sequence)).run();
        } finally {
            TestProject.delete(corpus.root);
        }
    }

    /** One sequence of changes on one project, built three ways after each step. */
    private static final class Sequence {
        private final TestProject p;
        private final SplittableRandom rnd;
        /** One-off builds publish to site/, the preview to preview-site/, without the permalink registry (articles are deleted and moved). */
        private final BuildConfig oneOff, preview;
        private final ArticleCache cache = new ArticleCache();
        /** Each file's content before the sequence first changed it (null: it did not exist), for undoing. */
        private final Map<String, String> originals = new LinkedHashMap<>();
        private final List<String> steps = new ArrayList<>();
        private final List<Path> reportedSeeds = new ArrayList<>();
        /** Each file's content before the current step changed it (null: it did not exist). */
        private final Map<String, String> stepBefore = new LinkedHashMap<>();
        /** New glossary entries made so far, for their slugs. */
        private int newEntries;

        Sequence(TestProject p, SplittableRandom rnd) {
            this.p = p;
            this.rnd = rnd;
            this.oneOff = p.config().withPermalinks(null);
            this.preview = oneOff.withOut(p.root.resolve("preview-site"));
        }

        void run() {
            new SiteBuild(oneOff, null).build();
            new SiteBuild(preview, null, cache).build();
            cache.watchingSeeds();
            Path lastGood = reference(0);
            for (int step = 1; step <= STEPS; step++) {
                int changes = 1 + rnd.nextInt(3);
                StringBuilder what = new StringBuilder();
                for (int c = 0; c < changes; c++) what.append(c == 0 ? "" : "; ").append(change());
                steps.add("step " + step + ": " + what);
                // Two folders in turn: the other holds the last good site.
                Path reference = p.root.resolve(lastGood.startsWith(p.root.resolve("reference-0")) ? "reference-1" : "reference-0")
                        .resolve("site");
                TestProject.delete(reference.getParent());
                Outcome clean = Outcome.of(() -> new SiteBuild(oneOff.withOut(reference), null).build());
                Outcome built = Outcome.of(() -> new SiteBuild(oneOff, null).build());
                check("the one-off build", clean, reference, built, lastGood, p.site());
                reportedSeeds.forEach(cache::seedChanged);
                List<String> editedPages = reportedSeeds.stream().map(f -> f.getFileName().toString())
                        .filter(f -> f.endsWith(".txt")).map(f -> "articles/" + f.substring(f.indexOf('_') + 1, f.length() - 4) + "/index.html")
                        .toList();
                reportedSeeds.clear();
                // Pages open in a browser, made first as the preview does after a save to the data or the templates
                // (here after every step): each must be the clean build's page.
                Map<String, byte[]> shownFirst = new LinkedHashMap<>();
                java.util.Set<String> open = openPages(lastGood, editedPages);
                BuildFailedException firstFailed = null;
                try {
                    shownFirst.putAll(new SiteBuild(preview, null, cache).renderOnly(open));
                } catch (BuildFailedException e) {
                    firstFailed = e;
                }
                Outcome quick = Outcome.of(() -> new SiteBuild(preview, null, cache).deferringIndexes().build());
                if (clean.failure() != null && quick.failure() == null) {
                    fail(context("the preview's quick build succeeded where a clean build failed: " + clean.failure().getMessage()));
                }
                if (clean.failure() == null) {
                    if (firstFailed != null) fail(context("the open pages were not made first: " + firstFailed.getMessage()));
                    if (quick.failure() != null) fail(context("the preview's quick build failed: " + quick.failure().getMessage()));
                    quickBuildShowsTheEdits(reference, lastGood, editedPages);
                    for (String f : open) {
                        byte[] expected = readOrNull(reference.resolve(f)), made = shownFirst.get(f);
                        if (expected == null ? made != null : !java.util.Arrays.equals(expected, made)) {
                            fail(context("the open page " + f + (made == null ? " was not made first" : " was made first otherwise")));
                        }
                    }
                }
                Outcome caughtUp = Outcome.of(() -> new SiteBuild(preview, null, cache).build());
                check("the preview's build after it", clean, reference, caughtUp, lastGood, preview.out());
                if (clean.failure() == null) lastGood = reference;
                else {
                    // As an editor does on seeing the error: the step's changes taken back before the next.
                    steps.add("  (refused: " + clean.failure().getMessage().lines().skip(1).findFirst().orElse("").strip()
                            + "; taken back)");
                    new ArrayList<>(stepBefore.entrySet()).forEach(e -> save(e.getKey(), e.getValue()));
                }
                stepBefore.clear();
            }
            if (Boolean.getBoolean("archive.editSequence.print")) System.out.println(String.join("\n", steps));
        }

        /**
         * The preview's quick build publishes the edited articles' pages at once; what it leaves for
         * the build that follows (the search index, feed and downloads, and the lists that added or
         * moved articles shift) stays as last published. So each file it changed is the clean build's,
         * and so is each edited article's page.
         */
        private void quickBuildShowsTheEdits(Path reference, Path lastGood, List<String> editedPages) {
            Path quick = preview.out();
            List<String> problems = new ArrayList<>();
            java.util.Set<String> now = new java.util.TreeSet<>(TestProject.files(quick)), before = new java.util.TreeSet<>(TestProject.files(lastGood)),
                    clean = new java.util.TreeSet<>(TestProject.files(reference));
            for (String f : now) {
                boolean changed = !before.contains(f) || !TestProject.sameBytes(quick.resolve(f), lastGood.resolve(f));
                if (changed && !(clean.contains(f) && TestProject.sameBytes(quick.resolve(f), reference.resolve(f)))) problems.add("made otherwise: " + f);
            }
            for (String f : before) if (!now.contains(f) && clean.contains(f)) problems.add("taken away: " + f);
            for (String page : editedPages) {
                if (clean.contains(page) && !(now.contains(page) && TestProject.sameBytes(quick.resolve(page), reference.resolve(page)))) {
                    problems.add("the edited article's page not shown: " + page);
                }
            }
            if (!problems.isEmpty()) fail(context("the preview's quick build differs from a clean build's:\n    "
                    + String.join("\n    ", problems.subList(0, Math.min(10, problems.size())))));
        }

        /** The pages a browser has open: the edited articles' and four more of the last good site, any kind. */
        private java.util.Set<String> openPages(Path lastGood, List<String> editedPages) {
            List<String> pages = TestProject.files(lastGood).stream().filter(f -> f.endsWith("index.html") && !f.startsWith("search/data"))
                    .toList();
            java.util.Set<String> open = new java.util.TreeSet<>(editedPages);
            for (int i = 0; i < 4 && !pages.isEmpty(); i++) open.add(pages.get(rnd.nextInt(pages.size())));
            return open;
        }

        private static byte[] readOrNull(Path file) {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                return null;
            }
        }

        /** A clean build of the inputs as they stand, into a folder of its own without caches. */
        private Path reference(int slot) {
            Path out = p.root.resolve("reference-" + slot).resolve("site");
            TestProject.delete(out.getParent());
            new SiteBuild(oneOff.withOut(out), null).build();
            return out;
        }

        private void check(String which, Outcome clean, Path reference, Outcome built, Path lastGood, Path site) {
            if (clean.failure() != null) {
                if (built.failure() == null) fail(context(which + " succeeded where a clean build failed: " + clean.failure().getMessage()));
                assertEquals(clean.failure().getMessage(), built.failure().getMessage(), context(which + " failed otherwise"));
                sameSite(which + " (refused: the last good site stands)", lastGood, site, f -> true);
                return;
            }
            if (built.failure() != null) fail(context(which + " failed where a clean build did not: " + built.failure().getMessage()));
            sameSite(which, reference, site, f -> true);
            assertEquals(clean.warnings(), built.warnings(), context(which + "'s warnings"));
        }

        private void sameSite(String which, Path expected, Path actual, java.util.function.Predicate<String> compared) {
            try {
                TestProject.assertSameSite(expected, actual, compared);
            } catch (AssertionError e) {
                fail(context(which + " differs from a clean build's:\n    " + e.getMessage()), e);
            }
        }

        private String context(String problem) {
            return problem + "\nafter these steps of the sequence:\n  " + String.join("\n  ", steps);
        }

        // ---- The changes ----

        private String change() {
            return switch (rnd.nextInt(15)) {
                case 0 -> onSeed("byline", t -> t.replaceFirst("\nAuthor:[^\n]*", "\nAuthor: Editor " + rnd.nextInt(1000)));
                case 1 -> onSeed("sentence", this::sentence);
                case 2 -> onSeed("Chinese term", this::chineseTerm);
                case 3 -> onSeed("date", this::moveDate);
                case 4 -> onSeed("page", t -> {
                    int page = 1 + rnd.nextInt(8);
                    return t.replaceFirst("\nPage: \\d+", "\nPage: " + page).replaceFirst("第\\d+版", "第" + page + "版");
                });
                case 5 -> onSeed("title", t -> t.replaceFirst("(?m)^Title: ", "Title: Revised " + rnd.nextInt(100) + ": "));
                case 6 -> addArticle();
                case 7 -> deleteArticle();
                case 8 -> renameArticle();
                case 9 -> notes();
                case 10 -> glossary();
                case 11 -> place();
                case 12 -> undo();
                case 13 -> mistake();
                default -> "nothing";
            };
        }

        private List<String> seeds() {
            try (Stream<Path> s = Files.list(p.root.resolve("seeds"))) {
                return s.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".txt")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String pickSeed() {
            List<String> all = seeds();
            return all.get(rnd.nextInt(all.size()));
        }

        private String onSeed(String what, java.util.function.UnaryOperator<String> edit) {
            String name = pickSeed();
            String rel = "seeds/" + name;
            save(rel, edit.apply(p.read(rel)));
            return what + " of " + name;
        }

        /** An editor's sentence before the first paragraph, holding a rendering of an entry. */
        private String sentence(String text) {
            List<archive.model.GlossaryEntry> glossary = data().glossary();
            archive.model.GlossaryEntry e = glossary.get(rnd.nextInt(glossary.size()));
            String term = e.en().isEmpty() ? "the editors" : e.en().get(rnd.nextInt(e.en().size()));
            int body = text.indexOf("\n\n") + 2;
            return text.substring(0, body) + "An editor adds " + term + " here. " + text.substring(body);
        }

        /** One of the entries' Chinese forms said once more at the end of the Chinese text. */
        private String chineseTerm(String text) {
            // (An entry may have no Chinese form of its own: one made of parts.)
            List<archive.model.GlossaryEntry> glossary = data().glossary().stream().filter(g -> !g.zh().isEmpty()).toList();
            if (glossary.isEmpty()) return text;
            archive.model.GlossaryEntry e = glossary.get(rnd.nextInt(glossary.size()));
            return text.stripTrailing() + e.zh().get(rnd.nextInt(e.zh().size())) + "\n";
        }

        /** Another day of 1958–1960 in the English header and the Chinese date line. */
        private String moveDate(String text) {
            Matcher m = DATE.matcher(text);
            if (!m.find()) return text;
            LocalDate to = LocalDate.of(1958, 1, 1).plusDays(rnd.nextInt(3 * 365));
            return text.replace(m.group(1), to.toString());
        }

        private String addArticle() {
            String from = pickSeed();
            String id = String.format("%016x", rnd.nextLong());
            String name = String.format("%06d_%s.txt", rnd.nextInt(1_000_000), id);
            String text = p.read("seeds/" + from).replaceFirst("(?m)^Title: ", "Title: Added: ");
            save("seeds/" + name, rnd.nextBoolean() ? text : moveDate(text));
            return "new article " + name + " (from " + from + ")";
        }

        private String deleteArticle() {
            String name = pickSeed();
            for (String rel : withSidecars(name)) if (Files.exists(p.root.resolve(rel))) save(rel, null);
            return "deleted " + name;
        }

        /** The same article under another number: the reading order of the seeds' names changes. */
        private String renameArticle() {
            String name = pickSeed();
            String renamed = String.format("%06d", rnd.nextInt(1_000_000)) + name.substring(name.indexOf('_'));
            if (Files.exists(p.root.resolve("seeds/" + renamed))) return "nothing";
            List<String> from = withSidecars(name), to = withSidecars(renamed);
            for (int i = 0; i < from.size(); i++) {
                if (!Files.exists(p.root.resolve(from.get(i)))) continue;
                String text = p.read(from.get(i));
                save(from.get(i), null);
                save(to.get(i), text);
            }
            return "renamed " + name + " to " + renamed;
        }

        private List<String> withSidecars(String seed) {
            String base = "seeds/" + seed.substring(0, seed.length() - ".txt".length());
            List<String> out = new ArrayList<>(List.of(base + ".txt"));
            for (String side : archive.source.SeedReader.SIDECARS) out.add(base + side);
            return out;
        }

        /** Editors' notes for an article, linking an entry and a place, or taken away again. */
        private String notes() {
            String name = pickSeed();
            String rel = "seeds/" + name.replaceFirst("\\.txt$", ".notes.md");
            if (Files.exists(p.root.resolve(rel)) && rnd.nextInt(3) == 0) {
                save(rel, null);
                return "notes of " + name + " deleted";
            }
            var data = data();
            var entry = data.glossary().get(rnd.nextInt(data.glossary().size()));
            var place = data.places().get(rnd.nextInt(data.places().size()));
            save(rel, "By: A test editor, 2026-12-07\n\nThis report on [" + entry.gloss() + "](glossary:" + entry.slug() + ") in ["
                    + place.name() + "](place:" + place.slug() + ") needs a note (" + rnd.nextInt(1000) + ").\n\n## p1\n"
                    + "**The first paragraph.** A remark on it.\n");
            return "notes of " + name;
        }

        /** An entry's explanation extended, a rendering cut from a text given to an entry, or a new entry. */
        private String glossary() {
            String rel = "data/glossary.yaml", yaml = p.read(rel);
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    List<Integer> at = positions(yaml, "  explanation: |\n    ");
                    int i = at.get(rnd.nextInt(at.size()));
                    save(rel, yaml.substring(0, i) + "An editor's addition " + rnd.nextInt(1000) + ". " + yaml.substring(i));
                    return "an explanation extended";
                }
                case 1 -> {
                    String phrase = englishPhrase();
                    if (phrase == null) return "nothing";
                    List<Integer> at = positions(yaml, "\n  en: [");
                    int i = at.get(rnd.nextInt(at.size()));
                    save(rel, yaml.substring(0, i) + phrase + ", " + yaml.substring(i));
                    return "the rendering \"" + phrase + "\" given to an entry";
                }
                default -> {
                    String zh = chinesePhrase(), en = englishPhrase();
                    if (zh == null || en == null) return "nothing";
                    int n = ++newEntries;
                    save(rel, yaml + "\n- slug: sequence-term-" + n + "\n  kind: term\n  zh: [" + zh + "]\n  pinyin: cíyǔ\n  en: ["
                            + en + "]\n  gloss: a term of the test\n  explanation: |\n    A term cut from the texts.\n");
                    return "new entry " + zh + " / " + en;
                }
            }
        }

        /** A place's note rewritten. */
        private String place() {
            String rel = "data/places.yaml", yaml = p.read(rel);
            List<Integer> at = positions(yaml, "\n  note: \"");
            if (at.isEmpty()) return "nothing";
            int i = at.get(rnd.nextInt(at.size()));
            save(rel, yaml.substring(0, i) + "Noted again " + rnd.nextInt(1000) + ". " + yaml.substring(i));
            return "a place's note";
        }

        /** What an editor saves half-done: a date that is no date, a glossary line cut short, notes without their date. */
        private String mistake() {
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    return onSeed("mistaken date", t -> t.replaceFirst("\nDate: \\d{4}-\\d{2}-\\d{2}", "\nDate: 1959-02-30"));
                }
                case 1 -> {
                    String rel = "data/glossary.yaml", yaml = p.read(rel);
                    List<Integer> at = positions(yaml, "\n  en: [");
                    int i = at.get(rnd.nextInt(at.size()));
                    save(rel, yaml.substring(0, i) + "\"an unclosed rendering, " + yaml.substring(i));
                    return "a rendering left unclosed";
                }
                default -> {
                    String name = pickSeed();
                    save("seeds/" + name.replaceFirst("\\.txt$", ".notes.md"), "By: A hasty editor\n\nA note begun.\n");
                    return "notes without a date for " + name;
                }
            }
        }

        /** A file the sequence changed put back as it was before (or removed, if the sequence made it). */
        private String undo() {
            if (originals.isEmpty()) return "nothing";
            List<String> files = new ArrayList<>(originals.keySet());
            String rel = files.get(rnd.nextInt(files.size()));
            save(rel, originals.get(rel));
            return "undid the changes to " + rel;
        }

        private List<Integer> positions(String text, String marker) {
            List<Integer> out = new ArrayList<>();
            for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) out.add(i + marker.length());
            return out;
        }

        private String chinesePhrase() {
            Matcher m = HAN_RUN.matcher(p.read("seeds/" + pickSeed()));
            List<String> all = new ArrayList<>();
            while (m.find()) all.add(m.group());
            return all.isEmpty() ? null : all.get(rnd.nextInt(all.size()));
        }

        private String englishPhrase() {
            String text = p.read("seeds/" + pickSeed());
            Matcher m = WORD_PAIR.matcher(text.substring(0, Math.max(0, text.indexOf("<hr"))));
            List<String> all = new ArrayList<>();
            while (m.find()) all.add(m.group());
            return all.isEmpty() ? null : all.get(rnd.nextInt(all.size()));
        }

        private archive.model.EditorialData data() {
            return new archive.source.EditorialDataLoader().load(p.root.resolve("data"), new archive.diag.Diagnostics());
        }

        /** Writes (or with null deletes) a project file, remembering what it was first, and reports a seed to the preview's watcher. */
        private void save(String rel, String text) {
            Path f = p.root.resolve(rel);
            try {
                String was = Files.exists(f) ? Files.readString(f) : null;
                if (!originals.containsKey(rel)) originals.put(rel, was);
                if (!stepBefore.containsKey(rel)) stepBefore.put(rel, was);
                if (text == null) Files.deleteIfExists(f);
                else p.replace(rel, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (rel.startsWith("seeds/")) reportedSeeds.add(f.toAbsolutePath().normalize());
        }
    }

    /** A build's warnings, or its failure. */
    private record Outcome(List<String> warnings, BuildFailedException failure) {
        static Outcome of(java.util.function.Supplier<SiteBuild.Result> build) {
            try {
                SiteBuild.Result r = build.get();
                return new Outcome(r.diagnostics().warnings().stream().map(Diagnostic::format).toList(), null);
            } catch (BuildFailedException e) {
                return new Outcome(List.of(), e);
            }
        }
    }
}
