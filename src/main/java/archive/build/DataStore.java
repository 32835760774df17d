package archive.build;

import archive.diag.Diagnostics;
import archive.model.EditorialData;
import archive.model.GlossaryEntry;
import archive.model.Industry;
import archive.model.Origin;
import archive.model.Place;
import archive.model.PlaceType;
import archive.render.Fingerprint;
import archive.source.EditorialDataLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The editorial data as the previous build read it, kept beside the output
 * ({@code .site.cache/data.bin}): a build whose data files hold the bytes they held then takes it
 * from there instead of parsing their YAML, which in a JVM just started took 80–90 ms of the main
 * thread at the start of every build (docs/benchmarks.md, sixteenth session). Only data that
 * loaded without a word from the loader is kept, so that every build reports what it says of the
 * data. The store only saves time: a missing, damaged or outdated file means the YAML is parsed.
 */
final class DataStore {
    static final String FILE = "data.bin";
    private static final long MAGIC = 0x3141544144484352L; // "RCHDATA1"
    private static final int FORMAT = 3;
    private static final PlaceType[] PLACE_TYPES = PlaceType.values();
    private static final GlossaryEntry.Kind[] KINDS = GlossaryEntry.Kind.values();

    private DataStore() {}

    /**
     * The data of the folder {@code dataDir}, from the store {@code file} if it holds the data of
     * these bytes, else loaded (and, with {@code keep}, stored for the next build).
     */
    static EditorialData load(Path dataDir, Path file, long generator, boolean keep, Diagnostics diags) {
        Long key = key(dataDir, generator);
        EditorialData known = key == null ? null : read(file, key);
        if (known != null) return known;
        Diagnostics own = new Diagnostics();
        EditorialData data = new EditorialDataLoader().load(dataDir, own);
        own.all().forEach(diags::add);
        if (keep && key != null && own.all().isEmpty()) save(file, key, data);
        return data;
    }

    /** What the loader reads: the folder as named, each data file's bytes (or its absence), and the generator. Null if a file cannot be read. */
    private static Long key(Path dataDir, long generator) {
        Fingerprint f = new Fingerprint().add(generator).add(dataDir.toString());
        for (String name : EditorialDataLoader.FILES) {
            Path p = dataDir.resolve(name);
            try {
                f.add(name).add(Files.readAllBytes(p));
            } catch (java.nio.file.NoSuchFileException e) {
                f.add(name).add(-1L);
            } catch (IOException e) {
                return null;
            }
        }
        return f.value();
    }

    private static EditorialData read(Path file, long key) {
        try {
            byte[] b = Files.readAllBytes(file);
            StoreBytes.In in = new StoreBytes.In(b);
            if (in.fixed() != MAGIC || in.varint() != FORMAT || in.fixed() != key) return null;
            long checksum = in.fixed();
            byte[] body = in.bytes();
            if (!in.atEnd() || new Fingerprint().add(body).value() != checksum) return null;
            StoreBytes.In data = new StoreBytes.In(body);
            EditorialData decoded = decode(data);
            return data.atEnd() ? decoded : null;
        } catch (IOException | RuntimeException e) {
            return null; // parsed instead
        }
    }

    private static void save(Path file, long key, EditorialData data) {
        try {
            byte[] body = encode(data);
            StoreBytes.Out out = new StoreBytes.Out(body.length + 40).fixed(MAGIC).varint(FORMAT).fixed(key)
                    .fixed(new Fingerprint().add(body).value()).bytes(body);
            Files.createDirectories(file.getParent());
            archive.io.FileReplace.write(file, out.toArray());
        } catch (IOException | RuntimeException e) {
            // Not kept: the next build parses the YAML, as this one did.
        }
    }

    static byte[] encode(EditorialData data) {
        StoreBytes.Out out = new StoreBytes.Out(64 << 10);
        out.varint(data.glossary().size());
        for (GlossaryEntry g : data.glossary()) {
            out.string(g.slug());
            out.varint(g.kind() == null ? 0 : g.kind().ordinal() + 1);
            strings(out, g.zh());
            out.varint(g.parts().size());
            for (GlossaryEntry.Part p : g.parts()) {
                out.nullable(p.zh());
                strings(out, p.en());
            }
            out.nullable(g.pinyin());
            strings(out, g.en());
            out.nullable(g.gloss()).nullable(g.explanation());
            strings(out, g.related());
            strings(out, g.references());
            origin(out, g.origin());
            origin(out, g.explanationAt());
            out.varint(g.referencesAt().size());
            for (Origin o : g.referencesAt()) origin(out, o);
        }
        out.varint(data.places().size());
        for (Place p : data.places()) {
            out.string(p.slug()).nullable(p.name()).nullable(p.zh());
            strings(out, p.shortForms());
            strings(out, p.enForms());
            out.varint(p.type() == null ? 0 : p.type().ordinal() + 1);
            out.nullable(p.parent());
            out.fixed(Double.doubleToRawLongBits(p.lat())).fixed(Double.doubleToRawLongBits(p.lon()));
            out.varint(p.confirmEnglish() ? 1 : 0);
            strings(out, p.notWithin());
            out.nullable(p.note());
            origin(out, p.origin());
        }
        out.varint(data.industries().size());
        for (Industry i : data.industries()) {
            out.string(i.slug()).nullable(i.name()).nullable(i.zh());
            strings(out, i.zhSignals());
            strings(out, i.enSignals());
            out.fixed(i.threshold());
            origin(out, i.origin());
        }
        return out.toArray();
    }

    static EditorialData decode(StoreBytes.In in) {
        int n = in.count(1 << 20);
        List<GlossaryEntry> glossary = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String slug = in.string();
            int kind = in.count(KINDS.length);
            List<String> zh = strings(in);
            int partCount = in.count(1 << 20);
            List<GlossaryEntry.Part> parts = new ArrayList<>(partCount);
            for (int i = 0; i < partCount; i++) parts.add(new GlossaryEntry.Part(in.nullable(), strings(in)));
            String pinyin = in.nullable();
            List<String> en = strings(in);
            String gloss = in.nullable(), explanation = in.nullable();
            List<String> related = strings(in), references = strings(in);
            Origin origin = origin(in), explanationAt = origin(in);
            int r = in.count(1 << 20);
            List<Origin> referencesAt = new ArrayList<>(r);
            for (int i = 0; i < r; i++) referencesAt.add(origin(in));
            glossary.add(new GlossaryEntry(slug, kind == 0 ? null : KINDS[kind - 1], zh, parts, pinyin, en, gloss, explanation,
                    related, references, origin, explanationAt, referencesAt));
        }
        n = in.count(1 << 20);
        List<Place> places = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String slug = in.string(), name = in.nullable(), zh = in.nullable();
            List<String> shortForms = strings(in), enForms = strings(in);
            int type = in.count(PLACE_TYPES.length);
            String parent = in.nullable();
            double lat = Double.longBitsToDouble(in.fixed()), lon = Double.longBitsToDouble(in.fixed());
            boolean confirm = in.count(1) == 1;
            List<String> notWithin = strings(in);
            String note = in.nullable();
            places.add(new Place(slug, name, zh, shortForms, enForms, type == 0 ? null : PLACE_TYPES[type - 1], parent, lat, lon,
                    confirm, notWithin, note, origin(in)));
        }
        n = in.count(1 << 20);
        List<Industry> industries = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String slug = in.string(), name = in.nullable(), zh = in.nullable();
            List<String> zhSignals = strings(in), enSignals = strings(in);
            int threshold = (int) in.fixed();
            industries.add(new Industry(slug, name, zh, zhSignals, enSignals, threshold, origin(in)));
        }
        return new EditorialData(glossary, places, industries);
    }

    private static void strings(StoreBytes.Out out, List<String> list) {
        out.varint(list.size());
        for (String s : list) out.string(s);
    }

    private static List<String> strings(StoreBytes.In in) {
        int n = in.count(1 << 20);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(in.string());
        return out;
    }

    private static void origin(StoreBytes.Out out, Origin o) {
        if (o == null) {
            out.varint(0);
            return;
        }
        out.varint(1).nullable(o.file() == null ? null : o.file().toString()).varint(o.line());
    }

    private static Origin origin(StoreBytes.In in) {
        if (in.count(1) == 0) return null;
        String file = in.nullable();
        return new Origin(file == null ? null : Path.of(file), in.count(Integer.MAX_VALUE));
    }
}
