package archive.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a path really leads, for comparing the output folder with the input folders. */
final class OutputPaths {
    private OutputPaths() {}

    /**
     * The real path of {@code p}: symbolic links resolved, ".." removed. For a path that does not exist
     * yet, the real path of its nearest existing ancestor followed by the rest.
     */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            Path rest = existing.relativize(abs);
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
