package archive.render;

import archive.source.SourceText;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The page encoder gives exactly the UTF-8 of the page without its invisible controls. */
class PageEncoderTest {
    /** Text of every kind a page holds, and every kind of character that must not reach a reader. */
    private static final String ALPHABET = "aZ <>&\"'\n\t\r\u0000\u0007\u001f\u007f\u0080\u009f\u00e9\u061c\u0627\u200e\u200f\u202a"
            + "\u202e\u2066\u2069\u2014\u3000大跃进钢铁\ufeff\ufffe\uffff\ud840\udc0b\ud840\udc00";

    @Test
    void encodesLikeTheReferenceOnRandomText() {
        Random r = new Random(1958);
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(n < 1000 ? 40 : 70_000);
            for (int i = 0; i < len; i++) sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            String s = sb.toString();
            byte[] expected = SourceText.withoutInvisibleControls(s).getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(expected, PageEncoder.encode(s), () -> s.chars().mapToObj(Integer::toHexString).toList().toString());
            TextBuffer page = new TextBuffer(4);
            page.write(s.substring(0, s.length() / 2));
            page.write(s.toCharArray(), s.length() / 2, s.length() - s.length() / 2);
            PageEncoder.Encoded shared = page.encodeShared();
            assertArrayEquals(expected, java.util.Arrays.copyOf(shared.bytes(), shared.length()), "written into a page in two parts");
        }
    }

    @Test
    void keepsSupplementaryCharactersAndReplacesLoneSurrogates() {
        assertArrayEquals("𠀋x?".getBytes(StandardCharsets.UTF_8), PageEncoder.encode("\ud840\udc0bx\ud840"));
    }
}
