package vn.iocstream.nlp.segment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import vn.iocstream.nlp.Token;

/**
 * Trains a {@link TrainedSegmenter} on a CoNLL-U file (a site's own annotated text, or a treebank):
 * an averaged perceptron over syllable boundaries with the features of {@link BoundaryFeatures}.
 * Gold labels come from the same character alignment the evaluation uses, so a syllable starts a word
 * exactly when a gold word starts at its first character. Single-threaded; deterministic for a seed.
 */
public final class SegmenterTrainer {
    private SegmenterTrainer() {}

    public static final int DEFAULT_EPOCHS = 10;

    /** Trains with the {@code @vntk/dictionary} word list (fetched on first use) and saves the model. */
    public static TrainedSegmenter train(Path conllu, Path modelOut) throws IOException {
        return train(conllu, modelOut, Lexicon.vntk(), DEFAULT_EPOCHS);
    }

    public static TrainedSegmenter train(Path conllu, Path modelOut, Lexicon lexicon, int epochs) throws IOException {
        BoundaryFeatures features = new BoundaryFeatures(lexicon);
        List<Example> examples = examples(Conllu.read(conllu), features);
        Perceptron perceptron = new Perceptron();
        Random random = new Random(42);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(examples, random);
            for (Example ex : examples) {
                // The previous decision is the model's own guess, as it will be when tagging.
                boolean previousJoined = false;
                for (int i = 1; i < ex.joined().length; i++) {
                    List<String> f = features.of(ex.run(), i, previousJoined);
                    boolean guess = perceptron.score(f) > 0;
                    if (guess != ex.joined()[i]) perceptron.update(f, ex.joined()[i] ? 1 : -1);
                    perceptron.tick();
                    previousJoined = guess;
                }
            }
        }
        TrainedSegmenter segmenter = new TrainedSegmenter(features, perceptron.averaged());
        segmenter.save(modelOut);
        return segmenter;
    }

    /** A run of syllables and, for each, whether it continues the previous syllable's gold word. */
    private record Example(BoundaryFeatures.Run run, boolean[] joined) {}

    private static List<Example> examples(List<Conllu.Sentence> sentences, BoundaryFeatures features) {
        List<Example> out = new ArrayList<>();
        for (Conllu.Sentence s : sentences) {
            Spans.Stripped stripped = Spans.Stripped.of(s.text());
            Set<Integer> goldStarts = new HashSet<>();
            for (long[] span : Spans.of(stripped, s.words())) goldStarts.add((int) span[0]);
            for (List<Token> unit : Syllables.units(s.text())) {
                if (!Syllables.isRun(unit) || unit.size() < 2) continue;
                boolean[] joined = new boolean[unit.size()];
                for (int i = 1; i < joined.length; i++) {
                    joined[i] = !goldStarts.contains(stripped.before()[unit.get(i).start()]);
                }
                out.add(new Example(features.run(unit), joined));
            }
        }
        return out;
    }

    /** Binary perceptron with lazily averaged weights (Daumé's trick: keep a timestamp per feature). */
    private static final class Perceptron {
        private final Map<String, double[]> weights = new HashMap<>(); // {weight, summed, last update}
        private long clock;

        double score(List<String> features) {
            double s = 0;
            for (String f : features) {
                double[] w = weights.get(f);
                if (w != null) s += w[0];
            }
            return s;
        }

        void update(List<String> features, int direction) {
            for (String f : features) {
                double[] w = weights.computeIfAbsent(f, k -> new double[3]);
                w[1] += (clock - w[2]) * w[0];
                w[2] = clock;
                w[0] += direction;
            }
        }

        void tick() {
            clock++;
        }

        Map<String, Float> averaged() {
            Map<String, Float> out = new HashMap<>();
            for (Map.Entry<String, double[]> e : weights.entrySet()) {
                double[] w = e.getValue();
                double avg = (w[1] + (clock - w[2]) * w[0]) / Math.max(1, clock);
                if (Math.abs(avg) > 1e-6) out.put(e.getKey(), (float) avg);
            }
            return out;
        }
    }

}
