package archive.publish;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The downloads are made in a buffer sized from a guess: records longer than guessed must still all be in the file. */
class DownloadBufferTest {
    @Test
    void recordsLongerThanGuessedAreAllKept() {
        OpenData.Utf8Out out = new OpenData.Utf8Out(40, 1, s -> s.getBytes(StandardCharsets.UTF_8));
        StringBuilder expected = new StringBuilder();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 42; i++) {
            // Records of growing length, Chinese among them, well past the guessed byte each and the 8 KB of room.
            String record = "record " + i + " 人民日报 " + "x".repeat(i * 40) + "\n";
            expected.append(record);
            sb.append(record);
            out.add(sb);
            assertEquals(0, sb.length(), "the builder is emptied for the next record");
        }
        String written = new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
        assertEquals(expected.toString(), written);
    }
}
