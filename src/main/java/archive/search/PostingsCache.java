package archive.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.BitSet;

/**
 * The postings of the previous build's index, kept beside the output ({@code .site.cache/postings.bin})
 * so that the next build tokenizes only the articles that changed: tokenizing was most of the
 * index's cost, and the index most of a build after one edit. Each article is listed with its
 * number, its content fingerprint and its length; each partition's terms with their postings as
 * the index holds them (document gaps and term frequencies as varints), word terms by the texts
 * of their ids. Only the BM25 weights are left out, since every article's length moves them.
 *
 * <p>The file is written for one generator and one version of the data the index reads (the
 * header); a missing, damaged or outdated file only means every article is tokenized again.
 */
final class PostingsCache {
    static final String FILE = "postings.bin";
    private static final int FORMAT = 1;

    final String[] ids;
    final long[] fingerprints;
    final int[] lengths;
    /** Word ids and their texts. */
    final int[] wordIds;
    final String[] wordTexts;
    /** Per partition: each term's key and postings. */
    final long[][] keys;
    final byte[][][] postings;

    private PostingsCache(String[] ids, long[] fingerprints, int[] lengths, int[] wordIds, String[] wordTexts,
                          long[][] keys, byte[][][] postings) {
        this.ids = ids;
        this.fingerprints = fingerprints;
        this.lengths = lengths;
        this.wordIds = wordIds;
        this.wordTexts = wordTexts;
        this.keys = keys;
        this.postings = postings;
    }

    /** The postings saved at {@code file} for {@code global} with {@code partitions} partitions, or null. */
    static PostingsCache load(Path file, long global, int partitions) {
        if (!Files.isRegularFile(file)) return null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT || in.readLong() != global || in.readInt() != partitions) return null;
            int n = in.readInt();
            String[] ids = new String[n];
            long[] fps = new long[n];
            int[] lengths = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readUTF();
                fps[i] = in.readLong();
                lengths[i] = in.readInt();
            }
            int w = in.readInt();
            int[] wordIds = new int[w];
            String[] wordTexts = new String[w];
            for (int i = 0; i < w; i++) {
                wordIds[i] = in.readInt();
                wordTexts[i] = in.readUTF();
            }
            long[][] keys = new long[partitions][];
            byte[][][] postings = new byte[partitions][][];
            for (int p = 0; p < partitions; p++) {
                int count = in.readInt();
                keys[p] = new long[count];
                postings[p] = new byte[count][];
                for (int t = 0; t < count; t++) {
                    keys[p][t] = in.readLong();
                    postings[p][t] = new byte[in.readInt()];
                    in.readFully(postings[p][t]);
                }
            }
            return new PostingsCache(ids, fps, lengths, wordIds, wordTexts, keys, postings);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged file costs time, never correctness
        }
    }

    /** Saves the index just built: its articles (ids, fingerprints, lengths), words and postings. */
    static void save(Path file, long global, String[] ids, long[] fingerprints, int[] lengths, Words words, PostingLists[] parts) {
        BitSet used = new BitSet();
        for (PostingLists p : parts) {
            for (int t = 0; t < p.count; t++) if (TermKeys.isWord(p.keys[t])) used.set(TermKeys.wordId(p.keys[t]));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(FORMAT);
                out.writeLong(global);
                out.writeInt(parts.length);
                out.writeInt(ids.length);
                for (int i = 0; i < ids.length; i++) {
                    out.writeUTF(ids[i]);
                    out.writeLong(fingerprints[i]);
                    out.writeInt(lengths[i]);
                }
                // Only the words some posting list still has: words of removed articles are left behind.
                out.writeInt(used.cardinality());
                for (int id = used.nextSetBit(0); id >= 0; id = used.nextSetBit(id + 1)) {
                    out.writeInt(id);
                    out.writeUTF(words.text(id));
                }
                for (PostingLists p : parts) {
                    out.writeInt(p.count);
                    for (int t = 0; t < p.count; t++) {
                        out.writeLong(p.keys[t]);
                        out.writeInt(p.lengths[t]);
                        out.write(p.data[t], 0, p.lengths[t]);
                    }
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // Only time is lost: the next build tokenizes every article.
        }
    }
}
