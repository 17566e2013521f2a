package vn.iocstream.nlp.sentiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import vn.iocstream.nlp.TextNormalizer;

/**
 * Trains a {@link LinearSentimentModel} on labelled texts ({@link SentimentCsv}): multinomial logistic
 * regression by stochastic gradient descent with L2 regularisation, examples shuffled by a seeded
 * {@link Random} each epoch and a learning rate that decays by epoch. The same data and options give
 * the same model, byte for byte.
 *
 * <p>What makes it hold on domains it never saw:
 * <ul>
 *   <li>texts come in groups (one per domain) and each group weighs about the same however many texts it
 *       has ({@link Options#balance}), so 30,000 restaurant reviews do not drown 300 citizen reports;</li>
 *   <li>each epoch, each n-gram of an example is left out with probability {@link Options#dropout}, so that
 *       the lexicon's evidence, which every domain shares, has to carry its weight instead of the topic
 *       words of the training domains.</li>
 * </ul>
 */
public final class SentimentTrainer {
    private SentimentTrainer() {}

    /**
     * @param lexicon whether the lexicon's evidence is a feature (the combined model)
     * @param prune   features whose weights all stay below this in absolute value are dropped
     * @param balance a group of n texts weighs in proportion to n^(1 − balance): 0 leaves every text its
     *                own weight, 1 gives every group the same total
     * @param dropout the probability that an n-gram feature is left out of an example in an epoch
     * @param length  the length reference of the model's n-gram scaling ({@link LinearSentimentModel}), 0 for none
     * @param folded  the share of the training texts that are also learnt from a copy without diacritics, as
     *                people type on phones
     */
    public record Options(int epochs, double learningRate, double l2, long seed, boolean lexicon, double prune,
                          double balance, double dropout, double length, double folded) {
        public static Options defaults() {
            return new Options(30, 0.2, 1e-3, 20250701L, true, 0.05, 0.0, 0.0, 0, 0);
        }

        public Options withLexicon(boolean lexicon) {
            return new Options(epochs, learningRate, l2, seed, lexicon, prune, balance, dropout, length, folded);
        }

        public Options withEpochs(int epochs) {
            return new Options(epochs, learningRate, l2, seed, lexicon, prune, balance, dropout, length, folded);
        }

        public Options withSeed(long seed) {
            return new Options(epochs, learningRate, l2, seed, lexicon, prune, balance, dropout, length, folded);
        }
    }

    /**
     * Training a base model further on a site's texts ({@link #fineTune}): the L2 penalty pulls towards the
     * base's weights. Chosen on development data: a corpus left out of the base plays the site (see the
     * sentiment README).
     */
    public static final Options FINE_TUNING = new Options(5, 0.05, 1e-2, 20250701L, true, 0.05, 0, 0, 0, 0);

    /** What a training run did, in one line by {@link #summary()}. */
    public record Report(int examples, Map<String, Integer> labelCounts, int vocabulary, int epochs,
                         double trainingAccuracy, boolean lexicon) {
        public String summary() {
            return String.format(Locale.ROOT, "sentiment model: %d examples %s, vocabulary %d, %d epochs, lexicon features %s, training accuracy %.4f",
                    examples, labelCounts, vocabulary, epochs, lexicon ? "on" : "off", trainingAccuracy);
        }
    }

    /** What training {@code model} on {@code data} with {@code options} gave. */
    public static Report report(List<LabelledText> data, LinearSentimentModel model, Options options) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : model.labels()) counts.put(label, 0);
        for (LabelledText d : data) counts.merge(d.label(), 1, Integer::sum);
        return new Report(data.size(), counts, model.vocabularySize(), options.epochs(),
                SentimentEvaluation.evaluate(data, model).accuracy(), options.lexicon());
    }

    /** Trains a model on labelled texts (raw; they are normalised here as social posts), as one group. */
    public static LinearSentimentModel fit(List<LabelledText> data, Options options) {
        return fitGroups(List.of(data), options);
    }

    /** Trains a model on groups of labelled texts (one per domain), weighed by {@link Options#balance}. */
    public static LinearSentimentModel fitGroups(List<List<LabelledText>> groups, Options options) {
        return fit(Examples.of(groups, options.lexicon(), options.folded()), options);
    }

    /** Which texts also come without diacritics: a hash of the text with this seed, not their order. */
    private static final long FOLD_SEED = 0xF01DL;

    /** The features of labelled texts, extracted once before the epochs, by group. */
    static final class Examples {
        final List<String> names = new ArrayList<>();
        final List<List<Example>> groups = new ArrayList<>();
        final List<String> labels;
        final boolean lexicon;

        private Examples(List<String> labels, boolean lexicon) {
            this.labels = labels;
            this.lexicon = lexicon;
        }

        static Examples of(List<List<LabelledText>> groups, boolean lexicon, double folded) {
            List<String> labels = SentimentClassifier.LABELS.stream()
                    .filter(l -> groups.stream().flatMap(List::stream).anyMatch(d -> d.label().equals(l))).toList();
            if (labels.size() < 2) throw new IllegalArgumentException("training needs at least two labels, found " + labels);
            return of(groups, lexicon, labels, folded);
        }

        /**
         * With the given labels, which the texts' labels must be among; a {@code folded} share of the texts
         * (chosen by a hash of the text) comes a second time without diacritics.
         */
        static Examples of(List<List<LabelledText>> groups, boolean lexicon, List<String> labels, double folded) {
            Examples out = new Examples(labels, lexicon);
            Map<String, Integer> ids = new HashMap<>();
            for (List<LabelledText> group : groups) {
                List<Example> examples = new ArrayList<>();
                for (LabelledText d : group) {
                    String text = TextNormalizer.normalizeSocial(d.text());
                    out.add(examples, ids, SentimentFeatures.extract(text, lexicon), d);
                    if (SentimentCorpora.bucket(d.text(), FOLD_SEED) < folded * 100) {
                        out.add(examples, ids, SentimentFeatures.extract(TextNormalizer.fold(text), lexicon), d);
                    }
                }
                out.groups.add(examples);
            }
            return out;
        }

        private void add(List<Example> examples, Map<String, Integer> ids, SentimentFeatures.Extracted extracted, LabelledText d) {
            Map<String, Double> features = extracted.features();
            int[] index = new int[features.size()];
            double[] value = new double[features.size()];
            boolean[] ngram = new boolean[features.size()];
            int n = 0;
            for (Map.Entry<String, Double> f : features.entrySet()) {
                index[n] = ids.computeIfAbsent(f.getKey(), k -> { names.add(k); return names.size() - 1; });
                value[n] = f.getValue();
                ngram[n++] = !f.getKey().startsWith("lex:");
            }
            examples.add(new Example(index, value, ngram, extracted.units(), labels.indexOf(d.label())));
        }
    }

    /** An example's features: n-gram ones have value 1 and are scaled by the text's {@code units} when fitted. */
    record Example(int[] index, double[] value, boolean[] ngram, int units, int label) {}

    static LinearSentimentModel fit(Examples data, Options options) {
        int classes = data.labels.size();
        double[][] w = new double[data.names.size()][classes];
        double[] bias = new double[classes];
        List<Example> examples = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double total = 0, scaled = 0;
        for (List<Example> g : data.groups) {
            total += g.size();
            scaled += Math.pow(g.size(), 1 - options.balance());
        }
        for (List<Example> g : data.groups) {
            // A mean weight of 1 over all examples, so the learning rate means the same whatever the balance.
            double weight = Math.pow(g.size(), 1 - options.balance()) / scaled * total / g.size();
            for (Example e : g) {
                examples.add(e);
                weights.add(weight);
            }
        }
        descend(examples, weights, w, null, bias, options);
        // Dropout trains each n-gram on a (1 − dropout) share of the examples: scale to the expected sum.
        double keep = 1 - options.dropout();
        Map<String, float[]> out = new HashMap<>();
        for (int i = 0; i < data.names.size(); i++) {
            boolean ngram = !data.names.get(i).startsWith("lex:");
            float[] f = new float[classes];
            boolean nonzero = false;
            for (int k = 0; k < classes; k++) {
                f[k] = (float) (w[i][k] * (ngram ? keep : 1));
                nonzero |= Math.abs(f[k]) >= options.prune();
            }
            if (nonzero) out.put(data.names.get(i), f);
        }
        float[] b = new float[classes];
        for (int k = 0; k < classes; k++) b[k] = (float) bias[k];
        return new LinearSentimentModel(data.labels, data.lexicon, options.length(), new double[classes], b, out);
    }

    /**
     * Stochastic gradient descent on weighted examples, in place on {@code w} and {@code bias}. The L2
     * penalty pulls each weight towards its {@code prior} row (a base model's weight), or towards 0 when
     * {@code prior} or its row is null. Only the features of the example at hand are updated, so a
     * feature the examples never show keeps its value.
     */
    private static void descend(List<Example> examples, List<Double> weights, double[][] w, double[][] prior,
                                double[] bias, Options options) {
        int classes = bias.length;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) order.add(i);
        Random random = new Random(options.seed());
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            Collections.shuffle(order, random);
            double eta = options.learningRate() / (1 + 0.2 * epoch);
            for (int i : order) {
                Example e = examples.get(i);
                double weight = weights.get(i);
                double ngram = LinearSentimentModel.ngramValue(e.units(), options.length());
                double[] x = new double[e.index().length];
                for (int j = 0; j < x.length; j++) {
                    boolean dropped = e.ngram()[j] && options.dropout() > 0 && random.nextDouble() < options.dropout();
                    x[j] = dropped ? 0 : e.ngram()[j] ? e.value()[j] * ngram : e.value()[j];
                }
                double[] z = bias.clone();
                for (int j = 0; j < x.length; j++) {
                    if (x[j] == 0) continue;
                    for (int k = 0; k < classes; k++) z[k] += x[j] * w[e.index()[j]][k];
                }
                double[] p = LinearSentimentModel.softmax(z);
                for (int k = 0; k < classes; k++) {
                    double g = weight * (p[k] - (k == e.label() ? 1 : 0));
                    bias[k] -= eta * g;
                    for (int j = 0; j < x.length; j++) {
                        if (x[j] == 0) continue;
                        double[] wj = w[e.index()[j]];
                        double[] w0 = prior == null ? null : prior[e.index()[j]];
                        wj[k] -= eta * (g * x[j] + options.l2() * (wj[k] - (w0 == null ? 0 : w0[k])));
                    }
                }
            }
        }
    }

    /**
     * A site's model: the {@code base} model trained further on a few hundred of the site's labelled texts.
     * Every weight starts at the base's (a feature the base lacks at 0) and the L2 penalty pulls it back
     * towards the base's, so the site's texts add their vocabulary and shift what they show often without
     * unlearning what the base knew of everything else. The base's labels, lexicon use and length scaling
     * are kept; its offsets, calibrated for the base's domains, are not: the site's texts set the balance
     * of the classes through the bias (on development data, dropping them gained up to 0.15 weighted-F1 on
     * restaurant reviews and lost at most 0.007 on bank comments).
     * The site's texts may use any of the base's labels.
     */
    public static LinearSentimentModel fineTune(LinearSentimentModel base, List<LabelledText> site, Options options) {
        for (LabelledText d : site) {
            if (!base.labels().contains(d.label())) {
                throw new IllegalArgumentException("line " + d.line() + ": label " + d.label() + " is not one of the base model's " + base.labels());
            }
        }
        Options o = new Options(options.epochs(), options.learningRate(), options.l2(), options.seed(), base.usesLexicon(),
                options.prune(), 0, options.dropout(), base.length(), options.folded());
        Examples data = Examples.of(List.of(site), o.lexicon(), base.labels(), o.folded());
        int classes = base.labels().size();
        Map<String, float[]> baseWeights = base.weights();
        double[][] w = new double[data.names.size()][classes];
        double[][] prior = new double[data.names.size()][];
        for (int i = 0; i < w.length; i++) {
            float[] b = baseWeights.get(data.names.get(i));
            if (b == null) continue;
            prior[i] = new double[classes];
            for (int k = 0; k < classes; k++) w[i][k] = prior[i][k] = b[k];
        }
        float[] baseBias = base.bias();
        double[] bias = new double[classes];
        for (int k = 0; k < classes; k++) bias[k] = baseBias[k];
        List<Double> weights = new ArrayList<>(Collections.nCopies(data.groups.get(0).size(), 1.0));
        descend(data.groups.get(0), weights, w, prior, bias, o);
        Map<String, float[]> out = new HashMap<>(baseWeights);
        for (int i = 0; i < w.length; i++) {
            float[] f = new float[classes];
            boolean keep = prior[i] != null;
            for (int k = 0; k < classes; k++) {
                f[k] = (float) w[i][k];
                keep |= Math.abs(f[k]) >= o.prune();
            }
            if (keep) out.put(data.names.get(i), f);
        }
        float[] b = new float[classes];
        for (int k = 0; k < classes; k++) b[k] = (float) bias[k];
        return new LinearSentimentModel(base.labels(), base.usesLexicon(), base.length(), new double[classes], b, out);
    }
}
