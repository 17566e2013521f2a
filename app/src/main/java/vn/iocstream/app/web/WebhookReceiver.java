package vn.iocstream.app.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;

/**
 * A webhook endpoint on 127.0.0.1 that records every alert POSTed to it: the demo's stand-in for a
 * province's chat or ticketing system, and the witness of deliveries in tests.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One alert is a few kilobytes; anything far larger is not an alert. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private final HttpServer server;
    private final List<Alert> received = new ArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = JdkHttp.loopback(0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hooks/alerts", ex -> {
                int code;
                if (!"POST".equals(ex.getRequestMethod())) {
                    code = 405;
                } else {
                    byte[] body = JdkHttp.readAtMost(ex, MAX_BODY_BYTES);
                    try {
                        if (body == null) throw new Json.JsonException("body over " + MAX_BODY_BYTES + " bytes", new IOException());
                        Alert alert = Json.parse(body, Alert.class);
                        synchronized (receiver.received) {
                            receiver.received.add(alert);
                        }
                        code = 204;
                    } catch (Json.JsonException e) {
                        code = body == null ? 413 : 400;
                    }
                }
                ex.sendResponseHeaders(code, -1);
                ex.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook receiver", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/alerts";
    }

    public List<Alert> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
