package vn.iocstream.jobs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.jobs.detectors.SeasonalLikelihoodDetector;

class RequestRateTrackerTest {
    private final IocConfig.RequestRate config = new IocConfig.RequestRate(true, "default", 60, 50,
            SeasonalLikelihoodDetector.ALARM, "warning");

    @Test
    void steadyTrafficThenFlood_onlyTheFloodSpikes() {
        RequestRateTracker t = new RequestRateTracker(config);
        RequestRateTracker.State s = t.newState();
        for (long b = 0; b < 150; b++) {
            assertThat(t.score(s, b, 100 + (b % 7) * 3)).as("bucket " + b).isEmpty();
        }
        assertThat(t.score(s, 150, 2500)).hasValueSatisfying(spike -> {
            assertThat(spike.count()).isEqualTo(2500);
            assertThat(spike.baseline()).isBetween(90.0, 130.0);
        });
    }

    @Test
    void shortSilenceThenNormalTraffic_noAlert() {
        RequestRateTracker t = new RequestRateTracker(config);
        RequestRateTracker.State s = t.newState();
        for (long b = 0; b < 150; b++) t.score(s, b, 100 + (b % 5));
        // Ten silent buckets are fed as zeros; traffic at its usual level afterwards is no attack.
        assertThat(t.score(s, 160, 100)).isEmpty();
    }

    @Test
    void unknownDetector_rejected() {
        assertThatThrownBy(() -> new RequestRateTracker(new IocConfig.RequestRate(true, "htm", 60, 50, 0.99, "warning")))
                .hasMessageContaining("unknown detector: htm");
    }
}
