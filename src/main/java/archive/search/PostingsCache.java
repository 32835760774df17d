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
import java.util.Map;
import java.util.Set;

/**
 * The postings of the previous build's index, kept beside the output ({@code .site.cache/postings.bin})
 * so that the next build tokenizes only the articles that changed: tokenizing was most of the
 * index's cost, and the index most of a build after one edit. The file lists each article with
 * its content fingerprint and its length, the texts of the word terms by id, then each
 * partition's terms with their postings as the index holds them (document gaps and term
 * frequencies as varints), and at its end where each partition starts. Only the BM25 weights are
 * left out, since every article's length moves them. Each article also has a hash of its terms and
 * their frequencies, and the file records the shards the build published (their fingerprints and
 * how many files each took): a build whose articles all have the postings they had keeps the
 * published shards without merging, weighing or hashing ten million postings again.
 *
 * <p>Partitions are read one at a time, when they are merged, so the previous postings never
 * all sit in memory beside the new ones (200 MB at 100,000 articles). The file is written for
 * one generator and one version of the data the index reads (the header); a missing, damaged or
 * outdated file only means every article is tokenized again.
 */
final class PostingsCache {
    static final String FILE = "postings.bin";
    private static final int FORMAT = 4;

    final String[] ids;
    final long[] fingerprints;
    /**
     * What each article's postings were made from as the article store read it (its parsed seed and
     * overrides, see SiteBuild): tells a later build whether they hold the words of the text it has
     * (see {@link TermPresence}).
     */
    final long[] sources;
    final int[] lengths;
    /** Each article's terms and their frequencies, hashed (see DocTerms#termsHash). */
    final long[] termsHashes;
    /** The shards the build that saved the file published: each one's fingerprint and how many files of its own its terms took. */
    final long[] shardInputs;
    final int[] shardOwnFiles;
    /** How many terms and postings the index had. */
    final int terms;
    final long postings;
    /** Word ids and their texts. */
    final int[] wordIds;
    final String[] wordTexts;
    private final Path file;
    /** Where each partition starts in the file, and where the last one ends. */
    private final long[] starts;

    private PostingsCache(Path file, String[] ids, long[] fingerprints, long[] sources, int[] lengths, long[] termsHashes,
                          int[] wordIds, String[] wordTexts, Shards shards, long[] starts) {
        this.file = file;
        this.ids = ids;
        this.fingerprints = fingerprints;
        this.sources = sources;
        this.lengths = lengths;
        this.termsHashes = termsHashes;
        this.shardInputs = shards.inputs();
        this.shardOwnFiles = shards.ownFiles();
        this.terms = shards.terms();
        this.postings = shards.postings();
        this.wordIds = wordIds;
        this.wordTexts = wordTexts;
        this.starts = starts;
    }

    /** The shards a build published from the postings it saves: see {@link #shardInputs}. */
    record Shards(long[] inputs, int[] ownFiles, int terms, long postings) {}

    /**
     * How many articles' postings the file at {@code file} holds for the generator and data keyed
     * {@code global}, read from its head alone; -1 when there is no such file (or another's).
     */
    static int documents(Path file, long global, int partitions) {
        if (!Files.isRegularFile(file)) return -1;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            return documents(in, global, partitions);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Reads the file's head: its number of articles, or -1 when it was written for another format, key or partitioning. */
    private static int documents(DataInputStream in, long global, int partitions) throws IOException {
        return in.readInt() != FORMAT || in.readLong() != global || in.readInt() != partitions ? -1 : in.readInt();
    }

    /** The postings saved at {@code file} for {@code global} with {@code partitions} partitions, or null. */
    static PostingsCache load(Path file, long global, int partitions) {
        if (!Files.isRegularFile(file)) return null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int n = documents(in, global, partitions);
            if (n < 0) return null;
            String[] ids = new String[n];
            long[] fps = new long[n], sources = new long[n], termsHashes = new long[n];
            int[] lengths = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readUTF();
                fps[i] = in.readLong();
                sources[i] = in.readLong();
                lengths[i] = in.readInt();
                termsHashes[i] = in.readLong();
            }
            int w = in.readInt();
            int[] wordIds = new int[w];
            String[] wordTexts = new String[w];
            for (int i = 0; i < w; i++) {
                wordIds[i] = in.readInt();
                wordTexts[i] = in.readUTF();
            }
            int shardCount = in.readInt();
            long[] shardInputs = new long[shardCount];
            int[] own = new int[shardCount];
            for (int i = 0; i < shardCount; i++) {
                shardInputs[i] = in.readLong();
                own[i] = in.readInt();
            }
            Shards shards = new Shards(shardInputs, own, in.readInt(), in.readLong());
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
            return new PostingsCache(file, ids, fps, sources, lengths, termsHashes, wordIds, wordTexts, shards, starts);
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

    /**
     * The documents (by number) holding each of the terms {@code keys} (each a {@link TermKeys} key),
     * a term of no document left out: each partition holding one of them read once.
     */
    Map<Long, BitSet> documentsOf(Set<Long> keys) {
        Map<Integer, Set<Long>> byPartition = new java.util.TreeMap<>();
        int partitions = starts.length - 1;
        for (long k : keys) byPartition.computeIfAbsent(SearchText.shard(TermKeys.hash(k), partitions), p -> new java.util.HashSet<>()).add(k);
        Map<Long, BitSet> out = new java.util.HashMap<>();
        byPartition.forEach((p, wanted) -> readPartition(p, (key, a, from, to, docs, last) -> {
            if (!wanted.contains(key)) return;
            BitSet in = new BitSet();
            PostingLists.read(a, from, to, (doc, tf) -> in.set(doc));
            out.put(key, in);
        }));
        return out;
    }

    /** A term's key and postings: {@code a[from, to)}, {@code docs} of them, the last for document {@code last}. */
    interface Term { void accept(long key, byte[] a, int from, int to, int docs, int last); }

    /** Saves the index just built: its articles (ids, fingerprints, lengths, terms' hashes), words, shards and postings. */
    static void save(Path file, long global, String[] ids, long[] fingerprints, long[] sources, int[] lengths, long[] termsHashes,
                     Words words, PostingLists[] parts, Shards shards) {
        BitSet used = new BitSet();
        for (PostingLists p : parts) {
            for (int t = 0; t < p.count; t++) if (TermKeys.isWord(p.keys[t])) used.set(TermKeys.wordId(p.keys[t]));
        }
        // Only the words some posting list still has: words of removed articles are left behind.
        int[] wordIds = used.stream().toArray();
        String[] wordTexts = new String[wordIds.length];
        for (int k = 0; k < wordIds.length; k++) wordTexts[k] = words.text(wordIds[k]);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                header(out, global, parts.length, ids, fingerprints, sources, lengths, termsHashes, wordIds, wordTexts, shards);
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

    /**
     * Saves this file again for articles whose postings are all those it holds (each under the same
     * number, with the same terms and length), with their fingerprints now: the words, shards and
     * postings are copied from it as they are.
     */
    void saveKept(long global, String[] ids, long[] fingerprints, long[] sources) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream(64 * ids.length + (1 << 16));
            try (DataOutputStream out = new DataOutputStream(head)) {
                header(out, global, starts.length - 1, ids, fingerprints, sources, lengths, termsHashes, wordIds, wordTexts,
                        new Shards(shardInputs, shardOwnFiles, terms, postings));
            }
            long shift = head.size() - starts[0];
            try (FileChannel from = FileChannel.open(file, StandardOpenOption.READ);
                 FileChannel to = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                         StandardOpenOption.WRITE)) {
                archive.io.Channels.write(to, 0, ByteBuffer.wrap(head.toByteArray()));
                long postingsEnd = starts[starts.length - 1];
                archive.io.Channels.copy(from, starts[0], postingsEnd - starts[0], to, head.size());
                ByteBuffer table = ByteBuffer.allocate(8 * starts.length);
                for (long s : starts) table.putLong(s + shift);
                table.flip();
                archive.io.Channels.write(to, postingsEnd + shift, table);
            }
            archive.io.FileReplace.replace(tmp, file);
        } catch (IOException | RuntimeException e) {
            // Only time is lost: the next build tokenizes every article.
        }
    }

    private static void header(DataOutputStream out, long global, int partitions, String[] ids, long[] fingerprints, long[] sources,
                               int[] lengths, long[] termsHashes, int[] wordIds, String[] wordTexts, Shards shards) throws IOException {
        out.writeInt(FORMAT);
        out.writeLong(global);
        out.writeInt(partitions);
        out.writeInt(ids.length);
        for (int i = 0; i < ids.length; i++) {
            out.writeUTF(ids[i]);
            out.writeLong(fingerprints[i]);
            out.writeLong(sources[i]);
            out.writeInt(lengths[i]);
            out.writeLong(termsHashes[i]);
        }
        out.writeInt(wordIds.length);
        for (int k = 0; k < wordIds.length; k++) {
            out.writeInt(wordIds[k]);
            out.writeUTF(wordTexts[k]);
        }
        out.writeInt(shards.inputs().length);
        for (int k = 0; k < shards.inputs().length; k++) {
            out.writeLong(shards.inputs()[k]);
            out.writeInt(shards.ownFiles()[k]);
        }
        out.writeInt(shards.terms());
        out.writeLong(shards.postings());
    }
}
