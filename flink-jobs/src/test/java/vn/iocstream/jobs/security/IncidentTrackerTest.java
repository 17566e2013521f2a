package vn.iocstream.jobs.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentTrackerTest {
    private static RuleHit hit(long s, String id, int weight) {
        return new RuleHit("ssh-brute-force", "45.76.12.9", null, s * 1000, id, weight, "warning");
    }

    private static RuleHit port(long s, int port) {
        return new RuleHit("port-scan", "a → b", Integer.toString(port), s * 1000, "e" + s + "-" + port, 1, "warning");
    }

    @Test
    void thresholdWithinWindow_opensOnceWithFirstTimeAndEvidence() {
        IncidentTracker t = new IncidentTracker(5, 600_000);
        IncidentState s = new IncidentState();
        for (int i = 0; i < 4; i++) assertThat(t.add(s, hit(i * 10, "e" + i, 1))).isEmpty();
        Optional<IncidentTracker.Incident> opened = t.add(s, hit(40, "e4", 1));
        assertThat(opened).hasValueSatisfying(i -> {
            assertThat(i.firstMs()).isEqualTo(0);
            assertThat(i.count()).isEqualTo(5);
            assertThat(i.sampleIds()).containsExactly("e0", "e1", "e2", "e3", "e4");
        });
        assertThat(t.add(s, hit(50, "e5", 1))).isEmpty();
        assertThat(t.close(s)).hasValueSatisfying(i -> assertThat(i.count()).isEqualTo(6));
        assertThat(t.expiresAtMs(s)).isEqualTo(650_000);
    }

    @Test
    void failuresSpreadBeyondWindow_neverOpen() {
        IncidentTracker t = new IncidentTracker(5, 600_000);
        IncidentState s = new IncidentState();
        for (int i = 0; i < 20; i++) assertThat(t.add(s, hit(i * 601L, "e" + i, 1))).isEmpty();
        assertThat(s.times).hasSize(1); // state stays below the threshold
        assertThat(t.close(s)).isEmpty();
    }

    @Test
    void repeatedMessage_weighsAsItsCount() {
        IncidentTracker t = new IncidentTracker(5, 600_000);
        IncidentState s = new IncidentState();
        assertThat(t.add(s, hit(0, "e0", 1))).isEmpty();
        assertThat(t.add(s, hit(1, "e1", 4))).hasValueSatisfying(i -> assertThat(i.count()).isEqualTo(5));
    }

    @Test
    void distinctPorts_countOnceEach() {
        IncidentTracker t = new IncidentTracker(3, 60_000);
        IncidentState s = new IncidentState();
        assertThat(t.add(s, port(0, 22))).isEmpty();
        assertThat(t.add(s, port(1, 22))).isEmpty();
        assertThat(t.add(s, port(2, 80))).isEmpty();
        assertThat(t.add(s, port(3, 443))).hasValueSatisfying(i -> assertThat(i.count()).isEqualTo(3));
        t.add(s, port(4, 443));
        t.add(s, port(5, 8080));
        assertThat(t.close(s)).hasValueSatisfying(i -> assertThat(i.count()).isEqualTo(4));
    }

    @Test
    void hitAfterIncidentEnded_startsAnotherIncident() {
        IncidentTracker t = new IncidentTracker(1, 60_000);
        IncidentState s = new IncidentState();
        assertThat(t.add(s, hit(0, "a", 1))).isPresent();
        assertThat(t.add(s, hit(500, "b", 1))).hasValueSatisfying(i -> assertThat(i.firstMs()).isEqualTo(500_000));
    }

    @Test
    void hitReachingTheThresholdAlone_opensAloneTheIncidentAddWouldOpen_unlessOthersDecide() {
        IncidentTracker t = new IncidentTracker(5, 600_000);
        IncidentState s = new IncidentState();
        RuleHit repeated = hit(100, "repeated", 5);
        assertThat(t.openedAlone(s, repeated)).isEqualTo(t.add(new IncidentState(), repeated)).isPresent();
        assertThat(t.openedAlone(s, hit(100, "one", 1))).isEmpty(); // needs four more: which ones depends on order
        assertThat(t.openedAlone(s, port(100, 22))).isEmpty();
        t.add(s, hit(0, "before", 1));
        assertThat(t.openedAlone(s, repeated)).isEmpty(); // would count with the hit before it
        assertThat(t.openedAlone(s, hit(601, "after-window", 5))).isPresent();
        t.add(s, hit(10, "opens", 4));
        assertThat(t.openedAlone(s, hit(500, "in-incident", 5))).isEmpty();
        assertThat(t.openedAlone(s, hit(700, "incident-ended", 5))).isPresent();
    }

    @Test
    void incidentOpenedByAnEarlierHit_adoptsTheAnnouncedAnchor_onlyIfTheAnnouncedHitFallsInIt() {
        IncidentTracker t = new IncidentTracker(1, 600_000);
        IncidentState s = new IncidentState();
        t.add(s, hit(90, "late", 1));
        assertThat(t.adopt(s, 100_000)).isTrue();
        t.add(s, hit(100, "announced", 1));
        assertThat(t.close(s)).hasValueSatisfying(i -> {
            assertThat(i.anchorMs()).isEqualTo(100_000);
            assertThat(i.firstMs()).isEqualTo(90_000);
            assertThat(i.count()).isEqualTo(2);
        });

        IncidentState other = new IncidentState();
        assertThat(t.add(other, hit(0, "long-before", 1))).hasValueSatisfying(i -> assertThat(i.anchorMs()).isZero());
        assertThat(t.adopt(other, 700_000)).isFalse();
        assertThat(t.add(other, hit(700, "next-incident", 1))).hasValueSatisfying(i -> assertThat(i.anchorMs()).isEqualTo(700_000));
    }
}
