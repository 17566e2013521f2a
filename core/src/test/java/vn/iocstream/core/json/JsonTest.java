package vn.iocstream.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.model.TrafficReading;
import vn.iocstream.core.validation.RecordLimits;

/** What a forged or sloppy producer could slip past a lenient parser, refused with a reason. */
class JsonTest {
    private static final String POST = "{\"id\":\"a1\",\"url\":\"https://baotayninh.vn/a1.html\",\"kind\":\"press\","
            + "\"title\":\"Mưa lớn gây ngập\",\"text\":\"Nhiều tuyến đường ở Tây Ninh ngập sâu.\",\"publishedAt\":\"2025-10-14T00:05:00Z\"}";

    @Test
    void wellFormedPost_parses() {
        RawPost p = Json.parse(POST, RawPost.class);
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2025-10-14T00:05:00Z"));
        assertThat(p.flags()).isEmpty();
    }

    @Test
    void trailingDataAfterTheObject_isRefused() {
        assertThatThrownBy(() -> Json.parse(POST + " rác", RawPost.class)).isInstanceOf(Json.JsonException.class);
        assertThatThrownBy(() -> Json.parse(POST + "{}", RawPost.class)).isInstanceOf(Json.JsonException.class)
                .hasMessageContaining("Trailing token");
    }

    @Test
    void duplicateKey_isRefused() {
        String twice = POST.replace("{\"id\":\"a1\",", "{\"id\":\"a1\",\"id\":\"a2\",");
        assertThatThrownBy(() -> Json.parse(twice, RawPost.class)).isInstanceOf(Json.JsonException.class)
                .hasMessageContaining("Duplicate field 'id'");
    }

    @Test
    void scalarsOfTheWrongType_areRefused() {
        assertThatThrownBy(() -> Json.parse(POST.replace("\"title\":\"Mưa lớn gây ngập\"", "\"title\":12"), RawPost.class))
                .isInstanceOf(Json.JsonException.class);
        assertThatThrownBy(() -> Json.parse("{\"segmentId\":\"ql1a\",\"time\":\"2025-10-14T00:05:00Z\",\"speedKmh\":\"42\","
                + "\"volume\":3,\"occupancy\":0.1}", TrafficReading.class)).isInstanceOf(Json.JsonException.class);
        assertThatThrownBy(() -> Json.parse("{\"segmentId\":\"ql1a\",\"time\":\"2025-10-14T00:05:00Z\",\"speedKmh\":NaN,"
                + "\"volume\":3,\"occupancy\":0.1}", TrafficReading.class)).isInstanceOf(Json.JsonException.class);
    }

    @Test
    void epochSecondsNoInstantCanHold_neverPassAsAPlausiblePost() {
        Instant now = Instant.parse("2026-12-04T00:00:00Z");
        for (String huge : new String[] {"1e300", "-1e300", "9223372036854775807", "1e19"}) {
            try {
                RawPost p = Json.parse(POST.replace("\"2025-10-14T00:05:00Z\"", huge), RawPost.class);
                assertThat(p.problem(RecordLimits.DEFAULT, now)).as(huge).contains("outside the plausible window");
            } catch (Json.JsonException refused) {
                assertThat(refused).hasMessageStartingWith("invalid JSON for RawPost");
            }
        }
    }

    @Test
    void deepNesting_isRefused() {
        String deep = "{\"id\":" + "[".repeat(500) + "]".repeat(500) + "}";
        assertThatThrownBy(() -> Json.parse(deep, RawPost.class)).isInstanceOf(Json.JsonException.class);
    }

    @Test
    void invalidUtf8_isRefused() {
        byte[] bytes = POST.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length);
        int at = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).indexOf("Mưa") + 1; // inside "ư"
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;
        assertThatThrownBy(() -> Json.parse(broken, RawPost.class)).isInstanceOf(Json.JsonException.class);
    }
}
