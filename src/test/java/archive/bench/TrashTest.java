package archive.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrashTest {
    @TempDir
    Path dir;

    @Test
    void aSiteMovedAsideKeepsItsFilesUntilTheTrashIsEmptied() throws Exception {
        Path site = dir.resolve("site-10");
        Files.createDirectories(site.resolve("articles/a"));
        Files.writeString(site.resolve("articles/a/index.html"), "<p>kept until emptied</p>");
        Object inode = Files.readAttributes(site.resolve("articles/a/index.html"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Trash trash = new Trash(dir);

        trash.moveAside(site);
        trash.moveAside(dir.resolve("no-such-folder"));

        assertFalse(Files.exists(site), "the path is free for a clean build");
        try (var moved = Files.list(dir.resolve(".trash"))) {
            Path aside = moved.findFirst().orElseThrow();
            Path page = aside.resolve("articles/a/index.html");
            assertEquals("<p>kept until emptied</p>", Files.readString(page));
            if (inode != null) {
                assertEquals(inode, Files.readAttributes(page, java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
                        "renamed, not copied: no file freed");
            }
        }
        assertFalse(Files.exists(dir.resolve(".trash-emptied")), "nothing deleted yet");

        trash.empty();

        assertFalse(Files.exists(dir.resolve(".trash")));
        assertTrue(Files.exists(dir.resolve(".trash-emptied")), "the time of the deletion is recorded");
    }

    @Test
    void twoBenchesEmptyingTheSameTrashBothFinish() throws Exception {
        // Each thread's walk finds files and folders the other has just deleted: passed over, not an error.
        for (int f = 0; f < 60; f++) {
            Path folder = dir.resolve(".trash/site-1/articles/" + f);
            Files.createDirectories(folder);
            for (int i = 0; i < 40; i++) Files.writeString(folder.resolve(i + ".html"), "x");
        }
        Path outside = dir.resolve("kept");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("page.html"), "not the trash's");
        Files.createSymbolicLink(dir.resolve(".trash/site-1/link"), outside);

        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> { new Trash(dir).empty(); return null; });
            var second = two.submit(() -> { new Trash(dir).empty(); return null; });
            first.get();
            second.get();
        } finally {
            two.shutdown();
        }

        assertFalse(Files.exists(dir.resolve(".trash")));
        assertEquals("not the trash's", Files.readString(outside.resolve("page.html")), "a link is removed, not followed");
    }

    @Test
    void aBuildWaitsOnlyWhileTheBenchsDeletionsAreRecent() throws Exception {
        Trash trash = new Trash(dir);
        Path out = dir.resolve("site-10");
        assertEquals(0, trash.millisToWait(out), "nothing deleted: no wait");

        Files.createDirectories(dir.resolve(".trash/old"));
        trash.empty();
        long wait = trash.millisToWait(out);
        if (Trash.onTmpfs(out)) {
            assertEquals(0, wait, "tmpfs reuses freed inodes at once: no wait");
        } else {
            assertTrue(wait > Trash.windowMillis() - 5000 && wait <= Trash.windowMillis(), "just deleted: the whole window, " + wait);
        }

        Files.setLastModifiedTime(dir.resolve(".trash-emptied"),
                FileTime.fromMillis(System.currentTimeMillis() - Trash.windowMillis() - 1000));
        assertEquals(0, trash.millisToWait(out), "deleted longer ago than the window: no wait");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        trash.waitForQuiet(out, new PrintStream(said, true, StandardCharsets.UTF_8));
        assertEquals("", said.toString(StandardCharsets.UTF_8));
    }
}
