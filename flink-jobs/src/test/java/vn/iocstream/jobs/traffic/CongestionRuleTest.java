package vn.iocstream.jobs.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CongestionRuleTest {
    private static final long MINUTE = 60_000;
    /** 07:00 in Vietnam (00:00 UTC): the morning rush hour. */
    private static final long RUSH_HOUR = Instant.parse("2026-11-19T00:00:00Z").toEpochMilli();
    /** 12:00 in Vietnam, the next day's noon is {@code NOON + 24 h}. */
    private static final long NOON = Instant.parse("2026-11-19T05:00:00Z").toEpochMilli();
    private static final long DAY = 24 * 60 * MINUTE;

    private final CongestionRule rule = new CongestionRule(0.5, 15, 5, 30);
    private final CongestionState state = new CongestionState();

    /** A day of history: 28 km/h in the rush hour (07 h), 60 km/h at noon. */
    private void learnUsualDay() {
        for (int m = 0; m < 60; m++) rule.observe(state, RUSH_HOUR + m * MINUTE, MINUTE, 28 + (m % 3));
        for (int m = 0; m < 60; m++) rule.observe(state, NOON + m * MINUTE, MINUTE, 58 + (m % 5));
    }

    private List<CongestionRule.Verdict> feed(long from, double... speeds) {
        List<CongestionRule.Verdict> out = new ArrayList<>();
        for (int i = 0; i < speeds.length; i++) out.add(rule.observe(state, from + i * MINUTE, MINUTE, speeds[i]));
        return out;
    }

    @Test
    void rushHourAtItsUsualSpeed_isNeverCongestion() {
        learnUsualDay();
        // 25 km/h is less than half the noon speed, but it is the usual for 07 h.
        assertThat(feed(RUSH_HOUR + DAY, 25, 24, 26, 25, 24, 25, 26, 25)).noneMatch(CongestionRule.Verdict::congested);
    }

    @Test
    void speedCollapseAtNoon_confirmsOneEpisodeAtTheFifthSlowMinute() {
        learnUsualDay();
        long crash = NOON + DAY + 10 * MINUTE;
        List<CongestionRule.Verdict> v = feed(crash, 9, 7, 6, 8, 7, 6, 7);
        assertThat(v.subList(0, 4)).noneMatch(CongestionRule.Verdict::congested);
        assertThat(v.subList(4, 7)).allMatch(CongestionRule.Verdict::congested);
        assertThat(v).filteredOn(x -> x.started().isPresent()).hasSize(1);
        CongestionRule.Episode e = v.get(4).started().orElseThrow();
        assertThat(e.startMs()).isEqualTo(crash);
        assertThat(e.endMs()).isEqualTo(crash + 5 * MINUTE);
        assertThat(e.buckets()).isEqualTo(5);
        assertThat(e.bucketStarts()).hasSize(5).first().isEqualTo(crash);
        assertThat(e.usualKmh()).isBetween(58.0, 63.0);
        assertThat(e.speedKmh()).isBetween(6.0, 9.0);
    }

    @Test
    void slowDipShorterThanTheMinimumDuration_neverAlerts() {
        learnUsualDay();
        List<CongestionRule.Verdict> v = feed(NOON + DAY, 10, 9, 10, 9, 60, 10, 9, 10, 9, 59);
        assertThat(v).noneMatch(CongestionRule.Verdict::congested).noneMatch(x -> x.started().isPresent());
    }

    @Test
    void withoutHistoryForTheHour_noVerdict() {
        learnUsualDay();
        long evening = NOON + DAY + 6 * 60 * MINUTE; // 18 h: never seen
        List<CongestionRule.Verdict> v = feed(evening, 5, 5, 5, 5, 5, 5, 5);
        assertThat(v).noneMatch(CongestionRule.Verdict::congested);
        assertThat(v.get(0).usualKmh()).isZero(); // and the unjudged minutes start this hour's history
        assertThat(state.history[18]).isEqualTo(7);
    }

    @Test
    void episodeEndsAfterAsManyNormalMinutes_andAFlickerDoesNotEndIt() {
        learnUsualDay();
        long t = NOON + DAY;
        feed(t, 8, 8, 8, 8, 8);
        List<CongestionRule.Verdict> v = feed(t + 5 * MINUTE, 55, 56, 8, 57, 58, 59, 60, 61, 62);
        assertThat(v.subList(0, 7)).allMatch(CongestionRule.Verdict::congested); // the 8 km/h minute restarts the count
        assertThat(v.get(7).congested()).isFalse();
        assertThat(v).noneMatch(x -> x.started().isPresent());
        // And a new crash later is a new episode.
        assertThat(feed(t + 20 * MINUTE, 7, 7, 7, 7, 7).get(4).started()).isPresent();
    }

    @Test
    void slowMinutes_doNotTeachTheBaseline() {
        learnUsualDay();
        double before = state.usualKmh[12];
        feed(NOON + DAY, new double[40]); // 40 minutes at a standstill
        assertThat(state.usualKmh[12]).isEqualTo(before);
    }

    @Test
    void hourOfDay_isVietnamTime() {
        assertThat(CongestionRule.hourOfDay(RUSH_HOUR)).isEqualTo(7);
        assertThat(CongestionRule.hourOfDay(Instant.parse("2026-11-19T17:30:00Z").toEpochMilli())).isZero();
    }
}
