package archive.publish;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

import java.io.StringWriter;
import java.util.Map;

/**
 * JSON writing for JSON-LD and the downloads: maps keep their insertion order, so output is stable.
 * Written with Jackson's streaming generator, which does the escaping: the values are only maps,
 * lists, strings, numbers (coordinates), booleans and nulls, and the object mapper's start (serializers looked
 * up by reflection) was 40 ms of a one-edit build, spent on one page's JSON-LD.
 */
final class Json {
    private Json() {}

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /**
     * An object with its keys in the given order ({@code Map.of} would order them differently
     * from one run to the next, and the output must be byte-identical).
     */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    static String write(Object value) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            value(g, value);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof CharSequence s) {
            g.writeString(s.toString());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeName((String) e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> items) {
            g.writeStartArray();
            for (Object item : items) value(g, item);
            g.writeEndArray();
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d.doubleValue());
        } else if (v instanceof Float f) {
            g.writeNumber(f.floatValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            throw new IllegalArgumentException("no JSON form for a " + v.getClass().getName());
        }
    }

    /**
     * JSON that can sit inside {@code <script type="application/ld+json">}: a "&lt;/script&gt;"
     * or "&lt;!--" in a title must not end or disturb the element. The escapes only ever occur
     * inside JSON strings, where they mean the same characters.
     */
    static String forScript(Object value) {
        return write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
