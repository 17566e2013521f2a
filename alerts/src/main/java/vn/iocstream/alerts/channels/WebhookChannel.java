package vn.iocstream.alerts.channels;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.config.ChannelSpec;
import vn.iocstream.core.json.Json;

/**
 * A JSON POST per notification, signed as Standard Webhooks specifies ({@code webhook-id} = the delivery id, stable
 * across retries, so a receiver drops a redelivery; {@code webhook-timestamp}; {@code webhook-signature}). Body:
 * {@code {"type":"alert.firing","timestamp":…,"data":{deliveryId, notificationId, reason, route, receiver, groupKey,
 * createdAt, attempt, alerts:[…]}}}. 2xx is accepted; 429 waits for {@code Retry-After}; 408, 425 and 5xx are retried;
 * other answers (a 4xx: the receiver refuses this message) are final.
 */
public final class WebhookChannel implements Channel {
    private final ChannelSpec.Webhook spec;
    private final WebhookSignature signature;
    private final HttpClient http;
    private final Clock clock;

    /** The payload, as receivers get it. */
    public record Body(String type, Instant timestamp, Data data) {}

    public record Data(String deliveryId, String notificationId, String reason, String route, String receiver,
                       String groupKey, Instant createdAt, int attempt, List<AlertView> alerts) {}

    public WebhookChannel(ChannelSpec.Webhook spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        this.signature = new WebhookSignature(spec.secret());
        // HTTP/1.1: an h2c upgrade attempt confuses some receivers.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(spec.retry().timeout()).build();
    }

    @Override
    public ChannelSpec spec() {
        return spec;
    }

    @Override
    public String send(Outbound o) throws DeliveryException, InterruptedException {
        Instant now = clock.instant();
        byte[] body = Json.bytes(new Body("alert." + o.reason(), now, new Data(o.deliveryId(), o.notificationId(),
                o.reason(), o.route(), o.receiver(), o.groupKey(), o.createdAt(), o.attempt(), o.alerts())));
        long ts = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(spec.url())
                .timeout(spec.retry().timeout())
                .header("Content-Type", "application/json")
                .header("webhook-id", o.deliveryId())
                .header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", signature.sign(o.deliveryId(), ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw DeliveryException.temporary("no answer within " + spec.retry().timeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw DeliveryException.temporary(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) return "HTTP " + status;
        if (status == 429) {
            throw DeliveryException.rateLimited("HTTP 429", retryAfter(response.headers().firstValue("Retry-After").orElse("")));
        }
        if (status == 408 || status == 425 || status >= 500) throw DeliveryException.temporary("HTTP " + status, null);
        throw DeliveryException.permanent("HTTP " + status);
    }

    private static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Math.min(3600, Long.parseLong(header.strip()))));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
