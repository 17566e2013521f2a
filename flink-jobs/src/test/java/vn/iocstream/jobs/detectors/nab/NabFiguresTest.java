package vn.iocstream.jobs.detectors.nab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.testing.SharedData;
import vn.iocstream.jobs.detectors.Detectors;
import vn.iocstream.jobs.detectors.SeasonalLikelihoodDetector;

/**
 * The README's NAB figures on the 41 series of ../shared/data/nab, each with a floor just under the measured
 * value (measured: all-in 72.61 / 67.10 / 76.91, at the shipped threshold 72.61 / 66.75 / 76.91, leave one
 * category out 71.39 / 65.96 / 75.61): a change that loses a point on any of them fails here.
 */
class NabFiguresTest {
    private static NabCorpus corpus;

    @BeforeAll
    static void load() throws IOException {
        Path nab = SharedData.require("nab", "labels", "combined_windows.json").getParent().getParent();
        corpus = NabCorpus.load(nab);
    }

    @Test
    void defaultDetector_allIn_andAtItsShippedThreshold() {
        NabEvaluation.Result r = NabEvaluation.evaluate(Detectors.DEFAULT, corpus,
                NabEvaluation.run(corpus, Detectors.named("default"), null), SeasonalLikelihoodDetector.ALARM);
        assertThat(r.series()).hasSize(41);
        assertThat(r.profile("standard").total()).isGreaterThan(72.3);
        assertThat(r.profile("reward_low_FP_rate").total()).isGreaterThan(66.8);
        assertThat(r.profile("reward_low_FN_rate").total()).isGreaterThan(76.6);
        assertThat(r.fixed()[0]).as("standard at the shipped threshold").isGreaterThan(72.3);
        assertThat(r.fixed()[1]).as("reward_low_FP at the shipped threshold").isGreaterThan(66.4);
        assertThat(r.fixed()[2]).as("reward_low_FN at the shipped threshold").isGreaterThan(76.6);
    }

    @Test
    void leaveOneCategoryOut_holds_andTheSearchOnAllCategoriesGivesTheShippedDefaults() {
        NabTuning tuning = new NabTuning(corpus, NabTuning.ROBUST, null);
        NabTuning.Result r = tuning.run();
        assertThat(r.folds()).hasSize(5);
        assertThat(r.loco()[0]).as("LOCO standard").isGreaterThan(71.1);
        assertThat(r.loco()[1]).as("LOCO reward_low_FP").isGreaterThan(65.6);
        assertThat(r.loco()[2]).as("LOCO reward_low_FN").isGreaterThan(75.3);
        assertThat(r.allIn().settings()).isEqualTo(SeasonalLikelihoodDetector.Settings.DEFAULTS);
        // the shipped threshold is the standard profile's pick on the held-out scores, to the 4 decimals shipped
        assertThat(r.shippedThreshold()).isBetween(SeasonalLikelihoodDetector.ALARM, SeasonalLikelihoodDetector.ALARM + 1e-4);
    }
}
