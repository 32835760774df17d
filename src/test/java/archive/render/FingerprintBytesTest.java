package archive.render;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Fingerprints of bytes read a word at a time equal those read a byte at a time: stored fingerprints stay valid. */
class FingerprintBytesTest {
    private static final long P1 = 0x9E3779B97F4A7C15L, P2 = 0xC2B2AE3D27D4EB4FL;

    /** The byte-at-a-time reading that manifests and stores written before were made with. */
    private static long byteAtATime(byte[] b) {
        long x = b.length;
        int i = 0;
        for (; i + 7 < b.length; i += 8) {
            long w = 0;
            for (int k = 0; k < 8; k++) w |= (b[i + k] & 0xFFL) << (8 * k);
            x = Long.rotateLeft(x ^ w * P2, 31) * P1;
        }
        for (; i < b.length; i++) x = Long.rotateLeft(x ^ (b[i] & 0xFFL) * P2, 31) * P1;
        return new Fingerprint().add(x).value();
    }

    @Test
    void bytesHashAsBeforeAtEveryLength() {
        Random r = new Random(1958);
        for (int n = 0; n < 200; n++) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            assertEquals(byteAtATime(b), new Fingerprint().add(b).value(), "length " + n);
        }
        // The first bytes of a larger buffer (a store entry read into a reused one) hash as an array of them.
        byte[] big = new byte[300];
        r.nextBytes(big);
        for (int n = 0; n < 200; n += 7) {
            assertEquals(new Fingerprint().add(java.util.Arrays.copyOf(big, n)).value(), new Fingerprint().add(big, n).value(), "first " + n);
        }
        byte[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9}, c = {1, 2, 3, 4, 5, 6, 7, 8, 10};
        assertNotEquals(new Fingerprint().add(a).value(), new Fingerprint().add(c).value());
    }
}
