package archive.publish;

import archive.config.BuildConfig;
import archive.model.AnnotatedArticle;
import archive.model.GlossaryEntry;
import archive.model.Industry;
import archive.model.Place;
import archive.render.Fingerprint;
import archive.render.RenderContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The archive's metadata as open data: downloads/articles.json and downloads/articles.csv, one
 * record per article in date order (id, URL, date, page, both titles, places, industries,
 * glossary entries, the editors' notes). URLs are absolute when the site URL is known and
 * site-relative otherwise. The CSV is RFC 4180 (UTF-8, CRLF, quoted where needed); its list
 * columns hold slugs separated by "; ", which the JSON spells out with names.
 */
final class OpenData {
    static final String JSON = "downloads/articles.json";
    static final String CSV = "downloads/articles.csv";
    static final List<String> COLUMNS = List.of("id", "url", "date", "page", "section", "column", "author", "title_en",
            "title_zh", "places", "dateline_places", "industries", "glossary", "notes_by", "notes_written", "notes_introduction");

    private final RenderContext ctx;
    private final Map<String, String> introductions;

    OpenData(RenderContext ctx, Map<String, String> introductions) {
        this.ctx = ctx;
        this.introductions = introductions;
    }

    /**
     * The JSON download, written record by record: one article per line, naming its places,
     * industries and glossary entries by slug, with the names, coordinates and pinyin given once
     * in dictionaries at the top. At archive scale a document with the names repeated in every
     * article (and built whole in memory before printing) is ten times larger.
     */
    Utf8Out json() {
        List<AnnotatedArticle> articles = ctx.index.articles();
        StringBuilder sb = new StringBuilder(4096);
        Map<String, Object> places = new TreeMap<>(), industries = new TreeMap<>(), glossary = new TreeMap<>();
        for (AnnotatedArticle aa : articles) {
            aa.places().forEach(slug -> { Place p = ctx.places.get(slug); if (p != null) places.putIfAbsent(slug, place(p)); });
            aa.datelinePlaces().forEach(slug -> { Place p = ctx.places.get(slug); if (p != null) places.putIfAbsent(slug, place(p)); });
            aa.industries().forEach(slug -> { Industry i = ctx.industries.get(slug); if (i != null) industries.putIfAbsent(slug, industry(i)); });
            aa.glossary().forEach(slug -> { GlossaryEntry g = ctx.glossary.get(slug); if (g != null) glossary.putIfAbsent(slug, entry(g)); });
        }
        sb.append("{\"title\":").append(Json.write(BuildConfig.TITLE_EN))
                .append(",\n\"source\":").append(Json.write(Newspaper.CITATION_NAME))
                .append(",\n\"fields\":").append(Json.write("see the README of the archive, \"Open data\""))
                .append(",\n\"count\":").append(articles.size())
                .append(",\n\"places\":").append(Json.write(places))
                .append(",\n\"industries\":").append(Json.write(industries))
                .append(",\n\"glossary\":").append(Json.write(glossary))
                .append(",\n\"articles\":[");
        // A record is about 1,260 bytes in the bench's corpus (1,060 in the CSV): the buffer is made once, with room.
        Utf8Out out = new Utf8Out(articles.size(), 1400, archive.render.PageSink::bytes);
        for (int k = 0; k < articles.size(); k++) {
            sb.append(k == 0 ? "\n" : ",\n");
            jsonRecord(sb, articles.get(k), introductions);
            out.add(sb);
        }
        sb.append("\n]}\n");
        out.add(sb);
        return out;
    }

    /** An article's record in the JSON download: one line. */
    private void jsonRecord(StringBuilder sb, AnnotatedArticle aa, Map<String, String> introductions) {
        ArticleRecord r = ArticleRecord.of(aa, ctx.links);
        sb.append(Json.write(Json.object(
                "id", r.id(),
                "url", url(r),
                "date", r.date().toString(),
                "page", r.page(),
                "section", r.section(),
                "column", r.column(),
                "author", r.author(),
                "title_en", r.titleEn(),
                "title_zh", r.titleZh(),
                "places", aa.places().stream().filter(ctx.places::containsKey).toList(),
                "dateline_places", aa.datelinePlaces(),
                "industries", aa.industries().stream().filter(ctx.industries::containsKey).toList(),
                "glossary", aa.glossary().stream().filter(ctx.glossary::containsKey).toList(),
                "notes", aa.notes() == null ? null : Json.object(
                        "by", aa.notes().by(),
                        "written", aa.notes().written() == null ? null : aa.notes().written().toString(),
                        "introduction", introductions.getOrDefault(aa.id(), "")))));
    }

    Utf8Out csv() {
        StringBuilder sb = new StringBuilder(4096);
        // Plain UTF-8: the page encoder would drop the carriage returns of the CSV's line ends.
        Utf8Out out = new Utf8Out(ctx.index.articles().size(), 1200, text -> text.getBytes(StandardCharsets.UTF_8));
        row(sb, COLUMNS);
        for (AnnotatedArticle aa : ctx.index.articles()) {
            csvRecord(sb, aa, introductions);
            out.add(sb);
        }
        out.add(sb);
        return out;
    }

    /** An article's record in the CSV download. */
    private void csvRecord(StringBuilder sb, AnnotatedArticle aa, Map<String, String> introductions) {
        ArticleRecord r = ArticleRecord.of(aa, ctx.links);
        row(sb, List.of(r.id(), url(r), r.date().toString(), String.valueOf(r.page()), r.section(), r.column(), r.author(),
                    r.titleEn(), r.titleZh(), String.join("; ", aa.places()), String.join("; ", aa.datelinePlaces()),
                    String.join("; ", aa.industries()), String.join("; ", aa.glossary()),
                    aa.notes() == null ? "" : aa.notes().by(),
                    aa.notes() == null || aa.notes().written() == null ? "" : aa.notes().written().toString(),
                    introductions.getOrDefault(aa.id(), "")));
    }

    /**
     * The JSON download as published with the records of the edited articles replaced: after an
     * edit that left every article where it stood (same order, places, industries and terms),
     * every other record and the dictionaries at the top are as the previous build made them.
     * {@code before} holds the edited articles as that build had them, {@code introductionsBefore}
     * its introductions. Given as the splices of the published file (see PageSink#writeSpliced);
     * null when a record is not found exactly once, in order, as expected.
     */
    List<archive.render.PageSink.Splice> jsonSplices(java.nio.channels.FileChannel published, Map<String, AnnotatedArticle> before,
                                                     Map<String, String> introductionsBefore, boolean moved) throws java.io.IOException {
        Record json = (sb, a, intros) -> jsonRecord(sb, a, intros);
        return moved ? moveSplices(published, before, json, introductionsBefore, archive.render.PageSink::bytes, "\n", ",\n")
                : splices(published, before, json, introductionsBefore, archive.render.PageSink::bytes, "\n");
    }

    /** As {@link #jsonSplices}, for the CSV download. */
    List<archive.render.PageSink.Splice> csvSplices(java.nio.channels.FileChannel published, Map<String, AnnotatedArticle> before,
                                                    Map<String, String> introductionsBefore, boolean moved) throws java.io.IOException {
        Record csv = (sb, a, intros) -> csvRecord(sb, a, intros);
        java.util.function.Function<String, byte[]> utf8 = text -> text.getBytes(StandardCharsets.UTF_8);
        return moved ? moveSplices(published, before, csv, introductionsBefore, utf8, "\r\n", "")
                : splices(published, before, csv, introductionsBefore, utf8, "\r\n");
    }

    private interface Record { void append(StringBuilder sb, AnnotatedArticle a, Map<String, String> introductions); }

    /**
     * Edited records beyond this many make the download whole: each is looked for through the
     * whole file, to be sure it is there once (two passes over its 230 MB at 100,000 articles took
     * 0.9–1.3 s, where making the file whole took 2.5–3.8 s; docs/benchmarks.md, eighth session).
     */
    static final int SPLICED_AT_MOST = 3;

    private List<archive.render.PageSink.Splice> splices(java.nio.channels.FileChannel published, Map<String, AnnotatedArticle> before,
                                                         Record record, Map<String, String> introductionsBefore,
                                                         java.util.function.Function<String, byte[]> encoder, String lineBreak)
            throws java.io.IOException {
        if (before.size() > SPLICED_AT_MOST) return null;
        List<archive.render.PageSink.Splice> out = new java.util.ArrayList<>();
        StringBuilder sb = new StringBuilder(1024);
        long end = 0;
        // The records stand in reading order: each edited one lies after the one before it.
        for (AnnotatedArticle now : ctx.index.articles()) {
            AnnotatedArticle was = before.get(now.id());
            if (was == null) continue;
            byte[] old = bytes(sb, record, lineBreak, was, introductionsBefore, encoder);
            byte[] made = bytes(sb, record, lineBreak, now, introductions, encoder);
            long at = findOnce(published, old);
            if (at < end) return null; // not found exactly once, or before the record before it
            out.add(new archive.render.PageSink.Splice(at, at + old.length, made));
            end = at + old.length;
        }
        return out;
    }

    /**
     * As {@link #splices}, after an edit that moved the articles {@code before} in the reading order
     * (with the same places, industries and terms, so the dictionaries at the top stand): each
     * one's record as it was is cut out with the separator before it, and its record as it is now
     * put, with a separator, after the record of the article now before it. Null when a record is
     * not found exactly once, when a moved article now comes first (or was first, which no
     * separator precedes), when the one before it moved too, or when its dateline places changed.
     * {@code lineBreak} precedes every record; {@code separator} precedes all but the first (the
     * JSON's comma and line break; none in the CSV, whose records end with their line break).
     */
    private List<archive.render.PageSink.Splice> moveSplices(java.nio.channels.FileChannel published,
                                                             Map<String, AnnotatedArticle> before, Record record,
                                                             Map<String, String> introductionsBefore,
                                                             java.util.function.Function<String, byte[]> encoder,
                                                             String lineBreak, String separator) throws java.io.IOException {
        if (before.size() > SPLICED_AT_MOST) return null;
        List<archive.render.PageSink.Splice> out = new java.util.ArrayList<>();
        StringBuilder sb = new StringBuilder(1024);
        List<AnnotatedArticle> articles = ctx.index.articles();
        for (int k = 0; k < articles.size(); k++) {
            AnnotatedArticle now = articles.get(k), was = before.get(now.id());
            if (was == null) continue;
            if (k == 0 || before.containsKey(articles.get(k - 1).id()) || !was.datelinePlaces().equals(now.datelinePlaces())) {
                return null;
            }
            // Found with the separator before it, or with the line break before it if there is none.
            byte[] cut = bytes(sb, record, separator.isEmpty() ? lineBreak : separator, was, introductionsBefore, encoder);
            int cutFrom = separator.isEmpty() ? encoder.apply(lineBreak).length : 0;
            byte[] after = bytes(sb, record, lineBreak, articles.get(k - 1), introductions, encoder);
            byte[] put = bytes(sb, record, separator, now, introductions, encoder);
            long from = findOnce(published, cut), at = findOnce(published, after);
            if (from < 0 || at < 0) return null;
            out.add(new archive.render.PageSink.Splice(from + cutFrom, from + cut.length, new byte[0]));
            out.add(new archive.render.PageSink.Splice(at + after.length, at + after.length, put));
        }
        // In the order of the file, none overlapping (a record put where one was cut goes first).
        out.sort(java.util.Comparator.comparingLong(archive.render.PageSink.Splice::from)
                .thenComparingLong(archive.render.PageSink.Splice::to));
        for (int i = 1; i < out.size(); i++) if (out.get(i).from() < out.get(i - 1).to()) return null;
        return out;
    }

    /**
     * The JSON download as published before the articles {@code added} (by id, at most
     * {@link #SPLICED_AT_MOST}) were added, every other record and the data as they are now: each
     * new record put after the record of the article before it, and the count at the top made
     * anew. Null when a record is not found exactly once, when an added article comes first or
     * after another added one, or when it names a place, industry or entry that no other article
     * does (the dictionaries at the top would list it).
     */
    List<archive.render.PageSink.Splice> jsonAddSplices(java.nio.channels.FileChannel published, java.util.Set<String> added)
            throws java.io.IOException {
        if (!namedByOthers(added)) return null;
        List<archive.render.PageSink.Splice> out = addSplices(published, added, this::jsonRecord, archive.render.PageSink::bytes, "\n", ",\n");
        if (out == null) return null;
        int n = ctx.index.articles().size();
        byte[] was = archive.render.PageSink.bytes(",\n\"count\":" + (n - added.size()) + ",\n");
        long at = findOnce(published, was);
        if (at < 0 || !out.isEmpty() && at >= out.get(0).from()) return null;
        out.add(0, new archive.render.PageSink.Splice(at, at + was.length, archive.render.PageSink.bytes(",\n\"count\":" + n + ",\n")));
        return out;
    }

    /** As {@link #jsonAddSplices}, for the CSV download (which has no count and no dictionaries). */
    List<archive.render.PageSink.Splice> csvAddSplices(java.nio.channels.FileChannel published, java.util.Set<String> added)
            throws java.io.IOException {
        return addSplices(published, added, this::csvRecord, text -> text.getBytes(StandardCharsets.UTF_8), "\r\n", "");
    }

    /** Whether every place, industry and glossary entry an added article names is named by an article not added too. */
    private boolean namedByOthers(java.util.Set<String> added) {
        java.util.Set<String> named = new java.util.HashSet<>(), others = new java.util.HashSet<>();
        for (AnnotatedArticle a : ctx.index.articles()) {
            java.util.Set<String> into = added.contains(a.id()) ? named : others;
            a.places().forEach(s -> into.add("p:" + s));
            a.datelinePlaces().forEach(s -> into.add("p:" + s));
            a.industries().forEach(s -> into.add("i:" + s));
            a.glossary().forEach(s -> into.add("g:" + s));
        }
        return others.containsAll(named);
    }

    /**
     * The splices that put the records of the articles {@code added} into a download as published
     * without them (see {@link #jsonAddSplices}): each, with {@code separator} before it, right
     * after the record of the article before it, found with the line break before it.
     */
    private List<archive.render.PageSink.Splice> addSplices(java.nio.channels.FileChannel published, java.util.Set<String> added,
                                                            Record record, java.util.function.Function<String, byte[]> encoder,
                                                            String lineBreak, String separator) throws java.io.IOException {
        if (added.isEmpty() || added.size() > SPLICED_AT_MOST) return null;
        List<archive.render.PageSink.Splice> out = new java.util.ArrayList<>();
        StringBuilder sb = new StringBuilder(1024);
        List<AnnotatedArticle> articles = ctx.index.articles();
        long end = 0;
        for (int k = 0; k < articles.size(); k++) {
            AnnotatedArticle now = articles.get(k);
            if (!added.contains(now.id())) continue;
            if (k == 0 || added.contains(articles.get(k - 1).id())) return null;
            byte[] before = bytes(sb, record, lineBreak, articles.get(k - 1), introductions, encoder);
            byte[] put = bytes(sb, record, separator, now, introductions, encoder);
            long at = findOnce(published, before);
            // In reading order, as the records stand in the file.
            if (at < 0 || at + before.length < end) return null;
            end = at + before.length;
            out.add(new archive.render.PageSink.Splice(end, end, put));
        }
        return out;
    }

    /** {@code prefix} and the record of {@code a}, encoded ({@code sb} is left empty). */
    private static byte[] bytes(StringBuilder sb, Record record, String prefix, AnnotatedArticle a, Map<String, String> introductions,
                                java.util.function.Function<String, byte[]> encoder) {
        record.append(sb.append(prefix), a, introductions);
        byte[] out = encoder.apply(sb.toString());
        sb.setLength(0);
        return out;
    }

    /** Where {@code part} occurs in the file {@code ch}, if it occurs exactly once; else -1. */
    private static long findOnce(java.nio.channels.FileChannel ch, byte[] part) throws java.io.IOException {
        long at = find(ch, part, 0);
        return at >= 0 && find(ch, part, at + 1) < 0 ? at : -1;
    }

    /**
     * Where {@code part} first occurs in the file {@code ch} from {@code from}; -1 if nowhere. The
     * file is read a megabyte at a time (a download of the whole paper is hundreds of megabytes).
     */
    static long find(java.nio.channels.FileChannel ch, byte[] part, long from) throws java.io.IOException {
        long size = ch.size();
        if (part.length == 0) return from <= size ? from : -1;
        byte[] buf = new byte[Math.max(1 << 20, 2 * part.length)];
        long base = from;
        int have = 0;
        while (base + have < size) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(buf, have, buf.length - have);
            int read = ch.read(b, base + have);
            if (read <= 0) break;
            have += read;
            int at = indexOf(buf, have, part);
            if (at >= 0) return base + at;
            // The last bytes may begin an occurrence that the next read completes.
            int keep = Math.min(part.length - 1, have);
            System.arraycopy(buf, have - keep, buf, 0, keep);
            base += have - keep;
            have = keep;
        }
        return -1;
    }

    /**
     * Where {@code part} first occurs in the first {@code length} bytes of {@code whole}; -1 if
     * nowhere. Horspool's search: each look compares the byte under the end of {@code part} and
     * moves on by as far as that byte allows, most often by many bytes (a look at every byte of
     * the downloads, 23 MB at 10,000 articles, was a tenth of a build after an edit's main thread).
     */
    static int indexOf(byte[] whole, int length, byte[] part) {
        int m = part.length;
        int[] shift = new int[256];
        java.util.Arrays.fill(shift, m);
        for (int i = 0; i < m - 1; i++) shift[part[i] & 0xFF] = m - 1 - i;
        byte last = part[m - 1];
        for (int i = 0; i <= length - m; ) {
            byte b = whole[i + m - 1];
            if (b == last && java.util.Arrays.equals(whole, i, i + m - 1, part, 0, m - 1)) return i;
            i += shift[b & 0xFF];
        }
        return -1;
    }

    /**
     * A download as UTF-8, made record by record: the text of the whole archive is never held
     * as one string (at 100,000 articles the JSON's string, its copy and its encoding took a
     * gigabyte at once, while the feed and the CSV were being made beside it). The buffer is
     * written as it stands, its first {@link #length} bytes: each copy of it lived through young
     * collections into the old generation (at 100,000 articles, grown by half at a time from a low
     * guess and copied once more to size, the two downloads' buffers promoted 620 MB in two seconds,
     * then a full collection; 250 MB now, `-Xlog:gc`).
     */
    static final class Utf8Out {
        private final java.util.function.Function<String, byte[]> encoder;
        private final int records;
        private byte[] buf;
        private int size, added;

        /** For {@code records} records (and a head and a tail) of about {@code perRecord} bytes. */
        Utf8Out(int records, int perRecord, java.util.function.Function<String, byte[]> encoder) {
            this.records = records;
            this.buf = new byte[(int) Math.min(Integer.MAX_VALUE - 16, (long) records * perRecord + 8192)];
            this.encoder = encoder;
        }

        /** Appends the text in {@code sb}, encoded, and empties it. */
        void add(StringBuilder sb) {
            byte[] b = encoder.apply(sb.toString());
            sb.setLength(0);
            added++;
            if (size + b.length > buf.length) buf = java.util.Arrays.copyOf(buf, grown(b.length));
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        /** The size to grow to: what the records so far project for all of them, once, and a margin. */
        private int grown(int more) {
            long projected = (long) ((double) size / added * (records + 2) * 1.05) + more;
            long needed = Math.max((long) size + more, Math.max(projected, buf.length + (buf.length >> 3)));
            if (needed > Integer.MAX_VALUE - 16) throw new IllegalStateException("a download of more than 2 GB");
            return (int) needed;
        }

        /** The buffer: its first {@link #length} bytes are the download. */
        byte[] array() { return buf; }

        int length() { return size; }
    }

    private String url(ArticleRecord r) { return r.url() != null ? r.url() : r.path(); }

    /**
     * A fingerprint of what the downloads show of the data: each place's, industry's and glossary
     * entry's line (see {@link #place}, {@link #industry}, {@link #entry}), of every one, since any
     * may be used. An entry's explanation or a place's note is not in the downloads: an edit of it
     * leaves them as they were.
     */
    static long dataShown(RenderContext ctx) {
        Fingerprint f = new Fingerprint();
        ctx.data.places().forEach(p -> f.addValue(place(p)));
        ctx.data.industries().forEach(i -> f.addValue(industry(i)));
        ctx.data.glossary().forEach(g -> f.addValue(entry(g)));
        return f.value();
    }

    private static Object place(Place p) {
        return Json.object("slug", p.slug(), "name", p.name(), "zh", p.zh(), "type", p.type().key,
                "coords", p.hasCoordinates() ? List.of(p.lat(), p.lon()) : null);
    }

    private static Object industry(Industry i) { return Json.object("slug", i.slug(), "name", i.name(), "zh", i.zh()); }

    private static Object entry(GlossaryEntry g) {
        return Json.object("slug", g.slug(), "zh", g.headword(), "pinyin", g.pinyin(), "en", g.en().isEmpty() ? g.gloss() : g.en().get(0));
    }

    /** One CSV record: fields quoted when they hold a comma, quote or line break; CRLF at the end. */
    static void row(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            // Each value is cleaned of invisible controls; the record's CRLF is added after, on purpose.
            String f = fields.get(i) == null ? "" : archive.source.SourceText.withoutInvisibleControls(fields.get(i));
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        sb.append("\r\n");
    }
}
