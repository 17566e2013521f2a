package vn.iocstream.jobs.detectors;

import java.io.Serializable;

/**
 * The default anomaly detector for event rates and sensor series: Numenta's anomaly-likelihood
 * post-processing (as NAB's HTM detector publishes it) over two cheap raw scores, with a range check.
 *
 * <p>For each point, in order:
 * <ol>
 *   <li><b>Surprise.</b> The error against a fast moving level, in units of the series' usual error, and
 *       the error against the usual value of this hour of the day (24 slots, each a moving value and
 *       deviation); the smaller of the two counts, so a daily peak that recurs is not a surprise, while a
 *       level shift or a spike surprises both. Like HTM's raw score, the surprise is mostly 0: it is 0 up to
 *       {@value #SURPRISE_FROM} units, rising to 1 at {@value #SURPRISE_FULL}.</li>
 *   <li><b>Rare transition.</b> A cheap analogue of HTM's "input not predicted from the previous step": the
 *       value falls in one of {@value #BINS} equal bins over the range seen so far, a decaying count matrix
 *       (previous bin → bin, each row forgetting {@value #TRANSITION_DECAY} per use, so ~30 uses of a
 *       context) gives P(this bin | previous bin) (add-{@value #TRANSITION_PRIOR} smoothed); the score is
 *       1 − P/{@value #RARE_TRANSITION}, floored at 0, so only a transition rarer than 1 in 20 counts. It
 *       catches a change of shape at an ordinary level (a missing spike, a new rhythm) that the level and
 *       hour errors miss.</li>
 *   <li><b>Likelihood</b> ({@code anomaly_likelihood.py}), for each raw score on its own: the mean of the
 *       last {@value #RECENT} scores against the long-run distribution of that mean (exponentially weighted
 *       over ~{@value #HISTORY} points instead of HTM's 8,640-point window, to keep the state small; mean at
 *       least {@value #MIN_MEAN}, variance at least {@value #MIN_VARIANCE}, as published); its two-sided
 *       Gaussian tail Q; a tail below 10⁻⁵ right after another one counts as 10⁻³ (HTM's filter: one alarm
 *       per burst); the score is log(1.0000000001 − (1 − Q)) / log(10⁻¹⁰), so 0.5 means Q = 10⁻⁵. The
 *       higher of the two scores counts: each raw score is judged against its own history, so one that is
 *       noisy on a series (transitions on a wandering sensor) does not drown the other. The first
 *       {@value #LEARNING} points only learn, the next {@value #ESTIMATION} build the distributions; both
 *       score 0.03 (likelihood 0.5), never an alarm.</li>
 *   <li><b>Range.</b> A value more than {@value #RANGE_TOLERANCE} of the seen range beyond the seen
 *       minimum or maximum scores 1 (as NAB's HTM detector does, with the range seen so far, never the
 *       file's), once {@value #RANGE_LEARNING} points have been seen.</li>
 * </ol>
 * Online (a score uses only this point and earlier ones) and small: about 110 doubles and a 16 × 16 float
 * matrix, 2.7 KB with Java serialisation, so one instance per key fits Flink keyed state. The bins follow
 * the range seen so far, so a new minimum or maximum moves every bin edge and can make a usual move look
 * rare for a while. Seasonality uses the hour
 * of {@code epochMillis} in UTC; any fixed offset from local time only relabels the slots. Weekly
 * seasonality is not modelled (tried: a 168-slot week, and weekday/weekend hours, lowered the NAB score).
 *
 * <p>Measured with {@code ./ioc eval nab}: see the README for the figures. The likelihood constants are
 * Numenta's; the surprise band, the fast level and the transition constants were chosen on the whole
 * available corpus (a grid around them scores within a few points, and the chosen one raises every
 * category's score or keeps it), never per file.
 */
public final class SeasonalLikelihoodDetector implements AnomalyDetector {
    private static final long serialVersionUID = 3L;
    private static final long HOUR_MS = 3_600_000L;
    private static final int SLOTS = 24;
    static final double LEVEL_ALPHA = 0.3;
    /** Horizon of the usual error: ~100 points, averaged exactly over the first ones. */
    static final double SCALE_ALPHA = 0.01;
    static final double SLOT_ALPHA = 0.2;
    static final double SURPRISE_FROM = 2;
    static final double SURPRISE_FULL = 4;
    static final int BINS = 16;
    static final double TRANSITION_DECAY = 0.03;
    static final double TRANSITION_PRIOR = 0.1;
    static final double RARE_TRANSITION = 0.05;
    static final int RECENT = 10;
    static final int LEARNING = 150;
    static final int ESTIMATION = 150;
    static final int HISTORY = 8640;
    static final double MIN_MEAN = 0.03;
    static final double MIN_VARIANCE = 0.0003;
    private static final double RED_TAIL = 1e-5;
    private static final double YELLOW_TAIL = 1e-3;
    static final double RANGE_TOLERANCE = 0.05;
    /** Points seen before the range check applies: a new key's first values say little about its range. */
    static final int RANGE_LEARNING = 100;
    /** The score of a tail probability of 10⁻⁵: NAB's thresholds for HTM are 0.54–0.58. */
    static final double ALARM = 0.5;

    private long count;
    private double level;
    private double scale;
    private final double[] slotMean = new double[SLOTS];
    private final double[] slotDeviation = new double[SLOTS];
    private final int[] slotSeen = new int[SLOTS];
    /**
     * Decaying counts of bin transitions, row = previous bin, each row in its own unit: a count is
     * {@code transitions / rowUnit}. Decaying a row is then one multiplication of its unit.
     */
    private final float[] transitions = new float[BINS * BINS];
    private final double[] rowTotal = new double[BINS];
    private final double[] rowUnit = new double[BINS];
    private int previousBin;
    private final Likelihood surpriseLikelihood = new Likelihood();
    private final Likelihood transitionLikelihood = new Likelihood();
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    @Override
    public double score(long epochMillis, double value) {
        boolean outOfRange = count >= RANGE_LEARNING && max > min
                && (value > max + (max - min) * RANGE_TOLERANCE || value < min - (max - min) * RANGE_TOLERANCE);
        min = Math.min(min, value);
        max = Math.max(max, value);
        count++;
        if (count == 1) {
            level = value;
            return 0;
        }
        int slot = (int) Math.floorMod(Math.floorDiv(epochMillis, HOUR_MS), (long) SLOTS);
        double surprise = surprise(slot, value);
        double rareTransition = rareTransition(value);
        learn(slot, value);
        long scored = count - 2; // points scored before this one
        double likelihood = Math.max(surpriseLikelihood.next(surprise, scored), transitionLikelihood.next(rareTransition, scored));
        return outOfRange ? 1 : Math.log(1.0000000001 - likelihood) / -23.02585084720009;
    }

    private double surprise(int slot, double value) {
        double tiny = 1e-9 * (Math.abs(level) + 1); // a flat series still has a finite unit of error
        double errors = Math.abs(value - level) / (scale + tiny);
        if (slotSeen[slot] >= 2) {
            errors = Math.min(errors, Math.abs(value - slotMean[slot]) / (slotDeviation[slot] + scale * 0.5 + tiny));
        }
        return Math.max(0, Math.min(1, (errors - SURPRISE_FROM) / (SURPRISE_FULL - SURPRISE_FROM)));
    }

    /** How rare the move from the previous point's bin to this one has been; learns the move. */
    private double rareTransition(double value) {
        int bin = max > min ? Math.min(BINS - 1, (int) ((value - min) / (max - min) * BINS)) : 0;
        int row = previousBin;
        if (rowUnit[row] == 0) rowUnit[row] = 1;
        double unit = rowUnit[row];
        double p = (transitions[row * BINS + bin] / unit + TRANSITION_PRIOR) / (rowTotal[row] / unit + TRANSITION_PRIOR * BINS);
        unit /= 1 - TRANSITION_DECAY;
        if (unit > 1e6) { // back to unit 1 before the float counts lose precision
            for (int b = 0; b < BINS; b++) transitions[row * BINS + b] /= (float) unit;
            rowTotal[row] /= unit;
            unit = 1;
        }
        rowUnit[row] = unit;
        transitions[row * BINS + bin] += (float) unit;
        rowTotal[row] += unit;
        previousBin = bin;
        return Math.max(0, 1 - p / RARE_TRANSITION);
    }

    private void learn(int slot, double value) {
        double error = Math.abs(value - level);
        level += LEVEL_ALPHA * (value - level);
        long errors = count - 1;
        scale += (errors < 1 / SCALE_ALPHA ? 1.0 / errors : SCALE_ALPHA) * (error - scale);
        if (slotSeen[slot] == 0) {
            slotMean[slot] = value;
        } else {
            double deviation = Math.abs(value - slotMean[slot]);
            slotMean[slot] += SLOT_ALPHA * (value - slotMean[slot]);
            slotDeviation[slot] += (slotSeen[slot] == 1 ? 1 : SLOT_ALPHA) * (deviation - slotDeviation[slot]);
        }
        if (slotSeen[slot] < Integer.MAX_VALUE) slotSeen[slot]++;
    }

    /** Numenta's anomaly likelihood of one raw score, with an exponentially weighted history. */
    private static final class Likelihood implements Serializable {
        private static final long serialVersionUID = 1L;
        private final double[] recent = new double[RECENT];
        private int recentNext;
        private double recentSum;
        private double historyMean;
        private double historyVariance;
        private long historyCount;
        private double previousTail = 1;

        /** @param scored points scored before this one */
        double next(double raw, long scored) {
            recentSum += raw - recent[recentNext];
            recent[recentNext] = raw;
            recentNext = (recentNext + 1) % RECENT;
            double mean = recentSum / RECENT;
            double likelihood = 0.5;
            if (scored >= LEARNING + ESTIMATION) {
                double center = Math.max(historyMean, MIN_MEAN);
                double tail = upperTail(Math.abs(mean - center) / Math.sqrt(Math.max(historyVariance, MIN_VARIANCE)));
                likelihood = 1 - (tail <= RED_TAIL && previousTail <= RED_TAIL ? YELLOW_TAIL : tail);
                previousTail = tail;
            }
            if (scored >= LEARNING) {
                historyCount++;
                double a = Math.max(1.0 / HISTORY, 1.0 / historyCount);
                double delta = mean - historyMean;
                historyMean += a * delta;
                historyVariance = (1 - a) * (historyVariance + a * delta * delta);
            }
            return likelihood;
        }
    }

    /** P(Z > z) for a standard normal Z, z ≥ 0, with relative error below 1.2e-7 even far in the tail (erfc, Numerical Recipes). */
    static double upperTail(double z) {
        double x = z / Math.sqrt(2), t = 1 / (1 + 0.5 * x);
        return 0.5 * t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    }
}
