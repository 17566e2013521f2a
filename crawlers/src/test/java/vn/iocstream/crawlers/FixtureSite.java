package vn.iocstream.crawlers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import vn.iocstream.core.Ids;
import vn.iocstream.core.config.IocConfig;

/**
 * A local outlet serving {@code src/test/resources/fixtures/**} on 127.0.0.1: path {@code /x} is resource
 * {@code fixtures/x}, with {@code {{base}}} in feeds replaced by the site's address. Behaves like a real
 * server where it matters: strong ETags and 304 (switchable), pages that fail, redirects.
 * Paths can be made slow. Files named {@code *.1258.html} are sent with a bare {@code text/html} so that only their
 * {@code <meta charset>} tells the encoding, as old CMSs do. {@code /robots.txt} is a 404 until a test
 * {@link #serve}s one of {@code fixtures/robots/}.
 */
final class FixtureSite implements AutoCloseable {
    /** Resources whose {@code {{base}}} is replaced: feeds, sitemaps, section pages (never the windows-1258 articles). */
    private static final Pattern TEMPLATED = Pattern.compile("/(rss|sitemap|chuyen-muc|robots)/");
    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final Map<String, String> contentTypes = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private volatile boolean etags = true;
    volatile String lastUserAgent;

    FixtureSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String path) {
        return base() + path;
    }

    /** Requests for a path so far (query string ignored). */
    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** The path answers with this status forever. */
    void fail(String path, int status) {
        failures.put(path, status);
    }

    /** The path answers only after this many milliseconds (the site serves one request at a time). */
    void slow(String path, long millis) {
        delays.put(path, millis);
    }

    void redirect(String path, String location) {
        redirects.put(path, location);
    }

    /** The path answers with another fixture, e.g. {@code serve("/robots.txt", "/robots/baotayninh.txt")}. */
    void serve(String path, String fixture) {
        aliases.put(path, fixture);
    }

    /** The path is sent with this Content-Type instead of the one its name implies. */
    void contentType(String path, String value) {
        contentTypes.put(path, value);
    }

    void etags(boolean on) {
        etags = on;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            lastUserAgent = ex.getRequestHeaders().getFirst("User-Agent");
            Long delay = delays.get(path);
            if (delay != null) pause(delay);
            if (failures.containsKey(path)) {
                send(ex, failures.get(path), "text/html; charset=utf-8", "<h1>500 Internal Server Error</h1>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (redirects.containsKey(path)) {
                ex.getResponseHeaders().set("Location", redirects.get(path));
                ex.sendResponseHeaders(302, -1);
                return;
            }
            byte[] body = resource(aliases.getOrDefault(path, path));
            if (body == null) {
                send(ex, 404, "text/html; charset=utf-8", "<h1>Không tìm thấy trang</h1>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (etags) {
                String etag = "\"" + Ids.of(new String(body, StandardCharsets.ISO_8859_1)) + "\"";
                ex.getResponseHeaders().set("ETag", etag);
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
            }
            send(ex, 200, contentTypes.getOrDefault(path, contentType(path)), body);
        }
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while answering slowly");
        }
    }

    private byte[] resource(String path) throws IOException {
        if (path.endsWith("/")) return null;
        try (InputStream in = getClass().getResourceAsStream("/fixtures" + path)) {
            if (in == null) return null;
            byte[] bytes = in.readAllBytes();
            if (!TEMPLATED.matcher(path).lookingAt()) return bytes;
            return new String(bytes, StandardCharsets.UTF_8).replace("{{base}}", base()).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String contentType(String path) {
        if (path.endsWith(".1258.html")) return "text/html";
        if (path.endsWith(".xml")) return "application/rss+xml; charset=utf-8";
        if (path.endsWith(".atom")) return "application/atom+xml; charset=utf-8";
        if (path.endsWith(".txt")) return "text/plain; charset=utf-8";
        if (path.endsWith(".json")) return "application/json; charset=utf-8";
        return "text/html; charset=utf-8";
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Crawler settings for tests: short timeouts, no politeness delay unless a test asks for one. */
    static IocConfig.Crawler settings(long perHostDelayMs, int maxBodyBytes) {
        return new IocConfig.Crawler(1, perHostDelayMs, 5, maxBodyBytes, "IOCStreamBot/test", true);
    }
}
