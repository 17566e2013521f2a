package vn.iocstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;

/**
 * The JDK's built-in HTTP server as the ingest API and the demo's webhook receiver use it: on 127.0.0.1, with a
 * deadline on every exchange and bodies read up to a cap, so that a peer sending slowly or endlessly cannot hold one
 * of the few handler threads. The deadlines are the JDK server's own ({@code sun.net.httpserver.maxReqTime} and
 * {@code maxRspTime}, seconds, JVM-wide and read once, so they are set before the first server is created; a value
 * given on the command line wins).
 */
public final class JdkHttp {
    /** Seconds a client may take to send a request, and to read the answer. */
    static final long DEADLINE_SECONDS = 30;

    static {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(DEADLINE_SECONDS));
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", String.valueOf(DEADLINE_SECONDS));
        }
    }

    private JdkHttp() {}

    /** A server on 127.0.0.1:{@code port} (0 = any free port), not yet started. */
    public static HttpServer loopback(int port) throws IOException {
        return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    }

    /** The body, or null when it is longer than {@code max}: refused from its declared length, or once read past it. */
    static byte[] readAtMost(HttpExchange ex, int max) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > max) return null;
            } catch (NumberFormatException ignored) {
                // the server rejects a malformed length itself; read and count instead
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(max + 1);
            return bytes.length > max ? null : bytes;
        }
    }
}
