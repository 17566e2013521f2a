package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;

class CrawlScheduleTest {
    private static final Instant T0 = Instant.parse("2025-10-14T09:30:00Z");

    /** pollIntervalSeconds 5, minRefetchSeconds 60, maxRefetchSeconds 1800, as shipped. */
    private static IocConfig.Crawler settings(int pollSeconds, int minSeconds, int maxSeconds) {
        return new IocConfig.Crawler(pollSeconds, 0, 5, 1_000_000, "IOCStreamBot/test", true, "", 4, minSeconds, maxSeconds, 48, 5, List.of(), "");
    }

    private static IocConfig.Source source(String name, String schedule) {
        return new IocConfig.Source(name, "rss", "https://baotayninh.vn/rss/" + name + ".rss", "press", "Tây Ninh",
                "Báo Tây Ninh", null, schedule, false, null, null, null, null);
    }

    @Test
    void scheduleStrings_giveIntervals_emptyFallsBackToPollInterval() {
        IocConfig.Crawler s = settings(5, 60, 1800);

        assertThat(CrawlSchedule.nominal(source("a", "90s"), s)).isEqualTo(Duration.ofSeconds(90));
        assertThat(CrawlSchedule.nominal(source("b", "5m"), s)).isEqualTo(Duration.ofMinutes(5));
        assertThat(CrawlSchedule.nominal(source("c", "1h"), s)).isEqualTo(Duration.ofHours(1));
        assertThat(CrawlSchedule.nominal(source("d", ""), s)).isEqualTo(Duration.ofSeconds(5));
        assertThat(CrawlSchedule.nominal(source("e", null), s)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void everySourceDueAtStart_thenNotAgainWhileRunningOrBeforeItsInterval() {
        IocConfig.Source thoiSu = source("thoi-su", "5m");
        IocConfig.Source kinhTe = source("kinh-te", "10m");
        CrawlSchedule schedule = new CrawlSchedule(List.of(thoiSu, kinhTe), settings(5, 60, 1800), T0);

        assertThat(schedule.takeDue(T0)).containsExactly(thoiSu, kinhTe);
        assertThat(schedule.takeDue(T0.plusSeconds(3600))).as("still running").isEmpty();

        schedule.done(thoiSu, CrawlSchedule.Outcome.NOTHING_NEW, T0.plusSeconds(2));
        assertThat(schedule.interval(thoiSu)).isEqualTo(Duration.ofSeconds(450));
        assertThat(schedule.takeDue(T0.plusSeconds(451))).isEmpty();
        assertThat(schedule.takeDue(T0.plusSeconds(452))).containsExactly(thoiSu);
    }

    @Test
    void newItems_pollSooner_downToMinRefetch() {
        IocConfig.Source s = source("tin-moi", "5m");
        CrawlSchedule schedule = new CrawlSchedule(List.of(s), settings(5, 60, 1800), T0);

        Instant now = T0;
        for (int poll = 0; poll < 6; poll++) {
            schedule.takeDue(now);
            schedule.done(s, CrawlSchedule.Outcome.NEW_ITEMS, now);
            now = now.plus(schedule.interval(s));
        }

        assertThat(schedule.interval(s)).isEqualTo(Duration.ofSeconds(60)); // 300 → 150 → 75 → 60 (floor)
    }

    @Test
    void nothingNew_backsOffUpToMaxRefetch_failuresFaster() {
        IocConfig.Source quiet = source("quiet", "5m");
        IocConfig.Source broken = source("broken", "5m");
        CrawlSchedule schedule = new CrawlSchedule(List.of(quiet, broken), settings(5, 60, 1800), T0);

        schedule.takeDue(T0);
        schedule.done(quiet, CrawlSchedule.Outcome.NOTHING_NEW, T0);
        schedule.done(broken, CrawlSchedule.Outcome.FAILED, T0);
        assertThat(schedule.interval(quiet)).isEqualTo(Duration.ofSeconds(450));
        assertThat(schedule.interval(broken)).isEqualTo(Duration.ofSeconds(600));

        for (int poll = 0; poll < 20; poll++) {
            Instant now = T0.plus(Duration.ofDays(poll + 1));
            schedule.takeDue(now);
            schedule.done(quiet, CrawlSchedule.Outcome.NOTHING_NEW, now);
        }
        assertThat(schedule.interval(quiet)).isEqualTo(Duration.ofSeconds(1800));
    }

    @Test
    void scheduleOutsideTheBounds_widensThemForItsSource() {
        IocConfig.Source hourly = source("hourly", "1h");
        IocConfig.Source fast = source("fast", "");
        CrawlSchedule schedule = new CrawlSchedule(List.of(hourly, fast), settings(5, 60, 1800), T0);

        schedule.takeDue(T0);
        schedule.done(hourly, CrawlSchedule.Outcome.NOTHING_NEW, T0);
        schedule.done(fast, CrawlSchedule.Outcome.NEW_ITEMS, T0);

        assertThat(schedule.interval(hourly)).as("not cut to maxRefetchSeconds").isEqualTo(Duration.ofHours(1));
        assertThat(schedule.interval(fast)).as("a 5 s default is not polled faster").isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void demoSettings_quietFeedStillPolledEveryFiveSeconds() {
        // app/src/main/resources/demo/demo.yaml: pollIntervalSeconds 2, maxRefetchSeconds 5.
        IocConfig.Source demo = source("demo", null);
        CrawlSchedule schedule = new CrawlSchedule(List.of(demo), settings(2, 60, 5), T0);

        Instant now = T0;
        for (int poll = 0; poll < 10; poll++) {
            assertThat(schedule.takeDue(now)).containsExactly(demo);
            schedule.done(demo, CrawlSchedule.Outcome.NOTHING_NEW, now);
            now = now.plus(schedule.interval(demo));
        }
        assertThat(schedule.interval(demo)).isEqualTo(Duration.ofSeconds(5));
        schedule.done(demo, CrawlSchedule.Outcome.NEW_ITEMS, now);
        assertThat(schedule.interval(demo)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void outcome_followsThePollsStatistics() {
        assertThat(CrawlSchedule.outcome(new CrawlStats(1, 0, 4, 6, 0, 0, 4))).isEqualTo(CrawlSchedule.Outcome.NEW_ITEMS);
        assertThat(CrawlSchedule.outcome(new CrawlStats(1, 0, 0, 0, 0, 1, 0))).isEqualTo(CrawlSchedule.Outcome.NOTHING_NEW);
        assertThat(CrawlSchedule.outcome(new CrawlStats(1, 1, 0, 0, 0, 0, 0))).isEqualTo(CrawlSchedule.Outcome.FAILED);
    }
}
