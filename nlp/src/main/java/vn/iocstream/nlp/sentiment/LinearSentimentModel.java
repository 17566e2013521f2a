package vn.iocstream.nlp.sentiment;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.iocstream.nlp.Sentiment;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.Token;
import vn.iocstream.nlp.Tokenizer;

/**
 * Multinomial logistic regression over {@link SentimentFeatures}: syllable uni- and bigrams (as written
 * and folded), negation-scoped syllables and, when trained so, the lexicon's evidence. Trained by
 * {@link SentimentTrainer}. The n-grams of a text of n units weigh min(1, √(R / n)) each (R the
 * {@code length} reference; 0 keeps them at 1), so that a one-line comment and a long review give
 * probabilities of the same sharpness. The label is the class k with the highest log P(k) + offset(k):
 * per-class offsets chosen on development data ({@link SentimentCalibration}), zero when not; the
 * score is P(positive) − P(negative).
 *
 * <p>Plain-text format, UTF-8, tab-separated, {@code #} lines are comments:
 * <pre>
 * ioc-sentiment-linear	2
 * labels	negative	neutral	positive
 * lexicon	true|false
 * length	R
 * offsets	o1	o2	o3
 * vocabulary	N
 * bias	b1	b2	b3
 * FEATURE	w1	w2	w3        (N lines, sorted by feature)
 * </pre>
 * Version 1 files (no length, no offsets) are read as R = 0 and zero offsets.
 * Weights are stored as floats written by {@link Float#toString}, which reads back to the same value,
 * so a saved and reloaded model predicts exactly as the one saved. Immutable, thread-safe.
 */
public final class LinearSentimentModel implements SentimentClassifier {

    static final String FORMAT = "ioc-sentiment-linear";
    static final int VERSION = 2;
    /** The shipped default, trained on the shipped train.csv (see the README next to it). */
    public static final String DEFAULT_RESOURCE = "/vn/iocstream/nlp/sentiment/default-model.tsv";

    private final List<String> labels;
    private final boolean lexicon;
    private final double length;
    private final double[] offsets;
    private final float[] bias;
    private final Map<String, float[]> weights;
    /** How many features {@link #index} has numbered. */
    private int features;
    /**
     * {@link #weights} by the syllable they belong to, so that scoring a syllable takes one lookup for
     * its {@code w:} and {@code b:} weights and one for those of its folded form.
     */
    private final Map<String, Syllable> syllables = new HashMap<>();
    private final Map<String, Folded> foldedSyllables = new HashMap<>();
    private final Map<String, Feature> lexiconFeatures = new HashMap<>();

    /** The weights of one feature, and its number, by which scoring tells features apart. */
    private record Feature(int id, float[] weights) {}

    /**
     * The weights of a syllable as written: {@code w:unit}, and {@code b:unit next} by next; and the
     * entry of its folded form, found once here rather than for every occurrence.
     */
    private static final class Syllable {
        Feature word;
        Folded folded;
        final Map<String, Feature> bigrams = new HashMap<>();
    }

    /** The weights of a folded syllable: {@code f:fold}, {@code n:fold}, and {@code fb:fold next} by next. */
    private static final class Folded {
        Feature folded, negated;
        final Map<String, Feature> bigrams = new HashMap<>();
    }

    LinearSentimentModel(List<String> labels, boolean lexicon, double length, double[] offsets, float[] bias,
                         Map<String, float[]> weights) {
        for (String label : labels) {
            if (!LABELS.contains(label)) throw new IllegalArgumentException("unknown label " + label);
        }
        if (offsets.length != labels.size() || bias.length != labels.size()) {
            throw new IllegalArgumentException("expected " + labels.size() + " offsets and biases");
        }
        this.labels = List.copyOf(labels);
        this.lexicon = lexicon;
        this.length = length;
        this.offsets = offsets.clone();
        this.bias = bias.clone();
        this.weights = new HashMap<>();
        weights.forEach((name, w) -> this.weights.put(name, w.clone()));
        this.weights.forEach((name, w) -> index(name, new Feature(features++, w)));
        syllables.forEach((unit, s) -> s.folded = foldedSyllables.get(TextNormalizer.fold(unit)));
    }

    /** Files the weights of a feature under its kind; names no extraction can produce are left out. */
    private void index(String name, Feature w) {
        int colon = name.indexOf(':');
        if (colon < 0) return;
        String units = name.substring(colon + 1);
        int space = units.indexOf(' ');
        switch (name.substring(0, colon)) {
            case "w" -> syllable(units).word = w;
            case "f" -> folded(units).folded = w;
            case "n" -> folded(units).negated = w;
            case "lex" -> lexiconFeatures.put(units, w);
            case "b" -> {
                if (space >= 0) syllable(units.substring(0, space)).bigrams.put(units.substring(space + 1), w);
            }
            case "fb" -> {
                if (space >= 0) folded(units.substring(0, space)).bigrams.put(units.substring(space + 1), w);
            }
            default -> { }
        }
    }

    private Syllable syllable(String unit) {
        return syllables.computeIfAbsent(unit, k -> new Syllable());
    }

    private Folded folded(String fold) {
        return foldedSyllables.computeIfAbsent(fold, k -> new Folded());
    }

    private static final class Holder {
        static final LinearSentimentModel DEFAULT = fromResource(DEFAULT_RESOURCE);
    }

    /** The model shipped in this jar. */
    public static LinearSentimentModel builtIn() {
        return Holder.DEFAULT;
    }

    public List<String> labels() {
        return labels;
    }

    /** Whether the model reads the lexicon's evidence as features. */
    public boolean usesLexicon() {
        return lexicon;
    }

    public int vocabularySize() {
        return weights.size();
    }

    /** The per-class offsets added to log-probabilities before the label is chosen. */
    public double[] offsets() {
        return offsets.clone();
    }

    /** The same model deciding with other offsets (one per label, in the order of {@link #labels()}). */
    public LinearSentimentModel withOffsets(double[] offsets) {
        return new LinearSentimentModel(labels, lexicon, length, offsets, bias, weights);
    }

    /** The weights by feature name, and the bias under the name {@code bias}: for training on top. */
    Map<String, float[]> weights() {
        return weights;
    }

    float[] bias() {
        return bias.clone();
    }

    double length() {
        return length;
    }

    @Override
    public Sentiment classify(String normalizedText) {
        return classify(normalizedText, Tokenizer.tokens(normalizedText));
    }

    @Override
    public Sentiment classify(String normalizedText, List<Token> tokens) {
        double[] p = probabilities(tokens);
        return new Sentiment(labels.get(decide(p, offsets)), probability(p, "positive") - probability(p, "negative"));
    }

    /** The class with the highest log-probability plus offset. */
    static int decide(double[] p, double[] offsets) {
        int best = 0;
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < p.length; k++) {
            double v = Math.log(p[k]) + offsets[k];
            if (v > top) {
                top = v;
                best = k;
            }
        }
        return best;
    }

    /** Class probabilities, in the order of {@link #labels()}. */
    public double[] probabilities(String normalizedText) {
        return probabilities(Tokenizer.tokens(normalizedText));
    }

    /** The same, from the {@link Tokenizer#tokens} of the text. */
    public double[] probabilities(List<Token> tokens) {
        Scores scores = new Scores();
        int units = SentimentFeatures.extract(tokens, lexicon, scores);
        return softmax(scores.sum(ngramValue(units, length)));
    }

    /** What each n-gram of a text of {@code units} units weighs: min(1, √(reference / units)); 1 if reference is 0. */
    static double ngramValue(int units, double reference) {
        return reference <= 0 || units <= reference ? 1 : Math.sqrt(reference / units);
    }

    private double probability(double[] p, String label) {
        int k = labels.indexOf(label);
        return k < 0 ? 0 : p[k];
    }

    /**
     * The class scores of the features as they come, without building their names: the features the
     * model knows, each once, in the order first seen, with its last value (as a map from name to value
     * would hold them), so the sums are the same as over that map.
     */
    private final class Scores implements SentimentFeatures.Sink {
        private Feature[] rows = new Feature[32];
        private double[] values = new double[32];
        /** Whether each row is a lexicon feature, which the length does not scale. */
        private boolean[] fromLexicon = new boolean[32];
        private int size;
        /**
         * Where each feature is in {@link #rows}, by its id: open addressing, 1 + its index or 0 for a free
         * slot. A sentence of a long post has a hundred features or more, too many to scan for each one.
         */
        private int[] slots = new int[64];
        /** The entries of the previous syllable, null when the model knows none. */
        private Syllable previous;
        private Folded previousFolded;

        @Override
        public void mark(String unit) {
            Syllable s = syllables.get(unit);
            if (s != null) add(s.word, 1.0);
        }

        @Override
        public void syllable(String unit, String fold, boolean continues, boolean negated) {
            Syllable s = syllables.get(unit);
            Folded f = s != null ? s.folded : foldedSyllables.get(fold);
            if (s != null) add(s.word, 1.0);
            if (f != null) add(f.folded, 1.0);
            if (continues) {
                if (previous != null) add(previous.bigrams.get(unit), 1.0);
                if (previousFolded != null) add(previousFolded.bigrams.get(fold), 1.0);
            }
            if (negated && f != null) add(f.negated, 1.0);
            previous = s;
            previousFolded = f;
        }

        @Override
        public void lexicon(String name, double value) {
            add(lexiconFeatures.get(name), value, true);
        }

        private void add(Feature w, double value) {
            add(w, value, false);
        }

        private void add(Feature w, double value, boolean lexicon) {
            if (w == null) return;
            int slot = slot(w.id());
            if (slots[slot] != 0) {
                values[slots[slot] - 1] = value;
                return;
            }
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
                values = Arrays.copyOf(values, size * 2);
                fromLexicon = Arrays.copyOf(fromLexicon, size * 2);
            }
            rows[size] = w;
            fromLexicon[size] = lexicon;
            values[size++] = value;
            slots[slot] = size;
            if (2 * size > slots.length) {
                slots = new int[2 * slots.length];
                for (int i = 0; i < size; i++) slots[slot(rows[i].id())] = i + 1;
            }
        }

        /** The slot of the feature numbered {@code id}, or the free slot where it goes. */
        private int slot(int id) {
            int mask = slots.length - 1;
            int i = id * 0x9E3779B9 >>> 16 & mask;
            while (slots[i] != 0 && rows[slots[i] - 1].id() != id) i = (i + 1) & mask;
            return i;
        }

        /** The class scores, each n-gram weighing {@code ngram} (see {@link #ngramValue}). */
        double[] sum(double ngram) {
            double[] z = new double[bias.length];
            for (int k = 0; k < z.length; k++) z[k] = bias[k];
            for (int i = 0; i < size; i++) {
                float[] w = rows[i].weights();
                double v = fromLexicon[i] ? values[i] : values[i] * ngram;
                for (int k = 0; k < z.length; k++) z[k] += v * w[k];
            }
            return z;
        }
    }

    static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElse(0), sum = 0;
        double[] p = new double[z.length];
        for (int k = 0; k < z.length; k++) sum += p[k] = Math.exp(z[k] - max);
        for (int k = 0; k < z.length; k++) p[k] /= sum;
        return p;
    }

    public void save(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out);
        }
    }

    public void write(Writer out) throws IOException {
        out.write("# IOC Stream linear sentiment model (multinomial logistic regression), written by SentimentTrainer.\n");
        out.write(FORMAT + "\t" + VERSION + "\n");
        out.write("labels\t" + String.join("\t", labels) + "\n");
        out.write("lexicon\t" + lexicon + "\n");
        out.write("length\t" + length + "\n");
        StringBuilder o = new StringBuilder("offsets");
        for (double v : offsets) o.append('\t').append(v);
        out.write(o + "\n");
        out.write("vocabulary\t" + weights.size() + "\n");
        out.write("bias" + row(bias) + "\n");
        for (Map.Entry<String, float[]> e : new TreeMap<>(weights).entrySet()) out.write(e.getKey() + row(e.getValue()) + "\n");
    }

    private static String row(float[] w) {
        StringBuilder s = new StringBuilder();
        for (float v : w) s.append('\t').append(v);
        return s.toString();
    }

    public static LinearSentimentModel load(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    /** Loads a model from the classpath, e.g. {@link #DEFAULT_RESOURCE}. */
    public static LinearSentimentModel fromResource(String name) {
        try (InputStream in = LinearSentimentModel.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no model resource " + name);
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LinearSentimentModel read(BufferedReader in, String source) throws IOException {
        Header h = new Header(in, source);
        String[] format = h.next(FORMAT);
        if (format.length != 2 || !(format[1].equals("1") || format[1].equals(String.valueOf(VERSION)))) {
            throw h.error("unsupported model version " + String.join(" ", format));
        }
        boolean v1 = format[1].equals("1");
        List<String> labels = List.of(h.next("labels")).subList(1, h.last.length);
        boolean lexicon = Boolean.parseBoolean(h.next("lexicon")[1]);
        double length = v1 ? 0 : Double.parseDouble(h.next("length")[1]);
        double[] offsets = new double[labels.size()];
        if (!v1) {
            String[] row = h.next("offsets");
            if (row.length != labels.size() + 1) throw h.error("expected " + labels.size() + " offsets, found " + (row.length - 1));
            for (int k = 0; k < offsets.length; k++) offsets[k] = Double.parseDouble(row[k + 1]);
        }
        int size = Integer.parseInt(h.next("vocabulary")[1]);
        float[] bias = h.weights(h.next("bias"), labels.size());
        Map<String, float[]> weights = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            String[] row = h.next(null);
            weights.put(row[0], h.weights(row, labels.size()));
        }
        return new LinearSentimentModel(labels, lexicon, length, offsets, bias, weights);
    }

    /** Reads the model file line by line, skipping comments, and names the line in errors. */
    private static final class Header {
        private final BufferedReader in;
        private final String source;
        private int line;
        String[] last;

        Header(BufferedReader in, String source) {
            this.in = in;
            this.source = source;
        }

        String[] next(String key) throws IOException {
            String s;
            do {
                s = in.readLine();
                line++;
                if (s == null) throw error("unexpected end of model" + (key == null ? "" : ", expected " + key));
            } while (s.isBlank() || s.startsWith("#"));
            last = s.split("\t");
            if (key != null && !last[0].equals(key)) throw error("expected " + key + ", found " + last[0]);
            return last;
        }

        float[] weights(String[] row, int n) {
            if (row.length != n + 1) throw error("expected " + n + " weights, found " + (row.length - 1));
            float[] w = new float[n];
            for (int k = 0; k < n; k++) w[k] = Float.parseFloat(row[k + 1]);
            return w;
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(source + ":" + line + ": " + message);
        }
    }
}
