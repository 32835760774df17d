package archive.search;

/**
 * The distinct terms of one document with their frequencies, grouped by partition
 * ({@code from[p]} to {@code from[p+1]}), and the document's length in tokens.
 */
record DocTerms(int number, long[] keys, int[] hashes, int[] tfs, int[] from, int length) {

    /**
     * A hash of the document's terms and their frequencies, in no order: two documents with the
     * same hash (and length) have, in all likelihood, the same postings.
     */
    long termsHash() {
        long h = keys.length;
        for (int k = 0; k < keys.length; k++) {
            long x = (keys[k] ^ (long) tfs[k] << 40) * 0x9E3779B97F4A7C15L;
            h += Long.rotateLeft(x ^ x >>> 29, 17) * 0xC2B2AE3D27D4EB4FL;
        }
        return h;
    }

    /** Counts the terms of a document's segments and facets. Reuses the caller's scratch map. */
    static DocTerms of(SearchDoc doc, Words.Cache words, Words dict, LongIntMap counts, int partitions) {
        counts.clear();
        int length = 0;
        for (String[] seg : doc.segments()) {
            length += count(seg[1], words, counts);
            length += count(seg[2], words, counts);
        }
        for (String f : doc.facets()) counts.putIfAbsent(TermKeys.word(dict.term(f)), 1);
        int n = counts.size();
        long[] keys = new long[n];
        int[] tfs = new int[n], hashes = new int[n], part = new int[n];
        int[] from = new int[partitions + 1];
        int[] i = {0};
        counts.forEach((k, v) -> {
            keys[i[0]] = k;
            tfs[i[0]] = v;
            i[0]++;
        });
        for (int k = 0; k < n; k++) {
            hashes[k] = TermKeys.hash(keys[k]);
            part[k] = SearchText.shard(hashes[k], partitions);
            from[part[k] + 1]++;
        }
        for (int p = 0; p < partitions; p++) from[p + 1] += from[p];
        int[] fill = java.util.Arrays.copyOf(from, partitions);
        long[] sk = new long[n];
        int[] st = new int[n], sh = new int[n];
        for (int k = 0; k < n; k++) {
            int at = fill[part[k]]++;
            sk[at] = keys[k];
            st[at] = tfs[k];
            sh[at] = hashes[k];
        }
        return new DocTerms(doc.number(), sk, sh, st, from, length);
    }

    /** Adds the terms of one text; returns its number of tokens (Han characters and words). */
    static int count(String text, Words.Cache words, LongIntMap counts) {
        int tokens = 0, prevHan = -1;
        int len = text.length();
        // Read from an array: String.codePointAt checks its index on every call under C1.
        char[] cs = archive.model.Chars.of(text, 0, len);
        for (int i = 0; i < len; ) {
            int cp = Character.codePointAt(cs, i, len);
            if (SearchText.isHan(cp)) {
                counts.add(TermKeys.unigram(cp), 1);
                if (prevHan >= 0) counts.add(TermKeys.bigram(prevHan, cp), 1);
                prevHan = cp;
                tokens++;
                i += Character.charCount(cp);
            } else if (SearchText.isWordChar(cp)) {
                int start = i;
                while (i < len) {
                    int c = Character.codePointAt(cs, i, len);
                    if (!SearchText.isWordChar(c)) break;
                    i += Character.charCount(c);
                }
                counts.add(TermKeys.word(words.of(text.substring(start, i))), 1);
                prevHan = -1;
                tokens++;
            } else {
                prevHan = -1;
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }
}
