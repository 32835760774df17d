package archive.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs node (20 or newer, which the build machine and CI have) for the search client's tests. */
final class Node {
    private Node() {}

    /** The output of a node run that must succeed. */
    record Run(int exit, String out, String err) {}

    static Run run(String stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("node");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(archive.testing.TestProject.REPO.toFile()).start();
            CompletableFuture<String> out = drain(p.getInputStream()), err = drain(p.getErrorStream());
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("node " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Run(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("the search client's tests need node 20 or newer on the PATH (apt-get install nodejs): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs node and fails the test, showing its output, unless it exits with 0. */
    static String ok(String stdin, String... args) {
        Run r = run(stdin, args);
        if (r.exit() != 0) throw new AssertionError("node " + String.join(" ", args) + " exited with " + r.exit() + "\n" + r.out() + "\n" + r.err());
        return r.out();
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                return b.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
