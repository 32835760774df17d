package archive.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;

/**
 * The postings of the previous build's index, kept beside the output ({@code .site.cache/postings.bin})
 * so that the next build tokenizes only the articles that changed: tokenizing was most of the
 * index's cost, and the index most of a build after one edit. The file lists each article with
 * its content fingerprint and its length, the texts of the word terms by id, then each
 * partition's terms with their postings as the index holds them (document gaps and term
 * frequencies as varints), and at its end where each partition starts. Only the BM25 weights are
 * left out, since every article's length moves them.
 *
 * <p>Partitions are read one at a time, when they are merged, so the previous postings never
 * all sit in memory beside the new ones (200 MB at 100,000 articles). The file is written for
 * one generator and one version of the data the index reads (the header); a missing, damaged or
 * outdated file only means every article is tokenized again.
 */
final class PostingsCache {
    static final String FILE = "postings.bin";
    private static final int FORMAT = 2;

    final String[] ids;
    final long[] fingerprints;
    final int[] lengths;
    /** Word ids and their texts. */
    final int[] wordIds;
    final String[] wordTexts;
    private final Path file;
    /** Where each partition starts in the file, and where the last one ends. */
    private final long[] starts;

    private PostingsCache(Path file, String[] ids, long[] fingerprints, int[] lengths, int[] wordIds, String[] wordTexts,
                          long[] starts) {
        this.file = file;
        this.ids = ids;
        this.fingerprints = fingerprints;
        this.lengths = lengths;
        this.wordIds = wordIds;
        this.wordTexts = wordTexts;
        this.starts = starts;
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
            long[] starts = new long[partitions + 1];
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                ByteBuffer table = ByteBuffer.allocate(8 * (partitions + 1));
                long at = size - table.capacity();
                while (table.hasRemaining()) if (ch.read(table, at + table.position()) < 0) return null;
                table.flip();
                for (int p = 0; p <= partitions; p++) starts[p] = table.getLong();
                for (int p = 0; p < partitions; p++) if (starts[p] > starts[p + 1] || starts[p] < 0) return null;
                if (starts[partitions] > at) return null;
            }
            return new PostingsCache(file, ids, fps, lengths, wordIds, wordTexts, starts);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged file costs time, never correctness
        }
    }

    /** Calls back with each term of partition {@code p}: its key and its postings. */
    void readPartition(int p, Term term) {
        long length = starts[p + 1] - starts[p];
        if (length > Integer.MAX_VALUE) throw new IllegalStateException("a partition of the postings over 2 GB");
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buf.hasRemaining()) {
                if (ch.read(buf, starts[p] + buf.position()) < 0) throw new IOException("the postings file ends early");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buf.flip();
        int count = buf.getInt();
        byte[] a = buf.array();
        for (int t = 0; t < count; t++) {
            long key = buf.getLong();
            int docs = buf.getInt(), last = buf.getInt(), n = buf.getInt();
            int from = buf.position();
            term.accept(key, a, from, from + n, docs, last);
            buf.position(from + n);
        }
    }

    /** A term's key and postings: {@code a[from, to)}, {@code docs} of them, the last for document {@code last}. */
    interface Term { void accept(long key, byte[] a, int from, int to, int docs, int last); }

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
                long[] starts = new long[parts.length + 1];
                long at = out.size(); // the header is far below 2 GB; the postings are counted here
                for (int p = 0; p < parts.length; p++) {
                    starts[p] = at;
                    PostingLists pl = parts[p];
                    out.writeInt(pl.count);
                    at += 4;
                    for (int t = 0; t < pl.count; t++) {
                        out.writeLong(pl.keys[t]);
                        out.writeInt(pl.df[t]);
                        out.writeInt(pl.lastDoc[t]);
                        out.writeInt(pl.lengths[t]);
                        out.write(pl.data[t], 0, pl.lengths[t]);
                        at += 20 + pl.lengths[t];
                    }
                }
                starts[parts.length] = at;
                for (long s : starts) out.writeLong(s);
            }
            archive.io.FileReplace.replace(tmp, file);
        } catch (IOException | RuntimeException e) {
            // Only time is lost: the next build tokenizes every article.
        }
    }
}
