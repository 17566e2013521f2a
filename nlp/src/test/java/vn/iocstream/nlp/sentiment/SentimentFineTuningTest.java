package vn.iocstream.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.TextNormalizer;

/** Calibration of the offsets, and a base model trained further on a site's posts. */
class SentimentFineTuningTest {

    private static List<LabelledText> dev;
    private static LinearSentimentModel base;
    private static List<LabelledText> site;

    @BeforeAll
    static void trainBase() {
        SentimentCorpora.Corpus handwritten = SentimentCorpora.handwritten();
        dev = handwritten.dev();
        // A base that saw a third of the hand-written training set; the rest plays the site's own posts.
        base = SentimentTrainer.fit(handwritten.train().subList(0, 100), SentimentTrainer.Options.defaults());
        site = handwritten.train().subList(100, handwritten.train().size());
    }

    @Test
    void fineTuning_onTheSitesPosts_beatsTheBaseOnTheSitesDevelopmentSet() {
        LinearSentimentModel tuned = SentimentTrainer.fineTune(base, site, SentimentTrainer.FINE_TUNING);
        double before = SentimentEvaluation.evaluate(dev, base).weightedF1();
        double after = SentimentEvaluation.evaluate(dev, tuned).weightedF1();
        assertThat(after).isGreaterThan(before + 0.02);
        assertThat(tuned.labels()).isEqualTo(base.labels());
    }

    @Test
    void fineTuning_keepsTheWeightsOfFeaturesTheSitesPostsNeverShow() {
        List<LabelledText> oneTopic = List.of(
                new LabelledText("Cúp nước cả ngày không báo trước", "negative", 2),
                new LabelledText("Nước sạch, có nước đều cả tuần", "positive", 3),
                new LabelledText("Lịch ngưng cấp nước phường 4 ngày 12/7", "neutral", 4));
        LinearSentimentModel tuned = SentimentTrainer.fineTune(base, oneTopic, SentimentTrainer.FINE_TUNING);
        Map<String, float[]> before = base.weights(), after = tuned.weights();
        assertThat(after.keySet()).containsAll(before.keySet());
        assertThat(after.get("w:bệnh")).containsExactly(before.get("w:bệnh")); // no "bệnh" in the site's posts
        assertThat(after.get("w:nước")).isNotEqualTo(before.get("w:nước"));
    }

    @Test
    void aSiteLabelTheBaseLacks_failsNamingTheLine() {
        LinearSentimentModel polar = SentimentTrainer.fit(
                site.stream().filter(d -> !d.label().equals("neutral")).toList(), SentimentTrainer.Options.defaults());
        assertThatThrownBy(() -> SentimentTrainer.fineTune(polar, List.of(new LabelledText("Thông báo lịch họp", "neutral", 7)),
                SentimentTrainer.FINE_TUNING)).hasMessageContaining("line 7").hasMessageContaining("neutral");
    }

    @Test
    void calibration_doesNoWorseOnItsDataAndAgreesWithTheEvaluation() {
        List<LabelledText> half = dev.subList(0, 160), polarHalf = dev.subList(160, dev.size()).stream()
                .filter(d -> !d.label().equals("neutral")).toList();
        LinearSentimentModel calibrated = SentimentCalibration.calibrate(base, List.of(half, polarHalf));
        double uncalibrated = (SentimentEvaluation.evaluate(half, base).weightedF1() + SentimentEvaluation.evaluate(polarHalf, base).weightedF1()) / 2;
        double now = (SentimentEvaluation.evaluate(half, calibrated).weightedF1() + SentimentEvaluation.evaluate(polarHalf, calibrated).weightedF1()) / 2;
        assertThat(now).isGreaterThanOrEqualTo(uncalibrated);
        assertThat(calibrated.offsets()[2]).isZero(); // relative to the last label's

        // The grid search's own F1 is the evaluation's, for any offsets.
        double[] offsets = {0.4, -0.3, 0};
        double[][] logs = half.stream().map(d -> base.probabilities(TextNormalizer.normalizeSocial(d.text())))
                .map(p -> java.util.Arrays.stream(p).map(Math::log).toArray()).toArray(double[][]::new);
        int[] gold = half.stream().mapToInt(d -> SentimentClassifier.LABELS.indexOf(d.label())).toArray();
        assertThat(SentimentCalibration.weightedF1(logs, gold, offsets, new int[] {0, 1, 2}))
                .isCloseTo(SentimentEvaluation.evaluate(half, base.withOffsets(offsets)).weightedF1(), org.assertj.core.data.Offset.offset(1e-12));
    }
}
