package vn.iocstream.jobs.detectors.nab;

import java.util.Arrays;
import java.util.List;

/**
 * A detector's scored rows over a corpus (after each file's probation), highest score first, with what each
 * row is worth: built once, it finds NAB's optimal threshold for any subset of the files in one pass, so a
 * tuning search can score many folds and profiles of the same run without sorting again.
 */
final class NabRanking {
    private final double[] score;
    /** Corpus-wide window index of the row, or −1. */
    private final int[] window;
    private final double[] unweighted;
    private final int[] file;
    private final int windows;
    private final int[] countedWindows;

    private NabRanking(double[] score, int[] window, double[] unweighted, int[] file, int windows, int[] countedWindows) {
        this.score = score;
        this.window = window;
        this.unweighted = unweighted;
        this.file = file;
        this.windows = windows;
        this.countedWindows = countedWindows;
    }

    static NabRanking of(List<NabSeries> series, List<double[]> scores) {
        int total = 0;
        for (NabSeries s : series) total += Math.max(0, s.size() - s.probationLength());
        double[] score = new double[total];
        int[] window = new int[total];
        double[] unweighted = new double[total];
        int[] file = new int[total];
        int[] counted = new int[series.size()];
        int at = 0, windowBase = 0;
        for (int f = 0; f < series.size(); f++) {
            NabSeries s = series.get(f);
            NabScorer.Rows rows = NabScorer.Rows.of(s);
            double[] sc = scores.get(f);
            for (int i = s.probationLength(); i < s.size(); i++, at++) {
                if (Double.isNaN(sc[i])) throw new IllegalArgumentException("score NaN at row " + i + " of " + s.name());
                score[at] = sc[i];
                window[at] = rows.window()[i] < 0 ? -1 : windowBase + rows.window()[i];
                unweighted[at] = rows.unweighted()[i];
                file[at] = f;
            }
            counted[f] = s.countedWindows();
            windowBase += s.windows().length;
        }
        int[] order = descending(score);
        return new NabRanking(permute(score, order), permute(window, order), permute(unweighted, order), permute(file, order),
                windowBase, counted);
    }

    /**
     * NAB's optimiser restricted to the files with {@code include[file]}: every distinct score tried as the
     * threshold, highest first; each lowering adds that group's rows (a false positive's value, or a window's
     * improvement when the row is earlier than the window's best detection so far). Ties in the raw score keep
     * the highest threshold.
     */
    NabScorer.Threshold optimise(boolean[] include, NabProfile p) {
        double raw = 0;
        for (int f = 0; f < include.length; f++) if (include[f]) raw -= p.fnWeight() * countedWindows[f];
        double[] best = new double[windows];
        Arrays.fill(best, Double.NaN);
        double bestRaw = raw;
        int firstIncluded = 0;
        while (firstIncluded < score.length && !include[file[firstIncluded]]) firstIncluded++;
        double bestThreshold = firstIncluded == score.length ? 1.0 : Math.nextUp(score[firstIncluded]);
        for (int j = 0; j < score.length; ) {
            double threshold = score[j];
            boolean any = false;
            for (; j < score.length && score[j] == threshold; j++) {
                if (!include[file[j]]) continue;
                any = true;
                int k = window[j];
                if (k < 0) {
                    raw += unweighted[j] * p.fpWeight();
                    continue;
                }
                double value = unweighted[j] * p.tpWeight();
                if (Double.isNaN(best[k])) {
                    raw += value + p.fnWeight();
                    best[k] = value;
                } else if (value > best[k]) {
                    raw += value - best[k];
                    best[k] = value;
                }
            }
            if (any && raw > bestRaw + 1e-12) {
                bestRaw = raw;
                bestThreshold = threshold;
            }
        }
        return new NabScorer.Threshold(bestThreshold, bestRaw);
    }

    /** Row indices ordered by score, highest first; a merge sort on primitives (no boxing of 10⁵–10⁶ rows). */
    private static int[] descending(double[] score) {
        int n = score.length;
        int[] a = new int[n], b = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n), i = lo, j = mid, k = lo;
                while (i < mid && j < hi) b[k++] = score[a[j]] > score[a[i]] ? a[j++] : a[i++];
                while (i < mid) b[k++] = a[i++];
                while (j < hi) b[k++] = a[j++];
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    private static double[] permute(double[] x, int[] order) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[order[i]];
        return out;
    }

    private static int[] permute(int[] x, int[] order) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[order[i]];
        return out;
    }
}
