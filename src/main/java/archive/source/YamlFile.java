package archive.source;

import archive.diag.Diagnostics;
import archive.model.Origin;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an editor's YAML file as a node tree that keeps line numbers, so that every complaint
 * about a value names the line it is on. Aliases are limited (no "billion laughs") and the
 * tree is only walked to the shallow depth our files have.
 */
public final class YamlFile {
    /** Deepest nesting of lists and mappings accepted; our files need three or four levels. */
    static final int MAX_DEPTH = 64;

    private final Path file;
    private final Diagnostics diags;

    private YamlFile(Path file, Diagnostics diags) {
        this.file = file;
        this.diags = diags;
    }

    /** Loads {@code file}; returns the list of mappings at its top, or an empty list after reporting why. */
    public static List<Entry> loadSequenceOfMappings(Path file, Diagnostics diags, String what) {
        YamlFile y = new YamlFile(file, diags);
        Node root = y.load();
        if (root == null) return List.of();
        if (!(root instanceof SequenceNode seq)) {
            diags.error(file, line(root), "expected a list of " + what + " (each starting with `- slug:`)");
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (Node n : seq.getValue()) {
            if (n instanceof MappingNode m) out.add(y.entry(m));
            else diags.error(file, line(n), "expected one " + what.replaceAll("s$", "") + " as `key: value` lines, found a "
                    + kindOf(n));
        }
        return out;
    }

    /** Loads a file that holds one mapping at its top (sidecars). Null after reporting why. */
    public static Entry loadMapping(Path file, Diagnostics diags) {
        YamlFile y = new YamlFile(file, diags);
        Node root = y.load();
        if (root == null) return null;
        if (!(root instanceof MappingNode m)) {
            diags.error(file, line(root), "expected `key: value` lines at the top of the file");
            return null;
        }
        return y.entry(m);
    }

    private Node load() {
        String text = SourceText.readText(file, diags);
        if (text == null) return null;
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.toString())
                .setMaxAliasesForCollections(20)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(8 * 1024 * 1024)
                .build();
        try {
            return new Composer(settings, new ShallowParser(new ParserImpl(settings, new StreamReader(settings, text))))
                    .getSingleNode().orElseGet(() -> {
                        diags.error(file, 1, "the file is empty");
                        return null;
                    });
        } catch (TooDeep e) {
            diags.error(file, e.line, "invalid YAML: lists and mappings nested more than " + MAX_DEPTH
                    + " levels deep; the data files need three or four");
            return null;
        } catch (MarkedYamlEngineException e) {
            // At the end of the file the problem mark says nothing useful; where the unclosed thing began does.
            boolean atEnd = String.valueOf(e.getProblem()).contains("stream end") && e.getContextMark().isPresent();
            int line = (atEnd ? e.getContextMark() : e.getProblemMark().or(e::getContextMark)).map(Mark::getLine).orElse(-1) + 1;
            diags.error(file, line, "invalid YAML: " + e.getProblem()
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")") + "; check indentation and quoting");
            return null;
        } catch (YamlEngineException e) {
            diags.error(file, 0, "invalid YAML: " + e.getMessage());
            return null;
        }
    }

    /**
     * Our files nest three or four levels deep. The composer builds the tree recursively, so a file
     * of ten thousand opening brackets would overflow the stack: the parser (which keeps its own
     * stack) hands the composer its events through this check, which stops at a list or mapping
     * nested deeper than {@link #MAX_DEPTH}. One pass over the file: a separate pass of the
     * parser for the check was half the time the data took to load.
     */
    private static final class ShallowParser implements Parser {
        private final Parser parser;
        private int depth;

        ShallowParser(Parser parser) { this.parser = parser; }

        @Override
        public boolean checkEvent(Event.ID id) { return parser.checkEvent(id); }

        @Override
        public Event peekEvent() { return parser.peekEvent(); }

        @Override
        public boolean hasNext() { return parser.hasNext(); }

        @Override
        public Event next() {
            Event e = parser.next();
            if (e.getEventId() == Event.ID.SequenceStart || e.getEventId() == Event.ID.MappingStart) {
                if (++depth > MAX_DEPTH) throw new TooDeep(e.getStartMark().map(m -> m.getLine() + 1).orElse(0));
            } else if (e.getEventId() == Event.ID.SequenceEnd || e.getEventId() == Event.ID.MappingEnd) {
                depth--;
            }
            return e;
        }
    }

    /** A list or mapping nested too deep, at this line. */
    private static final class TooDeep extends RuntimeException {
        final int line;

        TooDeep(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }

    static int line(Node n) {
        return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static String kindOf(Node n) {
        return n instanceof ScalarNode ? "single value" : n instanceof SequenceNode ? "list" : "mapping";
    }

    private Entry entry(MappingNode m) {
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                diags.error(file, line(t.getKeyNode()), "keys must be plain words");
                continue;
            }
            if (fields.putIfAbsent(k.getValue(), t) != null) {
                diags.error(file, line(k), "the key `" + k.getValue() + "` appears twice in one entry; keep one");
            }
        }
        return new Entry(this, line(m), fields);
    }

    /** One mapping of the file, with typed, located access to its values. */
    public static final class Entry {
        private final YamlFile owner;
        private final int line;
        private final Map<String, NodeTuple> fields;

        private Entry(YamlFile owner, int line, Map<String, NodeTuple> fields) {
            this.owner = owner;
            this.line = line;
            this.fields = fields;
        }

        public int line() { return line; }
        public Path file() { return owner.file; }
        public Origin origin() { return new Origin(owner.file, line); }

        /** Line of the value of {@code key}, or of the entry when the key is absent. */
        public int line(String key) {
            NodeTuple t = fields.get(key);
            return t == null ? line : YamlFile.line(t.getValueNode());
        }

        /**
         * Where the text of {@code key}'s value begins: the line after the key for a block (`|` or
         * `>`), the key's line otherwise; the entry's for an absent key.
         */
        public Origin textOrigin(String key) {
            NodeTuple t = fields.get(key);
            return t == null ? origin() : new Origin(owner.file, textLine(t.getValueNode()));
        }

        /** Where the text of each item of the list {@code key} begins (see {@link #textOrigin}), as {@link #strings} keeps them. */
        public List<Origin> textOrigins(String key) {
            List<Origin> out = new ArrayList<>();
            for (ScalarNode s : items(key, false)) out.add(new Origin(owner.file, textLine(s)));
            return out;
        }

        private static int textLine(Node n) {
            boolean block = n instanceof ScalarNode s && (s.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.LITERAL
                    || s.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.FOLDED);
            return YamlFile.line(n) + (block ? 1 : 0);
        }

        public boolean has(String key) {
            NodeTuple t = fields.get(key);
            return t != null && !(t.getValueNode() instanceof ScalarNode s && isNull(s));
        }

        public void error(String key, String message) { owner.diags.error(owner.file, line(key), message); }
        public void warn(String key, String message) { owner.diags.warn(owner.file, line(key), message); }

        /** Reports keys outside {@code allowed}: a misspelt key would otherwise be silently ignored. */
        public void rejectUnknownKeys(Set<String> allowed) {
            for (var e : fields.entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    owner.diags.error(owner.file, YamlFile.line(e.getValue().getKeyNode()), "unknown key `" + e.getKey()
                            + "`; the keys are " + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }

        /** A text value; reports and returns null when required and missing or not text. */
        public String string(String key, boolean required) {
            NodeTuple t = fields.get(key);
            if (t == null || (t.getValueNode() instanceof ScalarNode s && isNull(s))) {
                if (required) owner.diags.error(owner.file, line, "missing `" + key + ":`; every entry needs one");
                return null;
            }
            if (t.getValueNode() instanceof ScalarNode s) {
                String v = s.getValue().strip();
                if (v.isEmpty() && required) owner.diags.error(owner.file, line(key), "`" + key + ":` is empty");
                return v;
            }
            owner.diags.error(owner.file, line(key), "`" + key + ":` must be a single value, not a "
                    + kindOf(t.getValueNode()));
            return null;
        }

        /** A list of texts; a single value is taken as a list of one. */
        public List<String> strings(String key) {
            List<String> out = new ArrayList<>();
            for (ScalarNode s : items(key, true)) out.add(s.getValue().strip());
            return out;
        }

        /**
         * The items of the list {@code key} that {@link #strings} keeps (a single value as a list of
         * one), reporting the others if {@code report}.
         */
        private List<ScalarNode> items(String key, boolean report) {
            NodeTuple t = fields.get(key);
            if (t == null) return List.of();
            Node v = t.getValueNode();
            if (v instanceof ScalarNode s) return isNull(s) || s.getValue().isBlank() ? List.of() : List.of(s);
            if (!(v instanceof SequenceNode seq)) {
                if (report) owner.diags.error(owner.file, line(key), "`" + key + ":` must be a list like [a, b]");
                return List.of();
            }
            List<ScalarNode> out = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode s && !isNull(s)) {
                    if (!s.getValue().isBlank()) out.add(s);
                } else if (report) {
                    owner.diags.error(owner.file, YamlFile.line(n), "each item of `" + key + ":` must be a single value");
                }
            }
            return out;
        }

        /** A list of mappings (for example the parts of a slogan). */
        public List<Entry> entries(String key) {
            NodeTuple t = fields.get(key);
            if (t == null || (t.getValueNode() instanceof ScalarNode s && isNull(s))) return List.of();
            if (!(t.getValueNode() instanceof SequenceNode seq)) {
                owner.diags.error(owner.file, line(key), "`" + key + ":` must be a list of `- key: value` items");
                return List.of();
            }
            List<Entry> out = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (n instanceof MappingNode m) out.add(owner.entry(m));
                else owner.diags.error(owner.file, YamlFile.line(n), "each item of `" + key + ":` must be `key: value` lines");
            }
            return out;
        }

        /** A nested mapping, or null. */
        public Entry entry(String key) {
            NodeTuple t = fields.get(key);
            if (t == null || (t.getValueNode() instanceof ScalarNode s && isNull(s))) return null;
            if (t.getValueNode() instanceof MappingNode m) return owner.entry(m);
            owner.diags.error(owner.file, line(key), "`" + key + ":` must hold `key: value` lines");
            return null;
        }

        private static boolean isNull(ScalarNode s) {
            String v = s.getValue();
            return s.getTag().getValue().endsWith(":null") || v.equals("~") || (v.equals("null") && s.isPlain())
                    || (v.isEmpty() && s.isPlain());
        }
    }
}
