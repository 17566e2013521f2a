package vn.iocstream.alerts.channels;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.config.ChannelSpec;
import vn.iocstream.alerts.render.AlertText;
import vn.iocstream.core.json.Json;

/**
 * Zalo Official Account. To a follower ({@code user:ID}): the OA consultation message API ({@code POST oaApiUrl},
 * header {@code access_token}, {@code {"recipient":{"user_id"},"message":{"text"}}}), the text split at line ends
 * into parts of at most {@value #TEXT_LIMIT} characters. To a phone ({@code phone:84…}): a ZNS template message
 * ({@code POST znsUrl}, {@code {"phone","template_id","template_data","tracking_id"}}) whose template the OA registered
 * with these parameters: {@code tieu_de} (title), {@code muc_do} (severity), {@code dia_ban} (locality),
 * {@code thoi_gian} (time), {@code ma_canh_bao} (alert id); {@code tracking_id} is the delivery id. Zalo answers
 * {@code {"error":0,…}} on success; an access-token error (-124, -216) refreshes the token once and retries at once;
 * other errors are final except Zalo's own server-side ones (-32, -201 … see {@link #TEMPORARY}).
 */
public final class ZaloChannel implements Channel {
    static final int TEXT_LIMIT = 2000;
    private static final Set<Integer> TOKEN_ERRORS = Set.of(-124, -216);
    /** Rate limits and server-side errors, worth retrying later. */
    private static final Set<Integer> TEMPORARY = Set.of(-32, -201, -1, -2, -3, -1200);

    private final ChannelSpec.Zalo spec;
    private final HttpClient http;
    private final ZaloTokens tokens;

    public ZaloChannel(ChannelSpec.Zalo spec, Clock clock) {
        this.spec = spec;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(spec.retry().timeout()).build();
        this.tokens = new ZaloTokens(spec, http, clock);
    }

    @Override
    public ChannelSpec spec() {
        return spec;
    }

    @Override
    public String send(Outbound o) throws DeliveryException, InterruptedException {
        if (o.address().startsWith("phone:")) {
            return post(spec.znsUrl(), zns(o, o.address().substring("phone:".length())));
        }
        String userId = o.address().substring("user:".length());
        String last = "";
        for (String text : split(AlertText.plain(o))) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("recipient", Map.of("user_id", userId));
            body.put("message", Map.of("text", text));
            last = post(spec.oaApiUrl(), body);
        }
        return last;
    }

    /** The ZNS request for a notification: the first alert's facts as the template's parameters. */
    static Map<String, Object> zns(Outbound o, String phone, String templateId) {
        AlertView a = o.alerts().get(0);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tieu_de", cut(a.title() + (o.alerts().size() > 1 ? " (+" + (o.alerts().size() - 1) + ")" : ""), 100));
        data.put("muc_do", a.severity());
        data.put("dia_ban", cut(a.locality().label().isEmpty() ? "chưa rõ" : a.locality().label(), 100));
        data.put("thoi_gian", AlertText.time(a.firstSeen()));
        data.put("ma_canh_bao", a.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", phone);
        body.put("template_id", templateId);
        body.put("template_data", data);
        body.put("tracking_id", o.deliveryId());
        return body;
    }

    private Map<String, Object> zns(Outbound o, String phone) {
        return zns(o, phone, spec.templateId());
    }

    /** Plain text in parts of at most {@value #TEXT_LIMIT} characters, broken at line ends (long lines cut). */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String l = line.length() > TEXT_LIMIT - 1 ? line.substring(0, TEXT_LIMIT - 2) + "…" : line;
            if (part.length() + l.length() + 1 > TEXT_LIMIT && part.length() > 0) {
                parts.add(part.toString().stripTrailing());
                part.setLength(0);
            }
            part.append(l).append('\n');
        }
        if (!part.toString().isBlank()) parts.add(part.toString().stripTrailing());
        return parts;
    }

    private String post(URI url, Map<String, Object> body) throws DeliveryException, InterruptedException {
        for (int round = 0; ; round++) {
            String token = tokens.current();
            HttpRequest request = HttpRequest.newBuilder(url).timeout(spec.retry().timeout())
                    .header("Content-Type", "application/json")
                    .header("access_token", token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
            JsonNode answer;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 500) throw DeliveryException.temporary("Zalo HTTP " + response.statusCode(), null);
                answer = Json.MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw DeliveryException.temporary("Zalo unreachable: " + e.getClass().getSimpleName(), null);
            }
            int error = answer.path("error").asInt(Integer.MIN_VALUE);
            if (error == 0) {
                JsonNode data = answer.path("data");
                return "Zalo " + data.path("message_id").asText(data.path("msg_id").asText(""));
            }
            String what = "Zalo " + error + ": " + answer.path("message").asText("");
            if (TOKEN_ERRORS.contains(error) && round == 0) {
                tokens.invalidate(token);
                continue;
            }
            if (TEMPORARY.contains(error) || error == Integer.MIN_VALUE) throw DeliveryException.temporary(what, null);
            throw DeliveryException.permanent(what);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
