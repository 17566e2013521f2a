package vn.iocstream.nlp.sentiment;

import java.util.ArrayList;
import java.util.List;
import vn.iocstream.nlp.TextNormalizer;

/**
 * Chooses a model's per-class offsets ({@link LinearSentimentModel#withOffsets}) on development data:
 * the offsets, on a grid, that give the best mean weighted-F1 over the development sets of several
 * domains, each counting the same. This is where neutral is calibrated: a text becomes neutral only
 * when neutral is likelier than each polarity by the margin the development data asks for, so that
 * "no strong evidence" does not default to neutral on text that evaluates something, and news that
 * states facts still comes out neutral.
 *
 * <p>The offsets are relative to the last label's (kept at 0), on a grid of steps of 0.1 from
 * −{@value #RANGE} to +{@value #RANGE}. Of the offsets whose mean is within {@value #TOLERANCE} of the
 * best, the smallest (by the sum of their absolute values) are kept: development sets of a few dozen
 * texts swing the mean by that much with two texts, and larger offsets than the data clearly asks for
 * push more evaluative text into neutral (on the hand-written set, the best mean's neutral offset of
 * 2.4 called 21 of its 212 negative or positive sentences neutral, the kept 1.4 called 8).
 */
public final class SentimentCalibration {
    private SentimentCalibration() {}

    /** Grid steps per unit of log-probability: a step of 0.1. */
    static final int STEPS_PER_UNIT = 10;
    static final int RANGE = 3;
    static final double TOLERANCE = 0.005;

    /** The model with offsets chosen on {@code devGroups} (one list of labelled texts per domain). */
    public static LinearSentimentModel calibrate(LinearSentimentModel model, List<List<LabelledText>> devGroups) {
        List<double[][]> logs = new ArrayList<>();
        List<int[]> gold = new ArrayList<>();
        for (List<LabelledText> group : devGroups) {
            if (group.isEmpty()) continue;
            double[][] l = new double[group.size()][];
            int[] g = new int[group.size()];
            for (int i = 0; i < group.size(); i++) {
                double[] p = model.probabilities(TextNormalizer.normalizeSocial(group.get(i).text()));
                l[i] = new double[p.length];
                for (int k = 0; k < p.length; k++) l[i][k] = Math.log(p[k]);
                g[i] = SentimentClassifier.LABELS.indexOf(group.get(i).label());
            }
            logs.add(l);
            gold.add(g);
        }
        if (logs.isEmpty()) throw new IllegalArgumentException("no development texts to calibrate on");
        int classes = model.labels().size();
        int[] labelIds = model.labels().stream().mapToInt(SentimentClassifier.LABELS::indexOf).toArray();
        int steps = 2 * RANGE * STEPS_PER_UNIT;
        List<double[]> grid = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        double top = Double.NEGATIVE_INFINITY;
        int[] cursor = new int[classes - 1];
        while (true) {
            double[] offsets = new double[classes];
            for (int k = 0; k < classes - 1; k++) offsets[k] = (cursor[k] - RANGE * STEPS_PER_UNIT) / (double) STEPS_PER_UNIT;
            double score = 0;
            for (int d = 0; d < logs.size(); d++) score += weightedF1(logs.get(d), gold.get(d), offsets, labelIds);
            score /= logs.size();
            grid.add(offsets);
            scores.add(score);
            top = Math.max(top, score);
            int k = 0;
            while (k < cursor.length && ++cursor[k] > steps) cursor[k++] = 0;
            if (k == cursor.length) break;
        }
        double[] best = null;
        double bestSize = Double.POSITIVE_INFINITY, bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < grid.size(); i++) {
            if (scores.get(i) < top - TOLERANCE - 1e-12) continue;
            double size = 0;
            for (double o : grid.get(i)) size += Math.abs(o);
            if (size < bestSize - 1e-9 || Math.abs(size - bestSize) <= 1e-9 && scores.get(i) > bestScore) {
                best = grid.get(i);
                bestSize = size;
                bestScore = scores.get(i);
            }
        }
        return model.withOffsets(best);
    }

    /**
     * Weighted-F1 of the decisions with these offsets, as {@link SentimentEvaluation} counts it: over the
     * gold labels present, a predicted label absent from the gold counting as an error.
     */
    static double weightedF1(double[][] logs, int[] gold, double[] offsets, int[] labelIds) {
        int n = SentimentClassifier.LABELS.size();
        int[] tp = new int[n], predicted = new int[n], support = new int[n];
        for (int i = 0; i < logs.length; i++) {
            int best = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < offsets.length; k++) {
                double v = logs[i][k] + offsets[k];
                if (v > top) {
                    top = v;
                    best = k;
                }
            }
            int p = labelIds[best];
            predicted[p]++;
            support[gold[i]]++;
            if (p == gold[i]) tp[p]++;
        }
        double f = 0;
        for (int c = 0; c < n; c++) {
            if (support[c] == 0) continue;
            double precision = predicted[c] == 0 ? 0 : (double) tp[c] / predicted[c];
            double recall = (double) tp[c] / support[c];
            if (precision + recall > 0) f += 2 * precision * recall / (precision + recall) * support[c] / logs.length;
        }
        return f;
    }
}
