package vn.iocstream.nlp.segment;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vn.iocstream.nlp.Token;
import vn.iocstream.nlp.TokenSegmenter;

/**
 * A segmenter learnt from annotated text by {@link SegmenterTrainer}: a linear model (averaged
 * perceptron) decides, left to right, whether each syllable continues the previous one's word.
 *
 * <p>Model file (UTF-8 text): a {@code #} comment line, {@code format\tioc-segmenter-1},
 * {@code lexicon\tNAME} (the word list its features consulted, see {@link Lexicon#named}), then one
 * {@code feature\tweight} line per feature. Immutable, thread-safe.
 */
public final class TrainedSegmenter implements TokenSegmenter {

    static final String FORMAT = "ioc-segmenter-1";

    private final BoundaryFeatures features;
    private final Map<String, Float> weights;

    TrainedSegmenter(BoundaryFeatures features, Map<String, Float> weights) {
        this.features = features;
        this.weights = Map.copyOf(weights);
    }

    public static TrainedSegmenter load(Path model) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(model, StandardCharsets.UTF_8)) {
            String comment = in.readLine();
            String format = in.readLine();
            String lexicon = in.readLine();
            if (comment == null || !comment.startsWith("#") || !("format\t" + FORMAT).equals(format)
                    || lexicon == null || !lexicon.startsWith("lexicon\t")) {
                throw new IOException(model + " is not a segmenter model (expected format " + FORMAT + ")");
            }
            Map<String, Float> weights = new HashMap<>();
            for (String line; (line = in.readLine()) != null; ) {
                int tab = line.lastIndexOf('\t');
                if (tab < 0) throw new IOException(model + ": bad weight line: " + line);
                weights.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
            }
            return new TrainedSegmenter(new BoundaryFeatures(Lexicon.named(lexicon.substring("lexicon\t".length()))),
                    weights);
        }
    }

    void save(Path model) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(model, StandardCharsets.UTF_8)) {
            out.write("# IOC Stream word segmenter: averaged perceptron over syllable boundaries\n");
            out.write("format\t" + FORMAT + "\n");
            out.write("lexicon\t" + features.lexicon().name() + "\n");
            for (Map.Entry<String, Float> e : new TreeMap<>(weights).entrySet()) {
                out.write(e.getKey() + "\t" + String.format(Locale.ROOT, "%.6g", e.getValue()) + "\n");
            }
        }
    }

    public int size() {
        return weights.size();
    }

    @Override
    public List<String> segment(String text, int from, int to, List<Token> tokens) {
        return Syllables.words(text, tokens, this::starts);
    }

    /** Which syllables of a run start a word, left to right (each decision is a feature of the next). */
    private boolean[] starts(List<Token> unit) {
        BoundaryFeatures.Run run = features.run(unit);
        boolean[] starts = new boolean[unit.size()];
        starts[0] = true;
        for (int i = 1; i < unit.size(); i++) {
            double score = 0;
            for (String f : features.of(run, i, !starts[i - 1])) {
                Float w = weights.get(f);
                if (w != null) score += w;
            }
            starts[i] = score <= 0;
        }
        return starts;
    }
}
