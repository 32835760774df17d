package archive.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A paragraph's mentions, held as one long each (offsets and the index of its target) instead
 * of one object each: the whole paper has about ten million mentions, which as objects in
 * array lists took some 330 MB of the heap. Read-only; each {@link Mention} is made when asked
 * for, and the list equals any other list of the same mentions.
 */
public final class MentionList extends AbstractList<Mention> implements RandomAccess {
    private static final int START_BITS = 24, LENGTH_BITS = 16, TARGET_BITS = 24;
    private static final MentionList EMPTY = new MentionList(new long[0], new Mention.Target[0]);

    private final long[] packed;
    private final Mention.Target[] targets;

    private MentionList(long[] packed, Mention.Target[] targets) {
        this.packed = packed;
        this.targets = targets;
    }

    /** The mentions of {@code mentions}, in their order, compactly. */
    public static List<Mention> of(List<Mention> mentions) {
        if (mentions instanceof MentionList m) return m;
        if (mentions.isEmpty()) return EMPTY;
        Builder b = new Builder(mentions.size());
        for (Mention m : mentions) b.add(m.start(), m.end(), m.target());
        return b.build();
    }

    /**
     * Builds a list mention by mention, sharing each target among the mentions that name it:
     * in a table of its own, or in one {@code shared} by every list of an article or annotator.
     */
    public static final class Builder {
        private long[] packed;
        private Mention.Target[] targets;
        private final boolean shared;
        private int size, targetCount;

        public Builder(int expected) {
            packed = new long[Math.max(1, expected)];
            targets = new Mention.Target[4];
            shared = false;
        }

        /** Mentions of the targets in {@code table}, added by their index in it; the table is shared, not copied. */
        public Builder(int expected, Mention.Target[] table) {
            packed = new long[Math.max(1, expected)];
            targets = table;
            shared = true;
        }

        public Builder add(int start, int end, Mention.Target target) {
            if (shared) throw new IllegalStateException("a builder over a shared table takes targets by index");
            return put(start, end, indexOf(target));
        }

        /** A mention of {@code table[index]} (see {@link #Builder(int, Mention.Target[])}). */
        public Builder add(int start, int end, int index) {
            if (!shared) throw new IllegalStateException("a builder with its own table takes targets themselves");
            if (index < 0 || index >= targets.length || targets[index] == null) throw new IllegalArgumentException("no target " + index);
            return put(start, end, index);
        }

        private Builder put(int start, int end, int t) {
            int length = end - start;
            if (start < 0 || start >>> START_BITS != 0 || length < 0 || length >>> LENGTH_BITS != 0 || t >>> TARGET_BITS != 0) {
                throw new IllegalArgumentException("a mention out of range: " + start + "–" + end);
            }
            if (size == packed.length) packed = Arrays.copyOf(packed, size * 2);
            packed[size++] = start | (long) length << START_BITS | (long) t << (START_BITS + LENGTH_BITS);
            return this;
        }

        private int indexOf(Mention.Target target) {
            for (int i = 0; i < targetCount; i++) if (targets[i].equals(target)) return i;
            if (targetCount == targets.length) targets = Arrays.copyOf(targets, targetCount * 2);
            targets[targetCount] = target;
            return targetCount++;
        }

        public List<Mention> build() {
            if (size == 0) return EMPTY;
            return new MentionList(Arrays.copyOf(packed, size), shared ? targets : Arrays.copyOf(targets, targetCount));
        }
    }

    /** The mentions {@code keep} accepts, in order, over the same table of targets. */
    public List<Mention> filter(java.util.function.Predicate<Mention> keep) {
        long[] out = new long[packed.length];
        int n = 0;
        for (int i = 0; i < packed.length; i++) if (keep.test(get(i))) out[n++] = packed[i];
        if (n == packed.length) return this;
        return n == 0 ? EMPTY : new MentionList(Arrays.copyOf(out, n), targets);
    }

    /** What {@link #visit} hands each mention: its offsets and its target, without a {@link Mention} made for it. */
    @FunctionalInterface
    public interface Visitor {
        void mention(int start, int end, Mention.Target target);
    }

    /**
     * Hands each of {@code mentions} to {@code visitor}, in order. Passes over every mention of
     * the archive (its index, the editors' warnings) use it: a list of this kind makes no object
     * per mention, where asking for each made some fifty megabytes of garbage at 10,000 articles.
     */
    public static void visit(List<Mention> mentions, Visitor visitor) {
        if (mentions instanceof MentionList list) {
            for (long p : list.packed) visitor.mention(start(p), end(p), list.targets[target(p)]);
        } else {
            for (Mention m : mentions) visitor.mention(m.start(), m.end(), m.target());
        }
    }

    @Override public int size() { return packed.length; }

    @Override
    public Mention get(int i) {
        long p = packed[i];
        return new Mention(start(p), end(p), targets[target(p)]);
    }

    private static int start(long packed) { return (int) (packed & ((1 << START_BITS) - 1)); }

    private static int end(long packed) { return start(packed) + (int) (packed >>> START_BITS & ((1 << LENGTH_BITS) - 1)); }

    private static int target(long packed) { return (int) (packed >>> (START_BITS + LENGTH_BITS)); }
}
