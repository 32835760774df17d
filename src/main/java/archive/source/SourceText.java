package archive.source;

import archive.diag.Diagnostics;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns the bytes of an editor's file into text: strict UTF-8, byte-order mark removed,
 * CRLF and CR turned into LF, invisible control and bidi-override characters removed
 * (with a warning) so they can never reach a page.
 */
public final class SourceText {
    /** Files larger than this are refused: no real article comes near it. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private SourceText() {}

    /**
     * Reads an editor's file, refusing one larger than {@link #MAX_BYTES} before reading it (so a
     * huge or endless file cannot exhaust the memory). Returns null after reporting why.
     */
    public static byte[] read(Path file, Diagnostics diags) {
        try {
            return read(file, Files.size(file), diags);
        } catch (IOException e) {
            diags.error(file, 0, "cannot read the file: " + e.getMessage());
            return null;
        }
    }

    /** As {@link #read(Path, Diagnostics)} for a file whose size was just listed. */
    public static byte[] read(Path file, long size, Diagnostics diags) {
        try {
            if (size > MAX_BYTES) {
                diags.error(file, 0, tooLarge(size));
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > MAX_BYTES) {
                diags.error(file, 0, tooLarge(bytes.length));
                return null;
            }
            return bytes;
        } catch (IOException e) {
            diags.error(file, 0, "cannot read the file: " + e.getMessage());
            return null;
        }
    }

    /** Reads and decodes {@code file}; null after reporting why. */
    public static String readText(Path file, Diagnostics diags) {
        byte[] bytes = read(file, diags);
        return bytes == null ? null : decode(file, bytes, diags);
    }

    /** As {@link #readText(Path, Diagnostics)} for a file whose size was just listed. */
    public static String readText(Path file, long size, Diagnostics diags) {
        byte[] bytes = read(file, size, diags);
        return bytes == null ? null : decode(file, bytes, diags);
    }

    private static String tooLarge(long size) {
        return "file is " + size + " bytes, more than the limit of " + MAX_BYTES
                + " bytes for one editor's file; check that it is the right file, or split it";
    }

    /**
     * The text without invisible control characters: the last guard before a page is written, for
     * characters that reached it through an escape (a YAML {@code "\u202E"}, a Markdown {@code &#x202E;}).
     */
    public static String withoutInvisibleControls(String s) {
        // One pass over a copy of the characters: every page goes through here, and String.charAt's
        // per-character bounds checks cost more than the copy.
        char[] cs = s.toCharArray();
        int w = 0;
        for (int r = 0; r < cs.length; r++) {
            char c = cs[r];
            if (!isInvisibleControl(c)) cs[w++] = c;
        }
        return w == cs.length ? s : new String(cs, 0, w);
    }

    /** Decodes {@code bytes}; on failure reports the byte offset and returns null. */
    public static String decode(Path file, byte[] bytes, Diagnostics diags) {
        if (bytes.length > MAX_BYTES) {
            diags.error(file, 0, tooLarge(bytes.length));
            return null;
        }
        // String's own decoder is the fast one; it writes U+FFFD for what is not UTF-8, so only a
        // text with U+FFFD in it (a mistake, or rarely the character itself) is decoded again strictly.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) return normalise(file, fast, diags);
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
            String hint = looksLikeGbk(bytes)
                    ? "it looks GBK-encoded; re-save it as UTF-8"
                    : "re-save it as UTF-8";
            diags.error(file, line, "not valid UTF-8 at byte offset " + offset + "; " + hint);
            return null;
        }
        dec.flush(out);
        out.flip();
        return normalise(file, out.toString(), diags);
    }

    /** Without a byte order mark, with \n for every line end and without invisible controls. */
    private static String normalise(Path file, String text, Diagnostics diags) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        if (text.indexOf('\r') >= 0) text = text.replace("\r\n", "\n").replace('\r', '\n');
        return stripInvisible(file, text, diags);
    }

    private static boolean looksLikeGbk(byte[] bytes) {
        try {
            CharsetDecoder gbk = Charset.forName("GBK").newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            String s = gbk.decode(ByteBuffer.wrap(bytes)).toString();
            return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return false;
        }
    }

    /** True for characters that must never be rendered: C0/C1 controls (but tab and LF) and bidi controls. */
    public static boolean isInvisibleControl(int c) {
        // Ordered by what pages are made of: printable ASCII, then CJK and everything above the bidi block.
        if (c >= 0x20) {
            if (c < 0x7F) return false;
            if (c > 0x2069) return c == 0xFFFE || c == 0xFFFF;
            return c <= 0x9F || (c >= 0x202A && c <= 0x202E) || c >= 0x2066 || c == 0x200E || c == 0x200F || c == 0x061C;
        }
        return c != '\n' && c != '\t';
    }

    private static String stripInvisible(Path file, String text, Diagnostics diags) {
        StringBuilder sb = null;
        int line = 1;
        int firstLine = 0;
        int removed = 0;
        int n = text.length();
        char[] cs = archive.model.Chars.of(text, 0, n); // (charAt checks its index on every call under C1)
        int i = 0;
        while (i < n && !isInvisibleControl(cs[i])) i++;
        if (i == n) return text;
        for (int k = 0; k < i; k++) if (cs[k] == '\n') line++;
        for (; i < n; i++) {
            char c = cs[i];
            if (isInvisibleControl(c)) {
                if (sb == null) sb = new StringBuilder(text.length()).append(text, 0, i);
                if (removed++ == 0) firstLine = line;
                continue;
            }
            if (c == '\n') line++;
            if (sb != null) sb.append(c);
        }
        if (sb == null) return text;
        diags.warn(file, firstLine, "removed " + removed + " invisible control character(s) (NUL, bidi override or similar); "
                + "check the text around this line");
        return sb.toString();
    }
}
