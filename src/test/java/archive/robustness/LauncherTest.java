package archive.robustness;

import archive.testing.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher ({@code ./archive}) records the class-data archive at the end of the first build
 * after the jar changes, and maps it in from then on. A run that only prints help or the version
 * must not record it: it would hold a few classes, and stand until the next compile.
 */
class LauncherTest {
    @Test
    void helpAndVersionDoNotRecordTheClassDataArchiveButABuildDoes() throws Exception {
        TestProject p = TestProject.seedProject();
        Files.copy(TestProject.REPO.resolve("archive"), p.root.resolve("archive"));
        Path jar = p.root.resolve("target/archive.jar");
        writeJar(jar);
        Path jsa = p.root.resolve("target/archive.jsa");
        // A JDK that cannot record an archive runs without it (README): then there is nothing to check here.
        Path probe = p.root.resolve("probe.jsa");
        new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=" + probe, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString(),
                "--version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        assumeTrue(Files.isRegularFile(probe), "this JDK records no class-data archive");

        assertEquals(0, launch(p.root, Map.of(), "build", "--help"));
        assertEquals(0, launch(p.root, Map.of(), "build", "--version"));
        assertEquals(0, launch(p.root, Map.of(), "build", "-h"));
        assertFalse(Files.exists(jsa), "the archive was recorded by a run that built nothing");

        assertEquals(0, launch(p.root, Map.of(), "build", "--permalinks", "none"));
        assertTrue(Files.isRegularFile(p.root.resolve("site/index.html")));
        // The logging library is told its provider (no look through every jar) and says nothing about it.
        assertFalse(lastOutput.contains("SLF4J"), "a build prints no logging library's chatter:\n" + lastOutput);
        assertTrue(Files.size(jsa) > 1 << 20, "the archive holds a build's classes");
        try (Stream<Path> s = Files.list(jsa.getParent())) {
            assertEquals(List.of(), s.filter(f -> f.getFileName().toString().startsWith("archive.jsa.")).toList(),
                    "no half-written archive left behind");
        }

        // Another build of the generator (ARCHIVE_JAR) gets its own archive, beside its jar, and leaves this one be.
        Path other = p.root.resolve("other/archive.jar");
        Files.createDirectories(other.getParent());
        Files.copy(jar, other);
        FileTime recorded = Files.getLastModifiedTime(jsa);
        assertEquals(0, launch(p.root, Map.of("ARCHIVE_JAR", other.toString()), "build", "--permalinks", "none"));
        assertTrue(Files.size(p.root.resolve("other/archive.jsa")) > 1 << 20, "the other jar's archive beside it");
        assertEquals(recorded, Files.getLastModifiedTime(jsa));
    }

    /**
     * The launcher sizes the JVM by the seeds the build reads, counted as their files ending in
     * ".txt" up to the large archive's threshold (notes and overrides files beside them are not
     * articles): the serial collector below 5,000, the parallel one from there, and from 40,000 the
     * whole paper's heap ceiling. A build beside the caches this generator made promotes what
     * survives a young collection at once; a first build does not.
     */
    @Test
    void theJvmIsSizedByTheNumberOfSeeds(@TempDir Path dir) throws Exception {
        Files.copy(TestProject.REPO.resolve("archive"), dir.resolve("archive"));
        Path jar = dir.resolve("target/archive.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not run: the java on the path below only prints its options");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fakeJava = bin.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        assumeTrue(fakeJava.toFile().setExecutable(true), "a script on the path can be made executable");
        Map<String, String> env = Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH"), "ARCHIVE_CDS", "0");
        Path seeds = Files.createDirectories(dir.resolve("seeds"));

        seedFiles(seeds, 0, 4999);
        Files.createFile(seeds.resolve("000000_0000000000000000.notes.md"));
        Files.createFile(seeds.resolve("000000_0000000000000000.meta.yaml"));
        assertEquals(0, launch(dir, env, "build", "--seeds", seeds.toString()));
        assertTrue(lastOutput.contains("-XX:+UseSerialGC\n"), "4,999 seeds and two side files: the serial collector\n" + lastOutput);

        seedFiles(seeds, 4999, 5000);
        assertEquals(0, launch(dir, env, "build", "--seeds=" + seeds));
        assertTrue(lastOutput.contains("-XX:+UseParallelGC\n") && lastOutput.contains("-Xmx2600m\n")
                && lastOutput.contains("-XX:MaxTenuringThreshold=1\n"), "5,000 seeds: the parallel collector\n" + lastOutput);
        // The site deleted, this generator's caches kept beside it (their article store newer than
        // the jar): the archive, read from them, is promoted at its first collection.
        Path store = Files.createDirectories(dir.resolve(".site.cache")).resolve("articles.bin");
        Files.createFile(store);
        long jarTime = Files.getLastModifiedTime(jar).toMillis();
        Files.setLastModifiedTime(store, FileTime.fromMillis(jarTime + 2000));
        assertEquals(0, launch(dir, env, "build", "--seeds=" + seeds));
        assertTrue(lastOutput.contains("-XX:MaxTenuringThreshold=0\n") && !lastOutput.contains("-XX:MaxTenuringThreshold=1\n"),
                "5,000 seeds and this generator's caches: the archive promoted at once\n" + lastOutput);
        assertEquals(0, launch(dir, env, "serve", "--seeds=" + seeds));
        assertFalse(lastOutput.contains("-XX:MaxTenuringThreshold"), "the preview keeps the default\n" + lastOutput);

        // Caches an earlier generator made (older than the jar) are made again: a first build's options.
        Files.setLastModifiedTime(store, FileTime.fromMillis(jarTime - 2000));
        seedFiles(seeds, 5000, 40000);
        assertEquals(0, launch(dir, env, "build", "--seeds", seeds.toString()));
        assertTrue(lastOutput.contains("-XX:+UseParallelGC\n") && lastOutput.contains("-Xmx2300m\n")
                && lastOutput.contains("-Xms2300m\n"), "40,000 seeds: the whole paper's heap\n" + lastOutput);
        assertFalse(lastOutput.contains("-XX:MaxTenuringThreshold"), "an earlier generator's caches: the default\n" + lastOutput);
        Files.setLastModifiedTime(store, FileTime.fromMillis(jarTime + 2000));
        assertEquals(0, launch(dir, env, "build", "--seeds", seeds.toString()));
        assertTrue(lastOutput.contains("-XX:MaxTenuringThreshold=0\n") && !lastOutput.contains("-XX:TieredStopAtLevel"),
                "40,000 seeds and this generator's caches: the archive promoted at once, C2 kept\n" + lastOutput);
        assertEquals(0, launch(dir, env, "serve", "--seeds", seeds.toString()));
        assertTrue(lastOutput.contains("-XX:+UseG1GC\n") && lastOutput.contains("-Xmx3500m\n"),
                "the preview of the whole paper keeps G1, with room for a catching-up build beside the archive\n" + lastOutput);
    }

    /** Empty seed files numbered {@code from} (included) to {@code to} (excluded). */
    private static void seedFiles(Path seeds, int from, int to) throws IOException {
        for (int i = from; i < to; i++) Files.createFile(seeds.resolve(String.format("%06d_%016x.txt", i, i)));
    }

    private static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    /** The classes as compiled, in a jar whose manifest names the dependencies where the test found them. */
    private static void writeJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        List<String> dependencies = new ArrayList<>();
        Path classes = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (p.endsWith(Path.of("target", "classes"))) classes = p;
            else if (entry.endsWith(".jar")) dependencies.add(p.toUri().toString());
        }
        assertTrue(classes != null, "target/classes is on the test's class path");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "archive.cli.Main");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", dependencies));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        }
    }

    /** What the last {@link #launch} printed, standard output and errors together. */
    private static String lastOutput = "";

    private static int launch(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", dir.resolve("archive").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("ARCHIVE_JAVA_OPTS");
        pb.environment().remove("ARCHIVE_CDS");
        pb.environment().remove("ARCHIVE_JAR");
        pb.environment().putAll(env);
        Process proc = pb.start();
        String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        lastOutput = output;
        int code = proc.waitFor();
        if (code != 0) System.err.println(output);
        return code;
    }
}
