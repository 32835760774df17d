package archive.search;

/** Minimal JSON string quoting for the index files (also safe inside a script: U+2028/9 and "<" escaped). */
final class Json {
    private Json() {}

    static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        int plain = 0, n = s.length();
        char[] cs = archive.model.Chars.of(s, 0, n);
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '\u2028' && c != '\u2029') continue;
            sb.append(cs, plain, i - plain);
            plain = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        sb.append(cs, plain, n - plain);
        return sb.append('"');
    }
}
