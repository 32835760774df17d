package archive.search.bench;

import archive.model.AnnotatedArticle;
import archive.model.Article;
import archive.model.ChineseText;
import archive.model.EditorialData;
import archive.model.EnglishText;
import archive.model.Paragraph;
import archive.model.Row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Articles of the seeds' shape for the search benchmark, made in memory from the seeds' own aligned
 * paragraphs: each synthetic article has as many paragraph pairs as a seed on average (from half to
 * one and a half times as many), drawn at random, with a few Han
 * characters replaced at random and an invented English name added to each paragraph, so the
 * vocabulary grows with the corpus as a real archive's does. Reading order by date, 1958–1960.
 */
final class SyntheticCorpus {
    private SyntheticCorpus() {}

    static List<AnnotatedArticle> make(int count, List<AnnotatedArticle> seeds, EditorialData data, long seed) {
        List<String[]> pool = new ArrayList<>();
        List<String[]> titles = new ArrayList<>();
        for (AnnotatedArticle a : seeds) {
            for (Row r : a.rows()) {
                if (r.zh().size() == 1 && r.en().size() == 1) pool.add(new String[] {r.zh().get(0).text(), r.en().get(0).text()});
            }
            titles.add(new String[] {a.article().headline(), a.article().title()});
        }
        List<String> places = data.places().stream().map(p -> p.slug()).toList();
        List<String> industries = data.industries().stream().map(i -> i.slug()).toList();
        List<String> entries = data.glossary().stream().map(g -> g.slug()).toList();
        int perArticle = Math.max(2, pool.size() / Math.max(1, seeds.size()));
        Random rnd = new Random(seed);
        LocalDate start = LocalDate.of(1958, 1, 1);
        int days = 3 * 365;
        List<AnnotatedArticle> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate date = start.plusDays((long) i * days / count);
            String id = String.format("%016x", rnd.nextLong());
            int n = perArticle / 2 + rnd.nextInt(perArticle + 1);
            List<Paragraph> zh = new ArrayList<>(), en = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            List<List<archive.model.Mention>> none = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                String[] pair = pool.get(rnd.nextInt(pool.size()));
                Paragraph z = new Paragraph(k, mutate(pair[0], rnd), 1, Paragraph.Kind.TEXT, null);
                Paragraph e = new Paragraph(k, pair[1] + " " + name(rnd), 1, Paragraph.Kind.TEXT, null);
                zh.add(z);
                en.add(e);
                rows.add(new Row("p" + k, List.of(), String.valueOf(k), List.of(z), List.of(e)));
                none.add(List.of());
            }
            String[] t = titles.get(rnd.nextInt(titles.size()));
            Article a = new Article(id, Path.of("synthetic", id + ".txt"), date, 1 + rnd.nextInt(8),
                    new EnglishText(t[1], "", en), new ChineseText(List.of(t[0].split(" ")), "", "", zh));
            out.add(new AnnotatedArticle(a, rows, none, none, List.of(), List.of(), pick(entries, 3, rnd), pick(places, 3, rnd),
                    List.of(), pick(industries, 1, rnd), null));
        }
        return out;
    }

    private static List<String> pick(List<String> from, int max, Random rnd) {
        List<String> out = new ArrayList<>();
        int n = rnd.nextInt(max + 1);
        for (int i = 0; i < n && !from.isEmpty(); i++) {
            String s = from.get(rnd.nextInt(from.size()));
            if (!out.contains(s)) out.add(s);
        }
        return out;
    }

    /** Replaces about one Han character in forty with a random common one. */
    private static String mutate(String zh, Random rnd) {
        char[] c = zh.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 0x4E00 && c[i] <= 0x9FA5 && rnd.nextInt(40) == 0) c[i] = (char) (0x4E00 + rnd.nextInt(0x9FA5 - 0x4E00));
        }
        return new String(c);
    }

    private static String name(Random rnd) {
        String syll = "ba bo ci da de fa ge ha ji ka la li ma mo na ni pa qi ri sa shi ta wu xi ya zhe zhu";
        String[] s = syll.split(" ");
        StringBuilder sb = new StringBuilder();
        int n = 2 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) sb.append(s[rnd.nextInt(s.length)]);
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.toString();
    }
}
