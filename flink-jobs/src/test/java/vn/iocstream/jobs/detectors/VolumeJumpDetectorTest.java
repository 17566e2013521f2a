package vn.iocstream.jobs.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeJumpDetectorTest {
    /** A named instant: 08:00 Vietnam time on a weekday morning. */
    private static final Instant MORNING = Instant.parse("2026-11-20T01:00:00Z");
    private final VolumeJumpDetector detector = new VolumeJumpDetector(10, 60, 60, 5, 3.0, 3.0);

    @Test
    void burstAfterQuietHour_isReportedOnce() {
        List<Instant> events = quietHour();
        Instant burst = MORNING.plus(Duration.ofMinutes(61));
        for (int i = 0; i < 8; i++) events.add(burst.plusSeconds(5L * i));

        List<VolumeJumpDetector.Jump> jumps = run(events, burst.plus(Duration.ofMinutes(10)));

        assertThat(jumps).hasSize(1);
        VolumeJumpDetector.Jump jump = jumps.get(0);
        assertThat(jump.count()).isGreaterThanOrEqualTo(5);
        assertThat(jump.baselineMean()).isLessThan(0.5);
        assertThat(Instant.ofEpochMilli(jump.endMs())).isAfter(burst).isBefore(burst.plusSeconds(60));
        assertThat(jump.evidenceIds()).hasSizeGreaterThanOrEqualTo(5).allMatch(id -> id.startsWith("post-"));
    }

    @Test
    void burstOnANewKey_isNotJudgedWithoutHistory() {
        List<Instant> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) events.add(MORNING.plusSeconds(3L * i));
        assertThat(run(events, MORNING.plus(Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void steadyHighVolume_isNotAJump() {
        List<Instant> events = new ArrayList<>();
        for (int s = 0; s < 2 * 3600; s += 6) events.add(MORNING.plusSeconds(s)); // 10 posts a minute for 2 h
        assertThat(run(events, MORNING.plus(Duration.ofHours(2)))).isEmpty();
    }

    @Test
    void secondBurstAfterCalm_isReportedAgain() {
        List<Instant> events = quietHour();
        Instant first = MORNING.plus(Duration.ofMinutes(61));
        Instant second = MORNING.plus(Duration.ofMinutes(100));
        for (int i = 0; i < 8; i++) {
            events.add(first.plusSeconds(5L * i));
            events.add(second.plusSeconds(5L * i));
        }
        events.sort(null);
        assertThat(run(events, second.plus(Duration.ofMinutes(5)))).hasSize(2);
    }

    @Test
    void windowNotAMultipleOfBucket_isRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VolumeJumpDetector(7, 60, 10, 5, 3, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple");
    }

    /** One post every ten minutes for an hour: the sparse baseline of a topic nobody talks about. */
    private static List<Instant> quietHour() {
        List<Instant> events = new ArrayList<>();
        for (int m = 0; m < 60; m += 10) events.add(MORNING.plus(Duration.ofMinutes(m)));
        return events;
    }

    /** Feeds events in order and evaluates every bucket as it closes, as the Flink timers do. */
    private List<VolumeJumpDetector.Jump> run(List<Instant> events, Instant until) {
        VolumeJumpState state = new VolumeJumpState();
        List<VolumeJumpDetector.Jump> jumps = new ArrayList<>();
        long next = detector.grid().bucketOf(events.get(0).toEpochMilli());
        int i = 0;
        long last = detector.grid().bucketOf(until.toEpochMilli());
        for (long bucket = next; bucket <= last; bucket++) {
            while (i < events.size() && detector.grid().bucketOf(events.get(i).toEpochMilli()) == bucket) {
                detector.add(state, events.get(i).toEpochMilli(), "post-" + i, null);
                i++;
            }
            detector.evaluate(state, bucket).ifPresent(jumps::add);
        }
        return jumps;
    }
}
