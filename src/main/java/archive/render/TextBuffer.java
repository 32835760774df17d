package archive.render;

import java.io.Writer;

/** A {@link Writer} into a plain {@link StringBuilder}: no locks, for one thread rendering one page. */
final class TextBuffer extends Writer {
    private final StringBuilder sb;

    TextBuffer(int capacity) { this.sb = new StringBuilder(capacity); }

    @Override public void write(char[] cbuf, int off, int len) { sb.append(cbuf, off, len); }
    @Override public void write(String str) { sb.append(str); }
    @Override public void write(String str, int off, int len) { sb.append(str, off, off + len); }
    @Override public void write(int c) { sb.append((char) c); }
    @Override public Writer append(CharSequence csq) { sb.append(csq); return this; }
    @Override public void flush() { }
    @Override public void close() { }
    @Override public String toString() { return sb.toString(); }

    /** The text as the bytes of a page (see {@link PageEncoder}). */
    byte[] encode() { return PageEncoder.encode(sb); }
}
