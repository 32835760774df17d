package archive.publish;

import tools.jackson.databind.json.JsonMapper;

/** JSON writing for JSON-LD and the downloads: maps keep their insertion order, so output is stable. */
final class Json {
    private Json() {}

    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    /**
     * An object with its keys in the given order ({@code Map.of} would order them differently
     * from one run to the next, and the output must be byte-identical).
     */
    static java.util.Map<String, Object> object(Object... keysAndValues) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    static String write(Object value) { return COMPACT.writeValueAsString(value); }

    /**
     * JSON that can sit inside {@code <script type="application/ld+json">}: a "&lt;/script&gt;"
     * or "&lt;!--" in a title must not end or disturb the element. The escapes only ever occur
     * inside JSON strings, where they mean the same characters.
     */
    static String forScript(Object value) {
        return write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
