package vn.iocstream.jobs.detectors.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.iocstream.jobs.detectors.SeasonalLikelihoodDetector.Settings;

class NabTuningTest {
    /** Six files of 400 rows in three categories, one or two windows each, seeded random scores with ties. */
    private static List<NabSeries> files() {
        List<NabSeries> out = new ArrayList<>();
        String[] categories = {"realA", "realB", "realC"};
        for (int f = 0; f < 6; f++) {
            long[] t = new long[400];
            for (int i = 0; i < t.length; i++) t[i] = i * 300_000L;
            int[][] windows = f % 2 == 0 ? new int[][] {{100 + 20 * f, 139 + 20 * f}} : new int[][] {{80, 99}, {300, 339}};
            out.add(new NabSeries(categories[f / 2] + "/f" + f + ".csv", t, new double[400], windows));
        }
        return out;
    }

    private static List<double[]> scores(long seed) {
        Random random = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            double[] s = new double[400];
            for (int i = 0; i < s.length; i++) s[i] = Math.round(random.nextDouble() * 40) / 40.0; // ties on purpose
            out.add(s);
        }
        return out;
    }

    @Test
    void rankingOptimiseOnASubset_equalsTheOptimiserRunOnThoseFilesAlone() {
        List<NabSeries> files = files();
        for (long seed = 1; seed <= 5; seed++) {
            List<double[]> scores = scores(seed);
            NabRanking ranking = NabRanking.of(files, scores);
            for (int held = 0; held < 3; held++) {
                boolean[] include = new boolean[6];
                List<NabSeries> subset = new ArrayList<>();
                List<double[]> subsetScores = new ArrayList<>();
                for (int f = 0; f < 6; f++) {
                    include[f] = f / 2 != held;
                    if (include[f]) {
                        subset.add(files.get(f));
                        subsetScores.add(scores.get(f));
                    }
                }
                for (NabProfile p : NabProfile.DEFAULTS) {
                    NabScorer.Threshold fold = ranking.optimise(include, p);
                    NabScorer.Threshold alone = NabScorer.optimise(subset, subsetScores, p);
                    assertThat(fold.threshold()).isEqualTo(alone.threshold());
                    assertThat(fold.raw()).isCloseTo(alone.raw(), within(1e-9));
                    double atThreshold = 0;
                    for (int k = 0; k < subset.size(); k++) atThreshold += NabScorer.score(subset.get(k), subsetScores.get(k), fold.threshold(), p).raw();
                    assertThat(fold.raw()).isCloseTo(atThreshold, within(1e-9));
                }
            }
        }
    }

    @Test
    void aNaNScore_isRejectedNamingTheRow() {
        List<double[]> scores = scores(1);
        scores.get(3)[250] = Double.NaN;
        assertThatThrownBy(() -> NabRanking.of(files(), scores)).hasMessageContaining("row 250 of realB/f3.csv");
    }

    @Test
    void with_setsOneConstant_andDifferencesNameIt() {
        Settings s = NabTuning.with(NabTuning.START, "bins", 32);
        assertThat(s.bins()).isEqualTo(32);
        assertThat(NabTuning.differences(s, NabTuning.START)).isEqualTo("bins=32");
        assertThat(NabTuning.differences(NabTuning.START, NabTuning.START)).isEqualTo("(none)");
        assertThat(NabTuning.value(NabTuning.with(s, "errorClip", 3), "errorClip")).isEqualTo(3.0);
        assertThatThrownBy(() -> NabTuning.with(s, "noSuchConstant", 1)).hasMessageContaining("noSuchConstant");
    }

    @Test
    void searchSpaces_coverEverySettingOnce_andStartInsideEachList() {
        List<String> components = Arrays.stream(Settings.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(NabTuning.FULL.keySet()).containsExactlyInAnyOrderElementsOf(components);
        assertThat(NabTuning.FULL.keySet()).containsAll(NabTuning.ROBUST.keySet());
        NabTuning.FULL.forEach((name, values) -> assertThat(values).as(name).contains(NabTuning.value(NabTuning.START, name)));
    }
}
