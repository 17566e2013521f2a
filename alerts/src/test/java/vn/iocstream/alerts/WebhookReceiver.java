package vn.iocstream.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;

/** A real HTTP endpoint on loopback that answers with scripted statuses (200 once the script runs out). */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<Alert> received = new ArrayList<>();
    private final List<String> contentTypes = new ArrayList<>();
    private int alwaysStatus = 200;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/ioc", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            synchronized (this) {
                received.add(Json.parse(body, Alert.class));
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                status = script.isEmpty() ? alwaysStatus : script.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/ioc");
    }

    synchronized WebhookReceiver thenAnswer(int... statuses) {
        for (int s : statuses) script.add(s);
        return this;
    }

    synchronized void alwaysAnswer(int status) {
        alwaysStatus = status;
    }

    synchronized List<Alert> received() {
        return List.copyOf(received);
    }

    synchronized List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
