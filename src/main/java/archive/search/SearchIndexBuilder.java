package archive.search;

import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.EditorialData;
import archive.model.GlossaryEntry;
import archive.model.Place;
import archive.parallel.Parallel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Builds the search index into {@code search/data/}, streaming over the articles in reading order:
 * <ul>
 * <li>{@code d/<n/1000>/<n%1000>.js}: article n's titles, date, page and segments, for excerpts
 *     and for verifying Chinese phrases of three characters or more;</li>
 * <li>{@code s/<shard>.js}: the postings of the terms whose hash falls in the shard (very long
 *     lists in a file of their own), so a query loads only the shards of its terms;</li>
 * <li>{@code meta.js}: the shard count, the reading order, the years' ranges in it and the glossary's pinyin.</li>
 * </ul>
 * Terms: every Han character and every pair of adjacent Han characters within a paragraph, every
 * word lower-cased and {@linkplain SearchText#stem stemmed}, and the facets place:, industry:,
 * entry:. A posting is (article number, BM25 term-frequency weight quantised to 1–63). Articles
 * are numbered in the order of their seeds' file names ({@link #number}), which a corrected date
 * does not change: numbered in reading order, a moved article renumbered every article between its
 * two places, and with them the postings of most shards. The client gets the reading order from
 * meta.js, and ranks a tie in score to the earlier article, lists hits without words in reading
 * order and takes a year as a range of it. Articles are read in
 * batches, tokenised in parallel and appended per partition of terms without locks; the only
 * whole-corpus state is the postings themselves (about two bytes a posting) and one int per article.
 */
public final class SearchIndexBuilder {
    public static final String DIR = "search/data/";
    /** BM25 parameters; the client reads them from meta.js. */
    public static final double K1 = 1.2, B = 0.75;
    private static final int BATCH = 256;
    static final int PARTITIONS = 16;
    /** A shard holds about this many characters of postings; longer lists get a file of their own. */
    static final int TARGET_SHARD_CHARS = 48 * 1024, OWN_FILE_CHARS = 12 * 1024;

    /**
     * What was built; {@code tokenized} articles were read for their terms, the others' postings were the previous build's.
     * {@code unreadShards}: of the shards kept, those kept without a look at their postings (none of their terms changed).
     */
    public record Stats(int documents, int terms, int shards, long postings, long bytes, int files, int tokenized, int keptFiles,
                        int keptShards, int unreadShards, boolean postingsAsPublished) {}

    /**
     * The fingerprint of what article {@code number}'s text file is made from (its content
     * fingerprint, under {@code global}), which lets a build keep the file unmade.
     */
    public static long docInputs(long global, int number, long articleFingerprint) {
        return mix(mix(mix(global) ^ number) ^ articleFingerprint);
    }

    /** MurmurHash3's finaliser: every bit of the input moves every bit of the output. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93e8ee8b77dL;
        return h ^ h >>> 33;
    }

    /** Whether the site path {@code file} is a shard of the index (or a term's file of its own beside one). */
    public static boolean isShard(String file) { return file.startsWith(DIR + "s/"); }

    /** The article number whose text file is at site path {@code file}, or −1 for another file of the index. */
    public static int docNumber(String file) {
        String prefix = DIR + "d/";
        if (!file.startsWith(prefix) || !file.endsWith(".js")) return -1;
        String[] parts = file.substring(prefix.length(), file.length() - 3).split("/");
        try {
            return parts.length == 2 ? Integer.parseInt(parts[0]) * 1000 + Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Where the previous build's postings are kept ({@link PostingsCache}), what they must have been
     * made with ({@code global}: the generator and the data the index reads), each article's
     * content fingerprint, which tells whether its postings can be reused, and what the article
     * store read it from ({@code source}, recorded for {@link TermPresence}).
     */
    public record Reuse(java.nio.file.Path file, long global, java.util.function.ToLongFunction<AnnotatedArticle> fingerprint,
                        java.util.function.ToLongFunction<AnnotatedArticle> source) {}

    /** The file {@link Reuse} keeps the postings in, inside the build's cache folder. */
    public static final String CACHE_FILE = PostingsCache.FILE;

    /** How many articles' postings the cache at {@code file} holds for the key {@code global}; -1 if none (see PostingsCache). */
    public static int cachedDocuments(java.nio.file.Path file, long global) { return PostingsCache.documents(file, global, PARTITIONS); }

    /** Above this many changed articles, the index is built from every article, as with no previous postings. */
    private static final int MAX_CHANGED = 4096;

    private final EditorialData data;

    public SearchIndexBuilder(EditorialData data) { this.data = data; }

    /**
     * What an article's search document takes from the data: its places with the places around
     * them ("place:slug" facets). Everything else in it comes from the article and its annotation.
     */
    public static List<String> placeFacets(AnnotatedArticle a, Map<String, Place> places) {
        return SearchDoc.placeFacets(a, places);
    }

    /**
     * A fingerprint of what an article's document takes from the data (its {@link #placeFacets}),
     * which changes whenever they do: made from the chain of places around each of its places, each
     * chain walked once per build. (The facets themselves, made for every article, were a tenth of
     * what a build after a one-article edit allocated: most articles' lists of places are their own.)
     */
    public static final class PlaceFacetKeys {
        private final Map<String, Place> places;
        private final Map<String, Long> chains = new java.util.concurrent.ConcurrentHashMap<>();

        public PlaceFacetKeys(Map<String, Place> places) { this.places = places; }

        public long of(AnnotatedArticle a) {
            long h = mix(a.places().size());
            for (String p : a.places()) {
                Long chain = chains.get(p);
                if (chain == null) chain = chains.computeIfAbsent(p, this::chain);
                h = mix(h ^ chain);
            }
            return h;
        }

        /** The place {@code slug} and those around it, as {@link SearchDoc#placeFacets} walks them. */
        private long chain(String slug) {
            long h = 0;
            int guard = 0;
            for (String s = slug; s != null && guard++ < 64; ) {
                for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001b3L; // FNV-1a over the characters
                h = mix(h ^ s.length());
                Place pl = places.get(s);
                s = pl == null ? null : pl.parent();
            }
            return h;
        }
    }

    /**
     * What of the editorial data the index depends on besides the articles' annotations: each
     * place's parent (a place's facet includes the places around it) and each entry's pinyin and
     * headword (for pinyin queries). A reworded gloss leaves the index as it is.
     */
    public static List<Object> dataInputsOf(archive.model.EditorialData data) {
        List<Object> out = new java.util.ArrayList<>();
        for (Place p : data.places()) out.add(List.of(p.slug(), String.valueOf(p.parent())));
        for (GlossaryEntry g : data.glossary()) out.add(List.of(g.slug(), String.valueOf(g.pinyin()), g.headword()));
        return out;
    }

    /**
     * The articles in reading order and in the order the index numbers them: by their seeds' file
     * names (then ids), which an edit of an article's date leaves as they were, and a new seed
     * named after the others does too. {@code numberAt[p]}: the number of the article at place
     * {@code p} of the reading order.
     */
    public record Numbering(List<AnnotatedArticle> readingOrder, List<AnnotatedArticle> byNumber, int[] numberAt) {}

    /** Numbers the articles given in reading order (see {@link Numbering}). */
    public static Numbering number(List<AnnotatedArticle> readingOrder) {
        int n = readingOrder.size();
        // Each key made once (a comparator making them cost a tenth of a second at 10,000 articles).
        Keyed[] keyed = new Keyed[n];
        for (int p = 0; p < n; p++) {
            Article a = readingOrder.get(p).article();
            java.nio.file.Path name = a.source() == null ? null : a.source().getFileName();
            keyed[p] = new Keyed(name == null ? "" : name.toString(), a.id(), p);
        }
        java.util.Arrays.sort(keyed);
        List<AnnotatedArticle> byNumber = new ArrayList<>(n);
        int[] numberAt = new int[n];
        for (int i = 0; i < n; i++) {
            byNumber.add(readingOrder.get(keyed[i].place));
            numberAt[keyed[i].place] = i;
        }
        return new Numbering(readingOrder, byNumber, numberAt);
    }

    /** An article's seed's file name and id, and its place in the reading order. */
    private record Keyed(String name, String id, int place) implements Comparable<Keyed> {
        @Override
        public int compareTo(Keyed o) {
            int c = name.compareTo(o.name);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    /** Builds the index of {@code articles} (in reading order) and writes it through {@code sink}. */
    public Stats build(List<AnnotatedArticle> articles, FileSink sink) {
        return build(number(articles), sink, null, a -> archive.model.ArticleText.of(a.requireText().article()));
    }

    /**
     * As {@link #build(List, FileSink)}, reusing the previous build's postings of unchanged articles
     * when {@code reuse} is given; {@code text} gives an article's text when the index reads it
     * (the build may hold the archive without it).
     */
    public Stats build(Numbering numbering, FileSink sink, Reuse reuse,
                       java.util.function.Function<AnnotatedArticle, archive.model.ArticleText> text) {
        // From here on, articles.get(i) is article number i.
        List<AnnotatedArticle> articles = numbering.byNumber();
        Words words = new Words();
        PostingLists[] parts = new PostingLists[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) parts[p] = new PostingLists();
        int n = articles.size();
        int[] lengths = new int[n];
        long[] termsHashes = new long[n];
        AtomicLong bytes = new AtomicLong();
        AtomicInteger files = new AtomicInteger();
        AtomicInteger keptFiles = new AtomicInteger();
        FileSink counted = new FileSink() {
            @Override
            public void write(String file, byte[] content) { write(file, content, 0); }

            @Override
            public void write(String file, byte[] content, long inputs) {
                bytes.addAndGet(content.length);
                files.incrementAndGet();
                if (inputs == 0) sink.write(file, content);
                else sink.write(file, content, inputs);
            }

            @Override
            public boolean keep(String file, long inputs) {
                if (!sink.keep(file, inputs)) return false;
                keptFiles.incrementAndGet();
                return true;
            }

            @Override
            public boolean keepAll(List<String> files, long inputs) {
                if (!sink.keepAll(files, inputs)) return false;
                keptFiles.addAndGet(files.size());
                return true;
            }

            @Override
            public boolean keepExactly(String prefix, Map<String, Long> fingerprints) {
                if (!sink.keepExactly(prefix, fingerprints)) return false;
                keptFiles.addAndGet(fingerprints.size());
                return true;
            }
        };
        Map<String, Place> places = data.placesBySlug();
        ThreadLocal<Words.Cache> caches = ThreadLocal.withInitial(words::cache);
        ThreadLocal<LongIntMap> scratch = ThreadLocal.withInitial(() -> new LongIntMap(4096));

        long[] fingerprints = null;
        Reused reused = null;
        if (reuse != null) {
            long[] fps = new long[n];
            IntStream.range(0, n).parallel().forEach(i -> fps[i] = reuse.fingerprint().applyAsLong(articles.get(i)));
            fingerprints = fps;
            PostingsCache previous = PostingsCache.load(reuse.file(), reuse.global(), PARTITIONS);
            if (previous != null) reused = Reused.match(previous, articles, fps);
            if (reused != null && n - reused.count > MAX_CHANGED) reused = null;
            if (reused != null) {
                for (int i = 0; i < previous.wordIds.length; i++) words.restore(previous.wordIds[i], previous.wordTexts[i]);
            }
        }
        Reused kept = reused;
        List<DocTerms> changed = new ArrayList<>();
        for (int from = 0; from < n; from += BATCH) {
            int start = from, end = Math.min(n, from + BATCH);
            DocTerms[] batch = new DocTerms[end - start];
            long[] fps = fingerprints;
            Parallel.forEachIndex(end - start, k -> {
                int i = start + k;
                boolean tokenize = kept == null || kept.oldOf[i] < 0;
                // An article's text file depends on the article and its number only: kept unmade when neither changed.
                String file = DIR + SearchDoc.fileName(i) + ".js";
                long inputs = reuse == null ? 0 : docInputs(reuse.global(), i, fps[i]);
                if (!tokenize && counted.keep(file, inputs)) return;
                AnnotatedArticle a = articles.get(i);
                SearchDoc doc = SearchDoc.of(i, a, text.apply(a), places);
                counted.write(file, doc.script(), inputs);
                if (tokenize) batch[i - start] = DocTerms.of(doc, caches.get(), words, scratch.get(), PARTITIONS);
            });
            if (kept == null) {
                Parallel.forEachIndex(PARTITIONS, p -> {
                    PostingLists pl = parts[p];
                    for (DocTerms d : batch) {
                        for (int k = d.from()[p]; k < d.from()[p + 1]; k++) pl.add(d.keys()[k], d.number(), d.tfs()[k]);
                    }
                });
            }
            for (int i = start; i < end; i++) {
                DocTerms d = batch[i - start];
                if (d != null) {
                    lengths[i] = d.length();
                    termsHashes[i] = d.termsHash();
                    if (kept != null) changed.add(d);
                } else {
                    lengths[i] = kept.previous.lengths[kept.oldOf[i]];
                    termsHashes[i] = kept.previous.termsHashes[kept.oldOf[i]];
                }
            }
        }
        if (kept != null && kept.samePostings(articles, lengths, termsHashes)) {
            // Every article has the postings it had, under its number (an edit of what the index does
            // not read, such as an author): the postings, weights and shards are the published ones.
            PostingsCache previous = kept.previous;
            Map<String, Long> published = new java.util.HashMap<>();
            for (int s = 0; s < previous.shardInputs.length; s++) {
                for (String f : ShardWriter.shardFiles(s, previous.shardOwnFiles[s])) published.put(f, previous.shardInputs[s]);
            }
            if (counted.keepExactly(DIR + "s/", published)) {
                int shardCount = previous.shardInputs.length;
                counted.write(DIR + "meta.js", meta(numbering, shardCount));
                if (!kept.unchanged(n)) {
                    previous.saveKept(reuse.global(), ids(articles), fingerprints, sources(articles, reuse));
                }
                return new Stats(n, previous.terms, shardCount, previous.postings, bytes.get(), files.get(), n - kept.count,
                        keptFiles.get(), shardCount, shardCount, true);
            }
        }
        // The terms whose posting lists the merge may have changed (an article tokenized again has or had them).
        TermChanges[] touched = new TermChanges[PARTITIONS];
        if (kept != null) IntStream.range(0, PARTITIONS).parallel().forEach(p -> touched[p] = kept.merge(p, changed, parts[p]));
        words.freeze();
        IntStream.range(0, PARTITIONS).parallel().forEach(p -> parts[p].trim());

        double avg = averageLength(lengths);
        ShardWriter shards = new ShardWriter(parts, words, lengths, avg, reuse == null ? 0 : reuse.global());
        // After an edit that kept every article under its number, with the same average length: a
        // shard none of whose terms changed has the postings and weights the previous build gave it.
        if (kept != null && kept.sameNumbers(articles) && kept.previous.shardInputs.length > 0
                && averageLength(kept.previous.lengths) == avg) {
            shards.reuse(kept.previous.shardInputs, kept.previous.shardOwnFiles, touched, kept.previous.lengths);
        }
        int shardCount = shards.write(counted);
        counted.write(DIR + "meta.js", meta(numbering, shardCount));
        long postings = 0;
        int terms = 0;
        for (PostingLists p : parts) {
            postings += p.postings;
            terms += p.count;
        }
        if (reuse != null && (kept == null || !kept.unchanged(n))) {
            PostingsCache.save(reuse.file(), reuse.global(), ids(articles), fingerprints, sources(articles, reuse), lengths, termsHashes,
                    words, parts,
                    new PostingsCache.Shards(shards.shardInputs, shards.shardOwnFiles, terms, postings));
        }
        return new Stats(n, terms, shardCount, postings, bytes.get(), files.get(), kept == null ? n : n - kept.count, keptFiles.get(),
                shards.keptShards.get(), shards.unreadShards.get(), false);
    }

    /**
     * The average length of the documents, BM25's avgdl, to a quarter of a token: an edit of one
     * article then seldom changes it, nor with it the weight of every posting of the archive.
     */
    static double averageLength(int[] lengths) {
        return Math.max(1, Math.round(IntStream.of(lengths).average().orElse(1) * 4) / 4.0);
    }

    private static long[] sources(List<AnnotatedArticle> articles, Reuse reuse) {
        return articles.stream().mapToLong(reuse.source()).toArray();
    }

    private static String[] ids(List<AnnotatedArticle> articles) {
        return articles.stream().map(a -> a.article().id()).toArray(String[]::new);
    }

    /** Which of this build's articles keep their postings from the previous build, and under which old number. */
    private static final class Reused {
        final PostingsCache previous;
        /** This build's number → the previous build's, or −1 for an article to tokenize. */
        final int[] oldOf;
        /** The previous build's number → this build's, or −1 for postings to drop. */
        final int[] newOf;
        final int count;
        /** The first of the previous build's numbers that is not kept as it was: postings before it are copied as they are. */
        final int firstMoved;

        private Reused(PostingsCache previous, int[] oldOf, int[] newOf, int count) {
            this.previous = previous;
            this.oldOf = oldOf;
            this.newOf = newOf;
            this.count = count;
            int j = 0;
            while (j < newOf.length && newOf[j] == j) j++;
            this.firstMoved = j;
            int k = newOf.length - 1;
            while (k >= 0 && newOf[k] == k) k--;
            this.lastMoved = k;
        }

        /**
         * The last of the previous build's numbers that is not kept as it was (−1 if none): the
         * postings after it keep their numbers, and are copied as they are but for the first one's gap.
         */
        final int lastMoved;

        /** Every article kept under its number and none added: the saved postings are those of this index. */
        boolean unchanged(int n) { return count == n && firstMoved == n && newOf.length == n; }

        /** Whether every article has the number the previous build gave it (those tokenized again too): no posting is renumbered. */
        boolean sameNumbers(List<AnnotatedArticle> articles) {
            int n = articles.size();
            if (previous.ids.length != n) return false;
            for (int i = 0; i < n; i++) {
                if (oldOf[i] != i && (oldOf[i] >= 0 || !previous.ids[i].equals(articles.get(i).article().id()))) return false;
            }
            return true;
        }

        /**
         * Whether every article has the postings the previous build gave it, under the same number:
         * each kept one is, and each tokenized again has the id of the article the previous build
         * had at its number, with the same length and terms (see DocTerms#termsHash).
         */
        boolean samePostings(List<AnnotatedArticle> articles, int[] lengths, long[] termsHashes) {
            if (previous.shardInputs.length == 0 || !sameNumbers(articles)) return false;
            for (int i = 0; i < articles.size(); i++) {
                if (oldOf[i] != i && (previous.lengths[i] != lengths[i] || previous.termsHashes[i] != termsHashes[i])) return false;
            }
            return true;
        }

        /**
         * Articles with the same id and fingerprint as before keep their postings, as long as their
         * order is unchanged: the longest run of them in the same order (an article moved by a new
         * date is tokenized again), so each posting list stays in document order.
         */
        static Reused match(PostingsCache previous, List<AnnotatedArticle> articles, long[] fps) {
            Map<String, Integer> oldIndex = new java.util.HashMap<>(previous.ids.length * 2);
            for (int j = 0; j < previous.ids.length; j++) oldIndex.put(previous.ids[j], j);
            int n = articles.size();
            int[] candidate = new int[n];
            for (int i = 0; i < n; i++) {
                Integer j = oldIndex.get(articles.get(i).article().id());
                candidate[i] = j != null && previous.fingerprints[j] == fps[i] ? j : -1;
            }
            int[] oldOf = LongestIncreasing.keep(candidate);
            int[] newOf = new int[previous.ids.length];
            java.util.Arrays.fill(newOf, -1);
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (oldOf[i] >= 0) {
                    newOf[oldOf[i]] = i;
                    count++;
                }
            }
            return new Reused(previous, oldOf, newOf, count);
        }

        /**
         * Partition {@code p} of the new index: each previous posting list with its documents
         * renumbered and those of changed or removed articles left out, merged in document order
         * with the postings of the articles tokenized now ({@code changed}, in document order).
         * Returns the terms whose lists this may have changed: those the articles tokenized now
         * have, and those a posting was left out of, with those postings.
         */
        TermChanges merge(int p, List<DocTerms> changed, PostingLists out) {
            // The postings of the articles tokenized now, by term, and those left out of the previous lists.
            TermChanges.Builder added = new TermChanges.Builder(), dropped = new TermChanges.Builder();
            for (DocTerms d : changed) {
                for (int k = d.from()[p]; k < d.from()[p + 1]; k++) added.add(d.keys()[k], d.number(), d.tfs()[k]);
            }
            boolean[] merged = new boolean[added.count()];
            previous.readPartition(p, (key, d, from, to, docs, last) -> {
                int t = -1; // made with its first posting: a term all of whose articles changed may have none left
                int l = added.find(key);
                int[] extra = l < 0 ? null : added.pairsAt(l);
                int extraSize = l < 0 ? 0 : added.sizeAt(l), e = 0;
                if (l >= 0) merged[l] = true;
                int i = from, doc = -1, copied = 0, consumed = 0;
                // The documents before the first that moved keep their numbers: their postings are copied as they are.
                if (last < firstMoved) {
                    t = out.termOf(key);
                    out.appendEncoded(t, d, from, to, docs, last);
                    i = to;
                    doc = last;
                    consumed = docs;
                } else {
                    int end = from;
                    while (i < to) {
                        int at = i, gap = 0, shift = 0, b;
                        do {
                            b = d[i++];
                            gap |= (b & 0x7F) << shift;
                            shift += 7;
                        } while ((b & 0x80) != 0);
                        do b = d[i++]; while ((b & 0x80) != 0);
                        if (doc + gap + 1 >= firstMoved) {
                            i = at;
                            break;
                        }
                        doc += gap + 1;
                        copied++;
                        end = i;
                    }
                    if (copied > 0) out.appendEncoded(t = out.termOf(key), d, from, end, copied, doc);
                    consumed = copied;
                }
                while (i < to) {
                    int at = i, gap = 0, shift = 0, b;
                    do {
                        b = d[i++];
                        gap |= (b & 0x7F) << shift;
                        shift += 7;
                    } while ((b & 0x80) != 0);
                    if (doc + gap + 1 > lastMoved) {
                        // This posting and those after it keep their numbers (an edit of one article in
                        // the middle merged its postings posting by posting up to the end, most of the
                        // merge): copied as they are, after the new postings before them.
                        int first = doc + gap + 1;
                        if (t < 0) t = out.termOf(key);
                        for (; e < extraSize && extra[e] < first; e += 2) out.append(t, extra[e], extra[e + 1]);
                        out.appendRest(t, d, at, to, first, docs - consumed, last);
                        i = to;
                        doc = last;
                        break;
                    }
                    consumed++;
                    int tf = 0;
                    shift = 0;
                    do {
                        b = d[i++];
                        tf |= (b & 0x7F) << shift;
                        shift += 7;
                    } while ((b & 0x80) != 0);
                    doc += gap + 1;
                    int now = newOf[doc];
                    if (now < 0) {
                        dropped.add(key, doc, tf);
                        continue;
                    }
                    if (t < 0) t = out.termOf(key);
                    for (; e < extraSize && extra[e] < now; e += 2) out.append(t, extra[e], extra[e + 1]);
                    out.append(t, now, tf);
                }
                if (e < extraSize && t < 0) t = out.termOf(key);
                for (; e < extraSize; e += 2) out.append(t, extra[e], extra[e + 1]);
            });
            for (int l = 0; l < added.count(); l++) {
                if (merged[l]) continue;
                int[] a = added.pairsAt(l);
                int t = out.termOf(added.keyAt(l));
                for (int e = 0; e < added.sizeAt(l); e += 2) out.append(t, a[e], a[e + 1]);
            }
            return TermChanges.of(dropped, added);
        }
    }

    /**
     * meta.js: the number of articles and of shards; "order", the article numbers in
     * reading order, each as the difference from the one before, less one, zigzag-encoded as base64
     * VLQ (one digit each where the seeds' names follow the reading order); the years as ranges of
     * that order; BM25's parameters; the glossary's pinyin.
     */
    private byte[] meta(Numbering numbering, int shards) {
        List<AnnotatedArticle> readingOrder = numbering.readingOrder();
        StringBuilder sb = new StringBuilder("ArchiveSearch.add(\"meta\",{\"version\":2,\"docs\":").append(readingOrder.size())
                .append(",\"shards\":").append(shards).append(",\"k1\":").append(K1).append(",\"b\":").append(B)
                .append(",\"order\":\"");
        int previous = -1;
        for (int n : numbering.numberAt()) {
            int d = n - previous - 1;
            Vlq.append(sb, (d << 1) ^ (d >> 31));
            previous = n;
        }
        sb.append("\",\"years\":[");
        int year = Integer.MIN_VALUE, first = 0;
        boolean any = false;
        for (int i = 0; i <= readingOrder.size(); i++) {
            int y = i < readingOrder.size() ? readingOrder.get(i).article().date().getYear() : Integer.MAX_VALUE;
            if (y != year) {
                if (year != Integer.MIN_VALUE) {
                    if (any) sb.append(',');
                    sb.append('[').append(year).append(',').append(first).append(',').append(i).append(']');
                    any = true;
                }
                year = y;
                first = i;
            }
        }
        sb.append("],\"pinyin\":{");
        Map<String, String> pinyin = new TreeMap<>();
        for (GlossaryEntry g : data.glossary()) {
            String key = g.pinyin() == null ? "" : SearchText.pinyinKey(g.pinyin());
            if (key.length() >= 2) pinyin.putIfAbsent(key, g.headword());
        }
        boolean firstKey = true;
        for (Map.Entry<String, String> e : pinyin.entrySet()) {
            if (!firstKey) sb.append(',');
            firstKey = false;
            Json.quote(sb, e.getKey()).append(':');
            Json.quote(sb, e.getValue());
        }
        sb.append("}});\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Groups the partitions' terms by shard and writes each shard's file. */
    private static final class ShardWriter {
        private final PostingLists[] parts;
        private final Words words;
        /** Each document's part of BM25's denominator, k1·(1−b+b·len/avg), and its weight for tf = 1, the commonest. */
        private final double[] norms;
        private final byte[] once;
        /** What every shard is made with besides its postings (the generator, the data the index reads). */
        private final long global;
        /** Shards kept unmade: the previous build made them from the same postings and weights. */
        final AtomicInteger keptShards = new AtomicInteger(), unreadShards = new AtomicInteger();
        /** Each shard's fingerprint and how many files of its own its terms took, once written (for the postings cache). */
        long[] shardInputs = new long[0];
        int[] shardOwnFiles = new int[0];

        /** The documents' average length the weights are made with. */
        private final double avg;

        ShardWriter(PostingLists[] parts, Words words, int[] lengths, double avg, long global) {
            this.avg = avg;
            this.parts = parts;
            this.words = words;
            this.global = global;
            // Made once per document instead of once per posting (ten million at 10,000 articles).
            this.norms = new double[lengths.length];
            this.once = new byte[lengths.length];
            for (int d = 0; d < lengths.length; d++) {
                norms[d] = norm(lengths[d], avg);
                once[d] = (byte) weight(1, d);
            }
        }

        /** What the previous build's shards were made from, and the terms changed since (see {@link #reuse}); null if none. */
        private long[] previousInputs;
        private int[] previousOwnFiles;
        private TermChanges[] touchedTerms;
        private int[] previousLengths;

        /**
         * Takes a shard none of whose terms changed to have the content the previous build's shard
         * of the same number had, when there are as many shards: made from {@code inputs}, with
         * {@code ownFiles} files of its own. A term changed if {@code touched} (by partition) has it
         * with other documents or frequencies before and now, or with a weight that the document's
         * new length (its old one in {@code previousLengths}) changes. The caller vouches that every
         * document kept its number and that the average length is the one the previous build used.
         */
        void reuse(long[] inputs, int[] ownFiles, TermChanges[] touched, int[] previousLengths) {
            this.previousInputs = inputs;
            this.previousOwnFiles = ownFiles;
            this.touchedTerms = touched;
            this.previousLengths = previousLengths;
        }

        /** Whether the postings {@code was} (document, frequency pairs, with the previous lengths) are written as {@code now} is. */
        private boolean sameWeights(int[] was, int[] now) {
            if (was.length != now.length) return false;
            for (int i = 0; i < was.length; i += 2) {
                int doc = was[i];
                if (doc != now[i] || was[i + 1] != now[i + 1]) return false;
                if (weight(now[i + 1], doc) != quantised(was[i + 1], norm(previousLengths[doc], avg))) return false;
            }
            return true;
        }

        int write(FileSink sink) {
            long estimate = 0;
            for (PostingLists p : parts) for (int t = 0; t < p.count; t++) estimate += p.lengths[t] * 5L / 4 + 12;
            int shards = (int) Math.max(1, Math.min(1 << 16, (estimate + TARGET_SHARD_CHARS - 1) / TARGET_SHARD_CHARS));
            int[] start = new int[shards + 1];
            for (PostingLists p : parts) for (int t = 0; t < p.count; t++) start[shardOf(p.keys[t], shards) + 1]++;
            for (int s = 0; s < shards; s++) start[s + 1] += start[s];
            long[] entries = new long[start[shards]];
            int[] fill = java.util.Arrays.copyOf(start, shards);
            for (int pi = 0; pi < parts.length; pi++) {
                PostingLists p = parts[pi];
                for (int t = 0; t < p.count; t++) entries[fill[shardOf(p.keys[t], shards)]++] = ((long) pi << 32) | t;
            }
            shardInputs = new long[shards];
            shardOwnFiles = new int[shards];
            boolean[] changed = null;
            if (previousInputs != null && previousInputs.length == shards && global != 0) {
                changed = new boolean[shards];
                for (TermChanges t : touchedTerms) {
                    for (int k = 0; t != null && k < t.keys.length; k++) {
                        int s = shardOf(t.keys[k], shards);
                        if (!changed[s] && !sameWeights(t.was[k], t.now[k])) changed[s] = true;
                    }
                }
            }
            boolean[] remade = changed;
            Parallel.forEachIndex(shards, s -> {
                if (remade != null && !remade[s]) {
                    List<String> files = shardFiles(s, previousOwnFiles[s]);
                    if (sink.keepAll(files, previousInputs[s])) {
                        shardInputs[s] = previousInputs[s];
                        shardOwnFiles[s] = previousOwnFiles[s];
                        keptShards.incrementAndGet();
                        unreadShards.incrementAndGet();
                        return;
                    }
                }
                writeShard(s, shards, entries, start[s], start[s + 1], sink);
            });
            return shards;
        }

        private static int shardOf(long key, int shards) { return SearchText.shard(TermKeys.hash(key), shards); }

        /** The files of shard {@code shard}: its own, then one for each of its {@code own} terms too long to share it. */
        static List<String> shardFiles(int shard, int own) {
            List<String> files = new ArrayList<>(1 + own);
            files.add(DIR + "s/" + shard + ".js");
            for (int k = 0; k < own; k++) files.add(DIR + "s/" + shard + "-" + k + ".js");
            return files;
        }

        private record Term(String text, PostingLists list, int index) {}

        private void writeShard(int shard, int shards, long[] entries, int from, int to, FileSink sink) {
            List<Term> terms = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                PostingLists p = parts[(int) (entries[i] >>> 32)];
                int t = (int) entries[i];
                terms.add(new Term(TermKeys.text(p.keys[t], words), p, t));
            }
            terms.sort(Comparator.comparing(Term::text));
            String name = "s/" + shard;
            // The shard's files are made from its terms, their postings and weights, and how many shards
            // there are: read without being encoded, they are kept unmade when the previous build made the same.
            Content content = content(terms);
            long inputs = mix(mix(mix(mix(global) ^ shard) ^ shards) ^ content.hash());
            shardInputs[shard] = inputs;
            shardOwnFiles[shard] = content.ownFiles();
            List<String> files = shardFiles(shard, content.ownFiles());
            if (global != 0 && sink.keepAll(files, inputs)) {
                keptShards.incrementAndGet();
                return;
            }
            StringBuilder sb = new StringBuilder(TARGET_SHARD_CHARS * 2);
            sb.append("ArchiveSearch.add(\"").append(name).append("\",{");
            int own = 0;
            StringBuilder postings = new StringBuilder(1024);
            for (int i = 0; i < terms.size(); i++) {
                Term term = terms.get(i);
                postings.setLength(0);
                encode(term, postings);
                if (i > 0) sb.append(',');
                Json.quote(sb, term.text()).append(':');
                // The postings are base64 digits (Vlq), which a JSON string holds as they are.
                if (postings.length() > OWN_FILE_CHARS) {
                    String file = name + "-" + own++;
                    StringBuilder f = new StringBuilder(postings.length() + 64).append("ArchiveSearch.add(\"").append(file)
                            .append("\",{");
                    Json.quote(f, term.text()).append(':');
                    f.append('"').append(postings).append("\"});\n");
                    sink.write(DIR + file + ".js", f.toString().getBytes(StandardCharsets.UTF_8), inputs);
                    Json.quote(sb, "=" + file);
                } else {
                    sb.append('"').append(postings).append('"');
                }
            }
            sb.append("});\n");
            sink.write(DIR + name + ".js", sb.toString().getBytes(StandardCharsets.UTF_8), inputs);
        }

        /** A shard's content as a hash of its terms, postings and weights, and how many of its terms get a file of their own. */
        private record Content(long hash, int ownFiles) {}

        private Content content(List<Term> terms) {
            long f = mix(terms.size());
            int own = 0;
            for (Term term : terms) {
                long[] h = {0x6A09E667F3BCC909L};
                int[] chars = {0};
                postings(term, (gap, w) -> {
                    chars[0] += Vlq.digits(gap) + 1;
                    h[0] = Long.rotateLeft(h[0] ^ ((long) gap << 6 | w) * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B97F4A7C15L;
                });
                long t = term.text().length();
                for (int i = 0; i < term.text().length(); i++) t = Long.rotateLeft(t ^ term.text().charAt(i) * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B97F4A7C15L;
                f = mix(mix(f ^ t) ^ h[0]);
                if (chars[0] > OWN_FILE_CHARS) own++;
            }
            return new Content(f, own);
        }


        private void encode(Term term, StringBuilder sb) {
            postings(term, (gap, w) -> {
                Vlq.append(sb, gap);
                Vlq.appendDigit(sb, w);
            });
        }

        /** A posting as the shard holds it: the gap to the previous document, and the quantised weight. */
        private interface Encoded { void accept(int gap, int weight); }

        /** Each posting of {@code term} as its shard writes it (what {@link #encode} writes, what {@link #content} hashes). */
        private void postings(Term term, Encoded out) {
            int[] prev = {-1};
            term.list().read(term.index(), (doc, tf) -> {
                out.accept(doc - prev[0] - 1, tf == 1 ? once[doc] : weight(tf, doc));
                prev[0] = doc;
            });
        }

        /** BM25's term-frequency part, tf·(k1+1)/(tf + k1·(1−b+b·len/avg)), scaled to 1–63; the client adds idf. */
        private int weight(int tf, int doc) {
            return quantised(tf, norms[doc]);
        }

        /** A document's part of BM25's denominator, k1·(1−b+b·len/avg). */
        private static double norm(int length, double avg) { return K1 * (1 - B + B * length / avg); }

        /** The weight of a posting with frequency {@code tf} in a document whose part of the denominator is {@code docNorm}. */
        private static int quantised(int tf, double docNorm) {
            double norm = tf * (K1 + 1) / (tf + docNorm);
            int q = 1 + (int) Math.round(norm / (K1 + 1) * 62);
            return Math.max(1, Math.min(63, q));
        }
    }
}
