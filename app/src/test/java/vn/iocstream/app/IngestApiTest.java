package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.app.web.IngestApi;
import vn.iocstream.core.Ids;
import vn.iocstream.core.Topics;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.crawlers.KafkaPostSink;

/** POST /api/ingest/posts against a real embedded Kafka broker: accepted posts land on ioc.raw.posts, refusals say why. */
class IngestApiTest {
    // One token per test, so that the per-token rate limit of one test never spends another's lines.
    static final String FACEBOOK = "fb-connector-7c1e9a0d44b2";
    static final String ZALO = "zalo-connector-51d0be93a7";
    static final String TIKTOK = "tiktok-connector-0f3a6c2e";
    static final String YOUTUBE = "youtube-connector-9b8d7e61";
    static final int MAX_LINES = 5;
    static final int MAX_BODY = 4096;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir static Path dir;
    static EmbeddedKafka kafka;
    static KafkaPostSink sink;
    static IngestApi api;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 1, -1);
        kafka.createTopics(Topics.ALL, 1);
        sink = new KafkaPostSink(kafka.connection());
        api = IngestApi.start(new IocConfig.Ingest(0, List.of(FACEBOOK, ZALO, TIKTOK, YOUTUBE), MAX_BODY, MAX_LINES), RecordLimits.DEFAULT, sink,
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (api != null) api.close();
        if (sink != null) sink.close();
        if (kafka != null) kafka.close();
    }

    static String line(String id, String kind, String text, String publishedAt) {
        return "{\"id\":\"" + id + "\",\"url\":\"https://www.facebook.com/baodongnai/posts/" + id + "\",\"kind\":\"" + kind
                + "\",\"source\":\"Facebook: Báo Đồng Nai\",\"locality\":\"Đồng Nai\",\"text\":\"" + text
                + "\",\"author\":\"Báo Đồng Nai\",\"publishedAt\":\"" + publishedAt + "\"}";
    }

    static HttpResponse<String> post(String token, String body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(api.url())).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-ndjson");
        if (token != null) req.header("Authorization", "Bearer " + token);
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void validBatch_isAccepted_andArrivesOnRawPosts() throws Exception {
        String body = line("771001", "social", "Nước ngập tới yên xe trên QL1A qua Tam Hiệp, các phương tiện nên đi đường Đồng Khởi.",
                "2025-10-14T07:05:00+07:00") + "\n"
                + line("771001_88", "comment", "Sáng nay kẹt từ 6h tới h vẫn chưa thoát dc", "2025-10-14T07:20:00+07:00") + "\n";

        HttpResponse<String> r = post(FACEBOOK, body);

        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode answer = json(r);
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("byKind").get("comment").asInt()).isEqualTo(1);
        String id = answer.get("ids").get(0).asText();
        assertThat(id).isNotEqualTo(Ids.of("Facebook: Báo Đồng Nai", "771001"));
        List<RawPost> onTopic = TopicReader.read(kafka.bootstrap(), Topics.RAW_POSTS, RawPost.class);
        assertThat(onTopic).filteredOn(p -> p.id().equals(id)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("social");
            assertThat(p.text()).startsWith("Nước ngập tới yên xe");
            assertThat(p.publishedAt()).hasToString("2025-10-14T00:05:00Z");
            assertThat(p.missingField()).isNull();
        });
        assertThat(onTopic).extracting(RawPost::id).contains(answer.get("ids").get(1).asText());
        // Namespaced by the token: another caller sending the same native id makes another post, never this one.
        assertThat(json(post(ZALO, body)).get("ids").get(0).asText()).isNotEqualTo(id);
        assertThat(json(post(FACEBOOK, body)).get("ids").get(0).asText()).isEqualTo(id);
    }

    @Test
    void invalidLine_rejectsTheWholeBatch_namingLineAndField_andWritesNothing() throws Exception {
        String good = line("ZL-4401", "social", "Cây đổ chắn ngang đường 30/4, TP Tây Ninh", "2025-10-14T06:30:00+07:00");
        String body = good + "\n" + line("ZL-4402", "zalo", "Mất điện khu phố 3", "2025-10-14T06:40:00+07:00") + "\n"
                + good.replace("\"publishedAt\":\"2025-10-14T06:30:00+07:00\"", "\"publishedAt\":\"14/10/2025 06:30\"") + "\n";

        HttpResponse<String> r = post(ZALO, body);

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode answer = json(r);
        assertThat(answer.get("error").asText()).contains("nothing was accepted");
        assertThat(answer.get("invalidLines").asInt()).isEqualTo(2);
        assertThat(answer.get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(answer.get("errors").get(0).get("field").asText()).isEqualTo("kind");
        assertThat(answer.get("errors").get(1).get("line").asInt()).isEqualTo(3);
        assertThat(answer.get("errors").get(1).get("field").asText()).isEqualTo("publishedAt");
        assertThat(TopicReader.read(kafka.bootstrap(), Topics.RAW_POSTS, RawPost.class)).extracting(RawPost::id)
                .doesNotContain(Ids.of("Facebook: Báo Đồng Nai", "ZL-4401"));
        assertThat(json(post(ZALO, "\n\n")).get("error").asText()).contains("empty body");
    }

    @Test
    void missingOrUnknownToken_is401() throws Exception {
        String body = line("1", "social", "x", "2025-10-14T07:05:00+07:00");

        HttpResponse<String> none = post(null, body);
        HttpResponse<String> wrong = post(FACEBOOK + "x", body);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"ioc-ingest\"");
        assertThat(json(none).get("error").asText()).contains("bearer token");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void tooLargeBody_orTooManyLines_is413() throws Exception {
        String big = line("tt-big", "social", "Kẹt xe ".repeat(MAX_BODY / 7), "2025-10-14T07:05:00+07:00");
        String many = String.join("\n", java.util.Collections.nCopies(MAX_LINES + 1, line("tt-1", "social", "x", "2025-10-14T07:05:00+07:00")));

        HttpResponse<String> tooBig = post(TIKTOK, big);
        HttpResponse<String> tooMany = post(TIKTOK, many);

        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(json(tooBig).get("error").asText()).contains("larger than " + MAX_BODY + " bytes");
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(json(tooMany).get("error").asText()).contains("6 lines", "ingest.maxLinesPerMinute");
    }

    @Test
    void overTheTokensLineRate_is429WithRetryAfter_andLinesLeftInItsBucketStillPass() throws Exception {
        String three = String.join("\n", List.of(
                line("yt-1", "comment", "Đoạn Tam Hiệp ngập quá", "2025-10-14T07:05:00+07:00"),
                line("yt-2", "comment", "xe chết máy nhiều lắm", "2025-10-14T07:06:00+07:00"),
                line("yt-3", "comment", "ai đi Biên Hòa né ra nha", "2025-10-14T07:07:00+07:00")));

        assertThat(post(YOUTUBE, three).statusCode()).isEqualTo(202);
        HttpResponse<String> over = post(YOUTUBE, three); // 6 lines within a second, 5 allowed per minute

        assertThat(over.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 12L); // one line short at 5 lines a minute: about 12 s
        assertThat(json(over).get("error").asText()).contains("lines per minute");
        assertThat(post(YOUTUBE, line("yt-4", "comment", "ok", "2025-10-14T07:08:00+07:00")).statusCode()).isEqualTo(202);
    }

    @Test
    void getRequest_is405() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api.url())).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void shortToken_isAConfigError() {
        assertThatThrownBy(() -> IngestApi.start(new IocConfig.Ingest(0, List.of("secret"), MAX_BODY, MAX_LINES), RecordLimits.DEFAULT, sink, Clock.systemUTC()))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("token #1");
    }
}
