package archive.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class PageManifestTest {
    @TempDir
    Path dir;

    @Test
    void whatABuildRecordedIsReadBackAndAFileChangedSinceIsNotTrusted() throws IOException {
        Path out = dir.resolve("site");
        String ascii = "articles/abc/index.html", chinese = "glossary/大跃进/index.html";
        Files.createDirectories(out.resolve("articles/abc"));
        Files.createDirectories(out.resolve("glossary/大跃进"));
        Files.writeString(out.resolve(ascii), "<p>one</p>");
        Files.writeString(out.resolve(chinese), "<p>二</p>");
        PageManifest made = PageManifest.load(out);
        made.record(ascii, 0x8000_0000_0000_0001L, out.resolve(ascii)); // a fingerprint with the top bit set
        made.record(chinese, 42, out.resolve(chinese));
        made.save(out);

        PageManifest read = PageManifest.load(out);
        assertEquals(OptionalLong.of(0x8000_0000_0000_0001L), read.previousFingerprint(ascii));
        assertEquals(OptionalLong.of(42), read.previousFingerprint(chinese), "a path that is not ASCII");
        assertNotNull(read.untouched(ascii, out.resolve(ascii)));
        assertNotNull(read.untouched(chinese, out.resolve(chinese)));

        Files.writeString(out.resolve(chinese), "<p>edited by hand</p>");
        assertNull(read.untouched(chinese, out.resolve(chinese)), "a file changed since it was recorded");
        // The same bytes and time in another file, put in its place: only the file's identity tells.
        Path other = out.resolve("articles/abc/other.html");
        Files.writeString(other, "<p>one</p>");
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(out.resolve(ascii)));
        Files.move(other, out.resolve(ascii), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertNull(read.untouched(ascii, out.resolve(ascii)), "another file in its place");
    }

    @Test
    void aManifestOfAnEarlierFormatIsNotTrustedAtAll() throws IOException {
        Path out = dir.resolve("site");
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.html"), "x");
        Files.writeString(PageManifest.fileFor(out), "index.html\t2a\t1\t0\t(dev=803,ino=12)\n");
        assertEquals(OptionalLong.empty(), PageManifest.load(out).previousFingerprint("index.html"));
    }
}
