package archive.publish;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A record of a published download is found by reading the file a megabyte at a time: wherever
 * it lies, across the boundary of two reads too, and not where it is not.
 */
class DownloadFindTest {
    @Test
    void findsThePartWhereALookAtEveryPlaceFindsIt() {
        // Small alphabets make near misses and overlapping occurrences: compared with the plain search.
        java.util.Random random = new java.util.Random(1958);
        for (int round = 0; round < 20_000; round++) {
            int alphabet = 1 + random.nextInt(3);
            byte[] whole = new byte[random.nextInt(40)];
            byte[] part = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < whole.length; i++) whole[i] = (byte) ('a' + random.nextInt(alphabet));
            for (int i = 0; i < part.length; i++) part[i] = (byte) ('a' + random.nextInt(alphabet));
            int length = random.nextInt(whole.length + 1);
            int expected = -1;
            for (int i = 0; i + part.length <= length && expected < 0; i++) {
                if (java.util.Arrays.equals(whole, i, i + part.length, part, 0, part.length)) expected = i;
            }
            assertEquals(expected, OpenData.indexOf(whole, length, part),
                    new String(part, StandardCharsets.US_ASCII) + " in " + new String(whole, 0, length, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void findsARecordWhereverItLiesAndNothingElse() throws IOException {
        Path file = Files.createTempFile("download", ".json");
        try {
            byte[] whole = new byte[3 << 20];
            java.util.Arrays.fill(whole, (byte) 'x');
            byte[] record = "\n{\"id\":\"0123456789abcdef\",\"title_zh\":\"人民日报\"}".getBytes(StandardCharsets.UTF_8);
            int[] places = {0, (1 << 20) - 5, (2 << 20) - record.length + 1, whole.length - record.length};
            for (int at : places) {
                byte[] b = whole.clone();
                System.arraycopy(record, 0, b, at, record.length);
                Files.write(file, b);
                try (FileChannel ch = FileChannel.open(file)) {
                    assertEquals(at, OpenData.find(ch, record, 0), "at " + at);
                    assertEquals(-1, OpenData.find(ch, record, at + 1L), "only once, at " + at);
                }
            }
            Files.write(file, whole);
            try (FileChannel ch = FileChannel.open(file)) {
                assertEquals(-1, OpenData.find(ch, record, 0));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
