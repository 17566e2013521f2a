package vn.iocstream.jobs.detectors;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The default anomaly detector for event rates and sensor series: Numenta's anomaly-likelihood
 * post-processing (as NAB's HTM detector publishes it) over four cheap raw scores, with a range check.
 * Constants are in {@link Settings} (defaults in brackets below).
 *
 * <p>For each point, in order:
 * <ol>
 *   <li><b>Surprise.</b> The error against a fast moving level, in units of the series' usual error, and
 *       the error against the usual value of this hour of the day (24 slots, each a moving value and
 *       deviation); the smaller of the two counts, so a daily peak that recurs is not a surprise, while a
 *       level shift or a spike surprises both. The usual error is robust: an error counts at most
 *       {@code errorClip} [2] usual errors in it, so one spike does not blunt the detector for the next
 *       hundred points (and a spiky series keeps a usual error that describes its quiet stretches). Like HTM's
 *       raw score, the surprise is mostly 0: it is 0 up to {@code surpriseFrom} [2] units, rising to 1 at
 *       {@code surpriseFrom + surpriseWidth} [4].</li>
 *   <li><b>Rare transition.</b> A cheap analogue of HTM's "input not predicted from the previous step": the
 *       value falls in one of {@code bins} [16] equal bins over the range seen so far, a decaying count matrix
 *       (previous bin → bin, each row forgetting {@code transitionDecay} [3%] per use, so ~30 uses of a
 *       context) gives P(this bin | previous bin) (add-{@code transitionPrior} [0.1] smoothed); the score is
 *       1 − P/{@code rareTransition} [0.05], floored at 0, so only a transition rarer than 1 in 20 counts. It
 *       catches a change of shape at an ordinary level (a missing spike, a new rhythm) that the level and
 *       hour errors miss.</li>
 *   <li><b>Seasonal surprises.</b> The error against this hour of the day alone, and against this hour of the
 *       week alone (168 slots, same update and unit; judged once the series spans {@code weeklyFromDays} [21]
 *       days), each through the same band. Without the fast level to excuse them, they catch a daily peak that
 *       does not come and a weekday that runs like a Sunday (a public holiday), which the first surprise
 *       forgives because the level moves no faster than usual.</li>
 *   <li><b>Likelihood</b> ({@code anomaly_likelihood.py}), for each raw score on its own: the mean of the
 *       last {@value #RECENT} scores against the long-run distribution of that mean (exponentially weighted
 *       over ~{@value #HISTORY} points instead of HTM's 8,640-point window, to keep the state small; mean at
 *       least {@value #MIN_MEAN}, variance at least {@value #MIN_VARIANCE}, as published); its two-sided
 *       Gaussian tail Q; a tail below 10⁻⁵ right after another one counts as 10⁻³ (HTM's filter: one alarm
 *       per burst); the score is log(1.0000000001 − (1 − Q)) / log(10⁻¹⁰), so 0.5 means Q = 10⁻⁵. The
 *       highest of the four scores counts: each raw score is judged against its own history, so one that is
 *       noisy on a series (transitions on a wandering sensor, the week on a series with no weekly rhythm) does
 *       not drown the others. The first {@code likelihoodLearning} [150] raw scores of each kind only learn,
 *       as many again build its distribution; meanwhile it scores 0.03 (likelihood 0.5), never an alarm.</li>
 *   <li><b>Range.</b> A value more than {@code rangeTolerance} [5%] of the seen range beyond the seen
 *       minimum or maximum scores 1 (as NAB's HTM detector does, with the range seen so far, never the
 *       file's), once {@code rangeLearning} [100] points have been seen.</li>
 * </ol>
 * A score at or above {@link #ALARM} is an alarm.
 *
 * <p>Online (a score uses only this point and earlier ones) and small: about 130 doubles, a 16 × 16 float
 * matrix and 2 × 168 floats, 5.0 KB with Java serialisation (class descriptors and the settings included),
 * so one instance per key fits Flink keyed state. The bins follow the range seen so far, so a new minimum or
 * maximum moves every bin edge and can make a usual move look rare for a while. Seasonality uses the hour of
 * {@code epochMillis} in UTC; any fixed offset from local time only relabels the slots.
 *
 * <p>How the constants and the alarm threshold were chosen (leave one NAB category out, never per series)
 * and what they score: {@code nab.NabTuning}, {@code ./ioc eval nab --loco} and the README.
 */
public final class SeasonalLikelihoodDetector implements AnomalyDetector {
    private static final long serialVersionUID = 5L;
    private static final long HOUR_MS = 3_600_000L;
    private static final int SLOTS = 24;
    private static final int WEEK_SLOTS = 168;
    /** History a weekly pattern needs before it is judged: two weeks say little about "the usual Monday". */
    /** Numenta's likelihood constants ({@code anomaly_likelihood.py}), never tuned here. */
    static final int RECENT = 10;
    static final int HISTORY = 8640;
    static final double MIN_MEAN = 0.03;
    static final double MIN_VARIANCE = 0.0003;
    private static final double RED_TAIL = 1e-5;
    private static final double YELLOW_TAIL = 1e-3;
    /**
     * The shipped alarm threshold (a tail probability of about 10⁻⁶·²): the one NAB's standard profile picks on
     * scores of series whose category the constants were not chosen on ({@code ./ioc eval nab --loco}). NAB
     * re-optimises its threshold on the whole corpus; a product cannot, so this is what a user gets.
     */
    public static final double ALARM = 0.6246;

    /**
     * The detector's tunable constants. In {@link #DEFAULTS}, the robust clips and the surprise band are the
     * result of {@code ./ioc eval nab --loco}'s search on all NAB categories ({@code nab.NabTuning.ROBUST}); the
     * others keep their earlier values ({@code NabTuning.START}), because searching them as well
     * ({@code --space full}) scored worse on held-out categories. Never chosen per series.
     *
     * @param levelAlpha        weight of a new value in the fast moving level
     * @param scaleAlpha        weight of a new error in the usual error (its horizon is 1/scaleAlpha points)
     * @param errorClip         an error counts at most this many usual errors in the usual error, so a spike
     *                          does not blunt the detector for the next 1/scaleAlpha points (robust scale)
     * @param slotAlpha         weight of a new value in its hour-of-day and hour-of-week slots
     * @param seasonalClip      a value moves its slot by at most this many slot deviations
     * @param surpriseFrom      errors (in usual units) below which the surprise is 0
     * @param surpriseWidth     errors above {@code surpriseFrom} at which the surprise reaches 1
     * @param bins              equal bins over the range seen so far, for the rare-transition score
     * @param transitionDecay   how much of a transition row is forgotten each time the row is used
     * @param transitionPrior   add-k smoothing of P(bin | previous bin)
     * @param rareTransition    a transition rarer than this starts to score
     * @param weeklyFromDays    days of history before the hour-of-week score counts
     * @param rangeTolerance    a value this share of the seen range beyond the seen minimum or maximum scores 1
     * @param rangeLearning     points seen before the range check applies
     * @param likelihoodLearning raw scores of each kind that only learn; as many again build the distribution
     */
    public record Settings(double levelAlpha, double scaleAlpha, double errorClip, double slotAlpha, double seasonalClip,
                           double surpriseFrom, double surpriseWidth, int bins, double transitionDecay,
                           double transitionPrior, double rareTransition, int weeklyFromDays, double rangeTolerance,
                           int rangeLearning, int likelihoodLearning) implements Serializable {
        public static final Settings DEFAULTS = new Settings(0.3, 0.01, 2, 0.2,
                Double.POSITIVE_INFINITY, 2, 2, 16, 0.03, 0.1, 0.05, 21, 0.05, 100, 150);

        public Settings {
            if (!(levelAlpha > 0 && levelAlpha <= 1 && scaleAlpha > 0 && scaleAlpha <= 1 && slotAlpha > 0 && slotAlpha <= 1)) {
                throw new IllegalArgumentException("levelAlpha, scaleAlpha and slotAlpha must be in (0, 1]");
            }
            if (!(errorClip > 0 && seasonalClip > 0 && surpriseFrom >= 0 && surpriseWidth > 0 && rareTransition > 0
                    && transitionPrior > 0 && transitionDecay > 0 && transitionDecay < 1 && rangeTolerance >= 0)) {
                throw new IllegalArgumentException("clips, surprise width, transition constants must be positive: " + this);
            }
            if (bins < 2 || weeklyFromDays < 0 || rangeLearning < 0 || likelihoodLearning < 1) {
                throw new IllegalArgumentException("bins ≥ 2, days and learning periods ≥ 0: " + this);
            }
        }
    }

    private final Settings settings;
    private final long weeklyFromMs;

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
    private final float[] transitions;
    private final double[] rowTotal;
    private final double[] rowUnit;
    private int previousBin;
    /** Hour-of-week slots in floats (a relative error of 10⁻⁷ is far below any usual deviation); NaN = unseen. */
    private final float[] weekMean = new float[WEEK_SLOTS];
    /** NaN while the slot has one value. */
    private final float[] weekDeviation = new float[WEEK_SLOTS];
    private long firstMillis;
    private final Likelihood surpriseLikelihood;
    private final Likelihood transitionLikelihood;
    private final Likelihood dailyLikelihood;
    private final Likelihood weeklyLikelihood;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public SeasonalLikelihoodDetector() {
        this(Settings.DEFAULTS);
    }

    public SeasonalLikelihoodDetector(Settings settings) {
        this.settings = settings;
        this.weeklyFromMs = settings.weeklyFromDays() * 86_400_000L;
        int bins = settings.bins();
        transitions = new float[bins * bins];
        rowTotal = new double[bins];
        rowUnit = new double[bins];
        Arrays.fill(weekMean, Float.NaN);
        Arrays.fill(weekDeviation, Float.NaN);
        surpriseLikelihood = new Likelihood(settings.likelihoodLearning());
        transitionLikelihood = new Likelihood(settings.likelihoodLearning());
        dailyLikelihood = new Likelihood(settings.likelihoodLearning());
        weeklyLikelihood = new Likelihood(settings.likelihoodLearning());
    }

    /** A value that is not a finite number (a broken reading) scores 0 and is not learnt: it would poison every statistic. */
    @Override
    public double score(long epochMillis, double value) {
        if (!Double.isFinite(value)) return 0;
        double tolerance = (max - min) * settings.rangeTolerance();
        boolean outOfRange = count >= settings.rangeLearning() && max > min
                && (value > max + tolerance || value < min - tolerance);
        min = Math.min(min, value);
        max = Math.max(max, value);
        count++;
        if (count == 1) {
            level = value;
            firstMillis = epochMillis;
            return 0;
        }
        long hour = Math.floorDiv(epochMillis, HOUR_MS);
        int slot = (int) Math.floorMod(hour, (long) SLOTS);
        int weekSlot = (int) Math.floorMod(hour, (long) WEEK_SLOTS);
        double tiny = 1e-9 * (Math.abs(level) + 1); // a flat series still has a finite unit of error
        double levelErrors = Math.abs(value - level) / (scale + tiny);
        double dailyErrors = slotSeen[slot] >= 2 ? seasonalErrors(value, slotMean[slot], slotDeviation[slot], tiny) : Double.NaN;
        double weeklyErrors = epochMillis - firstMillis >= weeklyFromMs && !Float.isNaN(weekDeviation[weekSlot])
                ? seasonalErrors(value, weekMean[weekSlot], weekDeviation[weekSlot], tiny) : Double.NaN;
        double surprise = band(Double.isNaN(dailyErrors) ? levelErrors : Math.min(levelErrors, dailyErrors));
        double rareTransition = rareTransition(value);
        learn(slot, weekSlot, value);
        double likelihood = Math.max(surpriseLikelihood.next(surprise), transitionLikelihood.next(rareTransition));
        if (!Double.isNaN(dailyErrors)) likelihood = Math.max(likelihood, dailyLikelihood.next(band(dailyErrors)));
        if (!Double.isNaN(weeklyErrors)) likelihood = Math.max(likelihood, weeklyLikelihood.next(band(weeklyErrors)));
        return outOfRange ? 1 : Math.log(1.0000000001 - likelihood) / -23.02585084720009;
    }

    /** The error against a seasonal slot, in units of its deviation plus half the usual error. */
    private double seasonalErrors(double value, double mean, double deviation, double tiny) {
        return Math.abs(value - mean) / (deviation + scale * 0.5 + tiny);
    }

    /** The surprise of an error in usual units: 0 up to {@code surpriseFrom}, 1 from {@code surpriseFrom + surpriseWidth}. */
    private double band(double errors) {
        return Math.max(0, Math.min(1, (errors - settings.surpriseFrom()) / settings.surpriseWidth()));
    }

    /** How rare the move from the previous point's bin to this one has been; learns the move. */
    private double rareTransition(double value) {
        int bins = settings.bins();
        int bin = max > min ? Math.min(bins - 1, (int) ((value - min) / (max - min) * bins)) : 0;
        int row = previousBin;
        if (rowUnit[row] == 0) rowUnit[row] = 1;
        double unit = rowUnit[row];
        double prior = settings.transitionPrior();
        double p = (transitions[row * bins + bin] / unit + prior) / (rowTotal[row] / unit + prior * bins);
        unit /= 1 - settings.transitionDecay();
        if (unit > 1e6) { // back to unit 1 before the float counts lose precision
            for (int b = 0; b < bins; b++) transitions[row * bins + b] /= (float) unit;
            rowTotal[row] /= unit;
            unit = 1;
        }
        rowUnit[row] = unit;
        transitions[row * bins + bin] += (float) unit;
        rowTotal[row] += unit;
        previousBin = bin;
        return Math.max(0, 1 - p / settings.rareTransition());
    }

    private void learn(int slot, int weekSlot, double value) {
        double error = Math.abs(value - level);
        level += settings.levelAlpha() * (value - level);
        long errors = count - 1;
        double scaleAlpha = settings.scaleAlpha();
        if (errors < 1 / scaleAlpha) {
            scale += (error - scale) / errors; // the exact mean of the first errors
        } else {
            // clipped only once there is a usual error (> 0): a series flat so far must still learn its first moves
            scale += scaleAlpha * ((scale > 0 ? clip(error, settings.errorClip() * scale) : error) - scale);
        }
        double slotAlpha = settings.slotAlpha();
        if (slotSeen[slot] == 0) {
            slotMean[slot] = value;
        } else {
            double move = slotSeen[slot] >= 2 ? clip(value - slotMean[slot], settings.seasonalClip() * (slotDeviation[slot] + scale * 0.5))
                    : value - slotMean[slot];
            slotMean[slot] += slotAlpha * move;
            slotDeviation[slot] += (slotSeen[slot] == 1 ? 1 : slotAlpha) * (Math.abs(move) - slotDeviation[slot]);
        }
        if (slotSeen[slot] < Integer.MAX_VALUE) slotSeen[slot]++;
        float mean = weekMean[weekSlot];
        if (Float.isNaN(mean)) {
            weekMean[weekSlot] = (float) value;
        } else {
            float previous = weekDeviation[weekSlot];
            double move = Float.isNaN(previous) ? value - mean : clip(value - mean, settings.seasonalClip() * (previous + scale * 0.5));
            weekMean[weekSlot] = (float) (mean + slotAlpha * move);
            weekDeviation[weekSlot] = (float) (Float.isNaN(previous) ? Math.abs(move) : previous + slotAlpha * (Math.abs(move) - previous));
        }
    }

    /** x limited to ±limit; unlimited when the limit is 0 (nothing usual known yet) or NaN (an infinite clip of 0). */
    private static double clip(double x, double limit) {
        return !(limit > 0) ? x : Math.max(-limit, Math.min(limit, x));
    }

    /** Numenta's anomaly likelihood of one raw score, with an exponentially weighted history. */
    private static final class Likelihood implements Serializable {
        private static final long serialVersionUID = 2L;
        private final int learning;
        private final double[] recent = new double[RECENT];
        private int recentNext;
        private double recentSum;
        private double historyMean;
        private double historyVariance;
        private long historyCount;
        private double previousTail = 1;
        private long scored;

        Likelihood(int learning) {
            this.learning = learning;
        }

        double next(double raw) {
            recentSum += raw - recent[recentNext];
            recent[recentNext] = raw;
            recentNext = (recentNext + 1) % RECENT;
            double mean = recentSum / RECENT;
            double likelihood = 0.5;
            if (scored >= 2L * learning) {
                double center = Math.max(historyMean, MIN_MEAN);
                double tail = upperTail(Math.abs(mean - center) / Math.sqrt(Math.max(historyVariance, MIN_VARIANCE)));
                likelihood = 1 - (tail <= RED_TAIL && previousTail <= RED_TAIL ? YELLOW_TAIL : tail);
                previousTail = tail;
            }
            if (scored >= learning) {
                historyCount++;
                double a = Math.max(1.0 / HISTORY, 1.0 / historyCount);
                double delta = mean - historyMean;
                historyMean += a * delta;
                historyVariance = (1 - a) * (historyVariance + a * delta * delta);
            }
            scored++;
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
