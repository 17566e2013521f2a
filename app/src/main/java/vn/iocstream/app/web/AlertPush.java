package vn.iocstream.app.web;

import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.app.access.ScopeSql;
import vn.iocstream.core.json.Json;

/**
 * Alerts pushed to open pages as server-sent events. Each alert is sent to a client only if the client's scope
 * covers it — checked by reading the alert back through that scope's query, the same rule as the list — and only
 * while the client's session lives. The event id is the alert's creation time (epoch seconds): a page that
 * reconnects sends it back as {@code Last-Event-ID} and gets what it missed.
 */
final class AlertPush implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertPush.class);

    /** An open page: its SSE connection, its scope, and a check that its session still lives. */
    record Client(SseClient sse, ScopeSql scope, BooleanSupplier alive) {}

    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "control-room-push");
        t.setDaemon(true);
        return t;
    });
    private final AlertQueries alerts;

    AlertPush(AlertQueries alerts) {
        this.alerts = alerts;
    }

    /** Registers a page; sends the alerts created since {@code since} (a reconnect), if given. */
    void open(Client client, Instant since) {
        clients.add(client);
        client.sse().onClose(() -> clients.remove(client));
        if (since != null) {
            sender.execute(() -> {
                List<Map<String, Object>> missed = alerts.list(client.scope(), new AlertQueries.Filter(null, null, null, null, since, null, 200));
                for (int i = missed.size() - 1; i >= 0; i--) send(client, missed.get(i));
            });
        }
        client.sse().sendComment("ok");
    }

    /** A new or updated alert: each page whose scope covers it gets it. */
    void publish(String alertId) {
        sender.execute(() -> {
            for (Client c : clients) {
                if (!c.alive().getAsBoolean()) {
                    c.sse().close();
                    clients.remove(c);
                    continue;
                }
                try {
                    Optional<Map<String, Object>> row = alerts.get(c.scope(), alertId);
                    row.ifPresent(r -> send(c, r));
                } catch (RuntimeException e) {
                    LOG.warn("push of alert {} failed: {}", alertId, e.toString());
                }
            }
        });
    }

    private void send(Client c, Map<String, Object> alert) {
        if (c.sse().terminated()) {
            clients.remove(c);
            return;
        }
        String id = Long.toString(Instant.parse((String) alert.get("createdAt")).getEpochSecond());
        c.sse().sendEvent("alert", Json.string(alert), id);
    }

    int clients() {
        return clients.size();
    }

    @Override
    public void close() {
        sender.shutdownNow();
        clients.forEach(c -> c.sse().close());
        clients.clear();
    }
}
