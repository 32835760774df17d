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

    /** Decodes {@code bytes}; on failure reports the byte offset and returns null. */
    public static String decode(Path file, byte[] bytes, Diagnostics diags) {
        if (bytes.length > MAX_BYTES) {
            diags.error(file, 0, "file is " + bytes.length + " bytes, more than the limit of " + MAX_BYTES
                    + " bytes for one article; split it or check that it is really a seed file");
            return null;
        }
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
        String text = out.toString();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        text = text.replace("\r\n", "\n").replace('\r', '\n');
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
        if (c == '\n' || c == '\t') return false;
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C || c == 0xFFFE || c == 0xFFFF;
    }

    private static String stripInvisible(Path file, String text, Diagnostics diags) {
        StringBuilder sb = null;
        int line = 1;
        int firstLine = 0;
        int removed = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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
