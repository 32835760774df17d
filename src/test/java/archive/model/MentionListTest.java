package archive.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MentionListTest {
    private static final Mention.Target TERM = new Mention.Target(Mention.Kind.GLOSSARY, "great-leap-forward");
    private static final Mention.Target PLACE = new Mention.Target(Mention.Kind.PLACE, "beijing");

    @Test
    void holdsTheSameMentionsInTheSameOrderAndEqualsAnyListOfThem() {
        List<Mention> plain = new ArrayList<>(List.of(new Mention(0, 4, TERM), new Mention(10, 12, PLACE),
                new Mention(70_000, 70_003, new Mention.Target(Mention.Kind.GLOSSARY, "great-leap-forward"))));
        List<Mention> compact = MentionList.of(plain);
        assertEquals(plain, compact);
        assertEquals(compact, plain);
        assertEquals(plain.hashCode(), compact.hashCode());
        assertEquals(new Mention(10, 12, PLACE), compact.get(1));
        assertEquals("great-leap-forward", compact.get(2).slug());
        // Mentions of one target share it, however it was made.
        assertSame(compact.get(0).target(), compact.get(2).target());
        assertEquals(List.of(), MentionList.of(List.of()));
        // Visited without a Mention made for each, a compact list gives what a plain one gives.
        for (List<Mention> list : List.of(plain, compact)) {
            List<Mention> seen = new ArrayList<>();
            MentionList.visit(list, (start, end, target) -> seen.add(new Mention(start, end, target)));
            assertEquals(plain, seen);
        }
    }

    @Test
    void isReadOnlyAndRefusesWhatItCannotHold() {
        List<Mention> compact = MentionList.of(List.of(new Mention(1, 2, TERM)));
        assertThrows(UnsupportedOperationException.class, () -> compact.add(new Mention(3, 4, TERM)));
        assertThrows(IllegalArgumentException.class, () -> MentionList.of(List.of(new Mention(1 << 24, (1 << 24) + 2, TERM))));
        assertThrows(IllegalArgumentException.class, () -> MentionList.of(List.of(new Mention(5, 2, TERM))));
    }
}
