package vn.iocstream.crawlers.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.crawlers.CrawlStats;

class SourceHealthTrackerTest {
    /** Stale after 3 missed intervals, silent after 48 hours without a new item. */
    private static final IocConfig.SourceHealth SETTINGS = new IocConfig.SourceHealth(60, 3, 48, "warning");
    static final IocConfig.Source TAY_NINH = new IocConfig.Source("baotayninh-tin-moi", "rss",
            "https://baotayninh.vn/rss/tin-moi.rss", "press", "Tây Ninh", "Báo Tây Ninh", "thoi-su", "15m", true, null, null, null, null);
    private static final Instant T0 = Instant.parse("2025-10-14T01:00:00Z");
    static final CrawlStats NEW_ITEMS = new CrawlStats(1, 0, 20, 3, 0, 0, 4);
    static final CrawlStats NOTHING_NEW = new CrawlStats(1, 0, 20, 0, 0, 0, 1);
    static final CrawlStats NOT_MODIFIED = new CrawlStats(1, 0, 0, 0, 0, 1, 0);
    static final CrawlStats FAILED = new CrawlStats(1, 1, 0, 0, 0, 0, 0);

    private final SourceHealthTracker tracker = new SourceHealthTracker(SETTINGS, 300);

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    @Test
    void polls_giveLastAttemptSuccessNewItemAndErrorCounts() {
        tracker.record(TAY_NINH, NEW_ITEMS, minutes(0));
        tracker.record(TAY_NINH, NOT_MODIFIED, minutes(15));
        tracker.record(TAY_NINH, FAILED, minutes(30));
        tracker.record(TAY_NINH, FAILED, minutes(45));

        assertThat(tracker.snapshot(minutes(46))).containsExactly(new SourceHealth("baotayninh-tin-moi", "Báo Tây Ninh",
                "https://baotayninh.vn/rss/tin-moi.rss", 900, minutes(45), minutes(15), minutes(0), 2, 2, 4, 3,
                "failing", minutes(46)));
    }

    @Test
    void noSuccessForThreeIntervals_alertsOncePerEpisode_andAgainAfterRecovery() {
        tracker.record(TAY_NINH, NEW_ITEMS, minutes(0));
        for (int m = 15; m <= 45; m += 15) tracker.record(TAY_NINH, FAILED, minutes(m));
        assertThat(tracker.due(minutes(44))).isEmpty(); // 44 min since the last success: under 3 × 15 min

        List<Alert> first = tracker.due(minutes(45));
        assertThat(first).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("source-stale");
            assertThat(a.key()).isEqualTo("baotayninh-tin-moi");
            assertThat(a.severity()).isEqualTo("warning");
            assertThat(a.windowStart()).isEqualTo(minutes(0));
            assertThat(a.count()).isEqualTo(3);
            assertThat(a.title()).isEqualTo("Nguồn baotayninh-tin-moi không lấy được tin từ 08:00 14/10/2025 (3 lần lỗi liên tiếp)");
        });
        assertThat(tracker.snapshot(minutes(45)).get(0).status()).isEqualTo("stale");
        tracker.raised(first.get(0));
        tracker.record(TAY_NINH, FAILED, minutes(60));
        assertThat(tracker.due(minutes(61))).as("same episode, already raised").isEmpty();

        tracker.record(TAY_NINH, NEW_ITEMS, minutes(75));
        assertThat(tracker.due(minutes(76))).isEmpty();
        for (int m = 90; m <= 120; m += 15) tracker.record(TAY_NINH, FAILED, minutes(m));
        assertThat(tracker.due(minutes(120))).singleElement()
                .satisfies(a -> assertThat(a.id()).isNotEqualTo(first.get(0).id()));
    }

    @Test
    void alertNotMarkedRaised_isOfferedAgainWithTheSameId() {
        tracker.record(TAY_NINH, FAILED, minutes(0));
        tracker.record(TAY_NINH, FAILED, minutes(45));

        String id = tracker.due(minutes(45)).get(0).id();

        assertThat(tracker.due(minutes(50))).singleElement().extracting(Alert::id).isEqualTo(id);
        assertThat(tracker.due(minutes(50)).get(0).title()).contains("chưa lấy được lần nào");
    }

    @Test
    void answeringFeedWithoutNewItemsForTwoDays_isSilent_untilANewItem() {
        tracker.record(TAY_NINH, NEW_ITEMS, minutes(0));
        Instant twoDays = T0.plus(Duration.ofHours(48));
        tracker.record(TAY_NINH, NOTHING_NEW, twoDays.minusSeconds(60));
        assertThat(tracker.due(twoDays.minusSeconds(1))).isEmpty();

        Alert silent = tracker.due(twoDays).get(0);
        assertThat(silent.title()).isEqualTo("Nguồn baotayninh-tin-moi không có tin mới từ 08:00 14/10/2025 (48 giờ)");
        assertThat(tracker.snapshot(twoDays).get(0).status()).isEqualTo("silent");
        tracker.raised(silent);
        assertThat(tracker.due(twoDays.plusSeconds(3600))).isEmpty();

        tracker.record(TAY_NINH, NEW_ITEMS, twoDays.plusSeconds(7200));
        assertThat(tracker.due(twoDays.plusSeconds(7300))).isEmpty();
        assertThat(tracker.snapshot(twoDays.plusSeconds(7300)).get(0).status()).isEqualTo("ok");
    }

    @Test
    void sourceWithoutSchedule_usesTheCrawlerInterval_andSilenceCheckCanBeOff() {
        IocConfig.Source noSchedule = new IocConfig.Source("baodongnai", "rss", "https://baodongnai.com.vn/rss", "press", "Đồng Nai");
        SourceHealthTracker quiet = new SourceHealthTracker(new IocConfig.SourceHealth(60, 3, 0, "info"), 300);
        quiet.record(noSchedule, NEW_ITEMS, minutes(0));
        quiet.record(noSchedule, FAILED, minutes(5));

        assertThat(quiet.snapshot(minutes(5)).get(0).intervalSeconds()).isEqualTo(300);
        assertThat(quiet.due(minutes(14))).isEmpty();
        assertThat(quiet.due(minutes(15))).singleElement().extracting(Alert::severity).isEqualTo("info");
        quiet.record(noSchedule, NOTHING_NEW, minutes(20));
        assertThat(quiet.due(minutes(60 * 24 * 30))).isEmpty();
    }
}
