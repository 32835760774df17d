package archive.search;

import archive.testing.TestProject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bigrams find candidates; the client's check against the text removes the false ones. */
class SearchVerificationTest {
    @Test
    void aPhraseWhoseBigramsAreInDifferentParagraphsIsNoHit() {
        TestProject p = TestProject.empty();
        try {
            p.write("seeds/000_00000000000000a1.txt", TestProject.seed("1959-01-02", 1, "Split", "分开的文章",
                    new String[] {"One.", "Two."}, new String[] {"我们大跃", "跃进了"}));
            p.write("seeds/001_00000000000000b2.txt", TestProject.seed("1959-01-03", 1, "Whole", "完整的文章",
                    new String[] {"One.", "Two."}, new String[] {"我们要大跃进", "没有"}));
            p.write("seeds/002_00000000000000c3.txt", TestProject.seed("1959-01-04", 1, "Leap and leap", "跃进",
                    new String[] {"One."}, new String[] {"大跃"}));
            p.build();
            String out = Node.ok("大跃进\n大跃\n跃进\n进了\n大跃跃进\n", "src/test/js/query.js", p.site().toString());
            List<String> ids = out.lines().map(l -> l.split("\t", -1)[2]).toList();
            assertEquals(List.of("00000000000000b2", "00000000000000a1,00000000000000b2,00000000000000c3",
                    "00000000000000a1,00000000000000b2,00000000000000c3", "00000000000000a1", ""), ids.stream()
                    .map(s -> String.join(",", new java.util.TreeSet<>(List.of(s.split(","))))).toList());
        } finally {
            TestProject.delete(p.root);
        }
    }
}
