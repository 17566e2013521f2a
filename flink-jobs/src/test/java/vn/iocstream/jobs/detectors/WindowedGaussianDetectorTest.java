package vn.iocstream.jobs.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WindowedGaussianDetectorTest {
    @Test
    void spikeAfterSteadyNoise_scoresNearOne_whileUsualPointsScoreLow() {
        WindowedGaussianDetector d = new WindowedGaussianDetector(50);
        double usual = 0;
        for (int i = 0; i < 200; i++) usual = d.score(i * 60_000L, 100 + (i % 5) - 2);
        assertThat(usual).isLessThan(0.9);
        assertThat(d.score(200 * 60_000L, 160)).isGreaterThan(0.999);
    }

    @Test
    void upperTail_matchesKnownNormalQuantiles() {
        assertThat(WindowedGaussianDetector.upperTail(0)).isCloseTo(0.5, within(1e-6));
        assertThat(WindowedGaussianDetector.upperTail(1.959964)).isCloseTo(0.025, within(1e-6));
    }
}
