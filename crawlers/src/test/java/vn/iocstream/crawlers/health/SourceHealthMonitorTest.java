package vn.iocstream.crawlers.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.testing.ClickHouseTestServer;

/** Against the real ClickHouse server of the core test harness. */
class SourceHealthMonitorTest {
    private static final IocConfig.Source DA_NANG = new IocConfig.Source("baodanang-thoi-su", "atom",
            "https://baodanang.vn/thoi-su.atom", "press", "Đà Nẵng", "Báo Đà Nẵng", "thoi-su", "10m", false, null, null, null, null);

    @Test
    void rounds_writeOneCurrentRowPerSource_andRaiseAStaleAlertOnce() {
        ClickHouseClient clickHouse = ClickHouseTestServer.freshDatabase("source_health");
        List<Alert> delivered = new ArrayList<>();
        Instant t0 = Instant.parse("2025-10-14T01:00:00Z");
        SourceHealthTracker tracker = new SourceHealthTracker(new IocConfig.SourceHealth(60, 3, 48, "warning"), 300);

        new SourceHealthMonitor(tracker, clickHouse, delivered::add, Clock.fixed(t0, ZoneOffset.UTC))
                .record(SourceHealthTrackerTest.TAY_NINH, SourceHealthTrackerTest.NEW_ITEMS);
        new SourceHealthMonitor(tracker, clickHouse, delivered::add, Clock.fixed(t0, ZoneOffset.UTC))
                .record(DA_NANG, SourceHealthTrackerTest.FAILED);
        assertThat(new SourceHealthMonitor(tracker, clickHouse, delivered::add, Clock.fixed(t0.plusSeconds(60), ZoneOffset.UTC)).round()).isZero();
        SourceHealthMonitor later = new SourceHealthMonitor(tracker, clickHouse, delivered::add, Clock.fixed(t0.plusSeconds(1800), ZoneOffset.UTC));
        assertThat(later.round()).isEqualTo(1);
        assertThat(later.round()).isZero();

        List<String> rows = clickHouse.query("SELECT source, status, toUInt32(last_success), toUInt32(last_new_item), consecutive_errors, "
                + "total_errors, new_items, interval_seconds FROM source_health FINAL ORDER BY source",
                rs -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
        assertThat(rows).containsExactly(
                "baodanang-thoi-su stale 0 0 1 1 0 600", // never succeeded: the epoch, as the table documents
                "baotayninh-tin-moi ok " + t0.getEpochSecond() + " " + t0.getEpochSecond() + " 0 0 3 900");
        assertThat(delivered).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("baodanang-thoi-su");
            assertThat(a.windowEnd()).isEqualTo(t0.plusSeconds(1800));
        });
    }

    @Test
    void restartOnTheSavedState_keepsTheOutageAndDoesNotRaiseItsEpisodeAgain(@TempDir Path state) throws Exception {
        ClickHouseClient clickHouse = ClickHouseTestServer.freshDatabase("source_health_restart");
        Instant t0 = Instant.parse("2025-10-14T01:00:00Z");
        IocConfig.SourceHealth settings = new IocConfig.SourceHealth(60, 3, 48, "warning");
        List<Alert> delivered = new ArrayList<>();
        Path file = state.resolve("health.json");

        SourceHealthMonitor first = new SourceHealthMonitor(new SourceHealthTracker(settings, 300), clickHouse, delivered::add,
                Clock.fixed(t0.plusSeconds(1800), ZoneOffset.UTC));
        first.rememberIn(file, List.of(DA_NANG));
        first.record(DA_NANG, SourceHealthTrackerTest.FAILED); // at t0 + 30 min by its clock: the outage begins then
        assertThat(first.round()).isZero();
        SourceHealthMonitor again = new SourceHealthMonitor(new SourceHealthTracker(settings, 300), clickHouse, delivered::add,
                Clock.fixed(t0.plusSeconds(1800 + 1800), ZoneOffset.UTC));
        again.rememberIn(file, List.of(DA_NANG));
        assertThat(again.round()).as("30 min of failing, remembered across the restart").isEqualTo(1);

        // The process is killed; a third one starts on the saved state, later still.
        SourceHealthMonitor third = new SourceHealthMonitor(new SourceHealthTracker(settings, 300), clickHouse, delivered::add,
                Clock.fixed(t0.plusSeconds(7200), ZoneOffset.UTC));
        third.rememberIn(file, List.of(DA_NANG));
        assertThat(third.round()).as("the episode was raised before the restart").isZero();
        assertThat(delivered).singleElement().satisfies(a -> assertThat(a.windowStart()).isEqualTo(t0.plusSeconds(1800)));
    }

    @Test
    void handlerThatThrows_leavesTheAlertDueForTheNextRound() {
        ClickHouseClient clickHouse = ClickHouseTestServer.freshDatabase("source_health_retry");
        Instant t0 = Instant.parse("2025-10-14T01:00:00Z");
        SourceHealthTracker tracker = new SourceHealthTracker(new IocConfig.SourceHealth(60, 3, 48, "warning"), 300);
        tracker.record(DA_NANG, SourceHealthTrackerTest.FAILED, t0);
        Clock late = Clock.fixed(t0.plusSeconds(3600), ZoneOffset.UTC);

        int failed = new SourceHealthMonitor(tracker, clickHouse, a -> {
            throw new IllegalStateException("alerts table unavailable");
        }, late).round();
        List<Alert> delivered = new ArrayList<>();
        int retried = new SourceHealthMonitor(tracker, clickHouse, delivered::add, late).round();

        assertThat(failed).isZero();
        assertThat(retried).isEqualTo(1);
        assertThat(delivered).hasSize(1);
    }
}
