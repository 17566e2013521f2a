package vn.iocstream.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.CitizenReport;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.model.TrafficReading;

class RecordLimitsTest {
    private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    private static final RecordLimits L = RecordLimits.DEFAULT;

    private static RawPost post(String title, String text, Instant published) {
        return new RawPost("a1", "https://baodongnai.com.vn/a1.html", "press", "Báo Đồng Nai", "Đồng Nai", title, text,
                null, published, NOW);
    }

    @Test
    void plausiblePost_passes() {
        assertThat(post("Kẹt xe ở Biên Hòa", "Ùn tắc kéo dài trên QL1A.", NOW.minusSeconds(600)).problem(L, NOW)).isNull();
    }

    @Test
    void timesOutsideTheWindow_areNamedWithTheirKeys() {
        assertThat(post("t", "x", Instant.parse("+300000000-01-01T00:00:00Z")).problem(L, NOW))
                .startsWith("publishedAt +300000000-01-01T00:00:00Z outside the plausible window")
                .contains("validation.minTime", "validation.maxAheadSeconds");
        assertThat(post("t", "x", Instant.parse("0001-01-01T00:00:00Z")).problem(L, NOW)).contains("outside the plausible window");
        assertThat(post("t", "x", NOW.plusSeconds(86_400 + 1)).problem(L, NOW)).contains("outside the plausible window");
        assertThat(post("t", "x", NOW.plusSeconds(86_400)).problem(L, NOW)).isNull();
    }

    @Test
    void oversizedAndBrokenStrings_areRefused() {
        assertThat(post("t".repeat(2001), "x", NOW).problem(L, NOW)).isEqualTo("title longer than 2000 characters (validation.maxTitleChars)");
        assertThat(post("t", "x".repeat(200_001), NOW).problem(L, NOW)).contains("validation.maxTextChars");
        assertThat(post("t", "nửa cặp \uD83D thế này", NOW).problem(L, NOW)).contains("unpaired UTF-16 surrogate");
        assertThat(post("t", "emoji 😀 đủ cặp", NOW).problem(L, NOW)).isNull();
    }

    @Test
    void unknownKindAndTooManyFlags_areRefused() {
        RawPost p = new RawPost("a", "https://x.vn/a", "press\" onmouseover=\"x", "s", null, "t", "x", null, NOW, NOW);
        assertThat(p.problem(L, NOW)).startsWith("kind must be one of press, social, comment, forum");
        RawPost flagged = new RawPost("a", "https://x.vn/a", "press", "s", null, "t", "x", null, NOW, NOW,
                Collections.nCopies(1001, "f"));
        assertThat(flagged.problem(L, NOW)).contains("validation.maxListItems");
    }

    @Test
    void reportsAndReadings_areHeldToTheSameWindow() {
        CitizenReport r = new CitizenReport("1022-1", Instant.parse("0001-01-01T00:00:00Z"), "hotline-1022", "ngập nước",
                "Nước ngập tới đầu gối", new CitizenReport.Location("phường Tam Hiệp", "Đồng Nai", null, null));
        assertThat(r.problem(L, NOW)).contains("time 0001-01-01T00:00:00Z outside the plausible window");
        CitizenReport nanPlace = new CitizenReport("1022-2", NOW, "app", "", "Cây đổ chắn đường",
                new CitizenReport.Location(null, null, Double.NaN, 106.8));
        assertThat(nanPlace.problem(L, NOW)).contains("lat/lon out of range");
        TrafficReading t = new TrafficReading("ql1a-bien-hoa", NOW, 42.0, 5_000_000L, 0.2);
        assertThat(t.problem(L, NOW)).contains("volume");
        assertThat(new TrafficReading("ql1a-bien-hoa", NOW, 42.0, 37L, 0.2).problem(L, NOW)).isNull();
    }

    @Test
    void configuration_isCheckedAtLoad() {
        assertThat(RecordLimits.of(new IocConfig.Validation("1990-01-01T00:00:00Z", 86400, 10, 10, 10, 10, 10)).minTime())
                .isEqualTo(Instant.parse("1990-01-01T00:00:00Z"));
        assertThatThrownBy(() -> RecordLimits.of(new IocConfig.Validation("1990-01-01", 86400, 10, 10, 10, 10, 10)))
                .hasMessageContaining("validation.minTime");
        assertThatThrownBy(() -> RecordLimits.of(new IocConfig.Validation("1969-12-31T00:00:00Z", 86400, 10, 10, 10, 10, 10)))
                .hasMessageContaining("1970");
        assertThat(L.fields("tags", List.of("a", "b"))).isNull();
    }
}
