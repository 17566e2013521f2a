package vn.iocstream.alerts.channels;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.iocstream.alerts.config.ChannelSpec;
import vn.iocstream.alerts.render.AlertText;
import vn.iocstream.core.json.Json;

/**
 * Telegram Bot API {@code sendMessage} in HTML parse mode. The message is escaped (every value), split into numbered
 * parts of at most 4,096 characters at line boundaries ({@link TelegramSplitter}: never truncated, never cut inside
 * an entity), and sent part after part, at most one message per {@code perChatGap} to a chat (Telegram allows about
 * one a second per chat). A 429 answer's {@code parameters.retry_after} becomes the pause before the next attempt;
 * parts already accepted are not sent again by a retry of the same delivery (this process remembers them).
 */
public final class TelegramChannel implements Channel {
    private final ChannelSpec.Telegram spec;
    private final HttpClient http;
    private final Map<String, Object> chatLocks = new ConcurrentHashMap<>();
    private final Map<String, Long> nextAllowedNanos = new ConcurrentHashMap<>();
    /** Parts already accepted per delivery, so that a retry resumes where it stopped. */
    private final Map<String, Integer> partsSent = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Integer> e) {
            return size() > 10_000;
        }
    });

    public TelegramChannel(ChannelSpec.Telegram spec) {
        this.spec = spec;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(spec.retry().timeout()).build();
    }

    @Override
    public ChannelSpec spec() {
        return spec;
    }

    /** The HTML text of a notification, before splitting. */
    public static String html(Outbound o) {
        return String.join("\n", AlertText.lines(o, TelegramChannel::escape, s -> "<b>" + s + "</b>"));
    }

    /** Telegram's HTML mode needs &amp;, &lt; and &gt; escaped (quotes only inside attributes, which we never write). */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String send(Outbound o) throws DeliveryException, InterruptedException {
        List<String> parts = TelegramSplitter.split(html(o));
        int done = partsSent.getOrDefault(o.deliveryId(), 0);
        Object lock = chatLocks.computeIfAbsent(o.address(), a -> new Object());
        String lastId = "";
        for (int k = done; k < parts.size(); k++) {
            synchronized (lock) {
                pace(o.address());
                lastId = post(o.address(), parts.get(k));
                nextAllowedNanos.put(o.address(), System.nanoTime() + spec.perChatGap().toNanos());
            }
            partsSent.put(o.deliveryId(), k + 1);
        }
        partsSent.remove(o.deliveryId());
        return parts.size() == 1 ? "message " + lastId : parts.size() + " parts, last message " + lastId;
    }

    private void pace(String chat) throws InterruptedException {
        Long next = nextAllowedNanos.get(chat);
        if (next == null) return;
        long wait = next - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }

    private String post(String chat, String text) throws DeliveryException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chat);
        body.put("text", text);
        body.put("parse_mode", "HTML");
        body.put("link_preview_options", Map.of("is_disabled", true));
        URI uri = URI.create(spec.apiUrl().toString().replaceAll("/+$", "") + "/bot" + spec.token() + "/sendMessage");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(spec.retry().timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The token is in the URL: never let the exception's message (which may carry it) reach the log.
            throw DeliveryException.temporary("Telegram unreachable: " + e.getClass().getSimpleName(), null);
        }
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw DeliveryException.temporary("Telegram answered HTTP " + response.statusCode() + " without JSON", null);
        }
        if (answer.path("ok").asBoolean(false)) return answer.path("result").path("message_id").asText();
        int code = answer.path("error_code").asInt(response.statusCode());
        String description = answer.path("description").asText("");
        if (code == 429) {
            long after = answer.path("parameters").path("retry_after").asLong(1);
            throw DeliveryException.rateLimited("Telegram 429: " + description, Duration.ofSeconds(Math.max(1, after)));
        }
        if (code >= 500) throw DeliveryException.temporary("Telegram " + code + ": " + description, null);
        throw DeliveryException.permanent("Telegram " + code + ": " + description);
    }
}
