package vn.iocstream.jobs.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.CitizenReport;
import vn.iocstream.core.model.TrafficReading;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.jobs.io.Parsed;

class TrafficParsersTest {
    private static final TrafficParsers PARSERS = new TrafficParsers(RecordLimits.DEFAULT);
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wellFormedReading_parses() {
        Parsed<TrafficReading> p = PARSERS.reading(bytes(
                "{\"segmentId\":\"ql1a-bien-hoa\",\"time\":\"2026-11-20T01:05:00Z\",\"speedKmh\":42.5,\"volume\":37,\"occupancy\":0.18}"));
        assertThat(p.isOk()).isTrue();
        assertThat(p.value()).isEqualTo(new TrafficReading("ql1a-bien-hoa", Instant.parse("2026-11-20T01:05:00Z"), 42.5, 37L, 0.18));
    }

    @Test
    void brokenOrImpossibleReadings_areRefusedWithAReason() {
        assertThat(PARSERS.reading(bytes("{\"segmentId\":\"ql51\",\"time\":")).reason()).startsWith("invalid JSON for TrafficReading");
        assertThat(PARSERS.reading(bytes("{\"segmentId\":\"ql51\",\"speedKmh\":40,\"volume\":3,\"occupancy\":0.1}")).reason())
                .isEqualTo("missing field: time");
        assertThat(PARSERS.reading(bytes("{\"segmentId\":\"ql51\",\"time\":\"2026-11-20T01:05:00Z\",\"speedKmh\":255,\"volume\":3,\"occupancy\":0.1}")).reason())
                .startsWith("speedKmh out of range");
        assertThat(PARSERS.reading(bytes("{\"segmentId\":\"ql51\",\"time\":\"2026-11-20T01:05:00Z\",\"speedKmh\":40,\"volume\":3,\"occupancy\":3}")).reason())
                .startsWith("occupancy out of range");
        assertThat(PARSERS.reading(bytes("null")).reason()).isEqualTo("empty record");
        assertThat(PARSERS.reading(new byte[] {(byte) 0xff, 0x00}).isOk()).isFalse();
    }

    @Test
    void hotlineReportWithCommune_andAppReportWithOnlyAPosition_parse() {
        Parsed<CitizenReport> hotline = PARSERS.report(bytes("{\"id\":\"1022-0001234\",\"time\":\"2026-11-20T11:07:12Z\","
                + "\"channel\":\"hotline-1022\",\"category\":\"ùn tắc\",\"text\":\"Kẹt xe cứng ngã tư Vũng Tàu\","
                + "\"location\":{\"commune\":\"phường Tam Hiệp\",\"province\":\"Đồng Nai\"}}"));
        assertThat(hotline.isOk()).isTrue();
        assertThat(hotline.value().location().commune()).isEqualTo("phường Tam Hiệp");
        Parsed<CitizenReport> app = PARSERS.report(bytes("{\"id\":\"app-88\",\"time\":\"2026-11-20T11:08:00Z\","
                + "\"channel\":\"app\",\"text\":\"ngap sau qua\",\"location\":{\"lat\":10.9385,\"lon\":106.8584}}"));
        assertThat(app.isOk()).isTrue();
        assertThat(app.value().location().lat()).isEqualTo(10.9385);
    }

    @Test
    void reportsWithoutPlaceOrText_areRefused() {
        assertThat(PARSERS.report(bytes("{\"id\":\"1022-1\",\"time\":\"2026-11-20T11:07:12Z\",\"text\":\"chay nha\","
                + "\"location\":{\"province\":\"Đồng Nai\"}}")).reason()).isEqualTo("location has neither commune nor lat/lon");
        assertThat(PARSERS.report(bytes("{\"id\":\"1022-2\",\"time\":\"2026-11-20T11:07:12Z\",\"text\":\"  \","
                + "\"location\":{\"commune\":\"xã Gò Dầu\"}}")).reason()).isEqualTo("missing field: text");
        assertThat(PARSERS.report(bytes("{\"id\":\"1022-3\",\"time\":\"2026-11-20T11:07:12Z\",\"text\":\"cháy\","
                + "\"location\":{\"lat\":95,\"lon\":106}}")).reason()).startsWith("location lat/lon out of range");
    }

    @Test
    void timesOutsideThePlausibleWindow_andCounterFaults_areRefused() {
        assertThat(PARSERS.reading(bytes("{\"segmentId\":\"ql51\",\"time\":\"+300000000-01-01T00:00:00Z\",\"speedKmh\":40,"
                + "\"volume\":3,\"occupancy\":0.1}")).reason()).contains("outside the plausible window");
        assertThat(PARSERS.reading(bytes("{\"segmentId\":\"ql51\",\"time\":-62135596800,\"speedKmh\":40,"
                + "\"volume\":3,\"occupancy\":0.1}")).reason()).contains("outside the plausible window");
        assertThat(PARSERS.reading(bytes("{\"segmentId\":\"ql51\",\"time\":\"2026-11-20T01:05:00Z\",\"speedKmh\":40,"
                + "\"volume\":9223372036854775807,\"occupancy\":0.1}")).reason()).startsWith("volume out of range");
        assertThat(PARSERS.report(bytes("{\"id\":\"1022-9\",\"time\":\"0001-01-01T00:00:00Z\",\"text\":\"cháy\","
                + "\"location\":{\"commune\":\"xã Gò Dầu\"}}")).reason()).contains("outside the plausible window");
        assertThat(PARSERS.report(bytes("{\"id\":\"1022-9\",\"time\":\"2026-11-20T11:07:12Z\",\"text\":\"cháy\","
                + "\"location\":{\"commune\":\"" + "x".repeat(3000) + "\"}}")).reason()).contains("validation.maxFieldChars");
    }
}
