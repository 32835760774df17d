package archive.build;

import archive.annotate.PhraseMatcher;
import archive.model.Article;
import archive.model.Dateline;
import archive.model.EditorialData;
import archive.model.GlossaryEntry;
import archive.model.Origin;
import archive.model.Paragraph;
import archive.model.Place;
import archive.render.Fingerprint;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The forms the annotator matches (glossary entries', places' and the blockers within places'),
 * each with what it stands for: the forms of the data a build annotated with, kept beside the
 * article store, tell the next build which forms an edit of the data changed. An article whose
 * text holds none of them (as the annotator would find them) would be annotated exactly as it was,
 * and keeps its stored annotation (see ArticleStore#annotation): a new glossary entry is looked
 * for in every article, but only the articles it is found in are annotated again.
 *
 * <p>Industries are assigned by counting words, not by these matchers: any change to them
 * changes every article.
 */
final class AnnotationForms {
    static final String FILE = "annotation-forms.bin";
    private static final int MAGIC = 0x414e4631; // "ANF1"

    /** "zh:" or "en:" and the form, to the fingerprint of what it stands for, in the data's order. */
    private final Map<String, Long> forms;
    private final long industries;

    private AnnotationForms(Map<String, Long> forms, long industries) {
        this.forms = forms;
        this.industries = industries;
    }

    static AnnotationForms of(EditorialData data) {
        Map<String, Fingerprint> byForm = new TreeMap<>();
        for (GlossaryEntry g : data.glossary()) {
            // A glossary form stands for its entry alone: a mention names the entry, whichever form was found,
            // so a rendering added to `en:` (as the editors' warnings ask) touches only the articles that hold it.
            long entry = new Fingerprint().add("g:" + g.slug()).value();
            g.zh().forEach(f -> stand(byForm, "zh:" + f, entry));
            g.en().forEach(f -> stand(byForm, "en:" + f, entry));
            for (GlossaryEntry.Part p : g.parts()) {
                stand(byForm, "zh:" + p.zh(), entry);
                p.en().forEach(f -> stand(byForm, "en:" + f, entry));
            }
        }
        for (Place p : data.places()) {
            // Everything about a place but its note and coordinates can change how it is matched (its confirmation in English, its parent, …).
            long entry = new Fingerprint().add("p:" + p.slug()).addValue(p.asMatched(), Origin.class).value();
            p.zhForms().forEach(f -> stand(byForm, "zh:" + f, entry));
            p.englishForms().forEach(f -> stand(byForm, "en:" + f, entry));
            p.notWithin().forEach(f -> stand(byForm, "zh:" + f, entry));
        }
        Map<String, Long> forms = new LinkedHashMap<>();
        byForm.forEach((k, f) -> forms.put(k, f.value()));
        return new AnnotationForms(forms, new Fingerprint().addValue(data.industries(), Origin.class).value());
    }

    private static void stand(Map<String, Fingerprint> byForm, String form, long entry) {
        byForm.computeIfAbsent(form, k -> new Fingerprint().add(k)).add(entry);
    }

    /**
     * What changed since {@code previous} (the forms a build annotated with, and its key) for a build
     * annotating under {@code key} with these forms; null when there is nothing to keep across: no
     * previous forms, the same key, or the industries changed (every article is annotated again).
     */
    Change since(Saved previous, long key) {
        if (previous == null || previous.annotationKey() == key || previous.forms().industries != industries) return null;
        Map<String, Long> before = previous.forms().forms;
        Set<String> changed = new HashSet<>();
        for (Map.Entry<String, Long> e : forms.entrySet()) if (!e.getValue().equals(before.get(e.getKey()))) changed.add(e.getKey());
        for (String k : before.keySet()) if (!forms.containsKey(k)) changed.add(k);
        return new Change(previous.annotationKey(), changed);
    }

    /** The forms an edit of the data changed since the annotations stored under {@link #from}, and the test of an article's text for them. */
    static final class Change {
        private static final Object FOUND = new Object();
        private final long from;
        private final PhraseMatcher<Object> zh, en;
        private final Set<String> datelineForms = new HashSet<>();
        private final List<String> zhForms = new java.util.ArrayList<>(), enForms = new java.util.ArrayList<>();
        private final boolean none;
        /** The search postings and the ids of the articles they say may hold a changed form; null: each is read (see {@link #narrowBy}). */
        private volatile Lookup lookup;
        private final java.util.concurrent.atomic.LongAdder unread = new java.util.concurrent.atomic.LongAdder();

        private Change(long from, Set<String> changed) {
            this.from = from;
            PhraseMatcher.Builder<Object> zhb = PhraseMatcher.chinese(), enb = PhraseMatcher.english();
            for (String k : changed) {
                String form = k.substring(3);
                if (form.isEmpty()) continue;
                if (k.startsWith("zh:")) {
                    zhb.add(form, FOUND);
                    zhForms.add(form);
                } else {
                    enb.add(form, FOUND);
                    enForms.add(form);
                }
                datelineForms.add(form);
                datelineForms.add(form.toLowerCase(Locale.ROOT));
            }
            this.zh = zhb.build();
            this.en = enb.build();
            this.none = changed.isEmpty();
        }

        /**
         * Whether an annotation stored under {@code storedKey} is the one {@code article} (its text,
         * read only if need be) would be given now: made under the previous data, of which the
         * article holds no changed form.
         */
        boolean keeps(long storedKey, java.util.function.Supplier<Article> article) {
            return storedKey == from && !affects(article.get());
        }

        /**
         * As {@link #keeps(long, java.util.function.Supplier)} for article {@code id}, which the article
         * store read as {@code source}: its text is not read when the search postings made from that
         * text hold none of the changed forms (see {@link #narrowBy}).
         */
        boolean keeps(long storedKey, String id, long source, java.util.function.Supplier<Article> article) {
            Lookup l = lookup;
            if (storedKey == from && l != null && !l.mayHold().contains(id) && l.presence().madeFrom(id, source)) {
                unread.increment();
                return true;
            }
            return keeps(storedKey, article);
        }

        /**
         * Looks up, in the search postings {@code presence} gives (null: none), which articles may hold
         * a changed form; an article they rule out keeps its annotation unread. A place's forms are
         * looked up alike: a dateline names its place in the paragraph it opens, which the postings hold.
         */
        void narrowBy(java.util.function.Supplier<archive.search.TermPresence> presence) {
            if (none) return;
            archive.search.TermPresence p = presence.get();
            if (p == null) return;
            Set<String> ids = p.mayHold(zhForms, enForms);
            if (ids != null) lookup = new Lookup(p, ids);
        }

        private record Lookup(archive.search.TermPresence presence, Set<String> mayHold) {}

        /** How many articles kept their annotation without their text being read (see {@link #narrowBy}). */
        long unread() { return unread.sum(); }

        /** Whether the annotator could find a changed form in {@code a}: in the texts it reads, with its own matching. */
        private boolean affects(Article a) {
            if (none) return false;
            for (Dateline d : a.datelines()) {
                if (d.place() != null && (datelineForms.contains(d.place()) || datelineForms.contains(d.place().toLowerCase(Locale.ROOT)))) {
                    return true;
                }
            }
            if (found(en, a.title())) return true;
            for (Paragraph p : a.enParagraphs()) if (found(en, p.text())) return true;
            for (Paragraph p : a.zhParagraphs()) if (found(zh, p.text())) return true;
            if (a.chinese() != null) for (String d : a.chinese().deck()) if (found(zh, d)) return true;
            return false;
        }

        private static boolean found(PhraseMatcher<Object> m, String text) {
            return text != null && !text.isEmpty() && !m.find(text).isEmpty();
        }
    }

    /** The forms saved with the annotation key and generator they were made under; null if none or another generator's. */
    static Saved load(Path file, long generator) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readLong() != generator) return null;
            long key = in.readLong(), industries = in.readLong();
            int n = in.readInt();
            Map<String, Long> forms = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) forms.put(in.readUTF(), in.readLong());
            return new Saved(key, new AnnotationForms(forms, industries));
        } catch (IOException | RuntimeException e) {
            return null; // none, or damaged: every article whose key differs is annotated again
        }
    }

    /** The forms of a previous build and the annotation key its articles were stored under. */
    record Saved(long annotationKey, AnnotationForms forms) {}

    void save(Path file, long generator, long annotationKey) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeLong(generator);
            out.writeLong(annotationKey);
            out.writeLong(industries);
            out.writeInt(forms.size());
            for (Map.Entry<String, Long> e : forms.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
            Files.createDirectories(file.getParent());
            archive.io.FileReplace.write(file, bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // Without the file the next build annotates again every article whose key differs: slower, never wrong.
        }
    }
}
