package vn.iocstream.crawlers.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.TrafficReading;

class TrafficCsvTest {
    private final TrafficCsv csv = new TrafficCsv(TrafficCsv.DEFAULT_COLUMNS);

    @Test
    void sensorRowWithOffset_becomesUtcReading() {
        assertThat(csv.parse("ql1a-bien-hoa,2026-11-22T08:05:00+07:00,42.5,37,0.18").reading())
                .isEqualTo(new TrafficReading("ql1a-bien-hoa", Instant.parse("2026-11-22T01:05:00Z"), 42.5, 37L, 0.18));
    }

    @Test
    void configuredColumnOrder_withIgnoredColumnAndEpochTime() {
        TrafficCsv vendor = new TrafficCsv(List.of("time", "-", "segmentId", "volume", "speedKmh", "occupancy"));
        TrafficReading r = vendor.parse("1795309500,\"Cầu Sài Gòn, hướng Thủ Đức\",xa-lo-ha-noi-km3,120,18.0,0.71").reading();
        assertThat(r.segmentId()).isEqualTo("xa-lo-ha-noi-km3");
        assertThat(r.time()).isEqualTo(Instant.ofEpochSecond(1795309500));
        assertThat(r.speedKmh()).isEqualTo(18.0);
    }

    @Test
    void badRows_giveReasons() {
        assertThat(csv.parse("ql1a-bien-hoa,2026-11-22T08:05:00+07:00,42.5").error()).contains("3 fields, expected 5");
        assertThat(csv.parse("ql1a-bien-hoa,2026-11-22 08:05:00,42.5,37,0.18").error()).contains("bad time");
        assertThat(csv.parse("ql1a-bien-hoa,2026-11-22T08:05:00Z,nhanh,37,0.18").error()).contains("bad speedKmh 'nhanh'");
    }

    @Test
    void headerRow_isSkippedByTheKind() {
        assertThat(EventKind.TRAFFIC_CSV.skips("segment_id,time,speed_kmh,volume,occupancy")).isTrue();
        assertThat(EventKind.TRAFFIC_CSV.skips("ql1a-bien-hoa,2026-11-22T08:05:00Z,42.5,37,0.18")).isFalse();
    }

    @Test
    void columnsWithoutRequiredField_refused() {
        assertThatThrownBy(() -> new TrafficCsv(List.of("segmentId", "time", "speedKmh"))).hasMessageContaining("lacks volume");
    }
}
