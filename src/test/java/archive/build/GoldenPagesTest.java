package archive.build;

import archive.testing.TestProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Rendered pages of the seed site compared with the reviewed copies in src/test/resources/golden/.
 * After an intended change, refresh them with {@code mvn test -Dtest=GoldenPagesTest -Dgolden.update=true}
 * and read the diff ({@code git diff src/test/resources/golden}) before committing.
 */
class GoldenPagesTest {
    static final Path GOLDEN = TestProject.REPO.resolve("src/test/resources/golden");
    static TestProject project;

    @BeforeAll
    static void build() {
        project = archive.testing.SeedSite.project();
    }

    @ParameterizedTest
    @ValueSource(strings = {"articles/119a5904f4221201/index.html", "glossary/seize-every-second/index.html",
            "dates/1959/03/02/index.html", "places/karamay/index.html"})
    void pageMatchesItsGoldenCopy(String page) throws IOException {
        Path actual = project.site().resolve(page);
        Path golden = GOLDEN.resolve(page.replace("/index.html", "").replace('/', '_') + ".html");
        String got = Files.readString(actual);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, got);
            return;
        }
        assertTrue(Files.exists(golden), "no golden copy " + golden + "; run with -Dgolden.update=true and review it");
        String want = Files.readString(golden);
        if (!want.equals(got)) {
            List<String> a = want.lines().toList(), b = got.lines().toList();
            int i = 0;
            while (i < Math.min(a.size(), b.size()) && a.get(i).equals(b.get(i))) i++;
            fail(page + " differs from " + golden.getFileName() + " first at line " + (i + 1) + ":\n  golden: "
                    + (i < a.size() ? a.get(i) : "<end>") + "\n  actual: " + (i < b.size() ? b.get(i) : "<end>")
                    + "\nIf the change is intended: mvn test -Dtest=GoldenPagesTest -Dgolden.update=true, then review git diff.");
        }
    }
}
