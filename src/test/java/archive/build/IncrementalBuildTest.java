package archive.build;

import archive.config.BuildConfig;
import archive.render.Pagination;
import archive.testing.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A build after a change gives exactly the site a clean build gives, and leaves untouched what did not change. */
class IncrementalBuildTest {
    private final TestProject project = TestProject.seedProject();

    @AfterEach
    void clean() { TestProject.delete(project.root); }

    @Test
    void aBuildWithNothingChangedRewritesNothing() throws IOException {
        project.build();
        Map<String, FileTime> before = times(project.site());
        SiteBuild.Result again = project.build();
        assertEquals(0, again.filesWritten());
        Map<String, FileTime> after = times(project.site());
        for (String f : before.keySet()) assertEquals(before.get(f), after.get(f), f);
        assertEquals(before.keySet(), after.keySet());
    }

    @Test
    void aBuildThatFindsEveryInputAsThePreviousReadItReadsNothingAndGivesItsWarningsAgain() throws IOException {
        // A stray file in the seeds folder: a warning, which a build that reads nothing must give again.
        project.write("seeds/draft.md", "not a seed").settle();
        Logged first = logged(project, null);
        assertTrue(first.result().diagnostics().warnings().stream().anyMatch(w -> w.format().contains("draft.md")),
                "the stray file is warned about");
        Map<String, FileTime> before = times(project.site());
        Logged again = logged(project, null);
        assertTrue(again.log().contains("Nothing changed since the previous build"), again.log());
        assertTrue(!again.log().contains("Read "), "no article is read: " + again.log());
        assertEquals(first.result().diagnostics().warnings(), again.result().diagnostics().warnings());
        assertEquals(first.result().articles(), again.result().articles());
        assertEquals(first.result().pages(), again.result().pages());
        assertEquals(0, again.result().filesWritten());
        assertEquals(before, times(project.site()));

        // Every kind of input, changed, makes the build read again; the site is then a clean build's.
        String seed = "seeds/000_119a5904f4221201.txt";
        Files.setLastModifiedTime(project.root.resolve(seed), FileTime.fromMillis(System.currentTimeMillis() - 30_000));
        assertReadsAgain(project, "a seed saved unchanged");
        assertTrue(logged(project, null).log().contains("Nothing changed since the previous build"), "and the next one finds it so");
        editFirstSeed();
        assertReadsAgain(project, "an edited seed");
        project.write("seeds/000_119a5904f4221201.notes.md", project.read("seeds/000_119a5904f4221201.notes.md") + "\nA remark.\n");
        assertReadsAgain(project, "edited notes");
        project.write("data/glossary.yaml", project.read("data/glossary.yaml") + "\n");
        assertReadsAgain(project, "the glossary");
        project.write("templates/base.peb", project.read("templates/base.peb") + "\n");
        assertReadsAgain(project, "a template");
        project.write("pages/about.md", project.read("pages/about.md") + "\nOne more line.\n");
        assertReadsAgain(project, "a page of the archive's own");
        Files.delete(project.root.resolve("seeds/draft.md"));
        assertReadsAgain(project, "the stray file gone");
        assertTrue(logged(project, null).result().diagnostics().warnings().stream().noneMatch(w -> w.format().contains("draft.md")),
                "its warning with it");
        // Another setting: the site's address.
        project.settle();
        BuildConfig addressed = project.config().withSiteUrl("https://example.org/archive/");
        assertTrue(!loggedWith(project, addressed).log().contains("Nothing changed"), "a new site address");
        assertTrue(loggedWith(project, addressed).log().contains("Nothing changed"), "the same address again");
        assertReadsAgain(project, "no address");

        // The published site: a file put in it by hand is removed, one replaced by hand (saved beside, then renamed) is made again.
        project.write("site/articles/stray.html", "put here by hand");
        Logged stray = logged(project, null);
        assertTrue(stray.log().contains("Nothing changed"), stray.log());
        TestProject.assertSameSite(cleanBuild(), project.site());
        project.replace("site/glossary/index.html", "edited by hand");
        assertReadsAgain(project, "a published page changed by hand");
        // Its page manifest lost: nothing is known to be published, and every page is checked.
        Files.delete(manifestOf(project));
        assertReadsAgain(project, "the page manifest lost");
    }

    @Test
    void aFileNoLongerMadeLeavesTheSiteThoughItWasWrittenWithoutAFingerprint() throws IOException {
        // The sitemap: only a site with an address has one.
        project.build(project.config().withSiteUrl("https://example.org/archive/"));
        assertTrue(Files.exists(project.site().resolve("sitemap.xml")));
        project.build();
        assertTrue(Files.notExists(project.site().resolve("sitemap.xml")), "a site without an address has no sitemap");
        TestProject.assertSameSite(cleanBuild(), project.site());
        // An asset added, then taken away.
        project.write("templates/assets/extra.css", "p { color: black }");
        project.build();
        assertTrue(Files.exists(project.site().resolve("assets/extra.css")));
        Files.delete(project.root.resolve("templates/assets/extra.css"));
        project.build();
        assertTrue(Files.notExists(project.site().resolve("assets/extra.css")), "the asset goes with its source");
        TestProject.assertSameSite(cleanBuild(), project.site());
        // One replaced by hand is written again, even by a build that finds every input unchanged.
        project.settle().build();
        assertTrue(logged(project, null).log().contains("Nothing changed"), "every input as the build before read it");
        project.replace("site/assets/site.css", "edited by hand");
        assertReadsAgain(project, "an asset changed by hand");
    }

    @Test
    void aSeedSavedTwiceInOneTickOfTheClockIsReadAgain() throws IOException {
        project.settle().build();
        // Saved, built at once, then saved again with the same size, inode and (a coarse clock's) time:
        // its stamp is the same, and only the uncertainty of the first stamp makes the build read it.
        String seed = "seeds/000_119a5904f4221201.txt";
        Path file = project.root.resolve(seed);
        String text = project.read(seed);
        FileTime tick = FileTime.fromMillis(System.currentTimeMillis() - 200);
        project.write(seed, text.replaceFirst("\nAuthor:[^\n]*", "\nAuthor: Zhang Yi"));
        Files.setLastModifiedTime(file, tick);
        project.build();
        project.write(seed, text.replaceFirst("\nAuthor:[^\n]*", "\nAuthor: Zhang Wu"));
        Files.setLastModifiedTime(file, tick);
        Logged after = logged(project, null);
        assertTrue(!after.log().contains("Nothing changed"), after.log());
        assertTrue(project.read("site/articles/119a5904f4221201/index.html").contains("Zhang Wu"));
        TestProject.assertSameSite(cleanBuild(), project.site());
    }

    @Test
    void aOneOffEditAfterThePageManifestWasLostKeepsEveryPage() throws IOException {
        project.build();
        Files.delete(manifestOf(project));
        editFirstSeed();
        SiteBuild.Result r = project.build();
        // With no manifest no file is known to be published: the edit's way would have kept none and removed them all.
        TestProject.assertSameSite(cleanBuild(), project.site());
        assertEquals(r.pages(), r.pagesRendered(), "every page is made again");
    }

    /** A one-off build after {@code what} changed reads the inputs, and makes the site a clean build makes. */
    private void assertReadsAgain(TestProject p, String what) {
        Logged l = logged(p, null);
        assertTrue(!l.log().contains("Nothing changed"), what + ": " + l.log());
        TestProject.assertSameSite(cleanBuild(p), p.site());
    }

    /** The page manifest beside the project's site. */
    private static Path manifestOf(TestProject p) {
        return p.site().resolveSibling(".site.pages");
    }

    @Test
    void afterEditingOneArticleTheSiteEqualsACleanBuildAndOtherArticlesAreKept() throws IOException {
        project.build();
        Map<String, FileTime> before = times(project.site());
        editFirstSeed();
        SiteBuild.Result r = project.build();
        TestProject.assertSameSite(cleanBuild(), project.site());
        Map<String, FileTime> after = times(project.site());
        assertNotEquals(before.get("articles/119a5904f4221201/index.html"), after.get("articles/119a5904f4221201/index.html"));
        assertEquals(before.get("articles/1012f6d7e23636c3/index.html"), after.get("articles/1012f6d7e23636c3/index.html"));
        assertEquals(before.get("glossary/index.html"), after.get("glossary/index.html"));
        java.util.Set<String> changed = new java.util.TreeSet<>();
        for (String f : after.keySet()) if (!after.get(f).equals(before.get(f))) changed.add(f);
        // The author appears on the article's page, in its citations, the open-data downloads and its search text.
        assertEquals(changed.size(), r.filesWritten(), changed.toString());
        for (String f : changed) {
            assertTrue(f.startsWith("articles/119a5904f4221201/") || f.startsWith("downloads/") || f.startsWith("search/data/")
                    || f.equals("feed.xml"), "only files about the edited article change, not " + f + " in " + changed);
        }
    }

    @Test
    void anArticleWithNotesIsKeptUnlessWhatItShowsChanged() throws IOException {
        // The five real seeds come first, each with notes that link across the archive.
        onSynthetic(3, 30, (gen, corpus) -> {
            corpus.build();
            addSentence(corpus, "seeds/" + gen.fileName(29), "An editor's correction. ");
            String log = logged(corpus, null).log();
            // An edit of text alone: the build takes the way of an edit, and keeps every other article's page unread.
            assertTrue(log.contains("Published the edit of 1 article") && log.contains("rendered 1 of 30 article pages"),
                    "the articles with notes are kept: " + log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());

            String notes = "seeds/004_1012f6d7e23636c3.notes.md";
            String text = corpus.read(notes);
            int start = text.indexOf("\n\n") + 2;
            corpus.write(notes, text.substring(0, start) + "An added sentence of the editors. " + text.substring(start));
            log = logged(corpus, null).log();
            assertTrue(log.contains("Rendered 1 of 30 article pages"), log);
            assertTrue(corpus.read("site/articles/1012f6d7e23636c3/index.html").contains("An added sentence of the editors."));
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());

            // Its notes link to a place no article is in yet: the link leads to the places index.
            corpus.write("data/places.yaml", corpus.read("data/places.yaml") + "\n- slug: test-town\n  name: Testtown\n"
                    + "  zh: 测试镇\n  type: town\n  parent: shanxi\n");
            corpus.write(notes, corpus.read(notes) + "\nSee also [Testtown](place:test-town).\n");
            corpus.build();
            String page = "site/articles/1012f6d7e23636c3/index.html";
            assertTrue(corpus.read(page).contains("places/#test-town"), "linked to the index");
            // Another article, far from it in the reading order, now names the place: the link leads to its page.
            addSentence(corpus, "seeds/" + gen.fileName(29), "Testtown (测试镇) reported. ");
            corpus.build();
            assertTrue(Files.exists(corpus.site().resolve("places/test-town/index.html")));
            assertTrue(corpus.read(page).contains("places/test-town/"), "linked to the place's page");
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    @Test
    void anEditOfWhatTheAnnotatorDoesNotReadKeepsTheArticlesAnnotation() throws IOException {
        onSynthetic(11, 40, (gen, corpus) -> {
            corpus.build();
            String twenty = "seeds/" + gen.fileName(20);
            // The byline corrected: the annotation is the stored one (nothing annotated anew), the pages a clean build's.
            corpus.write(twenty, corpus.read(twenty).replaceFirst("\nAuthor:[^\n]*", "\nAuthor: A Corrected Byline"));
            String log = logged(corpus, null).log();
            assertTrue(log.contains("Aligned and annotated 40 articles (40 unchanged since the previous build"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            assertTrue(corpus.read("site/articles/" + gen.id(20) + "/index.html").contains("A Corrected Byline"));
            // A sentence of the text: annotated anew.
            addSentence(corpus, twenty, "A sentence added by an editor. ");
            log = logged(corpus, null).log();
            assertTrue(log.contains("Aligned and annotated 40 articles (39 unchanged since the previous build"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    /**
     * A sentence added to one article changes the posting lists of its terms only, and (the average
     * length to a quarter of a token staying) no other posting's weight: the shards holding none of
     * its terms are kept unmade, and the index is the one a clean build makes.
     */
    @Test
    void aTextEditRemakesOnlyTheSearchShardsOfItsTerms() throws IOException {
        onSynthetic(7, 200, (gen, corpus) -> {
            corpus.build();
            String seed = "seeds/" + gen.fileName(100), original = corpus.read(seed);
            for (String sentence : new String[] {"Tractorisation reached 拖拉机站 everywhere. ", "The county kept its promise. "}) {
                addSentence(corpus, seed, sentence);
                String log = logged(corpus, null).log();
                int[] shards = searchShards(log);
                int all = shards[0], unread = shards[2];
                assertTrue(all >= 8 && unread > 0 && unread < all, all + " shards, " + unread + " kept unread: " + log);
                TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
                corpus.write(seed, original);
                corpus.build();
            }
        });
    }

    /**
     * A corrected date moves its article in the reading order, not in the search index's numbering
     * (by the seeds' names): its postings are the ones it had, so no shard is made again, and the
     * index (meta.js gives the client the new reading order) is the one a clean build makes.
     */
    @Test
    void aMovedDateRemakesNoSearchShard() throws IOException {
        onSynthetic(7, 200, (gen, corpus) -> {
            corpus.build();
            String seed = "seeds/" + gen.fileName(100), date = dateOf(corpus.read(seed));
            String later = java.time.LocalDate.parse(date).plusMonths(7).toString();
            corpus.write(seed, corpus.read(seed).replace(date, later)); // in English and Chinese
            String log = logged(corpus, null).log();
            int[] shards = searchShards(log);
            assertEquals(shards[0], shards[1], "every shard kept: " + log);
            assertTrue(log.contains("(1 tokenized"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    /**
     * A one-off build after an article moved in the reading order (a corrected date or page) makes
     * its page, its neighbours' before and after, the lists it left and joined, and splices its
     * records out of the downloads and back in where it now stands: the site a clean build makes.
     * A move that takes a day's last article away (a list page gone) checks every page instead.
     */
    @Test
    void aMovedArticleRemakesOnlyWhatItLeftAndJoinedAndTheSiteEqualsACleanBuild() throws IOException {
        onSynthetic(7, 200, (gen, corpus) -> {
            corpus.build();
            TreeMap<String, List<String>> byDate = new TreeMap<>();
            try (Stream<Path> s = Files.list(corpus.root.resolve("seeds"))) {
                for (Path f : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    String seed = "seeds/" + f.getFileName();
                    java.util.regex.Matcher date = java.util.regex.Pattern.compile("(?m)^Date: (\\S+)").matcher(corpus.read(seed));
                    if (date.find()) byDate.computeIfAbsent(date.group(1), d -> new java.util.ArrayList<>()).add(seed);
                }
            }
            // An article of a day with others, moved to a day of another month that has articles already.
            String from = byDate.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).findFirst().orElseThrow();
            String to = byDate.keySet().stream().filter(d -> !d.substring(0, 7).equals(from.substring(0, 7))).skip(40).findFirst().orElseThrow();
            String moved = byDate.get(from).get(0), stays = byDate.get(from).get(1);
            corpus.write(moved, corpus.read(moved).replace(from, to)); // in English and Chinese
            Map<String, FileTime> before = times(corpus.site());
            String log = logged(corpus, null).log();
            assertTrue(log.contains("Published the edit of 1 article (moved in the reading order)"), log);
            assertTrue(log.contains("records in downloads/articles.json") && log.contains("records in downloads/articles.csv"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            long articlePages = changed(before, times(corpus.site())).stream()
                    .filter(f -> f.startsWith("articles/") && f.endsWith("/index.html") && !f.equals("articles/index.html")).count();
            assertTrue(articlePages >= 3 && articlePages <= 5, "its page and its neighbours': " + articlePages);

            // Moved back, and its day-mate given another page of the paper.
            corpus.write(moved, corpus.read(moved).replace(to, from));
            corpus.write(stays, corpus.read(stays).replaceFirst("\nPage: \\d+", "\nPage: 9").replaceFirst("第\\d+版", "第9版"));
            log = logged(corpus, null).log();
            assertTrue(log.contains("Published the edit of 2 articles (moved in the reading order)"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());

            // Moved to another day of its month, a term of its Chinese said once more at its end: that entry
            // has one more line, and the count every page of its concordance shows changes.
            String sameMonth = byDate.keySet().stream().filter(d -> d.startsWith(from.substring(0, 8)) && !d.equals(from))
                    .findFirst().orElseThrow();
            String text = corpus.read(moved), chinese = text.substring(text.indexOf("\nOriginal:"));
            String term = new archive.source.EditorialDataLoader().load(corpus.root.resolve("data"), new archive.diag.Diagnostics())
                    .glossary().stream().flatMap(g -> g.zh().stream()).filter(chinese::contains).findFirst().orElseThrow();
            corpus.write(moved, text.replace(from, sameMonth).stripTrailing() + term + "\n"); // its last paragraph longer
            log = logged(corpus, null).log();
            assertTrue(log.contains("Published the edit of 1 article (moved in the reading order)"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            corpus.write(moved, text);
            logged(corpus, null);

            // Moved to the end of the reading order (the last day, a later page): its records now come last.
            String last = byDate.lastKey();
            corpus.write(moved, corpus.read(moved).replace(from, last).replaceFirst("\nPage: \\d+", "\nPage: 9")
                    .replaceFirst("第\\d+版", "第9版"));
            log = logged(corpus, null).log();
            assertTrue(log.contains("Published the edit of 1 article (moved in the reading order)"), log);
            assertTrue(log.contains("records in downloads/articles.json") && log.contains("records in downloads/articles.csv"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());

            // The only article of its day moved away: the day's page would go, which every page's
            // check finds (the permalink registry refuses it) and the edit's way would not.
            String alone = byDate.entrySet().stream().filter(e -> e.getValue().size() == 1).map(e -> e.getValue().get(0))
                    .findFirst().orElseThrow();
            String day = dateOf(corpus.read(alone));
            corpus.write(alone, corpus.read(alone).replace(day, to));
            archive.diag.BuildFailedException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    archive.diag.BuildFailedException.class, () -> logged(corpus, null));
            assertTrue(refused.getMessage().contains("/" + archive.render.PagePaths.day(java.time.LocalDate.parse(day))
                    + " was published and would no longer be produced"), refused.getMessage());
        });
    }

    /**
     * An article moved to another day of its month changes only the pages of its lists between the
     * page it stood on and the page it stands on (see ArticleEdit#windowLists): moved across the
     * boundary of two pages of the list of articles, or of the home page, both pages change; the
     * first article of a place with more than one page, moved later in its month, changes every page
     * of the place, each of which shows the date of its first article.
     */
    @Test
    void anArticleMovedWithinItsMonthChangesItsListsFromThePageItStoodOnToThePageItStandsOn() throws IOException {
        onSynthetic(5, 600, (gen, corpus) -> {
            corpus.build();
            Map<String, String> seeds = new TreeMap<>(), dates = new TreeMap<>();
            try (Stream<Path> s = Files.list(corpus.root.resolve("seeds"))) {
                for (Path f : s.filter(f -> f.getFileName().toString().matches("\\d+_\\w+\\.txt")).toList()) {
                    String name = f.getFileName().toString(), id = name.substring(name.indexOf('_') + 1, name.length() - 4);
                    java.util.regex.Matcher date = java.util.regex.Pattern
                            .compile("(?m)^(?:Date: )?(\\d{4}-\\d{2}-\\d{2})$").matcher(Files.readString(f)); // (untranslated: the original's)
                    assertTrue(date.find(), name);
                    seeds.put(id, "seeds/" + name);
                    dates.put(id, date.group(1));
                }
            }
            List<String> byReading = listed(corpus.site(), "articles/"), newestFirst = listed(corpus.site(), "");
            assertEquals(600, byReading.size());
            for (List<String> list : List.of(byReading, newestFirst)) {
                String[] move = acrossPages(list, dates, Pagination.ARTICLES);
                String text = corpus.read(seeds.get(move[0]));
                corpus.write(seeds.get(move[0]), text.replace(dates.get(move[0]), move[1]));
                String log = logged(corpus, null).log();
                assertTrue(log.contains("Published the edit of 1 article (moved in the reading order)"), log);
                TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
                // And back: moved the other way across the boundary.
                corpus.write(seeds.get(move[0]), text);
                assertTrue(logged(corpus, null).log().contains("Published the edit of 1 article (moved in the reading order)"));
                TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            }
            // The first article of a place of several pages, alone on its day of the place's articles.
            boolean moved = false;
            try (Stream<Path> s = Files.list(corpus.site().resolve("places"))) {
                for (Path place : s.filter(p -> Files.exists(p.resolve("page/2/index.html"))).sorted().toList()) {
                    List<String> ids = listed(corpus.site(), "places/" + place.getFileName() + "/");
                    String first = ids.stream().min(java.util.Comparator.comparing(dates::get)).orElseThrow(), day = dates.get(first);
                    if (ids.stream().filter(i -> dates.get(i).equals(day)).count() > 1) continue;
                    // Moved to a later day of its month that has articles; its own day keeps others.
                    String later = dates.values().stream().filter(d -> d.startsWith(day.substring(0, 8)) && d.compareTo(day) > 0)
                            .min(String::compareTo).orElse(null);
                    if (later == null || dates.values().stream().filter(day::equals).count() < 2) continue;
                    corpus.write(seeds.get(first), corpus.read(seeds.get(first)).replace(day, later));
                    String log = logged(corpus, null).log();
                    assertTrue(log.contains("Published the edit of 1 article (moved in the reading order)"), log);
                    TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
                    moved = true;
                    break;
                }
            }
            assertTrue(moved, "a place of several pages whose first article could move later in its month");
        });
    }

    /** The ids of the articles the pages of the list at {@code list} show, in their order. */
    private static List<String> listed(Path site, String list) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (int page = 1; Files.exists(site.resolve(Pagination.path(list, page) + "index.html")); page++) {
            Path file = site.resolve(Pagination.path(list, page) + "index.html");
            for (var a : org.jsoup.Jsoup.parse(file.toFile(), "UTF-8").select("li.article-item > a")) {
                out.add(a.attr("href").replaceAll(".*articles/([^/]+)/.*", "$1"));
            }
        }
        return out;
    }

    /**
     * An article of {@code list} (in its order) on the page before the first page boundary that
     * allows it, with a day of its month (not its own, which has other articles) whose articles all
     * stand after the boundary: {id, that day}. Moved there, it crosses the boundary.
     */
    private static String[] acrossPages(List<String> list, Map<String, String> dates, int perPage) {
        for (int boundary = perPage; boundary < list.size(); boundary += perPage) {
            for (int p = boundary - 1; p >= boundary - perPage; p--) {
                String id = list.get(p), day = dates.get(id);
                if (list.stream().filter(i -> dates.get(i).equals(day)).count() < 2) continue;
                for (int q = boundary + 1; q < list.size(); q++) {
                    String d = dates.get(list.get(q));
                    if (!d.startsWith(day.substring(0, 8))) continue;
                    if (!d.equals(day) && list.indexOf(list.stream().filter(i -> dates.get(i).equals(d)).findFirst().orElseThrow()) > boundary) {
                        return new String[] {id, d};
                    }
                }
            }
        }
        throw new AssertionError("no article that can move across a page boundary of the list within its month");
    }

    /** A seed renamed to sort last renumbers the articles after its old name: the index is the one a clean build makes. */
    @Test
    void aRenamedSeedRenumbersTheSearchIndexAsACleanBuildDoes() throws IOException {
        onSynthetic(5, 40, (gen, corpus) -> {
            corpus.build();
            Path from = corpus.root.resolve("seeds").resolve(gen.fileName(10));
            String id = from.getFileName().toString().replaceFirst("^\\d+_", "").replace(".txt", "");
            Files.move(from, from.resolveSibling("999999_" + id + ".txt"));
            for (String sidecar : archive.source.SeedReader.SIDECARS) {
                Path side = from.resolveSibling(from.getFileName().toString().replace(".txt", sidecar));
                if (Files.exists(side)) Files.move(side, from.resolveSibling("999999_" + id + sidecar));
            }
            corpus.build();
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    @Test
    void theSearchIndexTokenizesOnlyTheArticlesThatChangedAndEqualsACleanBuilds() throws IOException {
        onSynthetic(11, 40, (gen, corpus) -> {
            corpus.build();
            // New words, new Chinese terms: postings that did not exist and longer lists.
            String twenty = "seeds/" + gen.fileName(20), original = corpus.read(twenty);
            addSentence(corpus, twenty, "Tractorisation reached 拖拉机站 everywhere. ");
            assertTrue(logged(corpus, null).log().contains("(1 tokenized"), "one article tokenized");
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            // A changed author (not searched) leaves every posting and weight as it was: no shard is made again.
            corpus.write(twenty, corpus.read(twenty).replaceFirst("\nAuthor:", "\nAuthor: An Editor"));
            String log = logged(corpus, null).log();
            int[] shards = searchShards(log);
            assertEquals(shards[0], shards[1], log);
            // Every article has the postings it had: the published shards are kept without a merge of the postings.
            assertTrue(log.contains("every posting as published, none merged"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            // Again (the postings file now saved by copying its postings), then an edit that changes postings.
            corpus.write(twenty, corpus.read(twenty).replaceFirst("\nAuthor: An Editor", "\nAuthor: Another Editor"));
            String again = logged(corpus, null).log();
            assertTrue(again.contains("every posting as published, none merged") && again.contains("(1 tokenized"), again);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            addSentence(corpus, twenty, "Mechanisation reached 机械化 everywhere. ");
            String merged = logged(corpus, null).log();
            assertTrue(merged.contains("(1 tokenized") && !merged.contains("none merged"), merged);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            corpus.write(twenty, original);
            addSentence(corpus, twenty, "Tractorisation reached 拖拉机站 everywhere. ");
            corpus.build();

            // Two new articles, two that swap their days (the reading order changes), and the new words gone again.
            corpus.write(twenty, original);
            Path more = Files.createTempDirectory("more-seeds");
            gen.write(more, 42);
            try (Stream<Path> files = Files.list(more)) {
                for (Path f : files.toList()) {
                    Path to = corpus.root.resolve("seeds").resolve(f.getFileName().toString());
                    if (Files.notExists(to)) Files.copy(f, to);
                }
            }
            TestProject.delete(more);
            String a = "seeds/" + gen.fileName(12), b = "seeds/" + gen.fileName(30);
            String dateA = dateOf(corpus.read(a)), dateB = dateOf(corpus.read(b));
            assertNotEquals(dateA, dateB);
            corpus.write(a, corpus.read(a).replace(dateA, dateB)); // in English and Chinese
            corpus.write(b, corpus.read(b).replace(dateB, dateA));
            java.util.regex.Matcher tokenized = java.util.regex.Pattern.compile("\\((\\d+) tokenized").matcher(logged(corpus, null).log());
            assertTrue(tokenized.find());
            int n = Integer.parseInt(tokenized.group(1));
            assertTrue(n >= 4 && n <= 5, "the new, edited and moved articles, not the others: " + n);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());

            // A damaged file of postings costs time, not correctness.
            Path postings = archive.publish.Publishing.cacheFolder(corpus.config()).resolve(archive.search.SearchIndexBuilder.CACHE_FILE);
            byte[] bytes = Files.readAllBytes(postings);
            Files.write(postings, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            addSentence(corpus, "seeds/" + gen.fileName(25), "Another correction. ");
            assertTrue(logged(corpus, null).log().contains("(42 tokenized"), "every article tokenized");
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    @Test
    void aNewGlossaryEntryOrAMovedPlaceTokenizesOnlyTheArticlesThatShowIt() throws IOException {
        onSynthetic(11, 40, (gen, corpus) -> {
            String twenty = "seeds/" + gen.fileName(20);
            addSentence(corpus, twenty, "A trial-phrase appeared in Testtown (测试镇). ");
            corpus.write("data/places.yaml", corpus.read("data/places.yaml") + "\n- slug: test-town\n  name: Testtown\n"
                    + "  zh: 测试镇\n  type: town\n  parent: shanxi\n");
            corpus.build();
            // A new entry, found in one article: its postings are made again, the 39 others' kept.
            corpus.write("data/glossary.yaml", corpus.read("data/glossary.yaml") + "\n- slug: test-new-term\n  kind: term\n"
                    + "  zh: [测试新词]\n  pinyin: cèshì xīncí\n  en: [trial-phrase]\n  gloss: a trial phrase\n"
                    + "  explanation: |\n    A term for a test.\n");
            String log = logged(corpus, null).log();
            assertTrue(log.contains("(1 tokenized"), "only the article that has the new entry: " + log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            // A place moved to another province: the article in it is found under the new one (its
            // annotation is as it was; the places around its places are part of its document).
            corpus.write("data/places.yaml", corpus.read("data/places.yaml").replace(
                    "  zh: 测试镇\n  type: town\n  parent: shanxi\n", "  zh: 测试镇\n  type: town\n  parent: hebei\n"));
            log = logged(corpus, null).log();
            assertTrue(log.contains("(1 tokenized"), "only the article in the moved place: " + log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            // The entry's forms changed to ones no article holds (its page stays: it was published): the
            // article that had it is annotated again, the 39 others keep their annotations (they hold
            // none of the forms, old or new), and the site is a clean build's.
            corpus.write("data/glossary.yaml", corpus.read("data/glossary.yaml")
                    .replace("  zh: [测试新词]", "  zh: [测试旧词]").replace("  en: [trial-phrase]", "  en: [absent-phrase]"));
            log = logged(corpus, null).log();
            assertTrue(log.contains("(39 unchanged since the previous build, 39 of them holding none of the forms"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    @Test
    void aNewGlossaryEntryRendersNoPageOfTheOtherEntriesConcordancesAgain() throws IOException {
        // More articles than a page of a list holds: the home page runs to a second page.
        onSynthetic(11, Pagination.ARTICLES + 20, (gen, corpus) -> {
            addSentence(corpus, "seeds/" + gen.fileName(20), "A trial-phrase appeared. ");
            corpus.build();
            // The concordance pages of other entries that quote the article which the new entry is found in.
            String link = "articles/" + gen.id(20) + "/";
            List<String> quoting;
            try (java.util.stream.Stream<Path> s = Files.walk(corpus.site().resolve("glossary"))) {
                quoting = s.filter(f -> f.getFileName().toString().equals("index.html") && readString(f).contains(link))
                        .map(f -> corpus.site().relativize(f).toString()).sorted().toList();
            }
            assertTrue(quoting.size() > 2, "the article is quoted in several concordances: " + quoting);
            Map<String, FileTime> before = times(corpus.site());
            corpus.write("data/glossary.yaml", corpus.read("data/glossary.yaml") + "\n- slug: test-new-term\n  kind: term\n"
                    + "  zh: [测试新词]\n  pinyin: cèshì xīncí\n  en: [trial-phrase]\n  gloss: a trial phrase\n"
                    + "  explanation: |\n    A term for a test.\n");
            Logged built = logged(corpus, null);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            // Their lines show the article's text, date and page, which are as they were, not the new entry's
            // link: they are kept unrendered. Every page rendered is one that changed (the article's, the
            // new entry's, and the lists of entries: the glossary's index, the home page's first page, whose
            // count of entries the others do not show, search).
            java.util.Set<String> changed = changed(before, times(corpus.site()));
            for (String q : quoting) assertFalse(changed.contains(q), q + " rewritten");
            long pagesChanged = changed.stream().filter(f -> f.endsWith(".html")).count();
            assertEquals(pagesChanged, built.result().pagesRendered(), "pages rendered, against those changed: " + changed);
        });
    }

    @Test
    void aNewArticleRendersOnlyThePagesItChanges() throws IOException {
        int n = Pagination.ARTICLES + 20;
        onSynthetic(17, n, (gen, corpus) -> {
            corpus.build();
            Map<String, FileTime> before = times(corpus.site());
            // One more article of the same corpus, as an editor adds a seed.
            Path more = Files.createTempDirectory("more-seeds");
            gen.write(more, n + 1);
            try (Stream<Path> files = Files.list(more)) {
                for (Path f : files.toList()) {
                    Path to = corpus.root.resolve("seeds").resolve(f.getFileName().toString());
                    if (Files.notExists(to)) Files.copy(f, to);
                }
            }
            TestProject.delete(more);
            Logged built = logged(corpus, null);
            SiteBuild.Result added = built.result();
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            // Its records are put into the downloads as published (every other record is as it was), not made whole.
            assertTrue(built.log().contains("Put the added articles' records in downloads/articles.json, as published")
                    && built.log().contains("Put the added articles' records in downloads/articles.csv, as published"), built.log());
            // The pages that show it or count it change; no other is rendered: not the pages of places beside
            // its places (their way up names a place whose count changed, but not the count), nor the first
            // pages of entries related to its entries (which name them without their counts).
            java.util.Set<String> changed = changed(before, times(corpus.site()));
            long pagesChanged = changed.stream().filter(f -> f.endsWith(".html")).count();
            assertEquals(pagesChanged, added.pagesRendered(), "pages rendered, against those changed: " + changed);
        });
    }

    /**
     * New glossary entries whose forms are cut from the articles' texts (Chinese runs of three or
     * four characters, English runs of one to three words, some from a paragraph's start, where a
     * dateline stands): the articles the previous build's search postings rule out keep their
     * annotations unread, and the site equals a clean build's.
     */
    @Test
    void newEntriesCutFromTheTextsReadBackOnlyTheArticlesThePostingsCannotRuleOut() throws IOException {
        int n = 120;
        onSynthetic(23, n, (gen, corpus) -> {
            corpus.build();
            String glossary = corpus.read("data/glossary.yaml");
            String known = glossary + corpus.read("data/places.yaml");
            java.util.Random random = new java.util.Random(5);
            StringBuilder entries = new StringBuilder();
            java.util.Set<String> taken = new java.util.HashSet<>();
            List<Path> seeds;
            try (Stream<Path> s = Files.list(corpus.root.resolve("seeds"))) {
                seeds = s.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
            }
            for (int k = 0; entries.length() == 0 || k < 40; k++) {
                String seed = Files.readString(seeds.get(random.nextInt(seeds.size())));
                int rule = seed.indexOf("<hr />"), body = seed.indexOf("\n\n") + 2;
                if (rule < body) continue;
                String[] en = seed.substring(body, rule).split("\n+");
                String zh = seed.substring(rule);
                // Chinese: a run of Han characters at a random place, or at a paragraph's start.
                int at = random.nextBoolean() ? random.nextInt(zh.length()) : zh.indexOf("\n    ", random.nextInt(zh.length() / 2)) + 5;
                int len = 3 + random.nextInt(2);
                if (at < 5 || at + len > zh.length()) continue;
                String zhForm = zh.substring(at, at + len);
                if (!zhForm.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) continue;
                // English: one to three words of a paragraph, its first ones for some.
                String[] words = en[random.nextInt(en.length)].split("[^A-Za-z]+");
                int from = random.nextBoolean() ? 0 : random.nextInt(Math.max(1, words.length));
                int count = 1 + random.nextInt(3);
                if (from + count > words.length) continue;
                String[] cut = java.util.Arrays.copyOfRange(words, from, from + count);
                String enForm = String.join(" ", cut).strip();
                // Not "of the", which every article has.
                if (java.util.Arrays.stream(cut).anyMatch(w -> w.length() < 5) || known.contains(zhForm) || known.toLowerCase().contains(enForm.toLowerCase())
                        || !taken.add(zhForm) || !taken.add(enForm.toLowerCase())) continue;
                entries.append("\n- slug: cut-").append(k).append("\n  kind: term\n  zh: [").append(zhForm)
                        .append("]\n  pinyin: cèshì\n  en: [").append(enForm).append("]\n  gloss: cut from a text\n")
                        .append("  explanation: |\n    Cut from a text.\n");
            }
            corpus.write("data/glossary.yaml", glossary + entries);
            Logged edited = logged(corpus, null);
            java.util.regex.Matcher unread = java.util.regex.Pattern.compile("\\((\\d+) as the search postings tell, their text unread\\)")
                    .matcher(edited.log());
            assertTrue(unread.find() && Integer.parseInt(unread.group(1)) > 0, edited.log());
            // Some articles hold a new form: annotated anew, as the clean build annotates them.
            java.util.regex.Matcher kept = java.util.regex.Pattern.compile("Aligned and annotated " + n + " articles \\((\\d+) unchanged")
                    .matcher(edited.log());
            assertTrue(kept.find() && Integer.parseInt(kept.group(1)) < n, edited.log());
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            assertEquals(cleanWarnings(corpus), messages(edited.result()));
        });
    }

    @Test
    void aRenderingAddedToAnEntryAnnotatesAgainOnlyTheArticlesThatHoldIt() throws IOException {
        onSynthetic(11, 40, (gen, corpus) -> {
            addSentence(corpus, "seeds/" + gen.fileName(20), "A trial-leap appeared. ");
            corpus.build();
            // A rendering added to the `en:` list of an entry most articles use, as the editors' warnings ask:
            // found in one article, which is annotated again; the others keep their annotations.
            String glossary = corpus.read("data/glossary.yaml");
            java.util.regex.Matcher en = java.util.regex.Pattern.compile("(?m)^- slug: leap-forward\\n(?:  .*\\n)*?  en: \\[([^\\]]*)\\]")
                    .matcher(glossary);
            assertTrue(en.find(), "the entry's renderings");
            corpus.write("data/glossary.yaml", glossary.substring(0, en.end(1)) + ", trial-leap" + glossary.substring(en.end(1)));
            String log = logged(corpus, null).log();
            assertTrue(log.contains("(39 unchanged since the previous build, 39 of them holding none of the forms"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            assertTrue(corpus.read("site/articles/" + gen.id(20) + "/index.html").contains("glossary/leap-forward/\">trial-leap"),
                    "the rendering is linked to its entry");
        });
    }

    @Test
    void thePreviewsRememberedArticlesGiveTheSameSiteAsACleanBuild() throws IOException {
        ArticleCache cache = new ArticleCache();
        new SiteBuild(project.config(), null, cache).build();
        editFirstSeed();
        project.write("data/places.yaml", project.read("data/places.yaml") + "\n- slug: test-town\n  name: Testtown\n"
                + "  zh: 测试镇\n  type: town\n  parent: shanxi\n");
        new SiteBuild(project.config(), null, cache).build();
        TestProject.assertSameSite(cleanBuild(), project.site());
    }

    @Test
    void thePreviewAnnotatesAgainOnlyTheArticlesANewGlossaryEntryIsFoundIn() throws IOException {
        onSynthetic(11, 40, (gen, corpus) -> {
            ArticleCache cache = new ArticleCache();
            addSentence(corpus, "seeds/" + gen.fileName(20), "A trial-phrase appeared. ");
            new SiteBuild(corpus.config(), null, cache).build();
            corpus.write("data/glossary.yaml", corpus.read("data/glossary.yaml") + "\n- slug: test-new-term\n  kind: term\n"
                    + "  zh: [测试新词]\n  pinyin: cèshì xīncí\n  en: [trial-phrase]\n  gloss: a trial phrase\n"
                    + "  explanation: |\n    A term for a test.\n");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            new SiteBuild(corpus.config(), new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), cache).build();
            // The article with the new entry's form was annotated again (its page links the entry), the others kept.
            String log = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(log.contains("Aligned and annotated 40 articles (1 annotated anew"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            assertTrue(Files.exists(corpus.site().resolve("glossary/test-new-term/index.html")));
        });
    }

    @Test
    void changingATemplateRendersEveryPageAgain() throws IOException {
        project.build();
        project.write("templates/article-item.peb", project.read("templates/article-item.peb").replace("article-item", "article-item x"));
        project.build();
        TestProject.assertSameSite(cleanBuild(), project.site());
    }

    @Test
    void withNothingChangedNoPageIsRenderedAndAnEditRendersOnlyThePagesMadeFromIt() throws IOException {
        // A synthetic corpus: most articles have no editors' notes, so their pages can be kept.
        onSynthetic(7, 60, (gen, corpus) -> {
            SiteBuild.Result first = corpus.build();
            assertEquals(first.pages(), first.pagesRendered());
            Map<String, FileTime> before = times(corpus.site());

            SiteBuild.Result again = corpus.build();
            assertEquals(0, again.pagesRendered(), "nothing changed, nothing rendered");
            assertEquals(0, again.filesWritten());
            assertEquals(before, times(corpus.site()));
            // The preview, started on a site a one-off build made, keeps its pages too.
            SiteBuild.Result preview = new SiteBuild(corpus.config(), null, new ArticleCache()).build();
            assertEquals(0, preview.pagesRendered(), "the preview keeps the pages of a one-off build");
            assertEquals(0, preview.filesWritten());
            assertEquals(before, times(corpus.site()));

            // Edit one sentence of an article without notes (the last one generated is synthetic).
            addSentence(corpus, "seeds/" + gen.fileName(59), "An editor's correction. ");
            SiteBuild.Result edited = corpus.build();
            Path clean = cleanBuild(corpus);
            TestProject.assertSameSite(clean, corpus.site());
            java.util.Set<String> changedPages = new java.util.TreeSet<>(changed(before, times(corpus.site())));
            changedPages.removeIf(f -> !f.endsWith(".html"));
            String article = "articles/" + gen.id(59) + "/index.html";
            assertTrue(changedPages.contains(article), changedPages.toString());
            // Its page, and the concordance pages that quote it; no list shows its text.
            for (String f : changedPages) {
                assertTrue(f.equals(article) || f.startsWith("glossary/"), "only pages made from the article change, not " + f);
            }
            assertTrue(edited.pagesRendered() < first.pages() / 4, edited.pagesRendered() + " of " + first.pages() + " rendered");
        });
    }

    @Test
    void editsOfMoreArticlesThanAreSplicedMakeTheDownloadsWhole() throws IOException {
        onSynthetic(13, 30, (gen, corpus) -> {
            corpus.build();
            // One article's author: its records are spliced into the published downloads.
            correctAuthor(corpus, "seeds/" + gen.fileName(20));
            String spliced = logged(corpus, null).log();
            assertTrue(spliced.contains("Replaced the edited articles' records in downloads/articles.json"), spliced);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            // Five articles' authors: each record would cost two passes over the file; the downloads are made whole.
            for (int i = 21; i < 26; i++) correctAuthor(corpus, "seeds/" + gen.fileName(i));
            String whole = logged(corpus, null).log();
            assertTrue(whole.contains("Published the edit of 5 articles") && !whole.contains("Replaced the edited articles' records"),
                    whole);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    @Test
    void theSameFoldersNamedAnotherWayRenderNoPageAgain() throws IOException {
        onSynthetic(5, 20, (gen, corpus) -> {
            corpus.build();
            Map<String, FileTime> before = times(corpus.site());
            // The same seeds, data and pages, each reached through a detour (as a script giving absolute paths, or
            // an editor in another folder, names them): where an entry was written is not on any page.
            archive.config.BuildConfig c = corpus.config();
            archive.config.BuildConfig detour = new archive.config.BuildConfig(c.seeds().resolve("../seeds"), c.templates(),
                    c.data().resolve("../data"), c.pages().resolve("../pages"), c.out(), c.siteUrl(), c.offline(), c.permalinks());
            SiteBuild.Result again = corpus.build(detour);
            assertEquals(0, again.pagesRendered(), "the same inputs by another path render nothing");
            assertEquals(0, again.filesWritten());
            assertEquals(before, times(corpus.site()));

            // A comment added at the top of the glossary moves every entry down a line; no page shows that either.
            Path glossary = corpus.root.resolve("data/glossary.yaml");
            Files.writeString(glossary, "# reviewed by the editors\n" + Files.readString(glossary));
            SiteBuild.Result moved = corpus.build();
            assertEquals(0, moved.pagesRendered(), "entries moved down a line render nothing");
            assertEquals(before, times(corpus.site()));
        });
    }

    @Test
    void aChangedGlossaryEntryRendersAgainOnlyTheArticlesThatUseIt() throws IOException {
        onSynthetic(5, 60, (gen, corpus) -> {
            SiteBuild.Result first = corpus.build();
            Map<String, FileTime> before = times(corpus.site());
            // A gloss the editors rewrite: it shows in the tooltips of the articles that use the entry.
            String glossary = corpus.read("data/glossary.yaml");
            corpus.write("data/glossary.yaml", glossary.replace("gloss: leap forward\n", "gloss: a leap forward (rewritten)\n"));
            Logged edited = logged(corpus, null);
            Path clean = cleanBuild(corpus);
            TestProject.assertSameSite(clean, corpus.site());
            java.util.Set<String> changed = changed(before, times(corpus.site()));
            long articlesChanged = changed.stream().filter(f -> f.startsWith("articles/") && f.endsWith("/index.html")).count();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Rendered (\\d+) of 60 article pages")
                    .matcher(edited.log());
            assertTrue(m.find(), edited.log());
            int articlesRendered = Integer.parseInt(m.group(1));
            long articlesUsing = java.util.stream.Stream.of(new java.io.File(clean.resolve("articles").toString()).list())
                    .filter(id -> id.length() == 16)
                    .filter(id -> corpus.read("clean-site/articles/" + id + "/index.html").contains("leap forward (rewritten)"))
                    .count();
            assertTrue(articlesUsing > 0 && articlesUsing < 60, articlesUsing + " articles use the entry");
            assertTrue(articlesChanged >= articlesUsing, "every article that shows the gloss changed");
            // Those, and the articles with editors' notes (always rendered), not the others.
            long annotated = java.util.stream.Stream.of(new java.io.File(corpus.root.resolve("seeds").toString()).list())
                    .filter(f -> f.endsWith(".notes.md")).count();
            assertTrue(articlesRendered <= articlesUsing + annotated, articlesRendered + " article pages rendered, "
                    + articlesUsing + " use the entry, " + annotated + " have notes");
            assertTrue(edited.result().pagesRendered() < first.pages() / 2, edited.result().pagesRendered() + " of " + first.pages() + " rendered");

            // Its explanation rewritten, which its own page shows and no article's page, nor the downloads:
            // its page alone is rendered (the edit's way), and the downloads stay as they were.
            String rewritten = corpus.read("data/glossary.yaml");
            java.util.regex.Matcher explanation = java.util.regex.Pattern
                    .compile("(?m)^- slug: (leap-forward)\\n(?:  .*\\n)*?  explanation: \\|\\n    (\\S+)").matcher(rewritten);
            assertTrue(explanation.find(), "the entry's explanation");
            corpus.write("data/glossary.yaml", rewritten.substring(0, explanation.start(2)) + "Rewritten: "
                    + rewritten.substring(explanation.start(2)));
            before = times(corpus.site());
            edited = logged(corpus, null);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            assertTrue(edited.log().contains("Published the edit of the explanations of 1 glossary entry"), edited.log());
            assertEquals(1, edited.result().pagesRendered(), edited.log());
            changed = changed(before, times(corpus.site()));
            assertTrue(changed.contains("glossary/leap-forward/index.html"), changed.toString());
            assertTrue(!changed.contains("downloads/articles.json") && !changed.contains("downloads/articles.csv"), changed.toString());
            assertTrue(corpus.read("site/glossary/leap-forward/index.html").contains("Rewritten: "));
        });
    }

    @Test
    void thePreviewRebuildsOnlyWhatAnEditOfTextChangesAndTheSiteEqualsACleanBuild() throws IOException {
        onSynthetic(11, 40, (gen, corpus) -> {
            ArticleCache cache = new ArticleCache();
            new SiteBuild(corpus.config(), null, cache).build();
            Map<String, FileTime> before = times(corpus.site());

            // A sentence added to a synthetic article: its text and concordance lines change, nothing any list shows.
            String seed = "seeds/" + gen.fileName(39);
            addSentence(corpus, seed, "An editor's correction. ");
            Logged edit = logged(corpus, cache);
            assertTrue(edit.log().contains("Published the edit of 1 article"), "the rebuild took the way of an edit of text");
            assertTrue(edit.result().indexesDeferred(), "the search index, feed and downloads follow");
            // Every page equals a clean build's; only what is made from every article waits for the next build.
            Path clean = cleanBuild(corpus);
            TestProject.assertSameSite(clean, corpus.site(), PAGES);
            for (String f : changed(before, times(corpus.site()))) {
                assertTrue(f.startsWith("articles/" + gen.id(39) + "/") || f.startsWith("glossary/"), "changed: " + f);
            }

            // The build that follows brings the rest up to date; then the whole site is a clean build's.
            new SiteBuild(corpus.config(), null, cache).build();
            TestProject.assertSameSite(clean, corpus.site());

            // A changed title shows in the lists the article is on and on its neighbours' pages: those are made too.
            corpus.write(seed, corpus.read(seed).replaceFirst("(?m)^Title: ", "Title: Revised: "));
            before = times(corpus.site());
            String titled = logged(corpus, cache).log();
            assertTrue(titled.contains("Published the edit of 1 article"), titled);
            clean = cleanBuild(corpus);
            TestProject.assertSameSite(clean, corpus.site(), PAGES);
            java.util.Set<String> changed = changed(before, times(corpus.site()));
            assertTrue(changed.stream().anyMatch(f -> f.startsWith("dates/")), "its day's page shows the new title: " + changed);
            new SiteBuild(corpus.config(), null, cache).build();
            TestProject.assertSameSite(clean, corpus.site());

            // A one-off build in between (another manifest on disk), then an edit in the preview: still a clean build's site.
            corpus.write(seed, corpus.read(seed).replaceFirst("(?m)^Title: Revised: ", "Title: Revised twice: "));
            corpus.build();
            corpus.write(seed, corpus.read(seed).replace("An editor's correction.", "An editor's second correction."));
            new SiteBuild(corpus.config(), null, cache).deferringIndexes().build();
            new SiteBuild(corpus.config(), null, cache).build();
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());

            // A new article: its page and its neighbours' are made at once; the lists it joins (every page
            // after it shifts) and its concordance lines come with the catching-up build.
            String added = "seeds/000099_00000000000000ff.txt";
            Files.copy(corpus.root.resolve("seeds/" + gen.fileName(20)), corpus.root.resolve(added));
            java.util.Set<String> made = shownAtOnceThenCaughtUp(corpus, cache);
            assertTrue(made.contains("articles/00000000000000ff/"), "the new page is published: " + made);
            assertEquals(3, made.size(), "the new article's page and its two neighbours' pages: " + made);

            // Moved to a day of its own (its copy stays on the day it left): its page, the neighbours it left
            // and those it joins are made at once; the day, month and year lists follow with the next build.
            java.util.Set<String> used = new java.util.HashSet<>();
            try (Stream<Path> s = Files.list(corpus.root.resolve("seeds"))) {
                for (Path f : s.filter(f -> f.toString().endsWith(".txt")).toList()) {
                    used.add(Files.readString(f).replaceFirst("(?s).*?\nDate: (\\S+).*", "$1"));
                }
            }
            java.time.LocalDate free = java.time.LocalDate.of(1959, 7, 1);
            while (used.contains(free.toString()) || used.contains(free.plusDays(1).toString())) free = free.plusDays(2);
            String copied = corpus.read(added);
            String date = copied.replaceFirst("(?s).*?\nDate: (\\S+).*", "$1");
            corpus.write(added, copied.replace(date, free.toString())); // the English header and the Chinese date line
            made = shownAtOnceThenCaughtUp(corpus, cache);
            assertTrue(made.contains("articles/00000000000000ff/"), "the moved page is published: " + made);
            assertTrue(made.size() >= 3 && made.size() <= 5, "its page, the neighbours it left and joined: " + made);

            // Moved again, off the day it has alone: that day's page would no longer be made, which the
            // permalink registry must refuse at once, so every page is checked, as in a one-off build.
            String atFree = corpus.read(added);
            corpus.write(added, atFree.replace(free.toString(), free.plusDays(1).toString()));
            String day = "/" + archive.render.PagePaths.day(free);
            archive.diag.BuildFailedException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    archive.diag.BuildFailedException.class, () -> logged(corpus, cache));
            assertTrue(refused.getMessage().contains(day + " was published and would no longer be produced"), refused.getMessage());
            corpus.write(added, atFree);
            new SiteBuild(corpus.config(), null, cache).build();
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    @Test
    void thePreviewRebuildsOnlyWhatAnEditOfNotesChanges() throws IOException {
        ArticleCache cache = new ArticleCache();
        new SiteBuild(project.config(), null, cache).build();
        String notes = "seeds/004_1012f6d7e23636c3.notes.md";
        String text = project.read(notes);
        // At the start of the introduction, so that the notes index's excerpt shows it too.
        int start = text.indexOf("\n\n") + 2;
        project.write(notes, text.substring(0, start) + "An added sentence of the editors. " + text.substring(start));
        String log = logged(project, cache).log();
        assertTrue(log.contains("Published the edit of 1 article"), log);
        Path clean = cleanBuild();
        TestProject.assertSameSite(clean, project.site(), PAGES);
        // The introduction shows on the article's page and in the notes index.
        assertTrue(project.read("site/notes/index.html").contains("An added sentence of the editors."));
        assertTrue(project.read("site/articles/1012f6d7e23636c3/index.html").contains("An added sentence of the editors."));
        new SiteBuild(project.config(), null, cache).build();
        TestProject.assertSameSite(clean, project.site());
    }

    /** A save of the data that rewords an explanation makes the entry's first page alone, as a clean build makes it. */
    @Test
    void thePreviewRebuildsOnlyTheFirstPageOfAnEntryWhoseExplanationChanged() throws IOException {
        ArticleCache cache = new ArticleCache();
        new SiteBuild(project.config(), null, cache).build();
        String file = "data/glossary.yaml", yaml = project.read(file);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^- slug: (\\S+)\n(?:  .*\n)*?  explanation: \\|\n    ")
                .matcher(yaml);
        assertTrue(m.find());
        project.write(file, yaml.substring(0, m.end()) + "An editorial rewording. " + yaml.substring(m.end()));
        Logged edited = logged(project, cache);
        assertTrue(edited.log().contains("Published the edit of the explanations of 1 glossary entry"), edited.log());
        assertEquals(1, edited.result().pagesRendered(), edited.log());
        Path clean = cleanBuild();
        TestProject.assertSameSite(clean, project.site(), PAGES);
        assertTrue(project.read("site/glossary/" + m.group(1) + "/index.html").contains("An editorial rewording."));
        new SiteBuild(project.config(), null, cache).build();
        TestProject.assertSameSite(clean, project.site());
    }

    @Test
    void aOneOffBuildAfterAnEditMakesOnlyWhatTheEditChangesUnlessThePublishedSiteWasTouched() throws IOException {
        onSynthetic(5, 40, (gen, corpus) -> {
            corpus.build();
            // A changed title shows in the lists the article is on and on its neighbours' pages.
            String seed = "seeds/" + gen.fileName(30);
            corpus.write(seed, corpus.read(seed).replaceFirst("(?m)^Title: ", "Title: Revised: "));
            Map<String, FileTime> before = times(corpus.site());
            String log = logged(corpus, null).log();
            assertTrue(log.contains("Published the edit of 1 article") && log.contains("rendered 3 of 40 article pages"), log);
            assertTrue(log.contains("records in downloads/articles.json") && log.contains("records in downloads/articles.csv"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            java.util.Set<String> changed = changed(before, times(corpus.site()));
            assertTrue(changed.stream().anyMatch(f -> f.startsWith("dates/")), "its day's page shows the new title: " + changed);
            // The notes of the articles whose pages it kept unseen are kept for a build that checks every page.
            Files.delete(archive.publish.Publishing.cacheFolder(corpus.config()).resolve(PublishedState.FILE));
            long withNotes;
            try (Stream<Path> s = Files.list(corpus.root.resolve("seeds"))) {
                withNotes = s.filter(f -> f.toString().endsWith(".notes.md")).count();
            }
            log = logged(corpus, null).log();
            assertTrue(withNotes > 0 && log.contains("; " + withNotes + " articles' notes as an earlier build rendered them"), log);

            // A page replaced by hand: the build does not trust the published site, checks every page, and restores it.
            String other = "articles/" + gen.id(10) + "/index.html";
            corpus.replace("site/" + other, "edited by hand");
            addSentence(corpus, seed, "An editor's correction. ");
            log = logged(corpus, null).log();
            assertTrue(!log.contains("Published the edit"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());

            // A build stopped after it saved the articles but before it published: the next one cannot
            // take the edit's way (the articles stored are not those published) and checks every page.
            addSentence(corpus, seed, "A second correction. ");
            int[] asked = {0};
            org.junit.jupiter.api.Assertions.assertThrows(SiteBuild.CancelledException.class,
                    () -> new SiteBuild(corpus.config(), null).cancelledWhen(() -> ++asked[0] > 1).build());
            log = logged(corpus, null).log();
            assertTrue(!log.contains("Published the edit"), log);
            assertTrue(corpus.read("site/articles/" + gen.id(30) + "/index.html").contains("A second correction."));
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());

            // After the preview has changed the site (it keeps no article store), a one-off build checks every page.
            corpus.build();
            ArticleCache cache = new ArticleCache();
            new SiteBuild(corpus.config(), null, cache).build();
            corpus.write(seed, corpus.read(seed).replaceFirst("(?m)^Title: Revised: ", "Title: Revised in the preview: "));
            new SiteBuild(corpus.config(), null, cache).deferringIndexes().build();
            corpus.write(seed, corpus.read(seed).replaceFirst("(?m)^Title: Revised in the preview: ", "Title: Revised: "));
            log = logged(corpus, null).log();
            assertTrue(!log.contains("Published the edit"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());

            // A changed notes file is not such an edit.
            String notes = "seeds/004_1012f6d7e23636c3.notes.md";
            corpus.write(notes, corpus.read(notes) + "\nA closing remark of the editors.\n");
            log = logged(corpus, null).log();
            assertTrue(!log.contains("Published the edit"), log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    @Test
    void aOneOffEditGivesTheEditorsTheWarningsACleanBuildGives() throws IOException {
        onSynthetic(7, 40, (gen, corpus) -> {
            List<String> first = messages(corpus.build());
            // An article whose Chinese uses an entry while its English has none of the entry's renderings.
            java.util.regex.Matcher lacking = java.util.regex.Pattern.compile(
                    "(?:article |\\d+ articles: )[0-9a-f]+ \\(([^)]+)\\).* none of `([^`]+)`'s English renderings").matcher(
                    String.join("\n", first));
            assertTrue(lacking.find(), "the corpus has an article lacking a rendering: " + first);
            String seed = "seeds/" + lacking.group(1), slug = lacking.group(2);
            archive.model.GlossaryEntry entry = new archive.source.EditorialDataLoader()
                    .load(corpus.root.resolve("data"), new archive.diag.Diagnostics()).glossaryBySlug().get(slug);
            String rendering = entry.en().isEmpty() ? entry.parts().get(0).en().get(0) : entry.en().get(0);

            // An edit the warnings do not count: the previous build's are given again, as a clean build gives them.
            String other = seed.equals("seeds/" + gen.fileName(20)) ? "seeds/" + gen.fileName(21) : "seeds/" + gen.fileName(20);
            correctAuthor(corpus, other);
            Logged edited = logged(corpus, null);
            assertTrue(edited.log().contains("Published the edit of 1 article"), edited.log());
            assertEquals(cleanWarnings(corpus), messages(edited.result()));
            assertEquals(first, messages(edited.result()));

            // The English given the rendering it lacked: the warning about that article goes.
            addSentence(corpus, seed, "Of the " + rendering + " more below. ");
            edited = logged(corpus, null);
            List<String> now = messages(edited.result());
            assertNotEquals(first, now, "the warnings follow the edit");
            assertEquals(cleanWarnings(corpus), now);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());

            // The entry's Chinese forms changed with an edit of the author line: the articles that used it no longer do.
            String glossary = "data/glossary.yaml";
            String yaml = corpus.read(glossary);
            String changedForms = yaml.replaceFirst("(- slug: " + java.util.regex.Pattern.quote(slug) + "\n(?:.*\n)*?  zh: )\\[[^\\]]*\\]",
                    "$1[不见于文中]");
            assertNotEquals(yaml, changedForms);
            corpus.write(glossary, changedForms);
            // (an article without those forms: its own annotation, and what it counts in the warnings, stay as they were)
            String unaffected = java.util.stream.IntStream.range(5, 40).mapToObj(i -> "seeds/" + gen.fileName(i))
                    .filter(f -> !f.equals(seed) && entry.zh().stream().noneMatch(corpus.read(f)::contains))
                    .findFirst().orElseThrow();
            correctAuthor(corpus, unaffected);
            List<String> afterData = messages(logged(corpus, null).result());
            assertNotEquals(now, afterData, "the warnings follow the data");
            assertEquals(cleanWarnings(corpus), afterData);
        });
    }

    /**
     * An article named in the editors' warnings moved in the reading order: they are made again from
     * what each article keeps with its lists (see AnnotatedArticle#chineseOnly), without its mentions,
     * and name it where it stands now, as a clean build does.
     */
    @Test
    void aMovedArticleIsNamedInTheWarningsWhereItStandsNow() throws IOException {
        onSynthetic(7, 200, (gen, corpus) -> {
            List<String> first = messages(corpus.build());
            // An article named second or third in a warning moved to the archive's first day, one whose day keeps
            // other articles (a day's published page must stay): the warnings are made again from what each
            // article keeps with its lists, and name it first, as a clean build does.
            java.util.regex.Pattern dateLine = java.util.regex.Pattern.compile("(?m)^Date: (\\d{4}-\\d{2}-\\d{2})$");
            TreeMap<String, List<String>> byDate = new TreeMap<>();
            try (Stream<Path> s = Files.list(corpus.root.resolve("seeds"))) {
                for (Path f : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    java.util.regex.Matcher m = dateLine.matcher(corpus.read("seeds/" + f.getFileName()));
                    if (m.find()) byDate.computeIfAbsent(m.group(1), d -> new java.util.ArrayList<>()).add("seeds/" + f.getFileName());
                }
            }
            java.util.regex.Matcher named = java.util.regex.Pattern.compile(", [0-9a-f]+ \\(([^)]+)\\)").matcher(String.join("\n", first));
            String moved = null, was = null;
            while (moved == null && named.find()) {
                String candidate = "seeds/" + named.group(1);
                for (var e : byDate.tailMap(byDate.firstKey(), false).entrySet()) {
                    if (e.getValue().size() > 1 && e.getValue().contains(candidate)) {
                        moved = candidate;
                        was = e.getKey();
                    }
                }
            }
            assertTrue(moved != null, "an article named in a warning after another shares its day: " + first);
            corpus.write(moved, corpus.read(moved).replace(was, byDate.firstKey())); // in English and Chinese
            Logged edited = logged(corpus, null);
            assertTrue(edited.log().contains("(moved in the reading order)"), edited.log());
            assertNotEquals(first, messages(edited.result()), "the warnings name it where it stands now");
            assertEquals(cleanWarnings(corpus), messages(edited.result()));
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    /** The warnings of a clean build of the same inputs (made as {@link #cleanBuild(TestProject)} makes it). */
    private static List<String> cleanWarnings(TestProject p) {
        Path out = p.root.resolve("clean-site");
        TestProject.delete(out);
        return messages(p.build(p.config().withOut(out)));
    }

    /** The warnings a build gave, as an editor reads them, in order. */
    private static List<String> messages(SiteBuild.Result r) {
        return r.diagnostics().warnings().stream().map(Object::toString).toList();
    }

    @Test
    void aCancelledBuildPublishesNothing() throws IOException {
        project.build();
        Map<String, FileTime> before = times(project.site());
        editFirstSeed();
        int[] asked = {0};
        // Cancelled at the second question: after reading, before anything is published.
        org.junit.jupiter.api.Assertions.assertThrows(SiteBuild.CancelledException.class,
                () -> new SiteBuild(project.config(), null).cancelledWhen(() -> ++asked[0] > 1).build());
        assertEquals(before, times(project.site()));
        assertTrue(java.nio.file.Files.notExists(project.root.resolve(".site.staging")), "the staging folder is removed");
    }

    /**
     * A build that may be cancelled asks before each page it renders, not only between its stages:
     * the preview's build of every page stops for a newer save within a page (at 100,000 articles a
     * stage takes seconds).
     */
    @Test
    void aCancellableBuildAsksBeforeEachPage() {
        int[] asked = {0};
        SiteBuild.Result r = new SiteBuild(project.config(), null).cancelledWhen(() -> ++asked[0] < 0).build();
        assertTrue(r.pagesRendered() > 100 && asked[0] >= r.pagesRendered(), asked[0] + " questions for " + r.pagesRendered() + " pages");
    }

    /**
     * The bench's clean build makes the search index after every page, so that its progress lines
     * time the pages and the index apart (the speed issue counts the index apart): the index's line
     * comes after the line that every page is made, publishing alone follows it, and the site equals
     * a build that makes them together. So for an edit's build, which keeps every other page.
     */
    @Test
    void aBuildWithTheSearchIndexApartMakesItAfterEveryPageAndTheSameSite() throws IOException {
        onSynthetic(17, 40, (gen, corpus) -> {
            Path together = cleanBuild(corpus);
            String log = apart(corpus);
            TestProject.assertSameSite(together, corpus.site());
            String[] lines = log.lines().filter(l -> l.startsWith("[")).toArray(String[]::new);
            int indexed = indexOf(lines, "] Indexed 40 articles for search"), everyPage = -1;
            for (int i = 0; i < lines.length; i++) if (lines[i].contains("] Rendered ")) everyPage = i;
            assertTrue(everyPage >= 0 && indexed == lines.length - 2 && everyPage == indexed - 1
                    && lines[lines.length - 1].contains("] Published "), log);
            // An edit's build, which keeps the pages the edit cannot change, brings the index up to date after its pages too.
            addSentence(corpus, "seeds/" + gen.fileName(12), "An editor's correction. ");
            log = apart(corpus);
            assertTrue(log.contains("Published the edit of 1 article"), log);
            lines = log.lines().filter(l -> l.startsWith("[")).toArray(String[]::new);
            assertTrue(indexOf(lines, "] Rendered the ") == indexOf(lines, "] Indexed 40 articles for search (1 tokenized") - 1, log);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    private static String apart(TestProject corpus) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new SiteBuild(corpus.config(), new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8))
                .searchIndexApart().build();
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The first of {@code lines} holding {@code text}, or -1. */
    private static int indexOf(String[] lines, String text) {
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(text)) return i;
        return -1;
    }

    /**
     * A save the preview shows at once: only article pages (and the glossary index) are made, each
     * as a clean build makes it; the next build brings the whole site to a clean build's. Returns
     * the article folders made at once ("articles/<id>/").
     */
    private java.util.Set<String> shownAtOnceThenCaughtUp(TestProject corpus, ArticleCache cache) throws IOException {
        Map<String, FileTime> before = times(corpus.site());
        Logged quick = logged(corpus, cache);
        assertTrue(quick.log().contains("Published the 1 added or moved article and its neighbours"), quick.log());
        assertTrue(quick.result().indexesDeferred(), "a build that brings the lists up to date follows");
        Path clean = cleanBuild(corpus);
        java.util.Set<String> folders = new java.util.TreeSet<>();
        for (String f : changed(before, times(corpus.site()))) {
            assertTrue(f.startsWith("articles/") || f.startsWith("assets/") || f.equals("glossary/index.html"),
                    "nothing else is made before the reload: " + f);
            assertArrayEquals(Files.readAllBytes(clean.resolve(f)), Files.readAllBytes(corpus.site().resolve(f)), f);
            if (f.startsWith("articles/")) folders.add(f.substring(0, f.indexOf('/', "articles/".length()) + 1));
        }
        new SiteBuild(corpus.config(), null, cache).build();
        TestProject.assertSameSite(clean, corpus.site());
        return folders;
    }

    private static String dateOf(String seed) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\nDate: (\\d{4}-\\d{2}-\\d{2})").matcher(seed);
        assertTrue(m.find(), "a Date: line");
        return m.group(1);
    }

    /**
     * An edit of the text of an article quoted on a later page of a long concordance: the one-off
     * build finds that page's lines from the articles it quotes (see ArchiveIndex#findLinesOf),
     * remakes that page alone of the entry's, and the site equals a clean build's.
     */
    @Test
    void anEditedLineOnALaterPageOfAConcordanceRemakesThatPageAlone() throws IOException {
        onSynthetic(9, 300, (gen, corpus) -> {
            corpus.build();
            // An entry with a second page of lines, and an article quoted (in English) on that page alone.
            String[] found = quotedAlone(corpus.site(), 2, pages -> 2);
            String slug = found[0], id = found[1];
            // Each English paragraph begins with another word: every English line of the article shows otherwise.
            Path seed;
            try (Stream<Path> s = Files.list(corpus.root.resolve("seeds"))) {
                String name = "_" + id + ".txt";
                seed = s.filter(f -> f.getFileName().toString().endsWith(name)).findFirst().orElseThrow();
            }
            String text = Files.readString(seed);
            int body = text.indexOf("\n\n") + 2, original = text.indexOf("<hr />");
            String english = text.substring(body, original).replaceAll("(?m)^(?=\\S)", "Indeed, ");
            Files.writeString(seed, text.substring(0, body) + english + text.substring(original));
            Map<String, FileTime> before = times(corpus.site());
            String log = logged(corpus, null).log();
            assertTrue(log.contains("Published the edit of 1 article"), log);
            String entry = "glossary/" + slug + "/";
            java.util.Set<String> remade = new java.util.TreeSet<>();
            for (String f : changed(before, times(corpus.site()))) if (f.startsWith(entry)) remade.add(f);
            assertEquals(java.util.Set.of(entry + "page/2/index.html"), remade);
            assertTrue(corpus.read("site/" + entry + "page/2/index.html").contains("Indeed, "));
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    /**
     * A line of an entry added to an article quoted on a later page of the entry's concordance: the
     * first page, which counts the lines, and the pages from the article's lines on (each line after
     * them moves one down) are rendered again; the pages between are kept unrendered.
     */
    @Test
    void aLineAddedOnALaterPageOfAConcordanceRemakesItsFirstPageAndThePagesFromThereOn() throws IOException {
        onSynthetic(9, 300, (gen, corpus) -> {
            corpus.build();
            // An entry of three pages or more, and an article quoted (in English) on its last page alone.
            String[] found = quotedAlone(corpus.site(), 3, pages -> pages);
            String slug = found[0], id = found[1];
            java.util.regex.Matcher en = java.util.regex.Pattern.compile("(?m)^- slug: " + java.util.regex.Pattern.quote(slug)
                    + "\\n(?:  .*\\n)*?  en: \\[([^,\\]]*)").matcher(corpus.read("data/glossary.yaml"));
            assertTrue(en.find(), "the entry's first English rendering");
            String seed;
            try (Stream<Path> s = Files.list(corpus.root.resolve("seeds"))) {
                String name = "_" + id + ".txt";
                seed = "seeds/" + s.filter(f -> f.getFileName().toString().endsWith(name)).findFirst().orElseThrow().getFileName();
            }
            addSentence(corpus, seed, "Once more the " + en.group(1).trim() + ". ");
            Map<String, FileTime> before = times(corpus.site());
            Logged edited = logged(corpus, null);
            assertTrue(edited.log().contains("Published the edit of 1 article"), edited.log());
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            java.util.Set<String> changed = changed(before, times(corpus.site()));
            String entry = "glossary/" + slug + "/";
            assertTrue(changed.contains(entry + "index.html"), "the first page counts one more line: " + changed);
            assertFalse(changed.contains(entry + "page/2/index.html"), "the second page shows the same lines: " + changed);
            long pagesChanged = changed.stream().filter(f -> f.endsWith(".html")).count();
            assertEquals(pagesChanged, edited.result().pagesRendered(), "pages rendered, against those changed: " + changed);
        });
    }

    /**
     * An entry's explanation rewritten: only its first page shows it, so that page is the one page
     * rendered, however many pages its concordance has, and no article's page.
     */
    @Test
    void anEntrysExplanationRewrittenRendersItsFirstPageAlone() throws IOException {
        onSynthetic(9, 300, (gen, corpus) -> {
            corpus.build();
            String slug;
            try (Stream<Path> s = Files.list(corpus.site().resolve("glossary"))) {
                slug = s.filter(e -> Files.exists(e.resolve("page/2/index.html"))).map(e -> e.getFileName().toString())
                        .sorted().findFirst().orElseThrow();
            }
            String glossary = corpus.read("data/glossary.yaml");
            java.util.regex.Matcher explanation = java.util.regex.Pattern
                    .compile("(?m)^- slug: " + java.util.regex.Pattern.quote(slug) + "\\n(?:  .*\\n)*?  explanation: \\|\\n    (\\S+)")
                    .matcher(glossary);
            assertTrue(explanation.find(), "the explanation of " + slug);
            corpus.write("data/glossary.yaml", glossary.substring(0, explanation.start(1)) + "Rewritten: "
                    + glossary.substring(explanation.start(1)));
            Map<String, FileTime> before = times(corpus.site());
            Logged edited = logged(corpus, null);
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            // The edit's way: every other page kept unread, not checked.
            assertTrue(edited.log().contains("Published the edit of the explanations of 1 glossary entry"), edited.log());
            assertTrue(edited.log().contains("rendered 1 page, kept the others unread"), edited.log());
            // The editors' warnings, which name no explanation, are the previous build's: a clean build's.
            assertEquals(cleanWarnings(corpus), messages(edited.result()));
            java.util.Set<String> changed = changed(before, times(corpus.site()));
            assertEquals(java.util.Set.of("glossary/" + slug + "/index.html"), changed);
            assertEquals(1, edited.result().pagesRendered(), edited.log());
            assertTrue(corpus.read("site/glossary/" + slug + "/index.html").contains("Rewritten: "));
        });
    }

    /**
     * An edit of the data that changes only what entries' first pages show (an explanation grown
     * by a line, which moves every later entry down a line, a related entry dropped, a reference
     * reworded, each in another entry), made with an edit of a seed, takes the edit's way: the
     * site, and the editors' warnings with their lines, are a clean build's. An explanation given a
     * link to no entry fails the build, naming the file and the link's line, and leaves the site as it was; a gloss
     * edited (shown by every article using the entry) checks every page.
     */
    @Test
    void anEditOfWhatOnlyEntriesFirstPagesShowTakesTheEditsWay() throws IOException {
        onSynthetic(9, 300, (gen, corpus) -> {
            corpus.build();
            String file = "data/glossary.yaml", yaml = corpus.read(file);
            // Each change is made to another entry.
            List<String> entries = entriesOf(yaml);
            List<String> original = List.copyOf(entries);
            int grown = firstFrom(entries, 1, "(?s)- slug: .*\n  explanation: \\|\n    .*");
            int related = firstFrom(entries, grown + 1, "(?s)- slug: .*\n  related: \\[[^,\\]]+, .*");
            int reference = firstFrom(entries, related + 1, "(?s)- slug: .*\n    - \".*");
            entries.set(grown, entries.get(grown).replaceFirst("(?m)^(  explanation: \\|\\n    [^\\n]*\\n)",
                    "$1    A line added by an editor.\n"));
            entries.set(related, entries.get(related).replaceFirst("(?m)^  related: \\[[^,\\]]+, ", "  related: ["));
            entries.set(reference, entries.get(reference).replaceFirst("(?m)^    - \"", "    - \"Reworded. "));
            for (int i : new int[] {grown, related, reference}) assertNotEquals(original.get(i), entries.get(i), slugOf(entries.get(i)));
            String edited = String.join("", entries);
            corpus.write(file, edited);
            correctAuthor(corpus, "seeds/" + gen.fileName(30));

            Logged logged = logged(corpus, null);
            assertTrue(logged.log().contains("Published the edit of 1 article and of the explanations of 3 glossary entries"),
                    logged.log());
            assertTrue(logged.log().contains("kept the others unread"), logged.log());
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            assertEquals(cleanWarnings(corpus), messages(logged.result()));
            assertTrue(corpus.read("site/glossary/" + slugOf(entries.get(grown)) + "/index.html").contains("A line added by an editor."));

            // A link to no entry: the build fails, naming the file and line, and the site stays as it was.
            Map<String, FileTime> published = times(corpus.site());
            corpus.write(file, edited.replace("    A line added by an editor.\n", "    A line added by an [editor](glossary:no-such-entry).\n"));
            archive.diag.BuildFailedException failed = org.junit.jupiter.api.Assertions.assertThrows(
                    archive.diag.BuildFailedException.class, () -> logged(corpus, null));
            int line = (int) edited.substring(0, edited.indexOf("    A line added by an editor.")).chars().filter(c -> c == '\n').count() + 1;
            assertTrue(failed.getMessage().contains("glossary.yaml:" + line + ": unknown cross-reference `glossary:no-such-entry`"),
                    failed.getMessage());
            assertEquals(published, times(corpus.site()));

            // A gloss, which every article using the entry shows: every page is checked.
            String gloss = edited.replaceFirst("(?m)^  gloss: ", "  gloss: literally, ");
            assertNotEquals(edited, gloss);
            corpus.write(file, gloss);
            logged = logged(corpus, null);
            assertFalse(logged.log().contains("kept the others unread"), logged.log());
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    /**
     * A place's note, which only the place's own pages show, edited with an article's title (which
     * the lists show) and then alone, then its coordinates (which the downloads show too): each time
     * the edit's way, and the site is a clean build's.
     */
    @Test
    void anEditOfAPlacesNoteTakesTheEditsWay() throws IOException {
        onSynthetic(9, 300, (gen, corpus) -> {
            corpus.build();
            String file = "data/places.yaml", yaml = corpus.read(file);
            List<String> places = entriesOf(yaml);
            int noted = -1;
            for (int i = 1; i < places.size() && noted < 0; i++) {
                String page = "places/" + slugOf(places.get(i)) + "/index.html";
                if (places.get(i).contains("\n  note: \"") && Files.exists(corpus.site().resolve(page))) {
                    noted = i;
                }
            }
            assertTrue(noted > 0, "a place with a note and a page");
            String slug = slugOf(places.get(noted)), original = places.get(noted);
            places.set(noted, original.replace("\n  note: \"", "\n  note: \"Revised by an editor. "));
            corpus.write(file, String.join("", places));
            String seed = "seeds/" + gen.fileName(40);
            corpus.write(seed, corpus.read(seed).replaceFirst("(?m)^Title: ", "Title: Revised: "));

            Logged logged = logged(corpus, null);
            assertTrue(logged.log().contains("Published the edit of 1 article and of the notes or coordinates of 1 place"), logged.log());
            assertTrue(logged.log().contains("kept the others unread"), logged.log());
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            assertTrue(corpus.read("site/places/" + slug + "/index.html").contains("Revised by an editor."));

            places.set(noted, original);
            corpus.write(file, String.join("", places));
            logged = logged(corpus, null);
            assertTrue(logged.log().contains("Published the edit of the notes or coordinates of 1 place"), logged.log());
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            assertFalse(corpus.read("site/places/" + slug + "/index.html").contains("Revised by an editor."));

            // Its coordinates, which its pages and the downloads show: the downloads are made whole, not spliced.
            String moved = original.contains("\n  coords: [") ? original.replaceFirst("\n  coords: \\[[^\\]]*\\]", "\n  coords: [30.01, 110.02]")
                    : original.replaceFirst("\n", "\n  coords: [30.01, 110.02]\n");
            assertNotEquals(original, moved);
            places.set(noted, moved);
            corpus.write(file, String.join("", places));
            logged = logged(corpus, null);
            assertTrue(logged.log().contains("Published the edit of the notes or coordinates of 1 place"), logged.log());
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
            assertTrue(corpus.read("site/downloads/articles.json").contains("30.01"), "the downloads show the new coordinates");
        });
    }

    /** The entries of a data file as written, each from its "- slug:" line (the file's head first), to be edited and joined again. */
    private static List<String> entriesOf(String yaml) {
        return new java.util.ArrayList<>(List.of(yaml.split("(?m)(?=^- slug: )")));
    }

    /** The slug of a glossary entry or place as written ("- slug: x\n…"). */
    private static String slugOf(String entry) { return entry.substring("- slug: ".length(), entry.indexOf('\n')); }

    /** The first of {@code entries} from {@code from} that matches {@code pattern}. */
    private static int firstFrom(List<String> entries, int from, String pattern) {
        for (int i = from; i < entries.size(); i++) if (entries.get(i).matches(pattern)) return i;
        throw new AssertionError("no entry matches " + pattern);
    }

    /** The ids of the articles the concordance page {@code page} quotes in the cells {@code cells} select. */
    /**
     * A glossary entry of {@code minPages} pages or more and an article quoted (in English) on one of
     * its pages alone, the page {@code page} gives for its number of pages: {slug, article id}.
     */
    private static String[] quotedAlone(Path site, int minPages, java.util.function.IntUnaryOperator page) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(site.resolve("glossary"))) {
            entries = s.filter(e -> Files.exists(e.resolve("page/" + minPages + "/index.html"))).sorted().toList();
        }
        for (Path e : entries) {
            int pages = minPages;
            while (Files.exists(e.resolve("page/" + (pages + 1) + "/index.html"))) pages++;
            String target = "page/" + page.applyAsInt(pages) + "/index.html";
            java.util.Set<String> elsewhere = new java.util.HashSet<>();
            try (Stream<Path> files = Files.walk(e)) {
                for (Path f : files.filter(f -> f.getFileName().toString().equals("index.html")).toList()) {
                    if (!e.relativize(f).toString().equals(target)) elsewhere.addAll(quoted(f, "td"));
                }
            }
            for (String q : quoted(e.resolve(target), "td[lang=en]")) {
                if (!elsewhere.contains(q)) return new String[] {e.getFileName().toString(), q};
            }
        }
        throw new AssertionError("no article quoted on one page alone, among " + entries);
    }

    private static java.util.Set<String> quoted(Path page, String cells) throws IOException {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (var td : org.jsoup.Jsoup.parse(page.toFile(), "UTF-8").select("tr > " + cells)) {
            var link = td.parent().selectFirst("a[href*=articles/]");
            if (link != null) out.add(link.attr("href").replaceAll(".*articles/([^/]+)/.*", "$1"));
        }
        return out;
    }

    private void editFirstSeed() {
        String seed = "seeds/000_119a5904f4221201.txt";
        project.write(seed, project.read(seed).replaceFirst("\nAuthor:", "\nAuthor: An Editor"));
    }

    /** Gives the seed {@code seed} another author: an edit that leaves the article where it stands. */
    private static void correctAuthor(TestProject corpus, String seed) {
        corpus.write(seed, corpus.read(seed).replaceFirst("\nAuthor:[^\n]*", "\nAuthor: A Corrector"));
    }

    /** A test run on a synthetic corpus of {@code n} articles from generator seed {@code seed}, deleted afterwards. */
    private interface CorpusTest { void run(archive.bench.CorpusGenerator gen, TestProject corpus) throws IOException; }

    private static void onSynthetic(long seed, int n, CorpusTest test) throws IOException {
        archive.bench.CorpusGenerator gen = TestProject.generator(seed);
        TestProject corpus = TestProject.generated(gen, n);
        try {
            test.run(gen, corpus);
        } finally {
            TestProject.delete(corpus.root);
        }
    }

    /** The search index's shards as the build's log counts them: all, kept unmade, kept unread. */
    private static int[] searchShards(String log) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(\\d+) shards \\((\\d+) kept unmade: same postings and weights, (\\d+) of them unread").matcher(log);
        assertTrue(m.find(), log);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    /** Puts {@code sentence} before the first paragraph of the seed's text. */
    private static void addSentence(TestProject corpus, String seed, String sentence) {
        String text = corpus.read(seed);
        int body = text.indexOf("\n\n") + 2;
        corpus.write(seed, text.substring(0, body) + sentence + text.substring(body));
    }

    /** The files whose time changed between two listings, or that are new. */
    private static java.util.Set<String> changed(Map<String, FileTime> before, Map<String, FileTime> after) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String f : after.keySet()) if (!after.get(f).equals(before.get(f))) out.add(f);
        return out;
    }

    private Path cleanBuild() { return cleanBuild(project); }

    /** A clean build of the same inputs beside the project (clean-site/, made afresh each time). */
    private static Path cleanBuild(TestProject p) {
        Path out = p.root.resolve("clean-site");
        TestProject.delete(out);
        p.build(p.config().withOut(out));
        return out;
    }

    @Test
    void thePreviewsRebuildLooksAgainOnlyAtTheSeedsItsWatcherReportedAndTheBuildThatFollowsAtAll() throws IOException {
        onSynthetic(13, 30, (gen, corpus) -> {
            ArticleCache cache = new ArticleCache();
            new SiteBuild(corpus.config(), null, cache).build();
            cache.watchingSeeds();
            new SiteBuild(corpus.config(), null, cache).build(); // lists the folder whole: the watcher began after it

            // Reported: the rebuild finds the edit.
            String reported = "seeds/" + gen.fileName(7), unreported = "seeds/" + gen.fileName(21);
            addSentence(corpus, reported, "An edit the watcher saw. ");
            cache.seedChanged(corpus.root.resolve(reported).toAbsolutePath());
            assertTrue(logged(corpus, cache).log().contains("Published the edit of 1 article"), "the reported seed is read again");

            // Not reported (a lost event): the quick rebuild does not look at it, the build that catches up does.
            addSentence(corpus, unreported, "An edit the watcher missed. ");
            assertTrue(logged(corpus, cache).log().contains("Published the edit of 0 articles"),
                    "the quick rebuild looks only at what was reported");
            new SiteBuild(corpus.config(), null, cache).build();
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());

            // A lost track (an overflow): the next rebuild lists the folder whole, and finds an unreported edit at once.
            addSentence(corpus, unreported, "Another edit the watcher missed. ");
            cache.relistSeeds();
            assertTrue(logged(corpus, cache).log().contains("Published the edit of 1 article"), "a whole listing after an overflow");
            new SiteBuild(corpus.config(), null, cache).build();
            TestProject.assertSameSite(cleanBuild(corpus), corpus.site());
        });
    }

    /** A build's result and its progress lines. */
    private record Logged(SiteBuild.Result result, String log) {}

    /** A one-off build ({@code cache} null) or a preview's deferring build, with its progress lines. */
    private static Logged logged(TestProject p, ArticleCache cache) { return logged(p, p.config(), cache); }

    /** A one-off build with the settings {@code config}, with its progress lines. */
    private static Logged loggedWith(TestProject p, BuildConfig config) { return logged(p, config, null); }

    private static Logged logged(TestProject p, BuildConfig config, ArticleCache cache) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        SiteBuild build = new SiteBuild(config, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), cache);
        SiteBuild.Result r = (cache == null ? build : build.deferringIndexes()).build();
        return new Logged(r, out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Every file but those a preview's build leaves for the build that follows (search index, feed, downloads). */
    private static final java.util.function.Predicate<String> PAGES = f -> !f.startsWith("search/data/")
            && !f.startsWith("downloads/") && !f.equals("feed.xml");

    private static String readString(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, FileTime> times(Path root) throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
        }
        return out;
    }
}
