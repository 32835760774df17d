package archive.model;

/** A glossary term or place found at {@code text[start, end)} of one paragraph or headline. */
public record Mention(int start, int end, Target target) {
    /** What a mention points at. */
    public record Target(Kind kind, String slug) {}

    public enum Kind { GLOSSARY, PLACE }

    public String slug() { return target.slug(); }
    public Kind kind() { return target.kind(); }
}
