package vn.iocstream.jobs.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContextualDetectorTest {
    private static final long MINUTE = 60_000L;
    private static final long START = 1_617_235_200_000L; // 2021-04-01T00:00Z

    /** Occupancy (%) of a road segment sampled each minute: a repeating 12-step pattern, as a fixed-time signal makes. */
    private static double cycle(int i) {
        int[] pattern = {10, 20, 35, 50, 65, 80, 80, 65, 50, 35, 20, 10};
        return pattern[i % pattern.length];
    }

    @Test
    void warmUp_scoresZero_whileTheRangeIsLearnt() {
        ContextualDetector d = new ContextualDetector();
        for (int i = 0; i < ContextualDetector.WARM_UP - 1; i++) {
            assertThat(d.score(START + i * MINUTE, i % 2 == 0 ? 1000 : 0)).isZero();
        }
    }

    @Test
    void learntCycle_staysUnderHalf_andABrokenCycleScoresHigh() {
        ContextualDetector d = new ContextualDetector();
        int i = 0;
        for (; i < 3000; i++) d.score(START + i * MINUTE, cycle(i));
        double highestLate = 0;
        for (; i < 3600; i++) highestLate = Math.max(highestLate, d.score(START + i * MINUTE, cycle(i)));
        assertThat(highestLate).isLessThan(0.5);
        // the signal sticks at its peak: a value seen before, in a context never seen
        double broken = 0;
        for (int k = 0; k < 6; k++, i++) broken = Math.max(broken, d.score(START + i * MINUTE, 80));
        assertThat(broken).isGreaterThanOrEqualTo(ContextualDetector.BASE_THRESHOLD);
    }

    @Test
    void afterAHighScore_restReportsZero() {
        ContextualDetector d = new ContextualDetector();
        int i = 0;
        for (; i < 3000; i++) d.score(START + i * MINUTE, cycle(i));
        double first = 0;
        for (; first < ContextualDetector.BASE_THRESHOLD; i++) first = d.score(START + i * MINUTE, 500);
        double during = 0;
        for (int k = 0; k < ContextualDetector.REST; k++, i++) during = Math.max(during, d.score(START + i * MINUTE, k % 2 == 0 ? -400 : 900));
        assertThat(during).isZero();
    }

    @Test
    void sameSeries_sameScores() {
        double[] a = run(new ContextualDetector(), new Random(11), 3000);
        double[] b = run(new ContextualDetector(), new Random(11), 3000);
        assertThat(a).containsExactly(b);
        assertThat(Arrays.stream(a).allMatch(s -> s >= 0 && s <= 1)).isTrue();
        assertThat(Arrays.stream(a).max().orElseThrow()).isPositive();
    }

    @Test
    void serialisedState_resumesWithIdenticalScores() throws Exception {
        ContextualDetector d = new ContextualDetector();
        Random random = new Random(5);
        run(d, random, 2000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(d);
        }
        ContextualDetector copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ContextualDetector) in.readObject();
        }
        assertThat(copy.contexts()).isEqualTo(d.contexts()).isPositive();
        for (int i = 2000; i < 2500; i++) {
            double v = cycle(i) + random.nextGaussian() * 3 + (i == 2200 ? 200 : 0);
            assertThat(copy.score(START + i * MINUTE, v)).isEqualTo(d.score(START + i * MINUTE, v));
        }
    }

    @Test
    void maxDetector_reportsTheHigherScore() {
        AnomalyDetector d = Detectors.named("likelihood-contextual").get();
        SeasonalLikelihoodDetector likelihood = new SeasonalLikelihoodDetector();
        ContextualDetector contextual = new ContextualDetector();
        for (int i = 0; i < 2000; i++) {
            double v = cycle(i) + (i == 1500 ? 300 : 0);
            long t = START + i * MINUTE;
            assertThat(d.score(t, v)).isEqualTo(Math.max(likelihood.score(t, v), contextual.score(t, v)));
        }
    }

    private static double[] run(ContextualDetector d, Random random, int n) {
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) scores[i] = d.score(START + i * MINUTE, cycle(i) + random.nextGaussian() * 3);
        return scores;
    }
}
