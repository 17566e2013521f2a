package vn.iocstream.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.core.model.TrafficReading;
import vn.iocstream.jobs.traffic.CongestionRule;
import vn.iocstream.jobs.traffic.CongestionState;

class TrafficGeneratorTest {
    /** Midnight in Vietnam. */
    private static final Instant DAY = Instant.parse("2026-11-18T17:00:00Z");
    private static final TrafficGenerator GENERATOR = new TrafficGenerator(7, Duration.ofMinutes(1));

    @Test
    void sameSeed_sameReadings_andAnyWindowAgreesWithTheWhole() {
        List<TrafficReading> whole = GENERATOR.readings(DAY, DAY.plus(Duration.ofHours(2)), List.of());
        List<TrafficReading> halves = new ArrayList<>(GENERATOR.readings(DAY, DAY.plus(Duration.ofHours(1)), List.of()));
        halves.addAll(GENERATOR.readings(DAY.plus(Duration.ofHours(1)), DAY.plus(Duration.ofHours(2)), List.of()));
        assertThat(halves).isEqualTo(whole);
        assertThat(new TrafficGenerator(8, Duration.ofMinutes(1)).readings(DAY, DAY.plus(Duration.ofHours(2)), List.of()))
                .isNotEqualTo(whole);
    }

    @Test
    void everyReadingIsValid_andRushHourIsSlowerAndBusierThanNight() {
        List<TrafficReading> day = GENERATOR.readings(DAY, DAY.plus(Duration.ofDays(1)), List.of());
        assertThat(day).allMatch(r -> r.problem(RecordLimits.DEFAULT, Instant.now()) == null);
        // About one reading per segment and minute, a few dropped as real sensors drop them.
        assertThat(day.size()).isBetween(8 * 1440 * 97 / 100, 8 * 1440);
        double rush = mean(day, "pham-van-dong", 7, true), night = mean(day, "pham-van-dong", 2, true);
        assertThat(rush).isLessThan(0.7 * night);
        assertThat(mean(day, "pham-van-dong", 7, false)).isGreaterThan(3 * mean(day, "pham-van-dong", 2, false));
        // The expressway slows less in the rush than the city street.
        assertThat(mean(day, "ct-hcm-lt-dg", 7, true) / mean(day, "ct-hcm-lt-dg", 2, true)).isGreaterThan(rush / night);
    }

    @Test
    void injectedCrash_collapsesSpeedOnItsSegmentOnly() {
        Instant crash = DAY.plus(Duration.ofHours(14));
        List<TrafficGenerator.Incident> incidents = List.of(new TrafficGenerator.Incident("ql51-long-thanh", crash, Duration.ofMinutes(20), 0.1));
        List<TrafficReading> with = GENERATOR.readings(crash.plus(Duration.ofMinutes(5)), crash.plus(Duration.ofMinutes(15)), incidents);
        List<TrafficReading> without = GENERATOR.readings(crash.plus(Duration.ofMinutes(5)), crash.plus(Duration.ofMinutes(15)), List.of());
        Map<String, Double> a = speeds(with), b = speeds(without);
        assertThat(a.get("ql51-long-thanh")).isLessThan(0.15 * b.get("ql51-long-thanh"));
        assertThat(with).filteredOn(r -> r.segmentId().equals("ql51-long-thanh")).allMatch(r -> r.occupancy() > 0.8);
        a.remove("ql51-long-thanh");
        b.remove("ql51-long-thanh");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void congestionRuleOverTwoGeneratedDays_flagsTheCrashOnly_neverTheRushHours() {
        Instant crash = DAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(10));
        List<TrafficGenerator.Incident> incidents = List.of(new TrafficGenerator.Incident("ql1a-bien-hoa", crash, Duration.ofMinutes(30), 0.12));
        CongestionRule rule = new CongestionRule(0.5, 15, 5, 30);
        Map<String, CongestionState> states = new java.util.HashMap<>();
        List<String> episodes = new ArrayList<>();
        for (TrafficReading r : GENERATOR.readings(DAY, DAY.plus(Duration.ofDays(2)), incidents)) {
            long minute = r.time().toEpochMilli() / 60_000 * 60_000;
            rule.observe(states.computeIfAbsent(r.segmentId(), k -> new CongestionState()), minute, 60_000, r.speedKmh())
                    .started().ifPresent(e -> episodes.add(r.segmentId() + "@" + Instant.ofEpochMilli(e.startMs())));
        }
        assertThat(episodes).singleElement().asString().startsWith("ql1a-bien-hoa@2026-11-20T03:0");
    }

    private static double mean(List<TrafficReading> readings, String segment, int vietnamHour, boolean speed) {
        return readings.stream()
                .filter(r -> r.segmentId().equals(segment) && (r.time().getEpochSecond() / 3600 + 7) % 24 == vietnamHour)
                .mapToDouble(r -> speed ? r.speedKmh() : r.volume()).average().orElseThrow();
    }

    private static Map<String, Double> speeds(List<TrafficReading> readings) {
        return readings.stream().collect(Collectors.groupingBy(TrafficReading::segmentId, Collectors.averagingDouble(TrafficReading::speedKmh)));
    }
}
