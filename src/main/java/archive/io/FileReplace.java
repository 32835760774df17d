package archive.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a finished file in place of another, so that a reader sees the old file or the new one, never half of one. */
public final class FileReplace {
    private FileReplace() { }

    /** Writes {@code text} as UTF-8 to a file beside {@code file} ("….tmp"), then puts it in place of {@code file}. */
    public static void writeString(Path file, CharSequence text) throws IOException {
        write(file, text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to a file beside {@code file} ("….tmp"), then puts it in place of {@code file}. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, bytes, bytes.length);
    }

    /** As {@link #write(Path, byte[])}, the first {@code length} bytes. */
    public static void write(Path file, byte[] bytes, int length) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
            out.write(bytes, 0, length);
        }
        replace(tmp, file);
    }

    /** Moves {@code from} over {@code to}: atomically where the file system can, else by a plain move. */
    public static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
