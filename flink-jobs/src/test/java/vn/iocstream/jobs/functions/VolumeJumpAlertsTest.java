package vn.iocstream.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.Alert;
import vn.iocstream.jobs.detectors.VolumeJumpDetector;

class VolumeJumpAlertsTest {
    private static final Instant MORNING = Instant.parse("2026-11-20T01:00:00Z");
    private static final String WATCHLIST = "tai-nan-giao-thong";
    private KeyedOneInputStreamOperatorTestHarness<String, WatchlistHit, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        VolumeJumpAlerts function = new VolumeJumpAlerts(new VolumeJumpDetector(10, 60, 60, 5, 3.0, 3.0),
                Map.of(WATCHLIST, "Tai nạn giao thông"));
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(function, WatchlistHit::watchlist, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void burstAfterQuietHour_raisesOneAlertWithEvidence_andStateDrains() throws Exception {
        for (int m = 0; m < 60; m += 10) hit("baseline-" + m, MORNING.plus(Duration.ofMinutes(m)));
        Instant burst = MORNING.plus(Duration.ofMinutes(61));
        for (int i = 0; i < 8; i++) hit("burst-" + i, burst.plusSeconds(5L * i));

        harness.processWatermark(burst.plus(Duration.ofMinutes(5)).toEpochMilli());
        List<Alert> alerts = harness.extractOutputValues();
        assertThat(alerts).hasSize(1);
        Alert alert = alerts.get(0);
        assertThat(alert.key()).isEqualTo(WATCHLIST);
        assertThat(alert.title()).isEqualTo("Tăng đột biến bài viết: Tai nạn giao thông");
        assertThat(alert.postIds()).isNotEmpty().allMatch(id -> id.startsWith("burst-"));
        assertThat(alert.createdAt()).isEqualTo(alert.windowEnd()); // event time, so replays agree

        // Bucket timers stop once the window is empty; only the cleanup timer is left, then nothing.
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void sameInputTwice_raisesTheSameAlertId() throws Exception {
        for (int m = 0; m < 60; m += 10) hit("baseline-" + m, MORNING.plus(Duration.ofMinutes(m)));
        for (int i = 0; i < 8; i++) hit("burst-" + i, MORNING.plus(Duration.ofMinutes(61)).plusSeconds(5L * i));
        harness.processWatermark(Long.MAX_VALUE);
        String first = harness.extractOutputValues().get(0).id();

        close();
        open();
        for (int i = 7; i >= 0; i--) hit("burst-" + i, MORNING.plus(Duration.ofMinutes(61)).plusSeconds(5L * i));
        for (int m = 50; m >= 0; m -= 10) hit("baseline-" + m, MORNING.plus(Duration.ofMinutes(m)));
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(harness.extractOutputValues()).extracting(Alert::id).containsExactly(first);
    }

    private void hit(String postId, Instant at) throws Exception {
        harness.processElement(new WatchlistHit(WATCHLIST, postId, at.toEpochMilli(), true, -0.5, null), at.toEpochMilli());
    }
}
