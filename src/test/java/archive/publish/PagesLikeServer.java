package archive.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A static file server on 127.0.0.1 that answers as GitHub Pages does: a site folder is served
 * under a prefix ("/archive/"), a folder path serves its index.html, a folder without its
 * trailing slash is redirected, and a missing path gets the site's 404.html with status 404.
 */
final class PagesLikeServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Path> sites = new ConcurrentHashMap<>();

    PagesLikeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code folder} under {@code prefix} ("/" or "/archive/"). */
    PagesLikeServer serve(String prefix, Path folder) {
        sites.put(prefix, folder);
        return this;
    }

    String base() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            String prefix = sites.keySet().stream().filter(path::startsWith).max((a, b) -> a.length() - b.length()).orElse(null);
            if (prefix == null) {
                send(ex, 404, "text/plain", "no site here".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path root = sites.get(prefix).toAbsolutePath().normalize();
            Path file = root.resolve(path.substring(prefix.length())).normalize();
            if (!file.startsWith(root)) {
                send(ex, 403, "text/plain", new byte[0]);
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    ex.getResponseHeaders().add("Location", path + "/");
                    send(ex, 301, "text/plain", new byte[0]);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (Files.isRegularFile(file)) {
                send(ex, 200, type(file), Files.readAllBytes(file));
            } else {
                Path notFound = root.resolve("404.html");
                send(ex, 404, "text/html; charset=utf-8", Files.exists(notFound) ? Files.readAllBytes(notFound) : new byte[0]);
            }
        }
    }

    private static String type(Path f) {
        String n = f.getFileName().toString();
        if (n.endsWith(".html")) return "text/html; charset=utf-8";
        if (n.endsWith(".css")) return "text/css";
        if (n.endsWith(".js")) return "text/javascript";
        if (n.endsWith(".xml")) return "application/xml";
        if (n.endsWith(".json")) return "application/json";
        return "text/plain; charset=utf-8";
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() { server.stop(0); }
}
