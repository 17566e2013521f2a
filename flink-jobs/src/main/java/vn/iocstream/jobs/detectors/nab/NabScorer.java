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

    /**
     * Tries every distinct score value as the threshold in one sweep: rows sorted by score, highest first,
     * each lowering of the threshold adds that group's rows (a false positive's value, or a window's
     * improvement when the row is earlier than the window's best detection so far). Ties in the raw score
     * keep the highest threshold. O(N log N) for N scored rows over the corpus.
     */
    public static Threshold optimise(List<NabSeries> series, List<double[]> scores, NabProfile p) {
        int total = 0, windows = 0;
        for (NabSeries s : series) {
            total += Math.max(0, s.size() - s.probationLength());
            windows += s.windows().length;
        }
        double[] score = new double[total];
        double[] value = new double[total];
        int[] window = new int[total]; // corpus-wide window index, or −1
        int at = 0, windowBase = 0;
        double raw = 0;
        for (int f = 0; f < series.size(); f++) {
            NabSeries s = series.get(f);
            Rows rows = Rows.of(s);
            double[] sc = scores.get(f);
            for (int i = s.probationLength(); i < s.size(); i++, at++) {
                score[at] = sc[i];
                int k = rows.window[i];
                window[at] = k < 0 ? -1 : windowBase + k;
                value[at] = rows.unweighted[i] * (k < 0 ? p.fpWeight() : p.tpWeight());
            }
            raw -= p.fnWeight() * s.countedWindows();
            windowBase += s.windows().length;
        }
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));

        double[] best = new double[windows];
        Arrays.fill(best, Double.NaN);
        double bestRaw = raw;
        double bestThreshold = total == 0 ? 1.0 : Math.nextUp(score[order[0]]);
        for (int j = 0; j < total; ) {
            double threshold = score[order[j]];
            for (; j < total && score[order[j]] == threshold; j++) {
                int r = order[j], k = window[r];
                if (k < 0) {
                    raw += value[r];
                } else if (Double.isNaN(best[k])) {
                    raw += value[r] + p.fnWeight();
                    best[k] = value[r];
                } else if (value[r] > best[k]) {
                    raw += value[r] - best[k];
                    best[k] = value[r];
                }
            }
            if (raw > bestRaw + 1e-12) {
                bestRaw = raw;
                bestThreshold = threshold;
            }
        }
        return new Threshold(bestThreshold, bestRaw);
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
