package archive.build;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte form of the build's stores: small numbers in 7-bit groups (most take one byte),
 * fixed 64-bit numbers, and strings as UTF-8 behind their length. A growable array to write
 * into, and a cursor over an array to read from; neither locks or copies more than it must.
 */
final class StoreBytes {
    private StoreBytes() {}

    /** Bytes being written. */
    static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) { this.buf = new byte[Math.max(16, capacity)]; }

        private void room(int n) {
            if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(size + n, buf.length * 2));
        }

        Out varint(long v) {
            if (v < 0) throw new IllegalArgumentException("negative: " + v);
            room(10);
            while (v >= 0x80) {
                buf[size++] = (byte) (v & 0x7F | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
            return this;
        }

        Out fixed(long v) {
            room(8);
            for (int i = 0; i < 8; i++) buf[size++] = (byte) (v >>> (8 * i));
            return this;
        }

        Out bytes(byte[] b) {
            varint(b.length);
            room(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
            return this;
        }

        Out string(String s) { return bytes(s.getBytes(StandardCharsets.UTF_8)); }

        /** A string that may be null. */
        Out nullable(String s) {
            if (s == null) return varint(0);
            varint(1);
            return string(s);
        }

        int size() { return size; }

        byte[] toArray() { return Arrays.copyOf(buf, size); }
    }

    /** Bytes being read, from {@code from} to {@code to} of an array. */
    static final class In {
        private final byte[] b;
        private int pos;
        private final int end;

        In(byte[] b, int from, int to) {
            this.b = b;
            this.pos = from;
            this.end = to;
        }

        In(byte[] b) { this(b, 0, b.length); }

        private void need(int n) {
            if (n < 0 || pos + n > end) throw new IllegalStateException("a damaged entry: it ends too soon");
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                need(1);
                int x = b[pos++];
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) return v;
            }
            throw new IllegalStateException("a damaged entry: a number too long");
        }

        /** A varint that must fit an int of at most {@code max}. */
        int count(int max) {
            long v = varint();
            if (v > max) throw new IllegalStateException("a damaged entry: " + v + " where at most " + max + " fits");
            return (int) v;
        }

        long fixed() {
            need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) v |= (b[pos++] & 0xFFL) << (8 * i);
            return v;
        }

        byte[] bytes() {
            int n = count(end - pos);
            byte[] out = Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return out;
        }

        String string() {
            int n = count(end - pos);
            String s = new String(b, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        String nullable() { return count(1) == 0 ? null : string(); }

        /** A string that many entries repeat (an author, a section, a place's slug): decoded once (see DecodedStrings). */
        String recurring() {
            int n = count(end - pos);
            String s = DecodedStrings.of(b, pos, n);
            pos += n;
            return s;
        }

        String nullableRecurring() { return count(1) == 0 ? null : recurring(); }

        /** Skips a string, which reads as empty. */
        String skipString() {
            int n = count(end - pos);
            pos += n;
            return "";
        }

        boolean atEnd() { return pos == end; }

        /** Where the cursor is in the array. */
        int position() { return pos; }
    }
}
