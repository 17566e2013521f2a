package vn.iocstream.jobs.detectors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Detects a jump in the volume of one key (a watchlist, a host, a commune) against the key's own history.
 * Pure Java, online and small: the state is a map of per-bucket counts covering the baseline horizon,
 * so it fits in Flink keyed state and can be used outside Flink.
 *
 * <p>Counts are kept in buckets of {@code bucketSeconds}; a rolling window of {@code windowSeconds} is
 * evaluated each time a bucket closes (event time), and compared against the mean and standard deviation
 * of the {@code historyWindows} windows before it. A jump needs the minimum support {@code minCount},
 * more than {@code factor} × the mean and more than mean + {@code sigmas} × σ. One jump is reported per
 * episode: the detector re-arms only after the window falls back under mean + σ-band, so a burst that
 * lasts several minutes yields one alert, not one per bucket.
 *
 * <p>Limit: the baseline is a flat mean, not yet aware of daily or weekly seasonality.
 */
public final class VolumeJumpDetector implements Serializable {
    private static final long serialVersionUID = 1L;
    /** No verdict before the key has this many windows of history: a new watchlist has no baseline. */
    static final int MIN_HISTORY_WINDOWS = 5;
    /** Most recent evidence ids kept per key; a report cites at most {@link #SAMPLE} of them. */
    static final int MAX_EVIDENCE = 50;
    static final int SAMPLE = 10;

    private final long bucketMs;
    private final int bucketsPerWindow;
    private final int historyWindows;
    private final BucketGrid grid;
    private final int minCount;
    private final double factor;
    private final double sigmas;

    public VolumeJumpDetector(int bucketSeconds, int windowSeconds, int historyWindows, int minCount,
                              double factor, double sigmas) {
        if (bucketSeconds <= 0 || windowSeconds % bucketSeconds != 0) {
            throw new IllegalArgumentException("windowSeconds (" + windowSeconds
                    + ") must be a positive multiple of bucketSeconds (" + bucketSeconds + ")");
        }
        this.bucketMs = bucketSeconds * 1000L;
        this.bucketsPerWindow = windowSeconds / bucketSeconds;
        this.historyWindows = historyWindows;
        this.grid = new BucketGrid(bucketMs, bucketsPerWindow, historyWindows);
        this.minCount = minCount;
        this.factor = factor;
        this.sigmas = sigmas;
    }

    /** The buckets and windows compared, on which the operator sets its timers. */
    public BucketGrid grid() {
        return grid;
    }

    /**
     * Counts one event.
     *
     * @param evidenceId id of the record behind the event (a post id), kept as a sample for the report
     * @param facets     what that post says (for the report's drivers), or null
     */
    public void add(VolumeJumpState state, long eventTimeMs, String evidenceId, PostFacets facets) {
        long bucket = grid.bucketOf(eventTimeMs);
        state.counts.merge(bucket, 1L, Long::sum);
        if (state.firstBucket == null || bucket < state.firstBucket) state.firstBucket = bucket;
        state.evidenceTimes.add(eventTimeMs);
        state.evidenceIds.add(evidenceId);
        state.evidenceFacets.add(facets);
        if (state.evidenceIds.size() > MAX_EVIDENCE) {
            state.evidenceTimes.remove(0);
            state.evidenceIds.remove(0);
            state.evidenceFacets.remove(0);
        }
    }

    /**
     * Evaluates the window that ends with {@code closedBucket} and prunes buckets older than the horizon.
     *
     * @return the jump, if this window starts an episode
     */
    public Optional<Jump> evaluate(VolumeJumpState state, long closedBucket) {
        long windowFirst = closedBucket - bucketsPerWindow + 1;
        long count = sum(state.counts, windowFirst, closedBucket);
        long horizonFirst = windowFirst - (long) historyWindows * bucketsPerWindow;
        state.counts.keySet().removeIf(b -> b < horizonFirst);

        long historyStart = Math.max(horizonFirst, state.firstBucket == null ? windowFirst : state.firstBucket);
        int windows = (int) ((windowFirst - historyStart) / bucketsPerWindow);
        if (windows < MIN_HISTORY_WINDOWS) return Optional.empty();
        List<Long> history = new ArrayList<>(windows);
        for (int w = 1; w <= windows; w++) {
            long first = windowFirst - (long) w * bucketsPerWindow;
            history.add(sum(state.counts, first, first + bucketsPerWindow - 1));
        }
        double mean = history.stream().mapToLong(Long::longValue).average().orElse(0);
        double variance = history.stream().mapToDouble(c -> (c - mean) * (c - mean)).average().orElse(0);
        double band = mean + sigmas * Math.sqrt(variance);

        boolean high = count >= minCount && count > factor * mean && count > band;
        if (high && !state.alerting) {
            state.alerting = true;
            long startMs = windowFirst * bucketMs;
            long endMs = (closedBucket + 1) * bucketMs;
            List<Integer> sample = evidence(state, startMs, endMs);
            // Older states (restored from a checkpoint taken before facets were kept) have no facet list.
            List<PostFacets> facets = sample.stream().map(i -> i < state.evidenceFacets.size() ? state.evidenceFacets.get(i) : null).toList();
            return Optional.of(new Jump(startMs, endMs, count, mean, band, sample.stream().map(state.evidenceIds::get).toList(), facets));
        }
        if (state.alerting && (count < minCount || count <= band)) state.alerting = false;
        return Optional.empty();
    }

    /** Whether the rolling window still holds events, so that the next bucket must be evaluated too. */
    public boolean windowActive(VolumeJumpState state, long closedBucket) {
        return state.alerting || sum(state.counts, closedBucket - bucketsPerWindow + 2, closedBucket + 1) > 0;
    }

    /** The earliest events inside [startMs, endMs), in event-time order (ties by id: deterministic), as indices. */
    private static List<Integer> evidence(VolumeJumpState state, long startMs, long endMs) {
        List<Integer> inside = new ArrayList<>();
        for (int i = 0; i < state.evidenceIds.size(); i++) {
            long t = state.evidenceTimes.get(i);
            if (t >= startMs && t < endMs) inside.add(i);
        }
        inside.sort((a, b) -> {
            int byTime = Long.compare(state.evidenceTimes.get(a), state.evidenceTimes.get(b));
            return byTime != 0 ? byTime : state.evidenceIds.get(a).compareTo(state.evidenceIds.get(b));
        });
        return inside.stream().limit(SAMPLE).toList();
    }

    private static long sum(Map<Long, Long> counts, long firstBucket, long lastBucket) {
        long total = 0;
        for (long b = firstBucket; b <= lastBucket; b++) total += counts.getOrDefault(b, 0L);
        return total;
    }

    /** A detected jump: the window [startMs, endMs), its count, and the baseline it was judged against. */
    public record Jump(long startMs, long endMs, long count, double baselineMean, double threshold,
                       List<String> evidenceIds, List<PostFacets> evidence) {}
}
