package archive.source;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A seed file's name is read by hand as the pattern {@link SeedReader#SEED_NAME} reads it. */
class SeedNameTest {
    private static String byPattern(String name) {
        Matcher m = SeedReader.SEED_NAME.matcher(name);
        return m.matches() ? m.group(2) : null;
    }

    @Test
    void theNamesIdIsWhatThePatternFinds() {
        for (String name : new String[] {"001_0123456789abcdef.txt", "123456_0123456789abcdef.txt", "1234567_0123456789abcdef.txt",
                "_0123456789abcdef.txt", "001_0123456789ABCDEF.txt", "001_0123456789abcde.txt", "001_0123456789abcdef0.txt",
                "001_0123456789abcdef.md", "001-0123456789abcdef.txt", "0x1_0123456789abcdef.txt", "001_0123456789abcdeg.txt",
                "001_0123456789abcdef.txt.txt", "١٢٣_0123456789abcdef.txt", ""}) {
            assertEquals(byPattern(name), SeedReader.idInName(name), name);
        }
        // Names made of the pieces a seed's name has, in every order and length.
        String[] pieces = {"0", "7", "_", "a", "f", "g", "A", ".txt", ".", "txt", "0123456789abcdef", "01234567", "x"};
        Random random = new Random(1958);
        for (int round = 0; round < 50_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(8); n >= 0; n--) b.append(pieces[random.nextInt(pieces.length)]);
            String name = b.toString();
            assertEquals(byPattern(name), SeedReader.idInName(name), name);
        }
    }
}
