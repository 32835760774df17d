package archive.source;

import archive.diag.Diagnostic;
import archive.diag.Diagnostics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seeds folder, listed once: its seed files and their sidecars (notes, overrides), each with
 * its size, time and identity read in the same pass. Builds list the folder once and stat each
 * file once (a preview's rebuild after one save was a third listing the folder three times and
 * stat-ing every seed three times); the attributes are taken before any file is read, so a save
 * during a build is seen by the next one.
 */
public final class SeedFolder {
    /** One file of the folder, with the attributes it had when the folder was listed ({@code modified} in nanoseconds). */
    public record Entry(Path path, long size, long modified, Object fileKey) {}

    private final Path dir;
    private final boolean exists;
    /** A file as listed: its entry, its name, and what kind of file it is. */
    private record Listed(Entry entry, String name, boolean link, boolean directory) {}

    /**
     * Every file listed, in name order: what {@link #updated} starts from. (Not the JDK's attribute objects:
     * 102,047 of them held 14 MB of the heap building the whole paper, in a class histogram.)
     */
    private final Map<Path, Listed> listed;
    private final List<Entry> seeds = new ArrayList<>();
    private final List<Entry> notes = new ArrayList<>();
    private final List<Entry> overrides = new ArrayList<>();
    /** Problems found while listing, reported with the list they concern, in name order. */
    private final List<Diagnostic> seedProblems = new ArrayList<>(), notesProblems = new ArrayList<>(),
            overridesProblems = new ArrayList<>();

    private SeedFolder(Path dir, boolean exists, Map<Path, Listed> listed) {
        this.dir = dir;
        this.exists = exists;
        this.listed = listed;
    }

    /** Lists {@code dir}; a missing folder is reported when its seeds are asked for. */
    public static SeedFolder scan(Path dir) {
        if (!Files.isDirectory(dir)) return new SeedFolder(dir, false, Map.of());
        // In name order: sorted once here, kept in order by a tree only when brought up to date.
        SeedFolder f = new SeedFolder(dir, true, new java.util.LinkedHashMap<>());
        List<Named> named = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) named.add(new Named(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        named.sort(null);
        // Looked at on every core: a stat per seed, 10,000 of them, at a time the build has nothing else to do.
        List<Listed> looked = named.parallelStream().map(n -> look(n.path, n.name)).toList();
        for (int i = 0; i < named.size(); i++) {
            if (looked.get(i) != null) f.listed.put(named.get(i).path, looked.get(i));
        }
        f.classify();
        return f;
    }

    /**
     * This listing brought up to date for a change to the files {@code changed} alone (as a
     * preview's watcher reports them): only those are looked at again; a path that is not a file
     * directly in the folder is ignored, as the listing ignores subfolders' contents. With 10,000
     * seeds a listing stats 10,000 files (60-70 ms, most of a preview's wait for the folder after
     * a save); this stats the few saved.
     */
    public SeedFolder updated(java.util.Collection<Path> changed) {
        if (!exists || !Files.isDirectory(dir)) return scan(dir);
        SeedFolder f = new SeedFolder(dir, true, new java.util.TreeMap<>(listed));
        Path here = dir.toAbsolutePath().normalize();
        for (Path c : changed) {
            Path abs = c.toAbsolutePath().normalize();
            if (abs.getParent() == null || !abs.getParent().equals(here)) continue;
            Path p = dir.resolve(abs.getFileName().toString());
            Listed l = look(p, p.getFileName().toString());
            if (l == null) f.listed.remove(p);
            else f.listed.put(p, l);
        }
        f.classify();
        return f;
    }

    /**
     * A file of the folder, ordered as its path: for files of one folder that is their names'
     * order, which for names in ASCII (every seed's) is the order of their strings. (A path compares
     * the whole path, folder and all, byte by byte: sorting 100,000 seeds so took 0.18 s.)
     */
    private static final class Named implements Comparable<Named> {
        final Path path;
        final String name;
        final boolean ascii;

        Named(Path path) {
            this.path = path;
            this.name = path.getFileName().toString();
            boolean ascii = true;
            for (int i = 0; i < name.length() && ascii; i++) ascii = name.charAt(i) < 0x80;
            this.ascii = ascii;
        }

        @Override
        public int compareTo(Named o) {
            return ascii && o.ascii ? name.compareTo(o.name) : path.compareTo(o.path);
        }
    }

    private void classify() {
        for (Listed l : listed.values()) add(l);
    }

    /** The file {@code p}, named {@code name}, as it stands, or null when it is gone (removed since the listing). */
    private static Listed look(Path p, String name) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Entry e = new Entry(p, a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.fileKey());
            return new Listed(e, name, a.isSymbolicLink(), a.isDirectory());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Listed l) {
        Entry entry = l.entry();
        Path p = entry.path();
        String name = l.name();
        for (String suffix : SeedReader.SIDECARS) {
            if (!name.endsWith(suffix)) continue;
            List<Diagnostic> problems = suffix.equals(".notes.md") ? notesProblems : overridesProblems;
            if (l.link()) {
                problems.add(new Diagnostic(Diagnostic.Severity.ERROR, p, 0,
                        "notes and overrides must be plain files, not symbolic links; copy the file into the seeds folder"));
            } else if (!l.directory()) {
                (suffix.equals(".notes.md") ? notes : overrides).add(entry);
            }
            return;
        }
        if (name.startsWith(".") || l.directory()) return;
        if (l.link()) {
            seedProblems.add(new Diagnostic(Diagnostic.Severity.ERROR, p, 0,
                    "seed files must be plain files, not symbolic links; copy the file into the seeds folder"));
            return;
        }
        if (!name.endsWith(".txt")) {
            if (!name.equalsIgnoreCase("README.md")) {
                seedProblems.add(new Diagnostic(Diagnostic.Severity.WARNING, p, 0,
                        "not a seed file (seeds are named NNN_<16 hex digits>.txt); it is ignored"));
            }
            return;
        }
        if (SeedReader.idInName(name) == null) {
            String hint = name.toLowerCase(Locale.ROOT).matches("\\d{1,6}_[0-9a-f]{16}\\.txt")
                    ? "the id must be written in lowercase hexadecimal"
                    : "rename it NNN_<id>.txt where <id> is 16 lowercase hexadecimal digits (the `new` command makes one)";
            seedProblems.add(new Diagnostic(Diagnostic.Severity.ERROR, p, 0, "bad seed file name: " + hint));
            return;
        }
        seeds.add(entry);
    }

    public Path dir() { return dir; }

    /** The size of every seed file together, in bytes. */
    public long seedBytes() {
        long n = 0;
        for (Entry e : seeds) n += e.size();
        return n;
    }

    /** The seed files, sorted by name; badly named files and links are reported into {@code diags}. */
    public List<Entry> seeds(Diagnostics diags) {
        if (!exists) {
            diags.error(dir, 0, "the seeds folder does not exist; create it or pass --seeds FOLDER");
            return List.of();
        }
        seedProblems.forEach(diags::add);
        return seeds;
    }

    /** The notes files ({@code .notes.md}), sorted by name; links are reported into {@code diags}. */
    public List<Entry> notes(Diagnostics diags) {
        notesProblems.forEach(diags::add);
        return notes;
    }

    /** The overrides files ({@code .meta.yaml}), sorted by name; links are reported into {@code diags}. */
    public List<Entry> overrides(Diagnostics diags) {
        overridesProblems.forEach(diags::add);
        return overrides;
    }
}
