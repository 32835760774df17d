package archive.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The modification time of every folder of the published site, as its last publication left
 * them ({@code .site.folders} beside the output). A folder's time changes whenever a name is added
 * to it or taken from it, so a folder whose time is as recorded holds just the names the last
 * build put there, and the next build need not list it to find files it did not make: at 10,000
 * articles listing the 13,600 folders took a third of a second of every incremental build, and
 * reading their times takes a tenth of that. A folder without a recorded time is listed.
 * A build that updates the site in place also takes the files of such a folder to be those the
 * last build recorded, without a look at each (no name in it was added, removed or replaced).
 */
final class FolderTimes {
    private final Map<String, Long> times;
    /** The recorded folders found with their recorded time when the record was read. */
    private final java.util.Set<String> confirmed;

    private FolderTimes(Map<String, Long> times, java.util.Set<String> confirmed) {
        this.times = times;
        this.confirmed = confirmed;
    }

    static Path fileFor(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".folders");
    }

    /**
     * The times recorded for the site at {@code out} (none when there is no record or it cannot be
     * read), each folder's looked at as it stands now, on every core (13,600 folders at 10,000
     * articles): {@link #unchanged} then answers for each.
     */
    static FolderTimes load(Path out) {
        Map<String, Long> m = new HashMap<>();
        try {
            if (Files.isRegularFile(fileFor(out), LinkOption.NOFOLLOW_LINKS)) {
                String text = Files.readString(fileFor(out), StandardCharsets.UTF_8);
                for (int start = 0, end; start < text.length(); start = end + 1) {
                    end = text.indexOf('\n', start);
                    if (end < 0) end = text.length();
                    int tab = text.indexOf('\t', start);
                    if (tab < 0 || tab > end) continue;
                    m.put(text.substring(tab + 1, end), Long.parseLong(text, start, tab, 10));
                }
            }
        } catch (IOException | RuntimeException e) {
            m.clear(); // without a record every folder is listed: slower, never wrong
        }
        String[] folders = m.keySet().toArray(new String[0]);
        boolean[] same = new boolean[folders.length];
        java.util.stream.IntStream.range(0, folders.length).parallel().forEach(i ->
                same[i] = m.get(folders[i]) == timeOf(folders[i].isEmpty() ? out : out.resolve(folders[i])));
        java.util.Set<String> confirmed = new java.util.HashSet<>(folders.length * 4 / 3 + 16);
        for (int i = 0; i < folders.length; i++) if (same[i]) confirmed.add(folders[i]);
        return new FolderTimes(m, confirmed);
    }

    /** True if the folder {@code folder} (site path, "" for the root) had the time recorded for it when the record was read. */
    boolean unchanged(String folder) {
        return confirmed.contains(folder);
    }

    /** Records the times of {@code folders} of the site at {@code out} as they are now; a folder gone is left out. */
    static void save(Path out, Collection<String> folders) throws IOException {
        save(out, folders, null, java.util.Set.of());
    }

    /**
     * As {@link #save(Path, Collection)}, taking the time {@code before} confirmed for a folder
     * outside {@code touched} (the folders an update wrote or removed names in) instead of reading
     * it again: a change made since then leaves the record older than the folder, which the next
     * build lists.
     */
    static void save(Path out, Collection<String> folders, FolderTimes before, java.util.Set<String> touched) throws IOException {
        StringBuilder sb = new StringBuilder(folders.size() * 40);
        for (String f : folders) { // in no particular order: the record is read into a map
            long t = before != null && !touched.contains(f) && before.unchanged(f) ? before.times.get(f) : timeOf(out.resolve(f));
            if (t != Long.MIN_VALUE) sb.append(t).append('\t').append(f).append('\n');
        }
        archive.io.FileReplace.writeString(fileFor(out), sb);
    }

    /** Forgets the record: the folders are about to change in ways it cannot follow. */
    static void discard(Path out) throws IOException {
        Files.deleteIfExists(fileFor(out));
    }

    private static long timeOf(Path dir) {
        try {
            var a = Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isDirectory() ? a.lastModifiedTime().to(TimeUnit.NANOSECONDS) : Long.MIN_VALUE;
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
