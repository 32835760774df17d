package archive.align;

/**
 * One row of an alignment: {@code zhCount} Chinese paragraphs from {@code zhFrom} beside
 * {@code enCount} English paragraphs from {@code enFrom} (0-based indexes, counts 0 to 2).
 */
public record Bead(int zhFrom, int zhCount, int enFrom, int enCount) {
    public Bead {
        if (zhCount < 0 || enCount < 0 || zhCount + enCount == 0) throw new IllegalArgumentException("empty bead");
    }
}
