package archive.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The editors' preview server: serves the files of the site folder and nothing else, answers GET
 * and HEAD only, and tells open pages to reload after each build (Server-Sent Events). While the
 * latest build has failed it keeps serving the last good site, with the errors shown at the top
 * of every page (rendered by the server, so they show without JavaScript too).
 *
 * <p>Paths are decoded strictly and refused (404) when they contain "..", ".", a backslash, a
 * NUL, or lead through a symbolic link out of the site folder.
 */
public final class DevServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body in separate small packets; without TCP_NODELAY the
        // second waits for the browser's delayed ACK, about 40 ms a file. Read when the JVM's first
        // HttpServer starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Where the reload script and the event stream live; never a path of the site itself. */
    static final String PREFIX = "/_archive/";
    private static final String SCRIPT_TAG = "<script src=\"" + PREFIX + "live-reload.js\" defer></script>";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml; charset=utf-8"), Map.entry("md", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("pdf", "application/pdf"),
            Map.entry("wasm", "application/wasm"));

    private final Path site;
    private final Path script;
    private final HttpServer server;
    private final ExecutorService pool;
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    /** The site file each open page shows ("articles/ID/index.html"), by its event stream, when the page said which. */
    private final Map<OutputStream, String> pageOf = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Pages made before the build that publishes them (see {@link #showFirst}), served instead of the
     * files, by site file; and those of them that changed, whose open pages were told to reload then.
     */
    private record Shown(Map<String, byte[]> pages, java.util.Set<String> reloaded) {
        static final Shown NONE = new Shown(Map.of(), java.util.Set.of());
    }

    private volatile Shown shown = Shown.NONE;
    private volatile String buildError = "";

    /**
     * @param site   the folder to serve
     * @param script the live-reload script (templates/assets/live-reload.js)
     */
    public DevServer(Path site, Path script, String bind, int port) throws IOException {
        this.site = site.toAbsolutePath().normalize();
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 256);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newCachedThreadPool(daemons);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    public void start() { server.start(); }

    /** The port actually bound (useful with port 0). */
    public int port() { return server.getAddress().getPort(); }

    /** True for loopback addresses, the only ones that keep the preview private. */
    public static boolean isLoopback(String bind) {
        try {
            return java.net.InetAddress.getByName(bind).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private final java.util.concurrent.atomic.AtomicInteger announced = new java.util.concurrent.atomic.AtomicInteger();

    /** Builds announced to the open pages so far (the bench's editor loop waits for one; tests count them). */
    public int announced() { return announced.get(); }

    /** The errors of the last build announced; empty when it succeeded. */
    public String lastErrors() { return buildError; }

    /** After a build: remembers its errors (empty when it succeeded) and tells open pages to reload (see {@link #built(String, boolean)}). */
    public void built(String errors) { built(errors, false); }

    /**
     * After a build: remembers its errors (empty when it succeeded) and tells open pages to reload.
     * A page {@link #showFirst shown first} that the build published as it was shown is left as it
     * is; with {@code followed} (the build left the lists an edit moved to the build after it), one
     * the build published otherwise keeps being served as shown until {@link #settle}: it would
     * otherwise go back to what it was, then forward again.
     */
    public void built(String errors, boolean followed) {
        String before = buildError;
        buildError = errors == null ? "" : errors;
        Shown first = shown;
        announced.incrementAndGet();
        // Pages that reloaded to show what the build then published as shown, or will. (Any other page
        // reloads: its file may have changed since it was loaded, by another build, even when made the same.)
        java.util.Set<String> same = new java.util.HashSet<>(), pending = new java.util.HashSet<>();
        if (before.isEmpty() && buildError.isEmpty()) {
            Map<String, byte[]> reloaded = new java.util.HashMap<>(first.pages());
            reloaded.keySet().retainAll(first.reloaded());
            java.util.Set<String> differ = differingFromFiles(reloaded);
            for (String file : reloaded.keySet()) (differ.contains(file) ? pending : same).add(file);
            if (!followed) pending.clear();
            reloaded.keySet().retainAll(pending);
            shown = new Shown(Map.copyOf(reloaded), java.util.Set.copyOf(pending));
        } else {
            shown = Shown.NONE;
        }
        broadcast("event: reload\ndata: " + (buildError.isEmpty() ? "ok" : "failed") + "\n\n", o -> {
            String file = pageOf.get(o);
            return file == null || !same.contains(file) && !pending.contains(file);
        });
    }

    /**
     * After the build that follows one {@link #built(String, boolean) followed}: the pages still
     * served as shown are served from their files again, and reload where those differ.
     */
    public void settle() {
        Shown first = shown;
        if (first.pages().isEmpty()) return;
        shown = Shown.NONE;
        java.util.Set<String> differ = differingFromFiles(first.pages());
        if (!differ.isEmpty()) broadcast("event: reload\ndata: ok\n\n", o -> differ.contains(pageOf.get(o)));
    }

    /** The site files of {@code pages} whose bytes are not those of the file published there. */
    private java.util.Set<String> differingFromFiles(Map<String, byte[]> pages) {
        java.util.Set<String> differ = new java.util.HashSet<>();
        pages.forEach((file, bytes) -> {
            if (!java.util.Arrays.equals(bytes, readQuietly(site.resolve(file)))) differ.add(file);
        });
        return differ;
    }

    /**
     * The site files the open pages show (those whose script said which page it is on), the latest
     * opened first, at most {@link #FIRST_AT_MOST}: what the preview renders first after a
     * template's change. (A page left behind stays here until an event fails to reach it.)
     */
    public java.util.Set<String> openFiles() {
        java.util.Set<String> files = new java.util.LinkedHashSet<>();
        List<OutputStream> all = List.copyOf(listeners);
        for (int i = all.size() - 1; i >= 0 && files.size() < FIRST_AT_MOST; i--) {
            String file = pageOf.get(all.get(i));
            if (file != null) files.add(file);
        }
        return files;
    }

    /** Open pages rendered first at most: each costs the editor's wait for the one in front of them. */
    static final int FIRST_AT_MOST = 8;

    /**
     * Serves {@code pages} (by site file) until the next {@link #built}, in place of the published
     * files, and tells the open pages they change to reload: the preview shows the open pages while
     * it renders the others. Not a build: {@link #announced} does not count it. Called again before a
     * build (the preview stopped one for a newer save), it compares each page with what that page
     * was told to show, and a page no longer shown first goes back to its file.
     */
    public void showFirst(Map<String, byte[]> pages) {
        if (pages.isEmpty()) return;
        Shown before = shown;
        // An open page shows the bytes shown first before when it was told to reload to them, else its file.
        java.util.Set<String> changed = new java.util.HashSet<>(), reloaded = new java.util.HashSet<>();
        pages.forEach((file, bytes) -> {
            boolean fromMemory = before.reloaded().contains(file);
            if (!java.util.Arrays.equals(bytes, fromMemory ? before.pages().get(file) : readQuietly(site.resolve(file)))) {
                changed.add(file);
            }
            if (fromMemory || changed.contains(file)) reloaded.add(file);
        });
        // A page told to show bytes no longer shown first goes back to its file.
        java.util.Set<String> backToFiles = new java.util.HashSet<>();
        for (String file : before.reloaded()) {
            if (!pages.containsKey(file) && !java.util.Arrays.equals(before.pages().get(file), readQuietly(site.resolve(file)))) {
                backToFiles.add(file);
            }
        }
        shown = new Shown(Map.copyOf(pages), java.util.Set.copyOf(reloaded));
        broadcast("event: reload\ndata: ok\n\n", o -> changed.contains(pageOf.get(o)) || backToFiles.contains(pageOf.get(o)));
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    private void broadcast(String event, java.util.function.Predicate<OutputStream> to) {
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        for (OutputStream o : listeners) {
            if (!to.test(o)) continue;
            try {
                synchronized (o) {
                    o.write(bytes);
                    o.flush();
                }
            } catch (IOException e) {
                listeners.remove(o);
                pageOf.remove(o);
                closeQuietly(o);
            }
        }
    }

    private void handle(HttpExchange ex) {
        try {
            Headers h = ex.getResponseHeaders();
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Cache-Control", "no-cache");
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                h.set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", "Only GET and HEAD.\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String raw = ex.getRequestURI().getRawPath();
            if (raw.equals(PREFIX + "events") && method.equals("GET")) {
                events(ex);
                return;
            }
            if (raw.equals(PREFIX + "live-reload.js")) {
                serveFile(ex, script, "js", false);
                return;
            }
            Path file = resolve(raw);
            if (file == null) {
                notFound(ex);
                return;
            }
            if (Files.isDirectory(file)) {
                if (!raw.endsWith("/")) {
                    h.set("Location", raw + "/");
                    send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
                    return;
                }
                file = file.resolve("index.html");
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !inside(file)) {
                    notFound(ex);
                    return;
                }
            }
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            serveFile(ex, file, dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT), true);
        } catch (IOException | RuntimeException e) {
            // The client went away (or sent nonsense); nothing to tell anyone.
        } finally {
            ex.close();
        }
    }

    /**
     * The file a request path names, or null when it is not a regular file or folder inside the site.
     * Decodes %XX strictly (invalid UTF-8 is refused) and refuses dot segments after decoding.
     */
    Path resolve(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) return null;
        String path = decode(rawPath);
        if (path == null || path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) return null;
        for (String seg : path.split("/", -1)) if (seg.equals("..") || seg.equals(".")) return null;
        if (path.startsWith("//")) return null;
        Path p = site.resolve(path.substring(1)).normalize();
        if (!p.startsWith(site) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return null;
        if (!inside(p)) return null;
        return Files.isRegularFile(p) || Files.isDirectory(p) ? p : null;
    }

    /** True if the real file (all links followed) is inside the real site folder. */
    private boolean inside(Path p) {
        try {
            return p.toRealPath().startsWith(site.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return null;
                int hi = Character.digit(raw.charAt(i + 1), 16), lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7F) {
                return null;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void serveFile(HttpExchange ex, Path file, String ext, boolean annotate) throws IOException {
        byte[] body = annotate ? shown.pages().get(siteFile(file)) : null;
        try {
            if (body == null) body = Files.readAllBytes(file);
        } catch (IOException e) {
            notFound(ex);
            return;
        }
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        if (annotate && ext.equals("html")) body = withLiveReload(new String(body, StandardCharsets.UTF_8));
        send(ex, 200, type, body);
    }

    /** The page with the reload script and, after a failed build, the errors at the top of the body. */
    private byte[] withLiveReload(String html) {
        String out = html;
        int head = out.indexOf("</head>");
        if (head >= 0) out = out.substring(0, head) + SCRIPT_TAG + "\n" + out.substring(head);
        String error = buildError;
        if (!error.isEmpty()) {
            String banner = "<div class=\"archive-build-error\" role=\"alert\"><p><strong>The last build failed; this is the "
                    + "previous site.</strong> Fix these and save:</p><pre>" + escape(error) + "</pre></div>";
            int body = out.indexOf("<body");
            int end = body < 0 ? -1 : out.indexOf('>', body);
            out = end < 0 ? banner + out : out.substring(0, end + 1) + banner + out.substring(end + 1);
        }
        return out.getBytes(StandardCharsets.UTF_8);
    }

    /** The site file ("a/b/index.html") of a file inside the site folder. */
    private String siteFile(Path file) {
        return site.relativize(file.toAbsolutePath().normalize()).toString().replace(java.io.File.separatorChar, '/');
    }

    /**
     * The site file the page at {@code query}'s {@code page=} path shows (the reload script sends
     * its page's path), or null when there is none or it is not a file of the site.
     */
    String pageFile(String query) {
        if (query == null) return null;
        for (String part : query.split("&")) {
            if (!part.startsWith("page=")) continue;
            String raw;
            try {
                raw = java.net.URLDecoder.decode(part.substring(5), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            Path p = resolve(raw);
            if (p != null && Files.isDirectory(p)) p = p.resolve("index.html");
            return p != null && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && inside(p) ? siteFile(p) : null;
        }
        return null;
    }

    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        OutputStream o = ex.getResponseBody();
        String page = pageFile(ex.getRequestURI().getRawQuery());
        if (page != null) pageOf.put(o, page);
        // Listening before it says so: a client told it is connected misses no reload after that.
        listeners.add(o);
        // Then the exchange is held open until the client leaves: a comment every 15 s finds out.
        try {
            synchronized (o) {
                o.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
                o.flush();
            }
            while (listeners.contains(o)) {
                Thread.sleep(15_000);
                synchronized (o) {
                    o.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                    o.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // client gone, or shutting down
        } finally {
            listeners.remove(o);
            pageOf.remove(o);
        }
    }

    private void notFound(HttpExchange ex) throws IOException {
        if (!buildError.isEmpty() && !Files.exists(site.resolve("index.html"))) {
            // No site was ever built: the errors are the page.
            byte[] page = withLiveReload("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed"
                    + "</title></head><body></body></html>\n");
            send(ex, 503, "text/html; charset=utf-8", page);
            return;
        }
        send(ex, 404, "text/plain; charset=utf-8", "Not found.\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void closeQuietly(OutputStream o) {
        try {
            o.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        listeners.forEach(DevServer::closeQuietly);
        listeners.clear();
        pageOf.clear();
        server.stop(0);
        pool.shutdownNow();
    }
}
