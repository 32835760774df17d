package archive.source;

import archive.diag.Diagnostics;
import archive.model.EditorialData;
import archive.model.GlossaryEntry;
import archive.model.Industry;
import archive.model.Place;
import archive.model.PlaceType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads data/glossary.yaml, data/places.yaml and data/industries.yaml, and checks what no
 * single entry can: unique slugs, resolvable references, Chinese forms no two entries share.
 */
public final class EditorialDataLoader {
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    /** Separators the matcher treats as interchangeable inside a multi-part Chinese form. */
    public static final String FORM_SEPARATORS = "\u3000 、，,";

    private static final Set<String> GLOSSARY_KEYS = Set.of("slug", "kind", "zh", "parts", "pinyin", "en", "gloss",
            "explanation", "related", "references");
    private static final Set<String> PART_KEYS = Set.of("zh", "en");
    private static final Set<String> PLACE_KEYS = Set.of("slug", "name", "zh", "short", "en_forms", "type", "parent",
            "coords", "confirm", "not_within", "note");
    private static final Set<String> INDUSTRY_KEYS = Set.of("slug", "name", "zh", "signals", "threshold");

    private static final String GLOSSARY = "glossary.yaml", PLACES = "places.yaml", INDUSTRIES = "industries.yaml";
    /** The files of the data folder that {@link #load} reads. */
    public static final List<String> FILES = List.of(GLOSSARY, PLACES, INDUSTRIES);

    public EditorialData load(Path dataDir, Diagnostics diags) {
        List<GlossaryEntry> glossary = loadGlossary(dataDir.resolve(GLOSSARY), diags);
        List<Place> places = loadPlaces(dataDir.resolve(PLACES), diags);
        List<Industry> industries = loadIndustries(dataDir.resolve(INDUSTRIES), diags);
        return new EditorialData(glossary, places, industries);
    }

    // ---- glossary ------------------------------------------------------------------------

    public List<GlossaryEntry> loadGlossary(Path file, Diagnostics diags) {
        if (!Files.exists(file)) return List.of();
        List<GlossaryEntry> out = new ArrayList<>();
        Map<String, Integer> slugs = new HashMap<>();
        Map<String, String> formOwner = new HashMap<>();
        List<YamlFile.Entry> entries = YamlFile.loadSequenceOfMappings(file, diags, "glossary entries");
        for (YamlFile.Entry e : entries) {
            e.rejectUnknownKeys(GLOSSARY_KEYS);
            String slug = slug(e, slugs, "glossary entry");
            String kindKey = e.string("kind", true);
            GlossaryEntry.Kind kind = kindKey == null ? null : GlossaryEntry.Kind.of(kindKey);
            if (kindKey != null && kind == null) {
                e.error("kind", "unknown kind `" + kindKey + "`; use slogan, term, campaign, meeting or institution");
            }
            List<String> zh = e.strings("zh");
            if (zh.isEmpty()) e.error("zh", "the entry has no Chinese form; add `zh: [...]` with at least one form");
            List<GlossaryEntry.Part> parts = new ArrayList<>();
            for (YamlFile.Entry p : e.entries("parts")) {
                p.rejectUnknownKeys(PART_KEYS);
                String pz = p.string("zh", true);
                if (pz != null) parts.add(new GlossaryEntry.Part(pz, p.strings("en")));
            }
            List<String> allForms = new ArrayList<>(zh);
            parts.forEach(p -> allForms.add(p.zh()));
            for (String form : allForms) {
                String key = squashSeparators(form);
                if (key.codePointCount(0, key.length()) < 2) {
                    e.error("zh", "the Chinese form \"" + form + "\" is one character long: it would link half the text; "
                            + "use the word or phrase it belongs to");
                    continue;
                }
                String before = formOwner.putIfAbsent(key, slug);
                if (before != null && !before.equals(slug)) {
                    e.error("zh", "the Chinese form \"" + form + "\" is already a form of `" + before
                            + "`; a form may belong to one entry only");
                }
            }
            List<String> en = e.strings("en");
            refuseOneCharacterForms(e, "en", en);
            parts.forEach(part -> refuseOneCharacterForms(e, "parts", part.en()));
            String gloss = e.string("gloss", true);
            String explanation = e.string("explanation", true);
            String pinyin = e.string("pinyin", false);
            if ((pinyin == null || pinyin.isBlank()) && !zh.isEmpty()) pinyin = PinyinGenerator.pinyin(zh.get(0));
            if (slug == null || kind == null || zh.isEmpty() || gloss == null || explanation == null) continue;
            out.add(new GlossaryEntry(slug, kind, zh, parts, pinyin, en, gloss, explanation, e.strings("related"),
                    e.strings("references"), e.origin(), e.textOrigin("explanation"), e.textOrigins("references")));
        }
        Set<String> known = new HashSet<>(slugs.keySet());
        for (YamlFile.Entry e : entries) {
            for (String r : e.strings("related")) {
                if (!known.contains(r)) e.error("related", "`related:` names `" + r + "`, which is not a glossary slug");
            }
        }
        return out;
    }

    /** The form with its separators removed: the key under which two spellings of one slogan are the same. */
    public static String squashSeparators(String form) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < form.length(); i++) if (FORM_SEPARATORS.indexOf(form.charAt(i)) < 0) sb.append(form.charAt(i));
        return sb.toString();
    }

    // ---- places --------------------------------------------------------------------------

    public List<Place> loadPlaces(Path file, Diagnostics diags) {
        if (!Files.exists(file)) return List.of();
        List<Place> out = new ArrayList<>();
        Map<String, Integer> slugs = new HashMap<>();
        List<YamlFile.Entry> entries = YamlFile.loadSequenceOfMappings(file, diags, "places");
        Map<String, YamlFile.Entry> entryOf = new HashMap<>();
        for (YamlFile.Entry e : entries) {
            e.rejectUnknownKeys(PLACE_KEYS);
            String slug = slug(e, slugs, "place");
            String name = e.string("name", true);
            String zh = e.string("zh", true);
            String typeKey = e.string("type", true);
            PlaceType type = typeKey == null ? null : PlaceType.of(typeKey);
            if (typeKey != null && type == null) {
                e.error("type", "unknown place type `" + typeKey + "`; use one of "
                        + String.join(", ", java.util.Arrays.stream(PlaceType.values()).map(PlaceType::key).toList()));
            }
            if (zh != null && zh.codePointCount(0, zh.length()) < 2) {
                e.error("zh", "the Chinese name \"" + zh + "\" is one character long; it would match inside countless words "
                        + "(write the full name, 太原市 rather than 太)");
            }
            refuseOneCharacterForms(e, "en_forms", e.strings("en_forms"));
            List<String> shortForms = e.strings("short");
            for (String s : shortForms) {
                if (s.codePointCount(0, s.length()) < 2) e.error("short", "the short form \"" + s + "\" is one character long; "
                        + "it would match inside countless words");
            }
            String confirm = e.string("confirm", false);
            if (confirm != null && !confirm.equals("english")) {
                e.error("confirm", "`confirm:` takes only the value `english`");
            }
            double lat = Double.NaN, lon = Double.NaN;
            List<String> coords = e.strings("coords");
            if (!coords.isEmpty()) {
                try {
                    if (coords.size() != 2) throw new NumberFormatException();
                    lat = Double.parseDouble(coords.get(0));
                    lon = Double.parseDouble(coords.get(1));
                    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new NumberFormatException();
                } catch (NumberFormatException ex) {
                    e.error("coords", "`coords:` must be [latitude, longitude] in decimal degrees, for example [37.87, 112.55]");
                    lat = lon = Double.NaN;
                }
            }
            if (slug == null || name == null || zh == null || type == null) continue;
            entryOf.put(slug, e);
            out.add(new Place(slug, name, zh, shortForms, e.strings("en_forms"), type, e.string("parent", false),
                    lat, lon, "english".equals(confirm), e.strings("not_within"), e.string("note", false), e.origin()));
        }
        checkPlaceReferences(out, entryOf);
        return out;
    }

    private static void checkPlaceReferences(List<Place> places, Map<String, YamlFile.Entry> entryOf) {
        Map<String, Place> bySlug = new HashMap<>();
        places.forEach(p -> bySlug.put(p.slug(), p));
        Map<String, List<Place>> byForm = new HashMap<>();
        for (Place p : places) {
            YamlFile.Entry e = entryOf.get(p.slug());
            if (p.parent() != null && !bySlug.containsKey(p.parent())) {
                e.error("parent", "unknown parent `" + p.parent() + "`; use the slug of a place in this file");
            }
            Set<String> seen = new HashSet<>();
            String cursor = p.parent();
            while (cursor != null && bySlug.containsKey(cursor)) {
                if (!seen.add(cursor) || cursor.equals(p.slug())) {
                    e.error("parent", "the parents of `" + p.slug() + "` go round in a circle; fix `parent:`");
                    break;
                }
                cursor = bySlug.get(cursor).parent();
            }
            for (String f : new LinkedHashSet<>(p.zhForms())) byForm.computeIfAbsent(f, k -> new ArrayList<>()).add(p);
        }
        for (var form : byForm.entrySet()) {
            List<Place> sharers = form.getValue();
            if (sharers.size() > 1 && !sharers.stream().allMatch(Place::confirmEnglish)) {
                for (Place p : sharers) {
                    if (p.confirmEnglish()) continue;
                    entryOf.get(p.slug()).error("zh", "the Chinese name \"" + form.getKey() + "\" is shared by "
                            + String.join(", ", sharers.stream().map(Place::slug).toList())
                            + " with no rule to tell them apart; add `confirm: english` to each of them");
                }
            }
        }
    }

    // ---- industries ------------------------------------------------------------------------

    public List<Industry> loadIndustries(Path file, Diagnostics diags) {
        if (!Files.exists(file)) return List.of();
        List<Industry> out = new ArrayList<>();
        Map<String, Integer> slugs = new HashMap<>();
        Map<String, String> signalOwner = new HashMap<>();
        for (YamlFile.Entry e : YamlFile.loadSequenceOfMappings(file, diags, "industries")) {
            e.rejectUnknownKeys(INDUSTRY_KEYS);
            String slug = slug(e, slugs, "industry");
            String name = e.string("name", true);
            String zh = e.string("zh", true);
            YamlFile.Entry signals = e.entry("signals");
            List<String> zhSignals = signals == null ? List.of() : signals.strings("zh");
            List<String> enSignals = signals == null ? List.of() : signals.strings("en");
            if (signals != null) signals.rejectUnknownKeys(Set.of("zh", "en"));
            if (zhSignals.isEmpty() && enSignals.isEmpty()) {
                e.error("signals", "the industry has no signal words; add `signals:` with `zh: [...]` and `en: [...]`");
            }
            for (String s : zhSignals) {
                String before = signalOwner.putIfAbsent("zh:" + s, slug);
                if (before != null && !before.equals(slug)) {
                    signals.error("zh", "the signal \"" + s + "\" already signals `" + before + "`; give each word to one industry");
                }
            }
            for (String s : enSignals) {
                String before = signalOwner.putIfAbsent("en:" + s.toLowerCase(java.util.Locale.ROOT), slug);
                if (before != null && !before.equals(slug)) {
                    signals.error("en", "the signal \"" + s + "\" already signals `" + before + "`; give each word to one industry");
                }
            }
            int threshold = Industry.DEFAULT_THRESHOLD;
            String t = e.string("threshold", false);
            if (t != null) {
                try {
                    threshold = Integer.parseInt(t);
                    if (threshold < 1) throw new NumberFormatException();
                } catch (NumberFormatException ex) {
                    e.error("threshold", "`threshold:` must be a whole number of 1 or more");
                }
            }
            if (slug == null || name == null || zh == null) continue;
            out.add(new Industry(slug, name, zh, zhSignals, enSignals, threshold, e.origin()));
        }
        return out;
    }

    // ---- shared ------------------------------------------------------------------------------

    /** An English form of one letter ("a", "I") would link half the text, like a one-character Chinese form. */
    private static void refuseOneCharacterForms(YamlFile.Entry e, String key, List<String> forms) {
        for (String f : forms) {
            if (f.codePointCount(0, f.length()) < 2) {
                e.error(key, "the English form \"" + f + "\" is one character long: it would link half the text; "
                        + "use the word or phrase it belongs to");
            }
        }
    }

    private static String slug(YamlFile.Entry e, Map<String, Integer> seen, String what) {
        String slug = e.string("slug", true);
        if (slug == null) return null;
        if (!SLUG.matcher(slug).matches()) {
            e.error("slug", "the slug `" + slug + "` must be lowercase letters, digits and single hyphens (it is part of a URL)");
            return null;
        }
        Integer before = seen.putIfAbsent(slug, e.line());
        if (before != null) {
            e.error("slug", "duplicate slug `" + slug + "`: another " + what + " uses it at line " + before
                    + "; slugs are URLs and must be unique");
            return null;
        }
        return slug;
    }
}
