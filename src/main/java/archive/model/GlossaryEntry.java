package archive.model;

import java.util.List;

/**
 * One entry of the glossary of slogans and terms, as the editors wrote it in data/glossary.yaml.
 *
 * @param slug        stable identity and URL segment (glossary/&lt;slug&gt;/)
 * @param kind        slogan, term, campaign, meeting or institution
 * @param zh          Chinese forms, headword first; each matched in the Chinese text
 * @param parts       parts of a long slogan that also occur on their own, each with its English renderings
 * @param pinyin      pinyin with tone marks (from the data, else generated)
 * @param en          English renderings as they occur in translations; matched case-insensitively, whole words
 * @param gloss       literal gloss, shown on hover
 * @param explanation Markdown
 * @param related     slugs of related entries
 * @param references  Markdown strings
 * @param origin      where the entry is written (file and line), for diagnostics
 * @param explanationAt where the explanation's text begins (its first line), for diagnostics of its Markdown
 * @param referencesAt  where each reference's text begins, for the same
 */
public record GlossaryEntry(String slug, Kind kind, List<String> zh, List<Part> parts, String pinyin,
                            List<String> en, String gloss, String explanation, List<String> related,
                            List<String> references, Origin origin, Origin explanationAt, List<Origin> referencesAt) {

    public GlossaryEntry {
        zh = List.copyOf(zh);
        parts = List.copyOf(parts);
        en = List.copyOf(en);
        related = List.copyOf(related);
        references = List.copyOf(references);
        explanationAt = explanationAt == null ? origin : explanationAt;
        referencesAt = referencesAt == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(referencesAt));
    }

    /** An entry whose texts are taken to begin where the entry does. */
    public GlossaryEntry(String slug, Kind kind, List<String> zh, List<Part> parts, String pinyin, List<String> en, String gloss,
                         String explanation, List<String> related, List<String> references, Origin origin) {
        this(slug, kind, zh, parts, pinyin, en, gloss, explanation, related, references, origin, origin, List.of());
    }

    /** Where the reference {@code i} begins; where the entry does if unknown. */
    public Origin referenceAt(int i) {
        return i < referencesAt.size() && referencesAt.get(i) != null ? referencesAt.get(i) : origin;
    }

    /** A part of a slogan, found on its own in the text. */
    public record Part(String zh, List<String> en) {
        public Part { en = List.copyOf(en); }
    }

    public String headword() { return zh.get(0); }

    /** The kinds of entry, each with its labels in both interface languages. */
    public enum Kind {
        SLOGAN("slogan", "Slogans", "口号"),
        TERM("term", "Terms", "术语"),
        CAMPAIGN("campaign", "Campaigns and movements", "运动"),
        MEETING("meeting", "Meetings and documents", "会议"),
        INSTITUTION("institution", "Institutions", "机构");

        public final String key, labelEn, labelZh;

        Kind(String key, String labelEn, String labelZh) {
            this.key = key;
            this.labelEn = labelEn;
            this.labelZh = labelZh;
        }

        public static Kind of(String key) {
            for (Kind k : values()) if (k.key.equals(key)) return k;
            return null;
        }

        public String key() { return key; }
        public String labelEn() { return labelEn; }
        public String labelZh() { return labelZh; }
    }
}
