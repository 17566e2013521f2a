package vn.iocstream.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.validation.RecordLimits;

class RawPostTest {
    private static final Instant AT = Instant.parse("2026-03-07T01:01:00Z");

    @Test
    void producerGivingOnlyAuthor_hasThatOneAuthor_andJsonWithoutTheNewFieldsStillParses() {
        RawPost old = new RawPost("a1", "https://baotayninh.vn/a1.html", "press", "Báo Tây Ninh", "Tây Ninh", "Mưa lớn",
                "Nhiều tuyến đường ngập sâu.", "Minh Tâm", AT, AT);
        RawPost parsed = Json.parse("{\"id\":\"a2\",\"url\":\"https://baotayninh.vn/a2.html\",\"kind\":\"press\",\"title\":\"Mưa\","
                + "\"author\":\"Hoàng Nam\",\"publishedAt\":\"2026-03-07T01:01:00Z\"}", RawPost.class);

        assertThat(old.authors()).containsExactly("Minh Tâm");
        assertThat(old.outlet()).isNull();
        assertThat(parsed.authors()).containsExactly("Hoàng Nam");
        assertThat(parsed.metadataSource()).isNull();
    }

    @Test
    void authorsOutletAndMetadataSource_surviveJson_andAnImplausibleTimeFix() {
        RawPost post = new RawPost("a3", "https://dantri.com.vn/a3.htm", "press", "Dân trí", null, "Sạt lở bờ sông",
                "Đoạn bờ sông dài 40 m sạt lở.", "Hà Thu, Minh Tâm", Instant.parse("0001-01-01T00:00:00Z"), AT, List.of(),
                List.of("Hà Thu", "Minh Tâm", "Theo TTXVN"), "Báo điện tử Dân Trí", "title=og author=byline time=json-ld outlet=og");

        RawPost again = Json.parse(Json.bytes(post), RawPost.class);
        RawPost fixed = post.withPlausibleTime(RecordLimits.DEFAULT, AT);

        assertThat(again).isEqualTo(post);
        assertThat(fixed.publishedAt()).isEqualTo(AT);
        assertThat(fixed.authors()).containsExactly("Hà Thu", "Minh Tâm", "Theo TTXVN");
        assertThat(fixed.outlet()).isEqualTo("Báo điện tử Dân Trí");
        assertThat(fixed.metadataSource()).startsWith("title=og");
    }

    @Test
    void anOverlongAuthorName_isAProblemNamingTheField() {
        RawPost post = new RawPost("a4", "https://x.vn/a4", "press", "s", null, "t", "x", null, AT, AT, List.of(),
                List.of("Hà Thu", "x".repeat(3_000)), null, null);

        assertThat(post.problem(RecordLimits.DEFAULT, AT)).startsWith("authors longer than");
    }
}
