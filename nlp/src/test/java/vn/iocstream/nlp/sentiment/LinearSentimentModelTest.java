package vn.iocstream.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.nlp.SentimentScorer;
import vn.iocstream.nlp.TextNormalizer;

/** The model file, its scoring and training on the hand-written set shipped in the jar. */
class LinearSentimentModelTest {

    private static List<LabelledText> train;
    private static List<LabelledText> dev;
    private static LinearSentimentModel trained;

    @BeforeAll
    static void trainOnce() {
        SentimentCorpora.Corpus handwritten = SentimentCorpora.handwritten();
        train = handwritten.train();
        dev = handwritten.dev();
        trained = SentimentTrainer.fit(train, SentimentTrainer.Options.defaults());
    }

    @Test
    void saveAndLoad_predictExactlyAsTrained(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.tsv");
        LinearSentimentModel model = trained.withOffsets(new double[] {0.3, -0.7, 0.1});
        model.save(file);
        LinearSentimentModel loaded = LinearSentimentModel.load(file);
        assertThat(loaded.offsets()).containsExactly(model.offsets());
        for (LabelledText d : dev) {
            String text = TextNormalizer.normalizeSocial(d.text());
            assertThat(loaded.probabilities(text)).containsExactly(model.probabilities(text));
            assertThat(loaded.classify(text)).isEqualTo(model.classify(text));
        }
    }

    @Test
    void probabilities_equalTheSumOverTheNamedFeatures() throws IOException {
        // The model scores features without building their names; the sums must be the same, in the same
        // order, as over the name -> value map the trainer learnt from, n-grams scaled by the text's length.
        LinearSentimentModel model = LinearSentimentModel.builtIn();
        StringWriter written = new StringWriter();
        model.write(written);
        Map<String, double[]> weights = new HashMap<>();
        for (String line : written.toString().split("\n")) {
            String[] cols = line.split("\t");
            if (cols.length == 4 && !line.startsWith("labels") && !line.startsWith("offsets")) {
                weights.put(cols[0], new double[] {Float.parseFloat(cols[1]), Float.parseFloat(cols[2]), Float.parseFloat(cols[3])});
            }
        }
        double[] bias = weights.remove("bias");
        for (LabelledText d : dev) {
            String text = TextNormalizer.normalizeSocial(d.text() + " " + d.text() + " " + d.text()); // long enough to be scaled
            SentimentFeatures.Extracted x = SentimentFeatures.extract(text, model.usesLexicon());
            double ngram = LinearSentimentModel.ngramValue(x.units(), model.length());
            double[] z = bias.clone();
            for (Map.Entry<String, Double> f : x.features().entrySet()) {
                double[] w = weights.get(f.getKey());
                double v = f.getKey().startsWith("lex:") ? f.getValue() : f.getValue() * ngram;
                if (w != null) for (int k = 0; k < z.length; k++) z[k] += v * w[k];
            }
            assertThat(model.probabilities(text)).as(text).containsExactly(LinearSentimentModel.softmax(z));
        }
    }

    @Test
    void ngramValue_isOneUpToTheReferenceThenFallsAsTheSquareRoot() {
        assertThat(LinearSentimentModel.ngramValue(10, 16)).isEqualTo(1.0);
        assertThat(LinearSentimentModel.ngramValue(64, 16)).isEqualTo(0.5);
        assertThat(LinearSentimentModel.ngramValue(400, 0)).isEqualTo(1.0);
    }

    @Test
    void offsets_moveTheDecisionNotTheProbabilities() {
        String text = TextNormalizer.normalizeSocial("Lịch cắt điện khu vực phường 5 ngày mai");
        LinearSentimentModel neverNeutral = trained.withOffsets(new double[] {0, -50, 0});
        assertThat(neverNeutral.probabilities(text)).containsExactly(trained.probabilities(text));
        assertThat(neverNeutral.classify(text).score()).isEqualTo(trained.classify(text).score());
        assertThat(neverNeutral.classify(text).label()).isNotEqualTo("neutral");
    }

    @Test
    void handwrittenModel_reachesTheFloorOnItsDevelopmentTwin() {
        // A model of the hand-written set alone: macro-F1 0.8465 on its twin; the lexicon alone 0.7966.
        assertThat(SentimentEvaluation.evaluate(dev, trained).macroF1()).isGreaterThanOrEqualTo(0.841);
        assertThat(SentimentEvaluation.evaluate(dev, SentimentScorer.builtIn()).macroF1()).isGreaterThanOrEqualTo(0.791);
    }

    @Test
    void ngramsOnlyModel_learnsTheTrainingSet() {
        LinearSentimentModel ngrams = SentimentTrainer.fit(train, SentimentTrainer.Options.defaults().withLexicon(false));
        assertThat(ngrams.usesLexicon()).isFalse();
        assertThat(SentimentEvaluation.evaluate(train, ngrams).accuracy()).isGreaterThan(0.95);
    }

    @Test
    void twoLabelData_trainsATwoLabelModel() {
        List<LabelledText> polar = train.stream().filter(d -> !d.label().equals("neutral")).toList();
        LinearSentimentModel model = SentimentTrainer.fit(polar, SentimentTrainer.Options.defaults());
        assertThat(model.labels()).containsExactly("negative", "positive");
        assertThat(model.classify(TextNormalizer.normalizeSocial("cán bộ hách dịch, dân bức xúc")).label()).isEqualTo("negative");
    }

    @Test
    void report_countsLabelsAndTrainingAccuracy() {
        SentimentTrainer.Report report = SentimentTrainer.report(train, trained, SentimentTrainer.Options.defaults());
        assertThat(report.examples()).isEqualTo(320);
        assertThat(report.labelCounts()).containsEntry("neutral", 108);
        assertThat(report.summary()).contains("320 examples").contains("lexicon features on");
    }

    @Test
    void malformedModel_failsNamingTheLine(@TempDir Path dir) throws IOException {
        Path v1 = Files.writeString(dir.resolve("bad.tsv"),
                "ioc-sentiment-linear\t1\nlabels\tnegative\tpositive\nlexicon\tfalse\nvocabulary\t1\nbias\t0.1\t0.2\nw:tốt\t0.5\n");
        assertThatThrownBy(() -> LinearSentimentModel.load(v1)).hasMessageContaining("bad.tsv:6")
                .hasMessageContaining("expected 2 weights");
        Path v2 = Files.writeString(dir.resolve("bad2.tsv"),
                "ioc-sentiment-linear\t2\nlabels\tnegative\tpositive\nlexicon\tfalse\nlength\t16\noffsets\t0\nvocabulary\t0\nbias\t0\t0\n");
        assertThatThrownBy(() -> LinearSentimentModel.load(v2)).hasMessageContaining("bad2.tsv:5")
                .hasMessageContaining("expected 2 offsets");
    }

    @Test
    void versionOneFile_readsWithoutLengthScalingOrOffsets(@TempDir Path dir) throws IOException {
        Path v1 = Files.writeString(dir.resolve("v1.tsv"),
                "ioc-sentiment-linear\t1\nlabels\tnegative\tpositive\nlexicon\tfalse\nvocabulary\t1\nbias\t0\t0\nw:tốt\t-1.0\t1.0\n");
        LinearSentimentModel model = LinearSentimentModel.load(v1);
        assertThat(model.offsets()).containsExactly(0, 0);
        assertThat(model.classify("tốt").label()).isEqualTo("positive");
    }
}
