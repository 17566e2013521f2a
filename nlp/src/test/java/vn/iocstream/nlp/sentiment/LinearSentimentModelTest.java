package vn.iocstream.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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

class LinearSentimentModelTest {

    private static final Path TRAIN = Path.of("src/main/resources/vn/iocstream/nlp/sentiment/train.csv");
    private static final Path DEV = Path.of("src/test/resources/sentiment/vi-dev.csv");

    private static List<LabelledText> train;
    private static LinearSentimentModel trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        train = SentimentCsv.read(TRAIN);
        trained = SentimentTrainer.fit(train, SentimentTrainer.Options.defaults());
    }

    @Test
    void saveAndLoad_predictExactlyAsTrained(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.tsv");
        trained.save(file);
        LinearSentimentModel loaded = LinearSentimentModel.load(file);
        for (LabelledText d : SentimentCsv.read(DEV)) {
            String text = TextNormalizer.normalizeSocial(d.text());
            assertThat(loaded.probabilities(text)).containsExactly(trained.probabilities(text));
            assertThat(loaded.classify(text)).isEqualTo(trained.classify(text));
        }
    }

    @Test
    void probabilities_equalTheSumOverTheNamedFeatures() throws IOException {
        // The model scores features without building their names; the sums must be the same, in the same
        // order, as over the name -> value map the trainer learnt from.
        LinearSentimentModel model = LinearSentimentModel.builtIn();
        StringWriter written = new StringWriter();
        model.write(written);
        Map<String, double[]> weights = new HashMap<>();
        for (String line : written.toString().split("\n")) {
            String[] cols = line.split("\t");
            if (cols.length == 4 && !line.startsWith("labels")) {
                weights.put(cols[0], new double[] {Float.parseFloat(cols[1]), Float.parseFloat(cols[2]), Float.parseFloat(cols[3])});
            }
        }
        double[] bias = weights.remove("bias");
        for (LabelledText d : SentimentCsv.read(DEV)) {
            String text = TextNormalizer.normalizeSocial(d.text());
            double[] z = bias.clone();
            for (Map.Entry<String, Double> f : SentimentFeatures.extract(text, model.usesLexicon()).entrySet()) {
                double[] w = weights.get(f.getKey());
                if (w != null) for (int k = 0; k < z.length; k++) z[k] += f.getValue() * w[k];
            }
            assertThat(model.probabilities(text)).as(text).containsExactly(LinearSentimentModel.softmax(z));
        }
    }

    @Test
    void shippedDefault_isWhatTheTrainerProducesFromTrainCsv() throws IOException {
        StringWriter fresh = new StringWriter();
        trained.write(fresh);
        String shipped;
        try (InputStream in = LinearSentimentModel.class.getResourceAsStream(LinearSentimentModel.DEFAULT_RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(shipped).as("retrain default-model.tsv: see the README next to it").isEqualTo(fresh.toString());
    }

    @Test
    void shippedDefault_reachesTheFloorOnTheDevelopmentSet() throws IOException {
        SentimentReport model = SentimentEvaluation.evaluate(DEV, LinearSentimentModel.builtIn());
        SentimentReport lexicon = SentimentEvaluation.evaluate(DEV, SentimentScorer.builtIn());
        assertThat(model.macroF1()).isGreaterThanOrEqualTo(0.80);
        assertThat(lexicon.macroF1()).isGreaterThanOrEqualTo(0.75);
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
    void train_writesTheModelAndReportsTheRun(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("m.tsv");
        SentimentTrainer.Report report = SentimentTrainer.train(TRAIN, out, SentimentTrainer.Options.defaults());
        assertThat(report.examples()).isEqualTo(train.size());
        assertThat(report.vocabulary()).isEqualTo(trained.vocabularySize());
        assertThat(report.summary()).contains("320 examples").contains("lexicon features on");
        assertThat(Files.readString(out)).startsWith("# IOC Stream linear sentiment model");
    }

    @Test
    void malformedModel_failsNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.tsv"),
                "ioc-sentiment-linear\t1\nlabels\tnegative\tpositive\nlexicon\tfalse\nvocabulary\t1\nbias\t0.1\t0.2\nw:tốt\t0.5\n");
        assertThatThrownBy(() -> LinearSentimentModel.load(file)).hasMessageContaining("bad.tsv:6")
                .hasMessageContaining("expected 2 weights");
    }
}
