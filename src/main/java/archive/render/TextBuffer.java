package archive.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A {@link Writer} into a plain char array: no locks, for one thread rendering one page. Not a
 * StringBuilder, whose text the encoder would first have to copy out character by character
 * (a tenth of the cost of turning a page into bytes); the encoder reads this array as it is.
 */
final class TextBuffer extends Writer {
    private char[] buf;
    private int length;

    TextBuffer(int capacity) { this.buf = new char[capacity]; }

    private void room(int n) {
        if (length + n > buf.length) buf = Arrays.copyOf(buf, Math.max(length + n, buf.length * 2));
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        room(len);
        System.arraycopy(cbuf, off, buf, length, len);
        length += len;
    }

    @Override
    public void write(String str) {
        int n = str.length();
        room(n);
        str.getChars(0, n, buf, length);
        length += n;
    }

    @Override
    public void write(String str, int off, int len) {
        room(len);
        str.getChars(off, off + len, buf, length);
        length += len;
    }

    @Override
    public void write(int c) {
        room(1);
        buf[length++] = (char) c;
    }

    @Override
    public Writer append(CharSequence csq) {
        write(String.valueOf(csq));
        return this;
    }

    @Override public void flush() { }
    @Override public void close() { }
    @Override public String toString() { return new String(buf, 0, length); }

    /** The text as the bytes of a page (see {@link PageEncoder}). */
    byte[] encode() { return PageEncoder.encode(buf, length); }
}
