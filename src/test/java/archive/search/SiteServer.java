package archive.search;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Serves a built site on 127.0.0.1 for browser tests: folders answer with their index.html. */
public final class SiteServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body in separate small packets; without TCP_NODELAY the
        // second waits for the browser's delayed ACK, about 40 ms a file, which static hosts do not
        // add. Read once, when the JVM's first HttpServer starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "json", "application/json");
    private final HttpServer server;
    /** Every file served, for benchmarks that count what a query fetched (also from a browser's workers). */
    private final java.util.Queue<Served> served = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** A file served: its path and the bytes of its body. */
    public record Served(String path, long bytes) {}
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "site-server");
        t.setDaemon(true);
        return t;
    });

    public SiteServer(Path root) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Path f = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(f)) f = f.resolve("index.html");
            if (!f.startsWith(root) || !Files.isRegularFile(f)) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            String name = f.getFileName().toString();
            ex.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
            // The strict policy the site's pages declare; the search must work under it.
            if (name.endsWith(".html")) ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'");
            byte[] body = Files.readAllBytes(f);
            served.add(new Served(path, body.length));
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    /** The files served since the last call. */
    public java.util.List<Served> takeServed() {
        java.util.List<Served> out = new java.util.ArrayList<>();
        for (Served s; (s = served.poll()) != null; ) out.add(s);
        return out;
    }

    public String url(String path) { return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path; }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
