package vn.iocstream.jobs.detectors.trend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * State of {@link TrendDetector} for one key. A Flink POJO (public fields, no-arg constructor). Bounded: buckets
 * older than the baseline horizon are pruned at each evaluation, and each bucket keeps at most
 * {@link TrendDetector#SAMPLES_PER_BUCKET} sample posts.
 */
public class TrendState {
    public String keyType;
    public String key;
    public String label;
    /** Bucket index → {posts, negative posts, social posts}. */
    public Map<Long, long[]> counts = new HashMap<>();
    /** Bucket index → its earliest posts (event time, then id), oldest first. */
    public Map<Long, List<TrendSample>> samples = new HashMap<>();
    /** Earliest post time ever counted for this key; null before the first post. */
    public Long firstSeenMs;
    /** Inside a trending episode (consecutive windows that trend). */
    public boolean trending;
    /** The current episode has raised its jump alert: one per episode. */
    public boolean jumpAlerted;
    /** Inside a negative-sentiment burst: one alert per burst. */
    public boolean negativeBurst;
    /** A press post has been evaluated: the social-to-press pickup can happen once per key lifetime. */
    public boolean pressSeen;

    public TrendState() {}

    List<TrendSample> samplesOf(long bucket) {
        return samples.computeIfAbsent(bucket, b -> new ArrayList<>());
    }
}
