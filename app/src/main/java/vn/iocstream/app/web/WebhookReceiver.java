package vn.iocstream.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.channels.WebhookChannel;
import vn.iocstream.alerts.channels.WebhookSignature;
import vn.iocstream.core.json.Json;

/**
 * A webhook endpoint on 127.0.0.1 in the shape of a real receiver of the alerts service's Standard Webhooks: it checks
 * the signature and the timestamp (at most 5 minutes off), drops a redelivered {@code webhook-id} (counting it as a
 * duplicate), and records each alert it is told about. The demo's stand-in for a province's chat or ticketing system,
 * and the benchmark's witness. Bodies are capped at 1 MiB.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final int MAX_BODY = 1 << 20;
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** One alert as received, with the receiver's clock. */
    public record Receipt(String webhookId, String reason, AlertView alert, long receivedNanos) {}

    private final HttpServer server;
    private final WebhookSignature signature;
    private final Clock clock;
    private final List<Receipt> receipts = new ArrayList<>();
    private final Set<String> webhookIds = new HashSet<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile Consumer<Receipt> listener = r -> {};

    private WebhookReceiver(HttpServer server, String secret, Clock clock) {
        this.server = server;
        this.signature = new WebhookSignature(secret);
        this.clock = clock;
    }

    /** @param secret the {@code whsec_…} secret the alerts service signs with */
    public static WebhookReceiver start(String secret) {
        try {
            HttpServer server = JdkHttp.loopback(0);
            WebhookReceiver receiver = new WebhookReceiver(server, secret, Clock.systemUTC());
            server.createContext("/hooks/alerts", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "webhook-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook receiver", e);
        }
    }

    /** Called for each alert received (not for duplicates), on the receiver's thread. */
    public void onReceive(Consumer<Receipt> l) {
        this.listener = l;
    }

    private void handle(HttpExchange ex) throws IOException {
        long now = System.nanoTime();
        int code;
        if (!"POST".equals(ex.getRequestMethod())) {
            code = 405;
        } else {
            byte[] body = JdkHttp.readAtMost(ex, MAX_BODY);
            code = body == null ? 413 : accept(ex, body, now);
        }
        ex.sendResponseHeaders(code, -1);
        ex.close();
    }

    private int accept(HttpExchange ex, byte[] body, long receivedNanos) {
        String id = ex.getRequestHeaders().getFirst("webhook-id");
        String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
        String sig = ex.getRequestHeaders().getFirst("webhook-signature");
        if (id == null || ts == null || sig == null || !verified(id, ts, sig, body)) {
            rejected.incrementAndGet();
            return 401;
        }
        WebhookChannel.Body payload;
        try {
            payload = Json.parse(body, WebhookChannel.Body.class);
        } catch (Json.JsonException e) {
            return 400;
        }
        List<Receipt> fresh = new ArrayList<>();
        synchronized (receipts) {
            if (!webhookIds.add(id)) {
                duplicates.incrementAndGet();
                return 204; // already have it: acknowledge so the sender stops
            }
            for (AlertView a : payload.data().alerts()) {
                Receipt r = new Receipt(id, payload.data().reason(), a, receivedNanos);
                receipts.add(r);
                fresh.add(r);
            }
        }
        fresh.forEach(listener);
        return 204;
    }

    private boolean verified(String id, String ts, String header, byte[] body) {
        try {
            long seconds = Long.parseLong(ts);
            if (Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs().compareTo(TOLERANCE) > 0) return false;
            byte[] expected = signature.sign(id, seconds, body).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (String candidate : header.split(" ")) {
                if (MessageDigest.isEqual(expected, candidate.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) return true;
            }
            return false;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/alerts";
    }

    /** Every alert received, in arrival order (an alert in two notifications appears twice). */
    public List<Receipt> receipts() {
        synchronized (receipts) {
            return List.copyOf(receipts);
        }
    }

    /** Distinct alert ids received. */
    public long distinctAlerts() {
        synchronized (receipts) {
            return receipts.stream().map(r -> r.alert().id()).distinct().count();
        }
    }

    /** Requests whose {@code webhook-id} had been received before. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Requests refused for a missing or wrong signature, or a stale timestamp. */
    public long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
