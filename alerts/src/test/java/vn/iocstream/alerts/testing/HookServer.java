package vn.iocstream.alerts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import vn.iocstream.core.json.Json;

/**
 * A webhook receiver on 127.0.0.1 that checks every request with {@link StandardWebhooksVerifier}, answers with the
 * status codes a test scripts (then 204), can hold requests until released (to race an acknowledgement against a
 * send), and records what it accepted, counting redelivered {@code webhook-id}s.
 */
public final class HookServer implements AutoCloseable {
    /** One accepted request. */
    public record Hit(String webhookId, String type, List<String> alertIds, JsonNode body) {}

    private final HttpServer server;
    private final StandardWebhooksVerifier verifier;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<Hit> hits = new ArrayList<>();
    private final List<String> seenIds = new ArrayList<>();
    private int requests;
    private int unverified;
    private volatile CountDownLatch gate;
    private volatile CountDownLatch arrived = new CountDownLatch(1);

    public HookServer(String secret) {
        this.verifier = new StandardWebhooksVerifier(secret, Duration.ofMinutes(5));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next requests get these status codes, in order; then 204. */
    public synchronized HookServer answer(int... codes) {
        for (int c : codes) script.add(c);
        return this;
    }

    /** Requests wait until {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
        arrived = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) g.countDown();
    }

    /** Waits until a held request has arrived. */
    public boolean awaitArrival(Duration timeout) throws InterruptedException {
        return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        arrived.countDown();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int code;
        synchronized (this) {
            requests++;
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            boolean ok = verifier.verify(id, ex.getRequestHeaders().getFirst("webhook-timestamp"),
                    ex.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now());
            if (!ok) {
                unverified++;
                code = 401;
            } else {
                Integer scripted = script.poll();
                code = scripted == null ? 204 : scripted;
                if (code / 100 == 2) {
                    seenIds.add(id);
                    JsonNode json = Json.MAPPER.readTree(body);
                    List<String> alertIds = new ArrayList<>();
                    json.path("data").path("alerts").forEach(a -> alertIds.add(a.path("id").asText()));
                    hits.add(new Hit(id, json.path("type").asText(), alertIds, json));
                    notifyAll();
                }
            }
        }
        ex.sendResponseHeaders(code, -1);
        ex.close();
    }

    public synchronized List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** Accepted requests whose webhook-id had been accepted before. */
    public synchronized long duplicates() {
        return seenIds.size() - seenIds.stream().distinct().count();
    }

    public synchronized int requests() {
        return requests;
    }

    public synchronized int unverified() {
        return unverified;
    }

    /** Waits until at least {@code n} requests were accepted. */
    public synchronized List<Hit> awaitHits(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (hits.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(hits);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
