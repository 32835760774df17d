package archive.bench;

import archive.diag.Diagnostics;
import archive.model.Article;
import archive.model.EditorialData;
import archive.model.GlossaryEntry;
import archive.model.Industry;
import archive.model.Paragraph;
import archive.model.Place;
import archive.source.EditorialDataLoader;
import archive.source.SeedReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes a synthetic corpus in the seed format, shaped like the real seeds: the real seeds (with
 * their notes) first, then articles whose paragraphs are drawn from the real ones, with places,
 * slogans and industry words from data/ spliced in, dates over 1958–1960 (1959 the busiest year),
 * pages 1–8, a few translations pending, a few unequal paragraph counts and a few editors' notes.
 * Places are drawn with Zipf weights, so the biggest ones collect tens of thousands of articles at
 * 100,000, as the capital and the big steel towns did in the real paper.
 *
 * <p>The same {@code seed} and count always give byte-identical files; each article depends only
 * on its own number, so files are written in parallel.
 */
public final class CorpusGenerator {
    private final Path projectSeeds;
    private final EditorialData data;
    private final List<Article> models;
    private final List<String[]> pairs = new ArrayList<>();
    private final List<String> enOnly = new ArrayList<>(), zhOnly = new ArrayList<>();
    private final double[] placeWeights;
    private final long seed;

    /** Reads the project's seeds and data, the material every synthetic article is made from. */
    public CorpusGenerator(Path seeds, Path dataDir, long seed) {
        Diagnostics diags = new Diagnostics();
        this.projectSeeds = seeds;
        this.data = new EditorialDataLoader().load(dataDir, diags);
        this.models = new SeedReader().readAll(seeds, diags);
        diags.throwIfErrors("reading the seeds the benchmark corpus is made from");
        if (models.isEmpty()) throw new IllegalStateException("no seeds in " + seeds + " to make a corpus from");
        this.seed = seed;
        for (Article a : models) {
            List<Paragraph> en = a.enParagraphs(), zh = a.zhParagraphs();
            int n = Math.min(en.size(), zh.size());
            for (int i = 0; i < n; i++) pairs.add(new String[]{en.get(i).text(), zh.get(i).text()});
            en.forEach(p -> enOnly.add(p.text()));
            zh.forEach(p -> zhOnly.add(p.text()));
        }
        placeWeights = new double[data.places().size()];
        double sum = 0;
        for (int i = 0; i < placeWeights.length; i++) sum += placeWeights[i] = 1.0 / (i + 1);
        double acc = 0;
        for (int i = 0; i < placeWeights.length; i++) placeWeights[i] = (acc += placeWeights[i] / sum);
    }

    /**
     * Writes {@code count} articles into {@code dir} (which must be empty or absent): the real seeds
     * and their sidecars, then synthetic ones up to the count.
     */
    public void write(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        int real = 0;
        for (Article a : models) {
            if (real >= count) break;
            String base = a.source().getFileName().toString().replaceFirst("\\.txt$", "");
            Files.copy(a.source(), dir.resolve(base + ".txt"));
            for (String side : SeedReader.SIDECARS) {
                Path s = projectSeeds.resolve(base + side);
                if (Files.exists(s)) Files.copy(s, dir.resolve(base + side));
            }
            real++;
        }
        int first = real;
        IntStream.range(first, count).parallel().forEach(i -> {
            try {
                writeArticle(dir, i);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The id of synthetic article {@code i}: a bijective mix of the number, so ids never collide. */
    public String id(int i) {
        long z = seed * 0x9E3779B97F4A7C15L + i;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return String.format("%016x", z);
    }

    /** The file name of synthetic article {@code i}. */
    public String fileName(int i) { return String.format("%06d_%s.txt", i, id(i)); }

    private void writeArticle(Path dir, int i) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
        String id = id(i);
        LocalDate date = date(rnd);
        int page = 1 + (int) Math.floor(Math.pow(rnd.nextDouble(), 1.6) * 8);
        Place place = place(rnd), other = place(rnd);
        GlossaryEntry term = pick(rnd, data.glossary());
        Industry industry = data.industries().isEmpty() ? null : pick(rnd, data.industries());

        int n = 3 + rnd.nextInt(4);
        List<String[]> body = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String[] p = pick(rnd, pairs);
            body.add(new String[]{p[0], p[1]});
        }
        // Splice in what the indexes are about: a dateline, a place, a slogan, industry words.
        String placeEn = place.name(), placeZh = place.shortForms().isEmpty() ? place.zh() : place.shortForms().get(0);
        int day = date.getDayOfMonth();
        body.get(0)[0] = "Xinhua News Agency, " + placeEn + ", " + day + "th – " + body.get(0)[0];
        body.get(0)[1] = "据新华社" + placeZh + day + "日电　" + body.get(0)[1];
        String termEn = term.en().isEmpty() ? term.gloss() : term.en().get(rnd.nextInt(term.en().size()));
        String termZh = term.zh().get(rnd.nextInt(term.zh().size()));
        int at = rnd.nextInt(n);
        body.get(at)[0] += " Workers in " + other.name() + " pledged: " + termEn + ".";
        body.get(at)[1] += other.zh() + "职工表示：" + termZh + "。";
        if (industry != null && !industry.enSignals().isEmpty() && !industry.zhSignals().isEmpty()) {
            int times = 1 + rnd.nextInt(4);
            for (int t = 0; t < times; t++) {
                int k = rnd.nextInt(n);
                body.get(k)[0] += " The output of " + industry.enSignals().get(rnd.nextInt(industry.enSignals().size()))
                        + " rose again.";
                body.get(k)[1] += industry.zhSignals().get(rnd.nextInt(industry.zhSignals().size())) + "产量又有增长。";
            }
        }
        boolean translated = rnd.nextInt(50) != 0;          // 2%: translation pending
        boolean unequal = translated && rnd.nextInt(20) == 0; // 5%: the translator merged two paragraphs
        boolean notes = translated && rnd.nextInt(50) == 0;   // 2%: editors' notes

        Article model = pick(rnd, models);
        String title = placeEn + ": " + capitalise(termEn) + " — " + (model.title().isEmpty() ? "Report" : model.title());
        List<String> deck = new ArrayList<>();
        deck.add(placeZh + termZh);
        if (model.chinese() != null) deck.addAll(model.chinese().deck());

        StringBuilder sb = new StringBuilder(8192);
        if (translated) {
            sb.append("Title: ").append(title).append("\nAuthor:\nDate: ").append(date).append("\nPage: ").append(page).append("\n\n");
            for (int k = 0; k < n; k++) {
                if (unequal && k == n - 1 && n > 1) {
                    sb.setLength(sb.length() - 2);
                    sb.append(' ').append(body.get(k)[0]).append("\n\n");
                } else {
                    sb.append(body.get(k)[0]).append("\n\n");
                }
            }
            sb.append("<hr />\n\n");
        }
        sb.append("Original:\n\n### ").append(String.join("  ", deck)).append("\n\n").append(date).append("\n第")
                .append(page).append("版()\n专栏：\n\n");
        for (String d : deck) sb.append("    ").append(d).append('\n');
        for (String[] p : body) sb.append("    ").append(p[1]).append('\n');
        String base = fileName(i).replaceFirst("\\.txt$", "");
        Files.write(dir.resolve(base + ".txt"), sb.toString().getBytes(StandardCharsets.UTF_8));
        if (notes) {
            String note = "By: Benchmark editors, 2026-01-01\n\nA synthetic introduction about [" + placeEn + "](place:"
                    + place.slug() + ") and the slogan [" + termZh + "](glossary:" + term.slug() + "), written so the "
                    + "notes index has something to quote.\n\n## p1\nA note on the first paragraph with a source.[^1]\n\n"
                    + "[^1]: *People's Daily*, " + date + ", page " + page + ".\n";
            Files.write(dir.resolve(base + ".notes.md"), note.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static LocalDate date(SplittableRandom rnd) {
        double r = rnd.nextDouble();
        int year = r < 0.3 ? 1958 : r < 0.7 ? 1959 : 1960;
        LocalDate start = LocalDate.of(year, 1, 1);
        return start.plusDays(rnd.nextInt(start.lengthOfYear()));
    }

    private Place place(SplittableRandom rnd) {
        double r = rnd.nextDouble();
        for (int i = 0; i < placeWeights.length; i++) if (r <= placeWeights[i]) return data.places().get(i);
        return data.places().get(data.places().size() - 1);
    }

    private static <T> T pick(SplittableRandom rnd, List<T> from) { return from.get(rnd.nextInt(from.size())); }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
