package vn.iocstream.jobs.detectors.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.Trend;

class TrendDetectorTest {
    /** 30-minute buckets, 1-hour windows, a 4-hour baseline; small thresholds so fixtures stay readable. */
    static final IocConfig.Trends CONFIG = new IocConfig.Trends(30, 2, 4, 3, 3.0, 4.0, 3, 3, 3.0, 12);
    private static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z"); // 08:00 in Hà Nội

    @Test
    void storyJump_yieldsTrendRows_andOneAlertPerEpisode() {
        List<TrendHit> hits = new ArrayList<>();
        // One post an hour for five hours: the watchlist's usual volume.
        for (int h = 0; h < 5; h++) hits.add(hit("watchlist", "sạt lở", "p" + h, T0.plus(Duration.ofHours(h)), false, false));
        // Then eight posts in forty minutes: a landslide buried houses.
        for (int i = 0; i < 8; i++) hits.add(hit("watchlist", "sạt lở", "b" + i, T0.plus(Duration.ofMinutes(330 + 5 * i)), false, false));

        Run run = run(hits);

        assertThat(run.trends).isNotEmpty().allMatch(t -> t.count() >= 3 && t.score() >= 3.0);
        Trend peak = run.trends.stream().max((a, b) -> Long.compare(a.count(), b.count())).orElseThrow();
        assertThat(peak.count()).isEqualTo(8);
        // History of the peak window (ending 06:30 local) is 02:30–06:30: three of the hourly posts.
        assertThat(peak.baseline()).isEqualTo(0.75);
        assertThat(peak.firstSeen()).isEqualTo(T0);
        assertThat(peak.postIds()).startsWith("b0", "b1");
        assertThat(run.alerts).extracting(Alert::rule).containsExactly(TrendDetector.JUMP);
        Alert jump = run.alerts.get(0);
        assertThat(jump.key()).isEqualTo("watchlist:sạt lở");
        assertThat(jump.postIds()).contains("b0").doesNotContain("p0");
    }

    @Test
    void phraseJump_isATrendRow_butNoAlert() {
        List<TrendHit> hits = new ArrayList<>();
        for (int i = 0; i < 8; i++) hits.add(hit("phrase", "sạt lở", "b" + i, T0.plus(Duration.ofMinutes(330 + 5 * i)), false, false));
        Run run = run(hits);
        assertThat(run.trends).isNotEmpty();
        assertThat(run.alerts).isEmpty();
    }

    @Test
    void steadyVolume_isNoTrend() {
        List<TrendHit> hits = new ArrayList<>();
        for (int i = 0; i < 40; i++) hits.add(hit("locality", "Hà Nội", "h" + i, T0.plus(Duration.ofMinutes(15L * i)), false, false));
        Run run = run(hits);
        // The first hours trend (a new key has no baseline); after that four posts an hour is the norm.
        assertThat(run.trends).allMatch(t -> t.windowEnd().isBefore(T0.plus(Duration.ofHours(4))));
    }

    @Test
    void socialStoryPickedUpByThePress_raisesAPickupAlert_withBothSides() {
        List<TrendHit> hits = List.of(
                hit("phrase", "cháy chung cư", "fb1", T0, true, true),
                hit("phrase", "cháy chung cư", "fb2", T0.plus(Duration.ofMinutes(20)), true, true),
                hit("phrase", "cháy chung cư", "cm1", T0.plus(Duration.ofMinutes(50)), true, true),
                hit("phrase", "cháy chung cư", "vne1", T0.plus(Duration.ofMinutes(70)), false, true),
                hit("phrase", "cháy chung cư", "tt1", T0.plus(Duration.ofMinutes(95)), false, true));

        Run run = run(hits);

        List<Alert> pickups = run.alerts.stream().filter(a -> a.rule().equals(TrendDetector.PICKUP)).toList();
        assertThat(pickups).hasSize(1);
        assertThat(pickups.get(0).count()).isEqualTo(3);
        assertThat(pickups.get(0).postIds()).containsExactly("fb1", "fb2", "cm1", "vne1");
        assertThat(pickups.get(0).windowStart()).isEqualTo(T0);
    }

    @Test
    void pressFirst_orTooLittleSocial_raisesNoPickup() {
        List<TrendHit> pressFirst = List.of(
                hit("phrase", "giá xăng", "vne1", T0, false, false),
                hit("phrase", "giá xăng", "fb1", T0.plus(Duration.ofMinutes(40)), true, false),
                hit("phrase", "giá xăng", "fb2", T0.plus(Duration.ofMinutes(41)), true, false),
                hit("phrase", "giá xăng", "fb3", T0.plus(Duration.ofMinutes(42)), true, false),
                hit("phrase", "giá xăng", "tt1", T0.plus(Duration.ofMinutes(100)), false, false));
        List<TrendHit> oneComment = List.of(
                hit("phrase", "kẹt xe", "cm1", T0, true, false),
                hit("phrase", "kẹt xe", "vne1", T0.plus(Duration.ofMinutes(70)), false, false));
        assertThat(run(pressFirst).alerts).noneMatch(a -> a.rule().equals(TrendDetector.PICKUP));
        assertThat(run(oneComment).alerts).noneMatch(a -> a.rule().equals(TrendDetector.PICKUP));
    }

    @Test
    void negativeBurstOnAWatchlist_raisesAnAlert_butNotOnOtherKeyTypes() {
        List<TrendHit> watchlist = new ArrayList<>();
        List<TrendHit> phrase = new ArrayList<>();
        // A mixed-tone watchlist for four hours, then angry posts about flooding in one hour.
        for (int h = 0; h < 5; h++) {
            watchlist.add(hit("watchlist", "ngap-lut", "q" + h, T0.plus(Duration.ofMinutes(60L * h)), false, h % 2 == 0));
            watchlist.add(hit("watchlist", "ngap-lut", "r" + h, T0.plus(Duration.ofMinutes(60L * h + 30)), false, false));
        }
        for (int i = 0; i < 5; i++) {
            watchlist.add(hit("watchlist", "ngap-lut", "n" + i, T0.plus(Duration.ofMinutes(320 + 3 * i)), true, true));
            phrase.add(hit("phrase", "ngập", "n" + i, T0.plus(Duration.ofMinutes(320 + 3 * i)), true, true));
        }

        List<Alert> alerts = run(watchlist).alerts;
        assertThat(alerts).filteredOn(a -> a.rule().equals(TrendDetector.NEGATIVE)).singleElement()
                .satisfies(a -> {
                    assertThat(a.key()).isEqualTo("watchlist:ngap-lut");
                    // The window 04:30–05:30 UTC+0 holds n0–n3 (n4 closes the next bucket); its history, four
                    // hours before, holds the negative posts q2 and q4: 2 / 4 windows.
                    assertThat(a.count()).isEqualTo(4);
                    assertThat(a.baseline()).isEqualTo(0.5);
                    assertThat(a.postIds()).containsExactly("n0", "n1", "n2", "n3");
                });
        assertThat(run(phrase).alerts).noneMatch(a -> a.rule().equals(TrendDetector.NEGATIVE));
    }

    @Test
    void anyArrivalOrderBeforeTheBucketCloses_givesTheSameRowsAndAlerts() {
        List<TrendHit> hits = new ArrayList<>();
        for (int h = 0; h < 5; h++) hits.add(hit("entity", "org:bo-y-te", "p" + h, T0.plus(Duration.ofHours(h)), h == 0, false));
        for (int i = 0; i < 12; i++) hits.add(hit("entity", "org:bo-y-te", "b" + i, T0.plus(Duration.ofMinutes(301 + 2 * (i % 6))), i < 4, i % 3 == 0));
        Run first = run(hits);
        List<TrendHit> shuffled = new ArrayList<>(hits);
        Collections.shuffle(shuffled, new Random(7));
        Run second = run(shuffled);
        assertThat(first.trends).isNotEmpty();
        assertThat(second.trends).isEqualTo(first.trends);
        assertThat(second.alerts).isEqualTo(first.alerts);
    }

    @Test
    void stateIsPrunedToTheHorizon() {
        TrendDetector detector = new TrendDetector(CONFIG);
        TrendState state = new TrendState();
        for (int h = 0; h < 48; h++) detector.add(state, hit("story", "s1", "p" + h, T0.plus(Duration.ofHours(h)), false, false));
        long last = detector.grid().bucketOf(T0.plus(Duration.ofHours(47)).toEpochMilli());
        detector.evaluate(state, last);
        // A window of 2 buckets plus 4 windows of history: nothing older than 10 buckets survives.
        assertThat(state.counts.keySet()).allMatch(b -> b > last - 10).hasSizeLessThanOrEqualTo(10);
        assertThat(state.samples).hasSameSizeAs(state.counts);
        assertThat(state.samples.values()).allMatch(s -> s.size() <= TrendDetector.SAMPLES_PER_BUCKET);
    }

    record Run(List<Trend> trends, List<Alert> alerts) {}

    /** What the Flink operator does with its timers: add every hit, then close each bucket in order. */
    static Run run(List<TrendHit> hits) {
        TrendDetector detector = new TrendDetector(CONFIG);
        TrendState state = new TrendState();
        for (TrendHit h : hits) detector.add(state, h);
        long first = hits.stream().mapToLong(h -> detector.grid().bucketOf(h.timeMs())).min().orElseThrow();
        long last = hits.stream().mapToLong(h -> detector.grid().bucketOf(h.timeMs())).max().orElseThrow() + CONFIG.windowBuckets();
        List<Trend> trends = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        for (long b = first; b <= last; b++) {
            TrendDetector.Evaluation e = detector.evaluate(state, b);
            e.trend().ifPresent(trends::add);
            alerts.addAll(e.alerts());
        }
        return new Run(trends, alerts);
    }

    static TrendHit hit(String type, String key, String postId, Instant time, boolean social, boolean negative) {
        return new TrendHit(type, key, key, postId, time.toEpochMilli(), social, negative, null);
    }
}
