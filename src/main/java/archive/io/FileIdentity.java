package archive.io;

/**
 * A file's identity (its device and inode, as {@link java.nio.file.attribute.BasicFileAttributes#fileKey}
 * gives them) as a number: the key's hash, which differs for any two files of one device whose
 * inode numbers are below 2^32, and which unlike the key's text is not made anew for each of the
 * tens of thousands of files a build looks at. Together with a file's size and time it tells
 * whether a file is still the one recorded; on a system without keys every file has identity 0,
 * and size and time alone tell.
 */
public final class FileIdentity {
    private FileIdentity() { }

    public static int of(Object fileKey) { return java.util.Objects.hashCode(fileKey); }

    /**
     * The size, time and identity of the file at {@code file} as it stands, as text, or null if
     * there is none: a file written anew (replaced, or appended to) has another.
     */
    public static String stamp(java.nio.file.Path file) {
        try {
            var a = java.nio.file.Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return a.size() + ":" + a.lastModifiedTime().toMillis() + ":" + a.fileKey();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
