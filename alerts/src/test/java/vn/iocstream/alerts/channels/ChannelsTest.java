package vn.iocstream.alerts.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.alerts.AlertState;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.config.ChannelSpec;
import vn.iocstream.alerts.config.Retry;
import vn.iocstream.alerts.testing.HookServer;
import vn.iocstream.alerts.testing.StandardWebhooksVerifier;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.Locality;

/**
 * Each channel against a receiver: a webhook checked by an independent Standard Webhooks implementation, a real SMTP
 * server (GreenMail) in this JVM, and local stand-ins shaped on the documented Telegram Bot API and Zalo OA / ZNS
 * request and error formats (this machine cannot reach the real services).
 */
class ChannelsTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final Retry QUICK = new Retry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10));

    @TempDir Path dir;

    @Test
    void webhook_isSignedAsStandardWebhooks_andAnIndependentVerifierAcceptsIt_butNotATamperedCopy() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        List<Map<String, String>> headers = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            bodies.add(ex.getRequestBody().readAllBytes());
            headers.add(Map.of("id", ex.getRequestHeaders().getFirst("webhook-id"),
                    "ts", ex.getRequestHeaders().getFirst("webhook-timestamp"),
                    "sig", ex.getRequestHeaders().getFirst("webhook-signature")));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            WebhookChannel channel = new WebhookChannel(new ChannelSpec.Webhook("soc", URI.create("http://127.0.0.1:"
                    + server.getAddress().getPort() + "/hook"), SECRET, QUICK), Clock.systemUTC());
            assertThat(channel.send(outbound(1, "firing"))).isEqualTo("HTTP 204");
            channel.send(outbound(1, "firing"));

            StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(SECRET, Duration.ofMinutes(5));
            Map<String, String> h = headers.get(0);
            assertThat(h.get("id")).isEqualTo("d-delivery-1");
            assertThat(h.get("sig")).startsWith("v1,");
            assertThat(verifier.verify(h.get("id"), h.get("ts"), h.get("sig"), bodies.get(0), Instant.now())).isTrue();
            assertThat(headers.get(1).get("id")).as("a retry carries the same id, so receivers drop it").isEqualTo(h.get("id"));

            byte[] tampered = new String(bodies.get(0), StandardCharsets.UTF_8).replace("critical", "info").getBytes(StandardCharsets.UTF_8);
            assertThat(verifier.verify(h.get("id"), h.get("ts"), h.get("sig"), tampered, Instant.now())).isFalse();
            assertThat(verifier.verify(h.get("id"), h.get("ts"), h.get("sig"), bodies.get(0), Instant.now().plus(Duration.ofMinutes(6))))
                    .as("a replay six minutes later is refused").isFalse();
            JsonNode json = Json.MAPPER.readTree(bodies.get(0));
            assertThat(json.path("type").asText()).isEqualTo("alert.firing");
            assertThat(json.path("data").path("alerts").get(0).path("locality").path("commune").asText()).isEqualTo("phường Tam Hiệp");
            assertThat(json.path("data").path("alerts").get(0).path("drivers").path("phrases").get(0).path("name").asText())
                    .isEqualTo("ngập sâu");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void webhook_mapsAnswers_toRetryOrNot() throws Exception {
        try (HookServer hook = new HookServer(SECRET)) {
            WebhookChannel channel = new WebhookChannel(new ChannelSpec.Webhook("soc", URI.create(hook.url()), SECRET, QUICK),
                    Clock.systemUTC());
            hook.answer(503, 400);
            assertThatThrownBy(() -> channel.send(outbound(1, "firing"))).isInstanceOf(DeliveryException.class)
                    .satisfies(e -> assertThat(((DeliveryException) e).retryable()).isTrue());
            assertThatThrownBy(() -> channel.send(outbound(1, "firing"))).isInstanceOf(DeliveryException.class)
                    .satisfies(e -> assertThat(((DeliveryException) e).retryable()).isFalse());
            assertThat(hook.unverified()).isZero();
        }
    }

    @Test
    void telegram_splitsA20000CharacterGroup_intoNumberedParts_within4096_thatConcatenateToTheOriginal() throws Exception {
        try (TelegramStandIn telegram = new TelegramStandIn()) {
            telegram.rateLimitOnce = true;
            ChannelSpec.Telegram spec = new ChannelSpec.Telegram("tg", "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0",
                    URI.create(telegram.url()), Duration.ofMillis(300), QUICK);
            TelegramChannel channel = new TelegramChannel(spec);
            Outbound big = outbound(60, "firing");
            String html = TelegramChannel.html(big);
            assertThat(TelegramSplitter.visibleLength(html)).isGreaterThan(20_000);

            assertThatThrownBy(() -> channel.send(big)).isInstanceOf(DeliveryException.class)
                    .satisfies(e -> assertThat(((DeliveryException) e).retryAfter()).isEqualTo(Duration.ofSeconds(1)));
            String answer = channel.send(big); // the retry resumes where the rate limit stopped it

            List<String> parts = telegram.texts("-1001111111111");
            assertThat(parts).hasSizeGreaterThanOrEqualTo(6);
            assertThat(answer).startsWith(parts.size() + " parts");
            StringBuilder joined = new StringBuilder();
            for (int k = 0; k < parts.size(); k++) {
                String part = parts.get(k);
                assertThat(TelegramStandIn.afterEntityParsing(part).length()).isLessThanOrEqualTo(4096);
                assertThat(part).startsWith("<b>(" + (k + 1) + "/" + parts.size() + ")</b>\n");
                assertThat(TelegramStandIn.tagsBalanced(part)).as("part %d never cuts an element", k + 1).isTrue();
                joined.append(TelegramSplitter.body(part));
            }
            assertThat(joined.toString()).isEqualTo(html);
            assertThat(telegram.minimumGapMillis("-1001111111111")).as("one message per perChatGap to a chat").isGreaterThanOrEqualTo(280);
            assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>");
        }
    }

    @Test
    void telegramSplitter_breaksALongLineOutsideTagsAndEntities() {
        String line = "<b>Tiêu đề</b> " + "mưa lớn &amp; ngập sâu ".repeat(400);
        List<String> parts = TelegramSplitter.split(line, 1000);
        assertThat(parts).hasSize(8); // 7,600 visible characters, 984 a part
        StringBuilder joined = new StringBuilder();
        for (String p : parts) {
            assertThat(TelegramStandIn.afterEntityParsing(p).length()).isLessThanOrEqualTo(1000);
            assertThat(p).doesNotMatch("(?s).*&[a-z]*$");
            joined.append(TelegramSplitter.body(p));
        }
        assertThat(joined.toString()).isEqualTo(line);
    }

    @Test
    void email_overImplicitTls_reachesARealSmtpServer_withPlainAndHtmlParts() throws Exception {
        int port = freePort();
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        mail.start();
        try {
            mail.setUser("canhbao@dongnai.gov.vn", "canhbao", "mat-khau-thu");
            ChannelSpec.Email spec = new ChannelSpec.Email("mail", "127.0.0.1", port, "tls", "canhbao", "mat-khau-thu",
                    "canhbao@dongnai.gov.vn", "127.0.0.1", QUICK);
            Outbound o = outbound(2, "escalation");
            assertThat(new EmailChannel(spec, Clock.systemUTC()).send(o)).contains("accepted");

            assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage m = mail.getReceivedMessages()[0];
            assertThat(m.getSubject()).startsWith("[NGHIÊM TRỌNG] Chuyển cấp: chưa ai xác nhận").contains("(+1)");
            assertThat(m.getMessageID()).isEqualTo("<d-delivery-1@ioc-stream>");
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("trucban.tamhiep@dongnai.gov.vn");
            Multipart parts = (Multipart) m.getContent();
            assertThat(parts.getContentType()).startsWith("multipart/alternative");
            String text = (String) parts.getBodyPart(0).getContent();
            String html = (String) parts.getBodyPart(1).getContent();
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat(text).contains("phường Tam Hiệp, Đồng Nai", "Cụm từ: ngập sâu", "<script>");
            assertThat(html).contains("phường Tam Hiệp, Đồng Nai", "&lt;script&gt;").doesNotContain("<script>");
        } finally {
            mail.stop();
        }
    }

    @Test
    void email_configuredForStartTls_neverSendsInClearToAServerWithoutIt() throws Exception {
        int port = freePort();
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            ChannelSpec.Email spec = new ChannelSpec.Email("mail", "127.0.0.1", port, "starttls", "", "",
                    "canhbao@dongnai.gov.vn", "", QUICK);
            assertThatThrownBy(() -> new EmailChannel(spec, Clock.systemUTC()).send(outbound(1, "firing")))
                    .isInstanceOf(DeliveryException.class);
            assertThat(mail.getReceivedMessages()).isEmpty();

            ChannelSpec.Email plain = new ChannelSpec.Email("relay", "127.0.0.1", port, "none", "", "",
                    "canhbao@dongnai.gov.vn", "", QUICK);
            new EmailChannel(plain, Clock.systemUTC()).send(outbound(1, "firing"));
            assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        } finally {
            mail.stop();
        }
    }

    @Test
    void zalo_refreshesAnExpiredAccessToken_keepsTheRotatedRefreshToken_andSendsOaAndZns() throws Exception {
        try (ZaloStandIn zalo = new ZaloStandIn()) {
            Path tokenFile = dir.resolve("zalo/refresh-token");
            ChannelSpec.Zalo spec = new ChannelSpec.Zalo("zalo", "4318207312145678", "s3cr3t-key", "refresh-0",
                    tokenFile.toString(), URI.create(zalo.url() + "/v4/oa/access_token"), URI.create(zalo.url() + "/v3.0/oa/message/cs"),
                    URI.create(zalo.url() + "/message/template"), "389817", QUICK);
            ZaloChannel channel = new ZaloChannel(spec, Clock.systemUTC());
            zalo.expireNextToken = true;

            channel.send(at(outbound(1, "firing"), "user:2512523625412515"));
            assertThat(zalo.refreshes.get()).as("first token, then a refresh after the expiry error").isEqualTo(2);
            assertThat(Files.readString(tokenFile).strip()).isEqualTo("refresh-2");
            assertThat(zalo.oaMessages).singleElement().satisfies(m -> {
                assertThat(m.path("recipient").path("user_id").asText()).isEqualTo("2512523625412515");
                assertThat(m.path("message").path("text").asText()).contains("phường Tam Hiệp");
            });

            channel.send(at(outbound(1, "firing"), "phone:84912345678"));
            assertThat(zalo.znsMessages).singleElement().satisfies(m -> {
                assertThat(m.path("phone").asText()).isEqualTo("84912345678");
                assertThat(m.path("template_id").asText()).isEqualTo("389817");
                assertThat(m.path("tracking_id").asText()).isEqualTo("d-delivery-1");
                assertThat(m.path("template_data").path("dia_ban").asText()).isEqualTo("phường Tam Hiệp, Đồng Nai");
            });

            zalo.refuseRefresh = true;
            zalo.expireNextToken = true;
            assertThatThrownBy(() -> channel.send(at(outbound(1, "firing"), "user:2512523625412515")))
                    .isInstanceOf(DeliveryException.class)
                    .satisfies(e -> assertThat(((DeliveryException) e).retryable()).as("a refused refresh needs a person").isFalse());
        }
    }

    // ---------------------------------------------------------------- fixtures

    /** A notification about {@code n} flood alerts of one ward, the first critical; titles carry markup to escape. */
    static Outbound outbound(int n, String reason) {
        List<AlertView> alerts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String title = "Ngập sâu 0,5 m tại tổ " + (i + 1) + " khu phố 4, người dân báo xe chết máy <script>alert(1)</script> "
                    + "nước dâng nhanh sau cơn mưa lớn kéo dài từ chiều, đề nghị lực lượng chức năng hỗ trợ ".repeat(2);
            alerts.add(new AlertView("flood-" + i, "order.report_cluster", "citizen-report-cluster", i == 0 ? "critical" : "warning",
                    AlertState.OPEN, title.substring(0, Math.min(title.length(), 290)),
                    "Phản ánh qua tổng đài 1022 và ứng dụng, nhiều hộ dân bị ngập trong nhà, cần bơm thoát nước khẩn cấp",
                    new Locality("Đồng Nai", "phường Tam Hiệp"), Map.of("topic", "ngập úng"), "k" + i, "ngập úng|tam hiệp", 4 + i,
                    0, 1, NOW, NOW, NOW.minusSeconds(1800), NOW, NOW, "", "", null, "", null, "", 0,
                    new AlertDrivers(List.of(new AlertDrivers.Facet("ngập sâu", 3)), List.of(),
                            List.of(new AlertDrivers.Facet("hotline-1022", 3)), List.of(new AlertDrivers.Facet("phường Tam Hiệp", 4)),
                            new AlertDrivers.FirstPost("1022-0001234", "Nước ngập tới đầu gối ở đường Nguyễn Ái Quốc", "", "hotline-1022", NOW),
                            null, List.of(), List.of(), List.of("Chủ đề: ngập úng")),
                    List.of("1022-0001234"), 1));
        }
        return new Outbound("d-delivery-1", "n-1", reason, "tam-hiep", "truc-ban-tam-hiep", "kind=order.report_cluster",
                reason.equals("escalation") ? "trucban.tamhiep@dongnai.gov.vn" : "-1001111111111", alerts, 1, NOW);
    }

    static Outbound at(Outbound o, String address) {
        return new Outbound(o.deliveryId(), o.notificationId(), o.reason(), o.route(), o.receiver(), o.groupKey(), address,
                o.alerts(), o.attempt(), o.createdAt());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Telegram Bot API {@code sendMessage} as documented: JSON in, {"ok":…} out, 429 with parameters.retry_after. */
    static final class TelegramStandIn implements AutoCloseable {
        private static final Pattern TAG = Pattern.compile("<[^>]*>");
        final HttpServer server;
        final List<String[]> messages = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        volatile boolean rateLimitOnce;
        private final AtomicInteger ids = new AtomicInteger(100);

        TelegramStandIn() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ex -> {
                JsonNode req = Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
                String answer;
                int code;
                String text = req.path("text").asText();
                if (!ex.getRequestURI().getPath().equals("/bot123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0/sendMessage")) {
                    code = 404;
                    answer = "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}";
                } else if (!"HTML".equals(req.path("parse_mode").asText()) || !tagsBalanced(text)) {
                    code = 400;
                    answer = "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse entities\"}";
                } else if (afterEntityParsing(text).length() > 4096) {
                    code = 400;
                    answer = "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is too long\"}";
                } else if (rateLimitOnce && messages.size() == 2) {
                    rateLimitOnce = false;
                    code = 429;
                    answer = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}";
                } else {
                    synchronized (messages) {
                        messages.add(new String[] {req.path("chat_id").asText(), text});
                        times.add(System.nanoTime());
                    }
                    code = 200;
                    answer = "{\"ok\":true,\"result\":{\"message_id\":" + ids.incrementAndGet() + ",\"date\":1764000000}}";
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(code, bytes.length);
                ex.getResponseBody().write(bytes);
                ex.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> texts(String chat) {
            synchronized (messages) {
                return messages.stream().filter(m -> m[0].equals(chat)).map(m -> m[1]).toList();
            }
        }

        long minimumGapMillis(String chat) {
            long min = Long.MAX_VALUE;
            for (int i = 1; i < times.size(); i++) min = Math.min(min, (times.get(i) - times.get(i - 1)) / 1_000_000);
            return min;
        }

        /** The text as Telegram counts it: tags removed, the four HTML entities decoded. */
        static String afterEntityParsing(String html) {
            return TAG.matcher(html).replaceAll("").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&amp;", "&");
        }

        static boolean tagsBalanced(String html) {
            java.util.Deque<String> open = new java.util.ArrayDeque<>();
            java.util.regex.Matcher m = Pattern.compile("<(/?)([a-z]+)[^>]*>").matcher(html);
            while (m.find()) {
                if (m.group(1).isEmpty()) open.push(m.group(2));
                else if (open.isEmpty() || !open.pop().equals(m.group(2))) return false;
            }
            return open.isEmpty() && html.chars().filter(c -> c == '<').count() == html.chars().filter(c -> c == '>').count();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /**
     * Zalo as documented: OAuth v4 refresh (header secret_key, form refresh_token/app_id/grant_type; a new single-use
     * refresh token each time), the OA message API and ZNS with header access_token, {"error":0,…} answers, -216 for
     * an invalid access token.
     */
    static final class ZaloStandIn implements AutoCloseable {
        final HttpServer server;
        final AtomicInteger refreshes = new AtomicInteger();
        final List<JsonNode> oaMessages = new ArrayList<>();
        final List<JsonNode> znsMessages = new ArrayList<>();
        volatile boolean expireNextToken;
        volatile boolean refuseRefresh;
        private volatile String validToken = "";
        private volatile String validRefresh = "refresh-0";

        ZaloStandIn() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v4/oa/access_token", ex -> {
                String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean ok = !refuseRefresh && "s3cr3t-key".equals(ex.getRequestHeaders().getFirst("secret_key"))
                        && form.contains("grant_type=refresh_token") && form.contains("app_id=4318207312145678")
                        && form.contains("refresh_token=" + validRefresh);
                String answer;
                if (ok) {
                    int n = refreshes.incrementAndGet();
                    validToken = "access-" + n;
                    validRefresh = "refresh-" + n;
                    answer = "{\"access_token\":\"" + validToken + "\",\"refresh_token\":\"" + validRefresh + "\",\"expires_in\":\"90000\"}";
                } else {
                    answer = "{\"error\":-14014,\"error_name\":\"Invalid refresh token\",\"error_description\":\"refresh token is invalid\"}";
                }
                reply(ex, answer);
            });
            server.createContext("/v3.0/oa/message/cs", ex -> message(ex, oaMessages));
            server.createContext("/message/template", ex -> message(ex, znsMessages));
            server.start();
        }

        private void message(com.sun.net.httpserver.HttpExchange ex, List<JsonNode> sink) throws IOException {
            JsonNode body = Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
            String token = ex.getRequestHeaders().getFirst("access_token");
            if (expireNextToken || !validToken.equals(token)) {
                expireNextToken = false;
                validToken = "";
                reply(ex, "{\"error\":-216,\"message\":\"Access token is invalid\"}");
                return;
            }
            sink.add(body);
            reply(ex, "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"9f1c0e\",\"msg_id\":\"a8c2\"}}");
        }

        private static void reply(com.sun.net.httpserver.HttpExchange ex, String answer) throws IOException {
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
