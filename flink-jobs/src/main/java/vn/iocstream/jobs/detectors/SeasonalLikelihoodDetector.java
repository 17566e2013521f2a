package vn.iocstream.jobs.detectors;

/**
 * The default anomaly detector for event rates and sensor series: the likelihood of recent prediction
 * errors (the post-processing that makes Numenta's HTM detector strong, applied to a cheap predictor),
 * aware of daily seasonality, with a range check and a rest period after an alarm.
 *
 * <p>For each point, in order:
 * <ol>
 *   <li><b>Surprise.</b> The error against a fast moving level, in units of the series' usual error,
 *       and the error against the usual value of this hour of the day (24 slots, each a moving value
 *       and deviation); the smaller of the two counts, so a daily peak that recurs is not a surprise,
 *       while a level shift or a spike surprises both. Capped at {@value #SURPRISE_CAP} units, scaled to [0, 1].</li>
 *   <li><b>Likelihood.</b> The mean surprise of the last {@value #RECENT} points against the long-run
 *       distribution of that mean (moving mean and variance): the score is −log10 of its Gaussian tail,
 *       divided by 10, so 0.5 means "a 1 in 100,000 run of surprise for this series". This calibrates
 *       one threshold across series of very different noise.</li>
 *   <li><b>Range.</b> A value more than {@value #RANGE_TOLERANCE} of the seen range beyond the seen
 *       minimum or maximum scores 1 (as NAB's HTM detector does, but with the range seen so far, never
 *       the file's), once {@value #RANGE_LEARNING} points have been seen.</li>
 *   <li><b>Rest.</b> For {@value #REST_POINTS} points after a score of at least {@value #ALARM} the
 *       scores are halved: one incident, one alarm.</li>
 * </ol>
 * Online (a score uses only this point and earlier ones) and small: about 80 doubles of state, so one
 * instance per key fits Flink keyed state. Seasonality uses the hour of {@code epochMillis} in UTC; any
 * fixed offset from local time only relabels the slots. Weekly seasonality is not modelled.
 *
 * <p>Measured with {@code ./ioc eval nab}: see the README for the figures. The constants were chosen
 * from NAB's conventions (HTM's 10-point averaging; a rest of about a fifth of NAB's probation, as CAD OSE
 * does) and checked on the whole available corpus, never per file.
 */
public final class SeasonalLikelihoodDetector implements AnomalyDetector {
    private static final long serialVersionUID = 1L;
    private static final long HOUR_MS = 3_600_000L;
    private static final int SLOTS = 24;
    static final double LEVEL_ALPHA = 0.1;
    /** Horizon of the usual error: ~100 points, averaged exactly over the first ones. */
    static final double SCALE_ALPHA = 0.01;
    static final double SLOT_ALPHA = 0.2;
    static final double SURPRISE_CAP = 6;
    static final int RECENT = 10;
    /** Horizon of the surprise distribution: ~1000 points. */
    static final double HISTORY_ALPHA = 0.001;
    static final double RANGE_TOLERANCE = 0.05;
    /** Points seen before the range check applies: a new key's first values say little about its range. */
    static final int RANGE_LEARNING = 100;
    static final double ALARM = 0.5;
    static final int REST_POINTS = 150;

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
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long restUntil;

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
        if (outOfRange) score = 1;
        if (count <= restUntil) score *= 0.5;
        else if (score >= ALARM) restUntil = count + REST_POINTS;
        return score;
    }

    private double surprise(int slot, double value) {
        double tiny = 1e-9 * (Math.abs(level) + 1); // a flat series still has a finite unit of error
        double errors = Math.abs(value - level) / (scale + tiny);
        if (slotSeen[slot] >= 2) {
            errors = Math.min(errors, Math.abs(value - slotMean[slot]) / (slotDeviation[slot] + scale * 0.5 + tiny));
        }
        return Math.min(errors, SURPRISE_CAP) / SURPRISE_CAP;
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
        double score = 0;
        if (historyCount > 2 * RECENT) {
            double z = (mean - historyMean) / (Math.sqrt(historyVariance) + 1e-4);
            if (z > 0) score = Math.min(1, -Math.log10(Math.max(WindowedGaussianDetector.upperTail(z), 1e-10)) / 10);
        }
        historyCount++;
        double a = Math.max(HISTORY_ALPHA, 1.0 / historyCount);
        double delta = mean - historyMean;
        historyMean += a * delta;
        historyVariance = (1 - a) * (historyVariance + a * delta * delta);
        return score;
    }
}
