package archive.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A {@link Writer} into a plain char array: no locks, for one thread rendering one page. Not a
 * StringBuilder, whose text the encoder would first have to copy out character by character
 * (a tenth of the cost of turning a page into bytes); the encoder reads this array as it is.
 * Each thread keeps one, up to a large page's size, so a page is not written into an array that
 * grows and is copied three times on the way to its size (about 45,000 characters an article).
 */
final class TextBuffer extends Writer implements io.pebbletemplates.pebble.extension.writer.SpecializedWriter {
    /** Characters a thread's buffer is kept for: a large page, not a download of the archive. */
    private static final int KEPT = 1 << 20;
    private static final ThreadLocal<TextBuffer> THREAD = ThreadLocal.withInitial(() -> new TextBuffer(64 * 1024));

    private char[] buf;
    private int length;
    private boolean inUse;

    TextBuffer(int capacity) { this.buf = new char[capacity]; }

    /** This thread's empty buffer, or a new one while it is in use (a page rendered while another is). */
    static TextBuffer take() {
        TextBuffer b = THREAD.get();
        if (b.inUse) b = new TextBuffer(16 * 1024);
        b.inUse = true;
        b.length = 0;
        return b;
    }

    /** Done with the text: the thread may use the buffer again, unless it grew past a page's size. */
    void release() {
        inUse = false;
        if (buf.length > KEPT && THREAD.get() == this) THREAD.remove();
    }

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

    /**
     * What a template prints: {@link HtmlText} copied as the array it is, anything else as Pebble
     * prints it to a plain Writer (Pebble hands a {@code SpecializedWriter} the value itself).
     */
    @Override
    public void write(Object value) {
        if (value instanceof String s) write(s);
        else if (value instanceof HtmlText h) h.writeTo(this);
        else write(io.pebbletemplates.pebble.utils.StringUtils.toString(value));
    }

    // Only reached through write(Object), which this buffer replaces; each as Pebble's plain path prints it.
    @Override public void writeSpecialized(int i) { write((Object) i); }
    @Override public void writeSpecialized(long l) { write((Object) l); }
    @Override public void writeSpecialized(double d) { write((Object) d); }
    @Override public void writeSpecialized(float f) { write((Object) f); }
    @Override public void writeSpecialized(short s) { write((Object) s); }
    @Override public void writeSpecialized(byte b) { write((Object) b); }
    @Override public void writeSpecialized(char c) { write((Object) c); }
    @Override public void writeSpecialized(String s) { write(s); }

    @Override public void flush() { }
    @Override public void close() { }
    @Override public String toString() { return new String(buf, 0, length); }

    /** The text as the bytes of a page (see {@link PageEncoder}), in the thread's buffer until it encodes again. */
    PageEncoder.Encoded encodeShared() { return PageEncoder.encodeShared(buf, length); }
}
