package archive.publish;

import archive.publish.Citations.Style;
import archive.render.ChineseRuns;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.helper.SmartQuotes;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Citations filled into shapes: citeproc formats, once for each shape of item (its month, and whether it
 * has an author and a URL), an item whose title, author, page, URL and day are placeholders, in every
 * style; an article of that shape is then cited by putting its own values where the placeholders are
 * in the cleaned citation (see {@link Citations#clean}), with their quotation marks made typographic by
 * citeproc's own {@link SmartQuotes}. (The day cannot be given to citeproc as a placeholder: a month's shape is
 * formatted for three days, and the day is where they differ; see {@link #monthShape}.)
 *
 * <p>Why: citeproc took 1.1 ms of CPU per style and article (its smart quotes run a dozen regular
 * expressions over every piece of the citation, the long bilingual title included), and cleaning its
 * HTML with jsoup 0.3 ms more: in a build of 10,000 articles without the citation cache, 44 s of the
 * 106 s of CPU a profiler sampled were the citations'. A shape is formatted once for all the articles of a month.
 *
 * <p>What keeps a filled citation the one citeproc would give:
 * <ul>
 * <li>only values citeproc passes through as they are (escaping and smart quotes aside) are filled: a
 * value that starts or ends with anything but a letter, a digit or a closing bracket, holds a line
 * break, markup, two spaces in a row or the placeholders' letters goes to citeproc whole, as does
 * an author or URL with quotation marks;</li>
 * <li>a title with quotation marks is filled only in a style whose smart quotes were checked against
 * citeproc's on a probe title;</li>
 * <li>the placeholders must each stand apart in citeproc's output (not beside a Chinese character,
 * which would join its run); a shape where one does not is cited by citeproc whole;</li>
 * <li>the first article of each kind of shape (style, author or not, URL or not) is also formatted
 * whole and compared; a kind whose citation differs is never filled again in the process.</li>
 * </ul>
 * {@code CitationShapesTest} compares filled citations with citeproc's for titles made to be awkward.
 *
 * <p>The shapes, and what was checked, are stored beside the citation cache ({@code
 * .site.cache/citation-shapes.bin}, see {@link #load}): a build that cites an edited byline or title, or a
 * new article, of a month an earlier build cited fills its citation without loading citeproc's styles,
 * which took 0.46 s of the 3.7 s of CPU of such an edit's build at 10,000 articles (async-profiler, docs/benchmarks.md).
 */
final class CitationShapes {
    /** Placeholders: letters and digits only, so that escaping, smart quotes and cleaning leave them as they are. */
    static final String TITLE = "Qzxtitlexzq", AUTHOR = "Qzxauthorxzq", URL = "https://qzxurlxzq.invalid/qzx", PAGE = "97531",
            DAY = "Qzxdayxzq";
    private static final String MARK = "qzx";
    /** Every kind of quotation mark smart quotes handle, inside a title (never at its ends). */
    static final String QUOTES_PROBE = "Qzxa 'tis Bee's \"Cee\" and 'Dee' “Eee” ‘Fff’ 1950's Qzxz";
    private static final LocalDate PROBE_DATE = LocalDate.of(1958, 1, 1);

    /** citeproc's HTML for an item in every style, in {@link Style} order. */
    interface Citeproc extends Function<CSLItemData, List<String>> {}

    private enum Field {
        TITLE(CitationShapes.TITLE), AUTHOR(CitationShapes.AUTHOR), URL(CitationShapes.URL), PAGE(CitationShapes.PAGE),
        DAY(CitationShapes.DAY);

        final String placeholder;

        Field(String placeholder) { this.placeholder = placeholder; }
    }

    /** A month's shape (day 0), or one day's where the month's styles do not print the day as its plain number. */
    private record Shape(YearMonth month, int day, boolean author, boolean url) {
        // equals and hashCode written out, here and in Kind: a record's own are made at their first use
        // (40 ms of an edit's build, which asks the stored shapes about one citation). WrittenOutEqualsTest
        // checks that both compare every component.
        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && day == s.day && author == s.author && url == s.url && month.equals(s.month);
        }

        @Override
        public int hashCode() { return ((month.hashCode() * 31 + day) * 2 + (author ? 1 : 0)) * 2 + (url ? 1 : 0); }
    }

    /** What a month's shape is when its days need shapes of their own. */
    private static final List<Compiled> BY_DAY = List.of();
    /** The days a month's shape is formatted for: its day is where these print 1, 2 and 28 and all else is the same. */
    private static final int[] PROBE_DAYS = {1, 2, 28};

    private record Kind(Style style, boolean author, boolean url) {
        @Override
        public boolean equals(Object o) { return o instanceof Kind k && style == k.style && author == k.author && url == k.url; }

        @Override
        public int hashCode() { return (style.ordinal() * 2 + (author ? 1 : 0)) * 2 + (url ? 1 : 0); }
    }

    /** A literal piece of a formatted citation, or the place of a field's value. */
    private record Piece(String literal, Field field) {}

    /** One style's citation of a shape, cleaned, as HTML and as text, in pieces; null where a placeholder did not stand apart. */
    private record Compiled(List<Piece> html, List<Piece> text) {}

    private final Map<Shape, List<Compiled>> shapes = new ConcurrentHashMap<>();
    /** Per kind: whether its first filled citation was citeproc's. */
    private final Map<Kind, Boolean> checked = new ConcurrentHashMap<>();
    private volatile boolean[] quotesChecked;
    private final LongAdder formatted = new LongAdder();
    /** Whether anything was formatted or checked since these shapes were made or {@link #load loaded}. */
    private volatile boolean changed;

    /**
     * The article's citations as {@link Citations} caches them (each style's HTML, then its text), or
     * null when the article must be formatted by citeproc whole. With {@code citeproc} null, from what
     * is known alone (shapes formatted, kinds and quotes checked, here or by an earlier build whose
     * shapes were {@link #load loaded}): null where citeproc would be needed.
     */
    List<String> cite(ArticleRecord r, Citeproc citeproc) {
        String title = r.citationTitle();
        boolean author = r.hasAuthor(), url = r.url() != null;
        if (r.page() <= 0 || !fits(title, true) || author && !fits(r.author(), false) || url && !fitsUrl(r.url())) return null;
        if (citeproc == null && quotesChecked == null) return null;
        boolean[] quotes = quotesChecked(citeproc);
        boolean quoted = hasQuotes(title);
        List<Compiled> shape = shape(r.date(), author, url, citeproc);
        if (shape == null) return null;
        String[] text = {smartQuotes(title), author ? r.author() : null, url ? r.url() : null,
                String.valueOf(r.page()), String.valueOf(r.date().getDayOfMonth())};
        String[] html = new String[text.length];
        for (int i = 0; i < text.length; i++) html[i] = text[i] == null ? null : cleanHtml(text[i]);
        List<String> out = new ArrayList<>(2 * Style.values().length);
        List<String> whole = null;
        for (Style s : Style.values()) {
            Compiled c = shape.get(s.ordinal());
            Kind kind = new Kind(s, author, url);
            if (c == null || quoted && !quotes[s.ordinal()] || Boolean.FALSE.equals(checked.get(kind))) return null;
            String h = join(c.html(), f -> html[f.ordinal()]), t = join(c.text(), f -> text[f.ordinal()]);
            if (!checked.containsKey(kind)) {
                if (citeproc == null) return null;
                if (whole == null) whole = citeproc.apply(Citations.item(r));
                Citations.Formatted direct = Citations.clean(s, whole.get(s.ordinal()));
                boolean same = direct.html().equals(h) && direct.text().equals(t);
                checked.putIfAbsent(kind, same);
                changed = true;
                if (!same) return null;
            }
            out.add(h);
            out.add(t);
        }
        return out;
    }

    /** The stored shapes' file, beside the citation cache. */
    static final String FILE = "citation-shapes.bin";
    /** Bumped when the file's layout changes. */
    private static final String FORMAT = "archive-citation-shapes-1";

    /**
     * The shapes, kinds and quotes an earlier build stored in {@code file}, if it stored them under
     * {@code key} (what they depend on: the styles, citeproc and this generator); none otherwise, or
     * when the file is missing or damaged. A one-off build that cites an edited or a new article can
     * so fill its citation without loading citeproc's styles (a quarter to half a second of CPU).
     */
    static CitationShapes load(Path file, String key) {
        CitationShapes out = new CitationShapes();
        if (file == null || !Files.isRegularFile(file)) return out;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!FORMAT.equals(in.readUTF()) || !key.equals(in.readUTF())) return out;
            Style[] styles = Style.values();
            for (int n = in.readInt(); n > 0; n--) {
                Shape shape = new Shape(YearMonth.of(in.readInt(), in.readInt()), in.readInt(), in.readBoolean(), in.readBoolean());
                int size = in.readInt();
                if (size != 0 && size != styles.length) throw new IOException("a shape of " + size + " styles");
                List<Compiled> compiled = new ArrayList<>(size);
                for (int i = 0; i < size; i++) compiled.add(in.readBoolean() ? new Compiled(readPieces(in), readPieces(in)) : null);
                out.shapes.put(shape, size == 0 ? BY_DAY : java.util.Collections.unmodifiableList(compiled));
            }
            for (int n = in.readInt(); n > 0; n--) {
                out.checked.put(new Kind(styles[in.readInt()], in.readBoolean(), in.readBoolean()), in.readBoolean());
            }
            if (in.readBoolean()) {
                boolean[] q = new boolean[styles.length];
                for (int i = 0; i < q.length; i++) q[i] = in.readBoolean();
                out.quotesChecked = q;
            }
            if (in.read() != -1) throw new IOException("more after the last record");
            return out;
        } catch (IOException | RuntimeException damaged) {
            return new CitationShapes(); // made again as needed, and stored by the next save
        }
    }

    /** Stores the shapes, kinds and quotes in {@code file} under {@code key} (see {@link #load}), if anything changed since. */
    void save(Path file, String key) {
        if (file == null || !changed) return;
        // Sorted, so that the same shapes make the same file.
        List<Map.Entry<Shape, List<Compiled>>> byShape = new ArrayList<>(shapes.entrySet());
        byShape.sort(java.util.Comparator.comparing((Map.Entry<Shape, List<Compiled>> e) -> e.getKey().month())
                .thenComparingInt(e -> e.getKey().day()).thenComparing(e -> e.getKey().author()).thenComparing(e -> e.getKey().url()));
        List<Map.Entry<Kind, Boolean>> kinds = new ArrayList<>(checked.entrySet());
        kinds.sort(java.util.Comparator.comparing((Map.Entry<Kind, Boolean> e) -> e.getKey().style())
                .thenComparing(e -> e.getKey().author()).thenComparing(e -> e.getKey().url()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeUTF(FORMAT);
                out.writeUTF(key);
                out.writeInt(byShape.size());
                for (Map.Entry<Shape, List<Compiled>> e : byShape) {
                    Shape k = e.getKey();
                    out.writeInt(k.month().getYear());
                    out.writeInt(k.month().getMonthValue());
                    out.writeInt(k.day());
                    out.writeBoolean(k.author());
                    out.writeBoolean(k.url());
                    out.writeInt(e.getValue().size());
                    for (Compiled c : e.getValue()) {
                        out.writeBoolean(c != null);
                        if (c != null) {
                            writePieces(out, c.html());
                            writePieces(out, c.text());
                        }
                    }
                }
                out.writeInt(kinds.size());
                for (Map.Entry<Kind, Boolean> e : kinds) {
                    out.writeInt(e.getKey().style().ordinal());
                    out.writeBoolean(e.getKey().author());
                    out.writeBoolean(e.getKey().url());
                    out.writeBoolean(e.getValue());
                }
                boolean[] q = quotesChecked;
                out.writeBoolean(q != null);
                if (q != null) for (boolean b : q) out.writeBoolean(b);
            }
            archive.io.FileReplace.replace(tmp, file);
            changed = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the citation shapes " + file + "; delete the folder and build again", e);
        }
    }

    /** A piece: -1 and its literal, or its field's ordinal. */
    private static void writePieces(DataOutputStream out, List<Piece> pieces) throws IOException {
        out.writeInt(pieces.size());
        for (Piece p : pieces) {
            if (p.literal() == null) {
                out.writeInt(p.field().ordinal());
            } else {
                out.writeInt(-1);
                byte[] b = p.literal().getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
        }
    }

    private static List<Piece> readPieces(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 64) throw new IOException("a citation of " + n + " pieces");
        List<Piece> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int field = in.readInt();
            if (field >= 0) {
                out.add(new Piece(null, Field.values()[field]));
            } else {
                int length = in.readInt();
                if (length < 0 || length > (1 << 16)) throw new IOException("a piece of " + length + " bytes");
                byte[] b = new byte[length];
                in.readFully(b);
                out.add(new Piece(new String(b, StandardCharsets.UTF_8), null));
            }
        }
        return List.copyOf(out);
    }

    /** Shapes formatted by citeproc (each in every style). */
    long shapesFormatted() { return formatted.sum(); }

    /**
     * A value as {@link Citations#clean} writes it inside a citation: its Chinese runs marked, its
     * ampersands escaped (jsoup's text escapes only {@code & < >} and the no-break space, and a value
     * that {@link #fits} holds none of the others).
     */
    static String cleanHtml(String v) {
        StringBuilder sb = new StringBuilder(v.length() + 48);
        int at = 0;
        for (int[] run : ChineseRuns.runs(v)) {
            ampersands(v, at, run[0], sb);
            sb.append("<span lang=\"zh-Hans\">");
            ampersands(v, run[0], run[1], sb);
            sb.append("</span>");
            at = run[1];
        }
        ampersands(v, at, v.length(), sb);
        return sb.toString();
    }

    private static void ampersands(String v, int from, int to, StringBuilder sb) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c == '&') sb.append("&amp;");
            else sb.append(c);
        }
    }

    /**
     * The shape of an article of that date: its month's, or where that will not do, its day's; null
     * if it is not known and {@code citeproc} is null.
     */
    private List<Compiled> shape(LocalDate date, boolean author, boolean url, Citeproc citeproc) {
        List<Compiled> c = shape(new Shape(YearMonth.from(date), 0, author, url), citeproc);
        return c != BY_DAY ? c : shape(new Shape(YearMonth.from(date), date.getDayOfMonth(), author, url), citeproc);
    }

    private List<Compiled> shape(Shape key, Citeproc citeproc) {
        List<Compiled> c = shapes.get(key);
        if (c != null || citeproc == null) return c;
        List<Compiled> made = key.day() != 0 ? dayShape(key, citeproc) : monthShape(key, citeproc);
        formatted.increment();
        changed = true;
        List<Compiled> was = shapes.putIfAbsent(key, made);
        return was != null ? was : made;
    }

    private static List<Compiled> dayShape(Shape key, Citeproc citeproc) {
        List<String> raw = citeproc.apply(Citations.item(probe(key, key.day())));
        List<Compiled> made = new ArrayList<>(raw.size());
        for (Style s : Style.values()) made.add(compile(s, raw.get(s.ordinal())));
        return made;
    }

    /**
     * A month's shape, its day a placeholder too: found where the probes of {@link #PROBE_DAYS} differ,
     * and only if they differ there alone and by the day's plain number (no ordinal, no leading zero).
     */
    private static List<Compiled> monthShape(Shape key, Citeproc citeproc) {
        List<List<String>> probes = new ArrayList<>();
        for (int day : PROBE_DAYS) probes.add(citeproc.apply(Citations.item(probe(key, day))));
        List<Compiled> made = new ArrayList<>();
        for (Style s : Style.values()) {
            String[] byDay = new String[PROBE_DAYS.length];
            for (int i = 0; i < byDay.length; i++) byDay[i] = probes.get(i).get(s.ordinal());
            String raw = dayPlaceheld(byDay);
            Compiled c = raw == null ? null : compile(s, raw);
            if (c == null || !hasDay(c.html()) || !hasDay(c.text())) return BY_DAY;
            made.add(c);
        }
        return made;
    }

    private static boolean hasDay(List<Piece> pieces) {
        return pieces.stream().anyMatch(p -> p.field() == Field.DAY);
    }

    /** The citation with the day's number replaced by {@link #DAY}, or null if the probes differ otherwise. */
    static String dayPlaceheld(String[] byDay) {
        String first = byDay[0], last = byDay[byDay.length - 1];
        int prefix = 0, max = Math.min(first.length(), last.length());
        while (prefix < max && first.charAt(prefix) == last.charAt(prefix)) prefix++;
        int suffix = 0;
        while (suffix < max - prefix && first.charAt(first.length() - 1 - suffix) == last.charAt(last.length() - 1 - suffix)) suffix++;
        String before = first.substring(0, prefix), after = first.substring(first.length() - suffix);
        for (int i = 0; i < byDay.length; i++) {
            if (!byDay[i].equals(before + PROBE_DAYS[i] + after)) return null;
        }
        return before + DAY + after;
    }

    /** The item citeproc formats for a shape, or (with {@link #QUOTES_PROBE} for a title) for the check of its quotes. */
    private static ArticleRecord probe(LocalDate date, boolean author, boolean url, String title) {
        return new ArticleRecord("0000000000000000", "articles/0000000000000000/", url ? URL : null, date, Integer.parseInt(PAGE),
                "", "", author ? AUTHOR : "", title, "");
    }

    private static ArticleRecord probe(Shape key, int day) {
        return probe(key.month().atDay(day), key.author(), key.url(), TITLE);
    }

    /** citeproc's HTML cleaned as a page shows it, cut at its placeholders; null where they cannot be filled. */
    private static Compiled compile(Style s, String raw) {
        Citations.Formatted clean = Citations.clean(s, raw);
        List<Piece> h = pieces(clean.html()), t = pieces(clean.text());
        return h == null || t == null ? null : new Compiled(h, t);
    }

    /**
     * The text cut at its placeholders; null if the title's is missing, one is repeated (a style may
     * leave a field out, as Chicago's note does the page, but prints none twice), one sits beside a
     * Chinese character or a placeholder was changed.
     */
    private static List<Piece> pieces(String s) {
        List<Piece> out = new ArrayList<>();
        java.util.EnumSet<Field> found = java.util.EnumSet.noneOf(Field.class);
        int at = 0;
        while (true) {
            int next = -1;
            Field which = null;
            for (Field f : Field.values()) {
                int i = s.indexOf(f.placeholder, at);
                if (i >= 0 && (next < 0 || i < next)) { next = i; which = f; }
            }
            if (which == null) break;
            int end = next + which.placeholder.length();
            if (!found.add(which) || next > at && ChineseRuns.continuesRun(s.codePointBefore(next))
                    || end < s.length() && ChineseRuns.continuesRun(s.codePointAt(end))) {
                return null;
            }
            out.add(new Piece(s.substring(at, next), null));
            out.add(new Piece(null, which));
            at = end;
        }
        out.add(new Piece(s.substring(at), null));
        boolean stray = out.stream().anyMatch(p -> p.literal() != null && p.literal().toLowerCase(Locale.ROOT).contains(MARK));
        return found.contains(Field.TITLE) && !stray ? out : null;
    }

    private static String join(List<Piece> pieces, Function<Field, String> value) {
        StringBuilder sb = new StringBuilder(256);
        for (Piece p : pieces) sb.append(p.literal() != null ? p.literal() : value.apply(p.field()));
        return sb.toString();
    }

    /** Per style: whether citeproc's smart quotes on a title are {@link #smartQuotes}'s (checked once, on {@link #QUOTES_PROBE}). */
    private boolean[] quotesChecked(Citeproc citeproc) {
        boolean[] q = quotesChecked;
        if (q != null) return q;
        List<String> raw = citeproc.apply(Citations.item(probe(PROBE_DATE, false, false, QUOTES_PROBE)));
        String expected = smartQuotes(QUOTES_PROBE);
        q = new boolean[Style.values().length];
        for (Style s : Style.values()) q[s.ordinal()] = Citations.clean(s, raw.get(s.ordinal())).text().contains(expected);
        quotesChecked = q;
        changed = true;
        return q;
    }

    /** The smart quotes citeproc's HTML output applies to each piece of text, with the English locale's quotation marks. */
    private static final ThreadLocal<SmartQuotes> SMART = ThreadLocal.withInitial(() -> new SmartQuotes("‘", "’", "“", "”", Locale.US));

    /**
     * citeproc's smart quotes on a title, without running its dozen regular expressions (1.65 s of
     * CPU at 10,000 articles without caches, 8.1 s at 100,000) where {@link #onlyApostrophesInWords}
     * tells what they would give.
     */
    static String smartQuotes(String s) {
        return onlyApostrophesInWords(s) ? s.replace('\'', '’') : SMART.get().apply(s);
    }

    /**
     * Whether citeproc's smart quotes would only turn each ' of {@code s} into ’: each of its patterns
     * needs a straight quotation mark or an opening single one (‘) to match, and where the only ones
     * are apostrophes between two letters ("Beijing's", "Year's", "o'clock", "rock'n'roll"), the
     * patterns that can match them ("conjunction's possession", "ending '" for one whose letter the
     * previous match took, the English whitelist) make each ’ and leave the others nothing to match.
     * True of a title with none at all, which comes back as it is.
     */
    static boolean onlyApostrophesInWords(String s) {
        if (s.indexOf('"') >= 0 || s.indexOf('‘') >= 0) return false;
        int n = s.length();
        for (int i = s.indexOf('\''); i >= 0; i = s.indexOf('\'', i + 1)) {
            if (i == 0 || i + 1 >= n || !Character.isLetter(s.charAt(i - 1)) || !Character.isLetter(s.charAt(i + 1))) return false;
        }
        return true;
    }

    private static boolean hasQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("'\"‘’“”′″‴`".indexOf(s.charAt(i)) >= 0) return true;
        }
        return false;
    }

    /**
     * Whether citeproc passes the value through as it is: it begins with a letter or digit and ends
     * with one or a closing bracket, and holds no markup, line breaks, tabs, no-break or doubled spaces
     * or the placeholders' letters; quotation marks only where {@code quotes}.
     */
    static boolean fits(String v, boolean quotes) {
        if (v.isEmpty() || v.toLowerCase(Locale.ROOT).contains(MARK)) return false;
        int first = v.codePointAt(0), last = v.codePointBefore(v.length());
        if (!Character.isLetterOrDigit(first) || !(Character.isLetterOrDigit(last) || last == ']' || last == ')')) return false;
        char prev = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '<' || c == '>' || c == '\u00A0' || c < ' ' || c == '\u2028' || c == '\u2029' || c == ' ' && prev == ' ') return false;
            prev = c;
        }
        return quotes || !hasQuotes(v);
    }

    private static boolean fitsUrl(String url) {
        if (url.toLowerCase(Locale.ROOT).contains(MARK) || hasQuotes(url)) return false;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c >= 0x7F) return false;
        }
        return true;
    }
}
