package archive.search.bench;

import archive.build.SiteBuild;
import archive.config.BuildConfig;
import archive.diag.Diagnostics;
import archive.model.AnnotatedArticle;
import archive.search.SearchIndexBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The search index at scale: {@code bench/search-bench.sh [articles | corpus folder] [out]}. Builds
 * a synthetic corpus in memory (or reads a corpus folder with seeds/, data/ and pages/, such as
 * {@code archive bench} writes), times the index build and its peak extra heap, writes the index
 * into a copy of the seed site, and (with {@link BrowserTiming}) times queries in headless Chromium.
 */
public final class SearchBenchmark {
    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "100000";
        Path out = Path.of(args.length > 1 ? args[1] : "target/search-bench").toAbsolutePath();
        Path repo = Path.of("").toAbsolutePath();
        BuildConfig seeds = BuildConfig.defaults(repo).withOut(out.resolve("site")).withPermalinks(null);
        deleteTree(out);
        new SiteBuild(seeds, null).build();
        SiteBuild.Corpus corpus = new SiteBuild(seeds, null).read(new Diagnostics());
        List<AnnotatedArticle> articles;
        if (Files.isDirectory(Path.of(what))) {
            Path dir = Path.of(what).toAbsolutePath();
            BuildConfig other = new BuildConfig(dir.resolve("seeds"), seeds.templates(), dir.resolve("data"), dir.resolve("pages"),
                    out.resolve("unused"), null, false, null);
            corpus = new SiteBuild(other, null).read(new Diagnostics());
            articles = corpus.articles();
        } else {
            articles = SyntheticCorpus.make(Integer.parseInt(what), corpus.articles(), corpus.data(), 1959);
        }
        Path data = out.resolve("site").resolve(SearchIndexBuilder.DIR);
        deleteTree(data);

        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long base = mem.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(base);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        Set<Path> dirs = ConcurrentHashMap.newKeySet();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        SearchIndexBuilder.Stats stats = new SearchIndexBuilder(corpus.data()).build(articles, (file, bytes) -> {
            try {
                Path f = out.resolve("site").resolve(file);
                if (!dirs.contains(f.getParent())) {
                    Files.createDirectories(f.getParent());
                    dirs.add(f.getParent());
                }
                Files.write(f, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.out.printf("articles %d, terms %d, postings %d, shards %d, files %d, bytes %.1f MB%n", stats.documents(),
                stats.terms(), stats.postings(), stats.shards(), stats.files(), stats.bytes() / 1e6);
        System.out.printf("index build %.1f s wall, %.1f s CPU on %d cores (load average %.1f), peak extra heap %.0f MB"
                + " (heap in use %.0f MB before)%n", secs, cpu, Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage(),
                (peak.get() - base) / 1e6, base / 1e6);
        articles = null;
        // -Dbench.queries='a|b|c' replaces the queries timed.
        String queries = System.getProperty("bench.queries", "大跃进|钢铁|的|steel|pig iron production|\"pig iron\"");
        if (!Boolean.getBoolean("bench.noBrowser")) BrowserTiming.run(out.resolve("site"), List.of(queries.split("\\|")));
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
