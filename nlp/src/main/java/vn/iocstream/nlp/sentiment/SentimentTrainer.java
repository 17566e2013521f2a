package vn.iocstream.nlp.sentiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import vn.iocstream.nlp.TextNormalizer;

/**
 * Trains a {@link LinearSentimentModel} on a labelled CSV ({@link SentimentCsv}): multinomial logistic
 * regression by stochastic gradient descent with L2 regularisation, examples shuffled by a seeded
 * {@link Random} each epoch and a learning rate that decays by epoch. The same data and options give
 * the same model, byte for byte. Small by design: a few thousand labelled posts train in a second.
 */
public final class SentimentTrainer {
    private SentimentTrainer() {}

    /**
     * @param lexicon whether the lexicon's evidence is a feature (the combined model)
     * @param prune   features whose weights all stay below this in absolute value are dropped
     */
    public record Options(int epochs, double learningRate, double l2, long seed, boolean lexicon, double prune) {
        public static Options defaults() {
            return new Options(30, 0.2, 1e-3, 20250701L, true, 0.05);
        }

        public Options withLexicon(boolean lexicon) {
            return new Options(epochs, learningRate, l2, seed, lexicon, prune);
        }
    }

    /** What a training run did, in one line by {@link #summary()}. */
    public record Report(int examples, Map<String, Integer> labelCounts, int vocabulary, int epochs,
                         double trainingAccuracy, boolean lexicon) {
        public String summary() {
            return String.format(Locale.ROOT, "sentiment model: %d examples %s, vocabulary %d, %d epochs, lexicon features %s, training accuracy %.4f",
                    examples, labelCounts, vocabulary, epochs, lexicon ? "on" : "off", trainingAccuracy);
        }
    }

    /** Trains on {@code csv}, saves the model to {@code modelOut} and reports on the run. */
    public static Report train(Path csv, Path modelOut, Options options) throws IOException {
        List<LabelledText> data = SentimentCsv.read(csv);
        LinearSentimentModel model = fit(data, options);
        model.save(modelOut);
        return report(data, model, options);
    }

    static Report report(List<LabelledText> data, LinearSentimentModel model, Options options) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : model.labels()) counts.put(label, 0);
        for (LabelledText d : data) counts.merge(d.label(), 1, Integer::sum);
        return new Report(data.size(), counts, model.vocabularySize(), options.epochs(),
                SentimentEvaluation.evaluate(data, model).accuracy(), options.lexicon());
    }

    /** Trains a model on labelled texts (raw; they are normalised here as social posts). */
    public static LinearSentimentModel fit(List<LabelledText> data, Options options) {
        List<String> labels = SentimentClassifier.LABELS.stream()
                .filter(l -> data.stream().anyMatch(d -> d.label().equals(l))).toList();
        if (labels.size() < 2) throw new IllegalArgumentException("training needs at least two labels, found " + labels);
        int classes = labels.size();
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<Example> examples = new ArrayList<>();
        for (LabelledText d : data) {
            Map<String, Double> features = SentimentFeatures.extract(TextNormalizer.normalizeSocial(d.text()), options.lexicon());
            int[] index = new int[features.size()];
            double[] value = new double[features.size()];
            int n = 0;
            for (Map.Entry<String, Double> f : features.entrySet()) {
                index[n] = ids.computeIfAbsent(f.getKey(), k -> { names.add(k); return names.size() - 1; });
                value[n++] = f.getValue();
            }
            examples.add(new Example(index, value, labels.indexOf(d.label())));
        }
        double[][] w = new double[names.size()][classes];
        double[] bias = new double[classes];
        Random random = new Random(options.seed());
        List<Example> order = new ArrayList<>(examples);
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            java.util.Collections.shuffle(order, random);
            double eta = options.learningRate() / (1 + 0.2 * epoch);
            for (Example e : order) {
                double[] z = bias.clone();
                for (int j = 0; j < e.index().length; j++) {
                    for (int k = 0; k < classes; k++) z[k] += e.value()[j] * w[e.index()[j]][k];
                }
                double[] p = LinearSentimentModel.softmax(z);
                for (int k = 0; k < classes; k++) {
                    double g = p[k] - (k == e.label() ? 1 : 0);
                    bias[k] -= eta * g;
                    for (int j = 0; j < e.index().length; j++) {
                        double[] wj = w[e.index()[j]];
                        wj[k] -= eta * (g * e.value()[j] + options.l2() * wj[k]);
                    }
                }
            }
        }
        Map<String, float[]> weights = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            float[] f = new float[classes];
            boolean keep = false;
            for (int k = 0; k < classes; k++) {
                f[k] = (float) w[i][k];
                keep |= Math.abs(f[k]) >= options.prune();
            }
            if (keep) weights.put(names.get(i), f);
        }
        float[] b = new float[classes];
        for (int k = 0; k < classes; k++) b[k] = (float) bias[k];
        return new LinearSentimentModel(labels, options.lexicon(), b, weights);
    }

    private record Example(int[] index, double[] value, int label) {}

}
