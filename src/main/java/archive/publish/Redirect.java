package archive.publish;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * An editor's decision about a published path that no longer holds its page
 * (data/redirects.yaml): it moved to {@code movedTo}, or it was withdrawn for {@code reason}.
 * Exactly one of the two is set.
 *
 * @param path    the old path, as in the registry ("/articles/&lt;id&gt;/")
 * @param movedTo the path that replaces it, perhaps with a fragment ("/articles/&lt;id&gt;/#p3"), or null
 * @param reason  why it was withdrawn, or null
 * @param note    an optional sentence shown on the redirect page, or empty
 * @param date    when it moved or was withdrawn, or null
 */
public record Redirect(String path, String movedTo, String reason, String note, LocalDate date, Path file, int line) {
    public boolean withdrawn() { return reason != null; }

    /** The page part of {@link #movedTo()}, without its fragment. */
    public String targetPage() {
        int hash = movedTo.indexOf('#');
        return hash < 0 ? movedTo : movedTo.substring(0, hash);
    }
}
