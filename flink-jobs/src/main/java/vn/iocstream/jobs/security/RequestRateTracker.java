package vn.iocstream.jobs.security;

import java.io.Serializable;
import java.util.Optional;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.jobs.detectors.AnomalyDetector;
import vn.iocstream.jobs.detectors.Detectors;

/**
 * Requests per destination host per bucket, scored by an {@link AnomalyDetector} named in configuration
 * ({@link Detectors}). Buckets in which the host got no request are fed as zeros (up to a day of them), so
 * that a quiet night is part of the baseline rather than skipped.
 */
public final class RequestRateTracker implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Silent buckets fed as zeros after a gap, at most: a day of one-minute buckets. */
    static final int MAX_SILENT_BUCKETS = 1440;

    /** Per-host state; the detector inside is the detector's own small state. */
    public static final class State implements Serializable {
        private static final long serialVersionUID = 1L;
        public AnomalyDetector detector;
        public long lastBucket = Long.MIN_VALUE;
        /** Mean requests per bucket over the buckets scored so far (exponentially weighted), for the alert text. */
        public double mean;
    }

    /** A bucket that scored as anomalous. */
    public record Spike(long bucket, long count, double score, double baseline) {}

    private final IocConfig.RequestRate config;

    public RequestRateTracker(IocConfig.RequestRate config) {
        this.config = config;
        Detectors.named(config.detector()); // fail at build time on a bad name
    }

    public long bucketMs() {
        return config.bucketSeconds() * 1000L;
    }

    public State newState() {
        State s = new State();
        s.detector = Detectors.named(config.detector()).get();
        return s;
    }

    /** Scores {@code bucket} (buckets must come in increasing order) holding {@code count} requests. */
    public Optional<Spike> score(State s, long bucket, long count) {
        if (s.lastBucket != Long.MIN_VALUE) {
            long gap = Math.min(bucket - s.lastBucket - 1, MAX_SILENT_BUCKETS);
            for (long b = bucket - gap; b < bucket; b++) feed(s, b, 0);
        }
        double baseline = s.mean;
        double score = feed(s, bucket, count);
        s.lastBucket = bucket;
        // Only a rise is an attack signal; a drop to quiet is also "unusual" for a two-sided detector.
        boolean spike = score >= config.scoreThreshold() && count >= config.minCount() && count > baseline;
        return spike ? Optional.of(new Spike(bucket, count, score, baseline)) : Optional.empty();
    }

    private double feed(State s, long bucket, long count) {
        s.mean = s.mean == 0 ? count : 0.9 * s.mean + 0.1 * count;
        return s.detector.score(bucket * bucketMs(), count);
    }
}
