package vn.iocstream.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.Trend;
import vn.iocstream.jobs.detectors.trend.TrendDetector;
import vn.iocstream.jobs.detectors.trend.TrendHit;

class DetectTrendsTest {
    private static final Instant MORNING = Instant.parse("2026-11-20T01:00:00Z");
    private static final IocConfig.Trends CONFIG = new IocConfig.Trends(30, 2, 4, 3, 3.0, 4.0, 3, 3, 3.0, 12);
    private KeyedOneInputStreamOperatorTestHarness<String, TrendHit, Trend> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new DetectTrends(new TrendDetector(CONFIG)),
                TrendHit::groupKey, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void socialBurstThenPress_emitsTrendRowsAndAlerts_andStateDrains() throws Exception {
        // Residents post about a flooded underpass; two hours later the provincial paper reports it.
        for (int i = 0; i < 6; i++) hit("fb-" + i, MORNING.plus(Duration.ofMinutes(5L * i)), true);
        hit("baotayninh-1", MORNING.plus(Duration.ofMinutes(130)), false);

        harness.processWatermark(MORNING.plus(Duration.ofHours(3)).toEpochMilli());
        List<Trend> trends = harness.extractOutputValues();
        assertThat(trends).isNotEmpty().allMatch(t -> t.key().equals("hầm chui ngập") && t.keyType().equals("entity"));
        assertThat(trends.get(0).count()).isEqualTo(6);
        assertThat(trends.get(0).windowStart()).isEqualTo(MORNING.minus(Duration.ofMinutes(30)));
        List<Alert> alerts = alerts();
        assertThat(alerts).extracting(Alert::rule).containsExactlyInAnyOrder(TrendDetector.JUMP, TrendDetector.PICKUP);
        assertThat(alerts).allMatch(a -> a.createdAt().equals(a.windowEnd())); // event time: replays agree

        // Only the cleanup timer is left once the windows are empty; then nothing.
        harness.processWatermark(MORNING.plus(Duration.ofHours(4)).toEpochMilli());
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void postLaterThanTheWatermark_countsForTheNextWindows_only() throws Exception {
        for (int i = 0; i < 3; i++) hit("fb-" + i, MORNING.plus(Duration.ofMinutes(i)), true);
        harness.processWatermark(MORNING.plus(Duration.ofMinutes(45)).toEpochMilli());
        assertThat(harness.extractOutputValues()).extracting(Trend::count).containsExactly(3L);
        hit("fb-late", MORNING.plus(Duration.ofMinutes(10)), true); // its bucket is already closed
        harness.processWatermark(MORNING.plus(Duration.ofMinutes(75)).toEpochMilli());
        // The 08:00–09:00 window (UTC+7) now holds four posts; the reported 07:30–08:30 window is left as it was.
        assertThat(harness.extractOutputValues()).extracting(Trend::count).containsExactly(3L, 4L);
    }

    private List<Alert> alerts() {
        return harness.getSideOutput(DetectTrends.ALERTS).stream().map(StreamRecord::getValue).toList();
    }

    private void hit(String postId, Instant at, boolean social) throws Exception {
        harness.processElement(new TrendHit("entity", "hầm chui ngập", "Hầm chui ngập", postId, at.toEpochMilli(), social,
                true, null), at.toEpochMilli());
    }
}
