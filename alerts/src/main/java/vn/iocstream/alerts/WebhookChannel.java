package vn.iocstream.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;

/** POSTs each alert as JSON (the same shape as on {@code ioc.alerts}) to one URL; any non-2xx answer is a failure. */
public final class WebhookChannel implements AlertChannel {
    public static final String NAME = "webhook";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookChannel(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        // HTTP/1.1: the default HTTP/2 attempt sends an h2c upgrade that some webhook receivers mishandle.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(Alert alert) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(alert)))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook " + url + " answered HTTP " + response.statusCode());
        }
    }
}
