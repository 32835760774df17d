package archive.model;

/** A glossary term or place found at {@code text[start, end)} of one paragraph or headline. */
public record Mention(int start, int end, Target target) {
    /** What a mention points at. */
    public record Target(Kind kind, String slug) {
        // Written out: a record's own equals and hashCode go through method handles, slow in the cold
        // code of a build after an edit, which looks up every stored mention's target (Interned) by them.
        @Override
        public boolean equals(Object o) {
            return o instanceof Target t && kind == t.kind && java.util.Objects.equals(slug, t.slug);
        }

        @Override
        public int hashCode() { return 31 * kind.ordinal() + java.util.Objects.hashCode(slug); }
    }

    public enum Kind { GLOSSARY, PLACE }

    public String slug() { return target.slug(); }
    public Kind kind() { return target.kind(); }
}
