package archive.search;

/**
 * The postings' text encoding: unsigned numbers as base64 digits of five bits each, low bits
 * first, with the sixth bit meaning "more digits follow" (the source-map VLQ without its sign).
 * The alphabet is plain base64, safe inside a JSON string.
 */
final class Vlq {
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Vlq() {}

    static void append(StringBuilder sb, int value) {
        if (value < 0) throw new IllegalArgumentException("negative: " + value);
        do {
            int digit = value & 31;
            value >>>= 5;
            if (value != 0) digit |= 32;
            sb.append(ALPHABET.charAt(digit));
        } while (value != 0);
    }

    /** How many digits {@link #append} writes for {@code value}. */
    static int digits(int value) {
        return value == 0 ? 1 : (32 - Integer.numberOfLeadingZeros(value) + 4) / 5;
    }

    /** One digit of six bits (0–63), for the quantised term weight. */
    static void appendDigit(StringBuilder sb, int sixBits) {
        sb.append(ALPHABET.charAt(sixBits));
    }
}
