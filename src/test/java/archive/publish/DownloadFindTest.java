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
