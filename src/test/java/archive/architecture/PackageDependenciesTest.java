package archive.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The packages follow the pipeline: a stage may use only the stages before it. */
class PackageDependenciesTest {
    /** The pipeline in order; packages on one line are siblings and do not use each other. */
    static final List<List<String>> ORDER = List.of(
            List.of("diag"), List.of("io", "parallel"), List.of("model"), List.of("config"), List.of("source"), List.of("align"), List.of("annotate"),
            List.of("index"), List.of("search"), List.of("render"), List.of("check", "publish", "site"), List.of("bench"),
            List.of("build"), List.of("serve"), List.of("cli"));

    static int rank(String pkg) {
        for (int i = 0; i < ORDER.size(); i++) if (ORDER.get(i).contains(pkg)) return i;
        throw new AssertionError("package archive." + pkg + " is not placed in the pipeline; add it to ORDER");
    }

    @Test
    void everyImportPointsBackAlongThePipeline() throws IOException {
        Pattern ref = Pattern.compile("(?:import\\s+(?:static\\s+)?|[^\\w.])archive\\.(\\w+)\\.");
        List<String> wrong = new ArrayList<>();
        Path root = Path.of("src/main/java/archive");
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                Matcher m = ref.matcher(Files.readString(f));
                while (m.find()) {
                    String used = m.group(1);
                    if (used.equals(pkg)) continue;
                    if (rank(used) >= rank(pkg)) wrong.add(root.relativize(f) + " uses archive." + used);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
