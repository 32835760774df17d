package archive.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The preview's event stream as a page's reload script reads it, over a raw socket. */
final class EventStream {
    private EventStream() {}

    /** Opens the preview's event stream on {@code events}, as the reload script does, and waits until it is connected. */
    static BufferedReader listen(Socket events) throws IOException {
        return listen(events, null);
    }

    /** As {@link #listen(Socket)}, from the page at {@code page} (its path) when not null, as the reload script says it. */
    static BufferedReader listen(Socket events, String page) throws IOException {
        String query = page == null ? "" : "?page=" + java.net.URLEncoder.encode(page, StandardCharsets.UTF_8);
        events.getOutputStream().write(("GET /_archive/events" + query + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        BufferedReader in = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8));
        events.setSoTimeout(30_000);
        waitFor(in, ": connected");
        return in;
    }

    /** How long an awaited event may take: a test project's build takes seconds at most. */
    private static final int WAIT_SECONDS = 90;

    static void waitFor(BufferedReader in, String line) throws IOException {
        // (Pings every 15 s keep the stream from timing out: an event that never comes fails here.)
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        for (String l; (l = in.readLine()) != null; ) {
            if (l.equals(line)) return;
            if (System.nanoTime() > deadline) throw new AssertionError("no " + line + " within " + WAIT_SECONDS + " s");
            // A build that fails where success is awaited would otherwise wait for ever (pings keep the stream open).
            if (l.startsWith("data: ") && line.startsWith("data: ")) throw new AssertionError("expected " + line + ", got " + l);
        }
        throw new AssertionError("the event stream ended before " + line);
    }

    /** Asserts that no reload comes on {@code events} within {@code millis} (pings come every 15 s). */
    static void noReloadWithin(Socket events, BufferedReader in, int millis) throws IOException {
        int before = events.getSoTimeout();
        events.setSoTimeout(millis);
        try {
            for (String l; (l = in.readLine()) != null; ) {
                if (l.startsWith("event: reload")) throw new AssertionError("a reload came");
            }
        } catch (java.net.SocketTimeoutException e) {
            // none came
        } finally {
            events.setSoTimeout(before);
        }
    }
}
