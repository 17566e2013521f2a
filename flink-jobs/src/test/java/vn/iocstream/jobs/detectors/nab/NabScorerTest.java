package vn.iocstream.jobs.detectors.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NabScorerTest {
    private static final NabProfile STANDARD = NabProfile.DEFAULTS.get(0);
    private static final NabProfile LOW_FN = NabProfile.DEFAULTS.get(2);

    /** 100 rows (probation 15), one window over rows 40..49. */
    private static NabSeries series(int[]... windows) {
        long[] t = new long[100];
        for (int i = 0; i < t.length; i++) t[i] = i * 300_000L;
        return new NabSeries("realTest/one.csv", t, new double[100], windows);
    }

    private static double[] detectionsAt(int... rows) {
        double[] s = new double[100];
        for (int r : rows) s[r] = 1.0;
        return s;
    }

    @Test
    void sigma_matchesPublishedValues() {
        assertThat(NabScorer.sigma(-1)).isCloseTo(0.98661, within(1e-5));
        assertThat(NabScorer.sigma(-0.5)).isCloseTo(0.84828, within(1e-5));
        assertThat(NabScorer.sigma(0)).isCloseTo(0.0, within(1e-12));
        assertThat(NabScorer.sigma(1)).isCloseTo(-0.98661, within(1e-5));
        assertThat(NabScorer.sigma(3.0001)).isEqualTo(-1.0);
    }

    @Test
    void probation_isFifteenPercentCappedAt750() {
        assertThat(NabSeries.probationLength(100)).isEqualTo(15);
        assertThat(NabSeries.probationLength(4033)).isEqualTo(604);
        assertThat(NabSeries.probationLength(22696)).isEqualTo(750);
    }

    @Test
    void detectionAtWindowStart_earnsFullTruePositive_andLaterDetectionsAddNothing() {
        NabScorer.FileScore s = NabScorer.score(series(new int[] {40, 49}), detectionsAt(40, 44, 49), 0.5, STANDARD);
        assertThat(s.raw()).isCloseTo(1.0, within(1e-12));
        assertThat(s.detected()).isEqualTo(1);
        assertThat(s.falsePositives()).isZero();
    }

    @Test
    void detectionAtWindowEnd_earnsSigmoidOfMinusOneOverWidth() {
        double raw = NabScorer.score(series(new int[] {40, 49}), detectionsAt(49), 0.5, STANDARD).raw();
        assertThat(raw).isCloseTo(NabScorer.sigma(-0.1) / NabScorer.sigma(-1), within(1e-12));
    }

    @Test
    void missedWindow_costsFalseNegativeWeight_perProfile() {
        NabSeries s = series(new int[] {40, 49});
        assertThat(NabScorer.score(s, new double[100], 0.5, STANDARD).raw()).isEqualTo(-1.0);
        assertThat(NabScorer.score(s, new double[100], 0.5, LOW_FN).raw()).isEqualTo(-2.0);
    }

    @Test
    void falsePositives_costFullBeforeWindow_discountedJustAfter_andNothingInProbation() {
        NabSeries s = series(new int[] {40, 49});
        NabScorer.FileScore before = NabScorer.score(s, detectionsAt(5, 20), 0.5, STANDARD);
        assertThat(before.raw()).isCloseTo(-0.11 - 1.0, within(1e-12));
        assertThat(before.falsePositives()).isEqualTo(1);
        double after = NabScorer.score(s, detectionsAt(55), 0.5, STANDARD).raw();
        assertThat(after).isCloseTo(NabScorer.sigma(6.0 / 9) * 0.11 - 1.0, within(1e-12));
        double farAfter = NabScorer.score(s, detectionsAt(90), 0.5, STANDARD).raw();
        assertThat(farAfter).isCloseTo(-0.11 - 1.0, within(1e-12));
    }

    @Test
    void optimise_picksTheThresholdThatSeparatesWindowFromNoise() {
        NabSeries s = series(new int[] {40, 49});
        double[] scores = new double[100];
        for (int i = 0; i < 100; i++) scores[i] = 0.3 + 0.001 * i; // background below 0.41
        scores[42] = 0.8; // inside the window
        scores[70] = 0.6; // a false positive between the two
        NabScorer.Threshold t = NabScorer.optimise(List.of(s), List.of(scores), STANDARD);
        assertThat(t.threshold()).isEqualTo(0.8);
        assertThat(t.raw()).isCloseTo(NabScorer.score(s, scores, 0.8, STANDARD).raw(), within(1e-12));
        assertThat(t.raw()).isGreaterThan(NabScorer.score(s, scores, 0.6, STANDARD).raw());
    }

    @Test
    void normalise_mapsNullToZeroAndPerfectToHundred() {
        assertThat(NabScorer.normalise(-3, 3, 3, STANDARD)).isCloseTo(0, within(1e-12));
        assertThat(NabScorer.normalise(3, 3, 3, STANDARD)).isCloseTo(100, within(1e-12));
        assertThat(NabScorer.normalise(-6, 3, 3, LOW_FN)).isCloseTo(0, within(1e-12));
        assertThat(NabScorer.normalise(0, 0, 0, STANDARD)).isNaN();
    }
}
