package vn.iocstream.jobs.traffic;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * "Speed far under its usual for the hour": per road segment, a running baseline of speed for each hour of
 * day (Vietnam time), and a verdict per event-time bucket. Pure Java, online; buckets must come in time order.
 *
 * <p>A bucket is slow when the segment has at least {@code minHistoryBuckets} of history for that hour and
 * its speed is under {@code slowRatio} × the usual speed and at least {@code minDropKmh} below it. The daily
 * rush hour is therefore not an incident: it is the usual for 7–8 h. Congestion is confirmed after
 * {@code minDurationBuckets} slow buckets in a row and ends after as many non-slow ones in a row (hysteresis,
 * so the flag does not flap). Slow buckets never teach the baseline: an hour-long crash must not become the
 * usual.
 *
 * <p>Limits: hour of day, not hour of week (a baseline per weekday hour would need a week of history before
 * its first verdict); the first slow buckets of an episode are stored as not yet congested, the alert's
 * window names them.
 */
public final class CongestionRule implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long HOUR_MS = 3_600_000L;
    /** Vietnam keeps UTC+7 all year (no daylight saving). */
    private static final long VIETNAM_OFFSET_MS = 7 * HOUR_MS;
    /** Incremental mean for the first buckets of an hour, then an exponential average over about this many. */
    static final int BASELINE_MEMORY = 120;

    private final double slowRatio;
    private final double minDropKmh;
    private final int minDurationBuckets;
    private final int minHistoryBuckets;

    public CongestionRule(double slowRatio, double minDropKmh, int minDurationBuckets, int minHistoryBuckets) {
        if (slowRatio <= 0 || slowRatio >= 1) throw new IllegalArgumentException("slowRatio must be in (0, 1), was " + slowRatio);
        if (minDurationBuckets < 1) throw new IllegalArgumentException("minDurationBuckets must be at least 1");
        this.slowRatio = slowRatio;
        this.minDropKmh = minDropKmh;
        this.minDurationBuckets = minDurationBuckets;
        this.minHistoryBuckets = minHistoryBuckets;
    }

    /**
     * Judges one bucket and learns from it.
     *
     * @param bucketStartMs start of the bucket, epoch ms
     * @param bucketMs      bucket length, for the episode's end
     */
    public Verdict observe(CongestionState s, long bucketStartMs, long bucketMs, double speedKmh) {
        int hour = hourOfDay(bucketStartMs);
        double usual = s.history[hour] > 0 ? s.usualKmh[hour] : 0;
        boolean slow = s.history[hour] >= minHistoryBuckets
                && speedKmh < slowRatio * usual && usual - speedKmh >= minDropKmh;
        Episode started = null;
        if (!s.congested) {
            if (slow) {
                s.run++;
                s.slowStarts.add(bucketStartMs);
                s.slowSpeeds.add(speedKmh);
                if (s.run >= minDurationBuckets) {
                    double mean = s.slowSpeeds.stream().mapToDouble(Double::doubleValue).average().orElse(speedKmh);
                    started = new Episode(s.slowStarts.get(0), bucketStartMs + bucketMs, s.run, mean, usual,
                            List.copyOf(s.slowStarts));
                    s.congested = true;
                    resetRun(s);
                }
            } else {
                resetRun(s);
            }
        } else if (slow) {
            s.run = 0;
        } else if (++s.run >= minDurationBuckets) {
            s.congested = false;
            resetRun(s);
        }
        if (!slow) learn(s, hour, speedKmh);
        return new Verdict(usual, s.congested, Optional.ofNullable(started));
    }

    private static void resetRun(CongestionState s) {
        s.run = 0;
        s.slowStarts.clear();
        s.slowSpeeds.clear();
    }

    private static void learn(CongestionState s, int hour, double speedKmh) {
        int n = Math.min(s.history[hour] + 1, BASELINE_MEMORY);
        s.usualKmh[hour] += (speedKmh - s.usualKmh[hour]) / n;
        if (s.history[hour] < Integer.MAX_VALUE) s.history[hour]++;
    }

    static int hourOfDay(long epochMs) {
        return (int) Math.floorMod(Math.floorDiv(epochMs + VIETNAM_OFFSET_MS, HOUR_MS), 24L);
    }

    /**
     * @param usualKmh  the segment's usual speed for this hour (0 without history)
     * @param congested the bucket lies in a confirmed episode
     * @param started   the episode this bucket confirmed, if any
     */
    public record Verdict(double usualKmh, boolean congested, Optional<Episode> started) {}

    /**
     * A confirmed congestion: from the first slow bucket's start to the confirming bucket's end.
     *
     * @param speedKmh     mean speed over the slow buckets
     * @param bucketStarts the slow buckets, the alert's evidence
     */
    public record Episode(long startMs, long endMs, int buckets, double speedKmh, double usualKmh, List<Long> bucketStarts) {}
}
