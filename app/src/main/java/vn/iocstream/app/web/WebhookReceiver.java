package vn.iocstream.app.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;

/**
 * A webhook endpoint on 127.0.0.1 that records every alert POSTed to it: the demo's stand-in for a
 * province's chat or ticketing system, and the witness of deliveries in tests.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Alert> received = new ArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hooks/alerts", ex -> {
                int code;
                if (!"POST".equals(ex.getRequestMethod())) {
                    code = 405;
                } else {
                    try {
                        Alert alert = Json.parse(ex.getRequestBody().readAllBytes(), Alert.class);
                        synchronized (receiver.received) {
                            receiver.received.add(alert);
                        }
                        code = 204;
                    } catch (Json.JsonException e) {
                        code = 400;
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
