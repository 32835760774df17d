package archive.robustness;

import archive.testing.TestProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The real command line in a child JVM, and helpers to compare whole folders. */
final class CliProcess {
    private CliProcess() {}

    /** Starts {@code archive ARGS} in {@code dir}, its output and errors going to {@code log}. */
    static Process start(Path dir, Path log, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "archive.cli.Main"));
        cmd.addAll(List.of(args));
        try {
            return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A project of {@code copies} articles: the repository's seeds, notes and data, and copies of
     * its seeds under fresh ids, so that a build takes long enough to be killed while writing.
     */
    static TestProject bigProject(int copies) {
        TestProject p = TestProject.seedProject();
        try (Stream<Path> s = Files.list(p.root.resolve("seeds"))) {
            List<Path> seeds = s.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
            for (int i = 0; i < copies; i++) {
                Path from = seeds.get(i % seeds.size());
                String id = String.format(Locale.ROOT, "%016x", 0x5eed_0000_0000_0000L + i);
                Files.copy(from, p.root.resolve("seeds").resolve(String.format("%03d_%s.txt", 100 + i, id)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** SHA-256 over every path (links and folders too) and file content under {@code root}, in name order. */
    static String treeHash(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : s.sorted().toList()) {
                md.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                if (Files.isRegularFile(f)) md.update(Files.readAllBytes(f));
                md.update((byte) 1);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long countFiles(Path root) {
        if (!Files.exists(root)) return 0;
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names in {@code dir} (not recursive), sorted. */
    static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
