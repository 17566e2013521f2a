package vn.iocstream.jobs.detectors.nab;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * NAB's scoring rules, as ../shared/data/nab/SCORING.md describes them: probation, the scaled sigmoid
 * over each labelled window, one value per window (its earliest detection, or a miss), false positives
 * discounted by their distance after the last window, one threshold per profile chosen over the whole
 * corpus, and normalisation between the null and the perfect detector.
 */
public final class NabScorer {
    private static final double MAX_TP = sigma(-1.0);

    private NabScorer() {}

    /** NAB's scaled sigmoid: 1 (well before) … 0 (at the window's end) … −1 (far after). */
    static double sigma(double y) {
        return y > 3 ? -1.0 : 2 / (1 + Math.exp(5 * y)) - 1;
    }

    /**
     * Each row's window (index into the series' windows, or −1) and its profile-free value: inside a
     * window σ(y)/σ(−1), outside it σ(distance after the last closed window) or −1 before any.
     */
    record Rows(int[] window, double[] unweighted) {
        static Rows of(NabSeries s) {
            int n = s.size();
            int[] window = new int[n];
            double[] unweighted = new double[n];
            Arrays.fill(window, -1);
            int[][] ws = s.windows().clone();
            Integer[] order = new Integer[ws.length];
            for (int k = 0; k < order.length; k++) order[k] = k;
            Arrays.sort(order, Comparator.comparingInt(k -> ws[k][0]));
            for (int k : order) for (int i = ws[k][0]; i <= ws[k][1]; i++) window[i] = k;
            int prevRight = -1, prevWidth = 0;
            for (int i = 0; i < n; i++) {
                int k = window[i];
                if (k >= 0) {
                    int right = ws[k][1], width = right - ws[k][0] + 1;
                    unweighted[i] = sigma(-(double) (right - i + 1) / width) / MAX_TP;
                    if (i == right) {
                        prevRight = right;
                        prevWidth = width;
                    }
                } else {
                    unweighted[i] = prevRight < 0 ? -1.0 : sigma(Math.abs(prevRight - i) / (double) (prevWidth - 1));
                }
            }
            return new Rows(window, unweighted);
        }
    }

    /**
     * One file's raw score at a threshold.
     *
     * @param detected windows with a detection; @param missed counted windows without one;
     * @param falsePositives detections outside every window (all after probation)
     */
    public record FileScore(double raw, int detected, int missed, int falsePositives) {}

    public static FileScore score(NabSeries s, double[] scores, double threshold, NabProfile p) {
        Rows rows = Rows.of(s);
        int probation = s.probationLength();
        double[] best = new double[s.windows().length];
        Arrays.fill(best, Double.NaN);
        double raw = 0;
        int fp = 0;
        for (int i = probation; i < scores.length; i++) {
            if (scores[i] < threshold) continue;
            int k = rows.window[i];
            if (k < 0) {
                raw += rows.unweighted[i] * p.fpWeight();
                fp++;
            } else if (Double.isNaN(best[k])) {
                best[k] = rows.unweighted[i] * p.tpWeight(); // rows ascend, so the first hit is the earliest
            }
        }
        int detected = 0, missed = 0;
        for (int k = 0; k < best.length; k++) {
            if (!Double.isNaN(best[k])) {
                raw += best[k];
                detected++;
            } else if (s.windows()[k][1] >= probation) {
                raw -= p.fnWeight();
                missed++;
            }
        }
        return new FileScore(raw, detected, missed, fp);
    }

    /** The threshold with the highest corpus raw score, and that score. */
    public record Threshold(double threshold, double raw) {}

    /** NAB's optimiser: every distinct score tried as the threshold over the whole corpus (see {@link NabRanking}). */
    public static Threshold optimise(List<NabSeries> series, List<double[]> scores, NabProfile p) {
        boolean[] all = new boolean[series.size()];
        Arrays.fill(all, true);
        return NabRanking.of(series, scores).optimise(all, p);
    }

    /**
     * 100 × (raw − null) / (perfect − null): the null detector misses every counted window, the perfect one
     * catches every window at its first row. NaN when there is no window to score against.
     */
    public static double normalise(double raw, int windows, int countedWindows, NabProfile p) {
        double perfect = windows * p.tpWeight();
        double nul = -p.fnWeight() * countedWindows;
        return perfect == nul ? Double.NaN : 100 * (raw - nul) / (perfect - nul);
    }
}
