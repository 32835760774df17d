package archive.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Whole writes and copies between files at given positions: a channel may do less than asked in one call. */
public final class Channels {
    private Channels() { }

    /** Writes the rest of {@code b} into {@code ch} from position {@code at}. */
    public static void write(FileChannel ch, long at, ByteBuffer b) throws IOException {
        for (long pos = at; b.hasRemaining(); ) pos += ch.write(b, pos);
    }

    /**
     * Copies {@code length} bytes of {@code from} at {@code at} into {@code to} at {@code toAt}, by
     * the system where it can (the bytes never pass through the heap).
     */
    public static void copy(FileChannel from, long at, long length, FileChannel to, long toAt) throws IOException {
        for (long done = 0; done < length; ) {
            long n = from.transferTo(at + done, length - done, to.position(toAt + done));
            if (n <= 0) throw new IOException("the file to copy from ends early (" + (at + done) + " of " + (at + length) + " bytes)");
            done += n;
        }
    }
}
