package vn.iocstream.jobs.detectors.trend;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.iocstream.core.Ids;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.core.model.Locality;
import vn.iocstream.core.model.Trend;
import vn.iocstream.jobs.detectors.BucketGrid;
import vn.iocstream.jobs.detectors.MediaDrivers;
import vn.iocstream.jobs.detectors.PostFacets;

/**
 * Trending keys: posts per key counted in event-time buckets; each time a bucket closes, the sliding window of the
 * last {@code windowBuckets} buckets is compared with the key's own baseline (its mean count per window over the
 * {@code historyWindows} windows before). A window is a trend when it has the minimum support and
 * {@code (count + 1) / (baseline + 1) ≥ minRatio}; the ratio is its score. Three alerts come out of the same state:
 * <ul>
 *   <li>{@value #JUMP}: a window of a trending episode scores at least {@code alertRatio} (once per episode), for
 *       stories, watchlists and entities ({@link #JUMP_ALERT_KEY_TYPES});</li>
 *   <li>{@value #PICKUP}: the first press posts arrive on a key that had only social posts and comments before
 *       (at least {@code pickupMinSocial}) — where a crisis leaves social media; any key but a locality, which
 *       every post of a province shares;</li>
 *   <li>{@value #NEGATIVE}: on a watchlist, negative posts in the window reach {@code negativeMinCount} and
 *       {@code negativeRatio} times their own baseline.</li>
 * </ul>
 * Pure Java and online (a window sees only its past); the result depends on the posts only, not on their arrival
 * order, as long as they arrive before their bucket closes. A post later than that still counts for the windows
 * that close after it, but windows already reported are not revised.
 *
 * <p>Limits: the baseline is a flat mean (no daily or weekly seasonality); right after a start every key is new,
 * so the first horizon trends whatever has the minimum support.
 */
public final class TrendDetector implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String JUMP = "trend-jump";
    public static final String PICKUP = "trend-social-to-press";
    public static final String NEGATIVE = "trend-negative-burst";
    /**
     * Key types whose jumps are alerted. A story's phrases and places trend together with it: alerting each
     * would page a desk five times for one event, so they stay trend rows for the dashboards.
     */
    static final Set<String> JUMP_ALERT_KEY_TYPES = Set.of(TrendKeys.STORY, TrendKeys.WATCHLIST, TrendKeys.ENTITY);
    /** Earliest posts kept per bucket; a window cites at most {@link #SAMPLE} of them. */
    static final int SAMPLES_PER_BUCKET = 5;
    static final int SAMPLE = 10;

    private final long bucketMs;
    private final int windowBuckets;
    private final int historyWindows;
    private final BucketGrid grid;
    private final IocConfig.Trends config;

    public TrendDetector(IocConfig.Trends config) {
        if (config.bucketMinutes() <= 0 || config.windowBuckets() <= 0 || config.historyWindows() <= 0) {
            throw new IllegalArgumentException("trends.bucketMinutes, windowBuckets and historyWindows must be positive");
        }
        this.config = config;
        this.bucketMs = config.bucketMinutes() * 60_000L;
        this.windowBuckets = config.windowBuckets();
        this.historyWindows = config.historyWindows();
        this.grid = new BucketGrid(bucketMs, windowBuckets, historyWindows);
    }

    /** The buckets and windows compared, on which the operator sets its timers. */
    public BucketGrid grid() {
        return grid;
    }

    /** Counts one post. */
    public void add(TrendState state, TrendHit hit) {
        if (state.key == null) {
            state.keyType = hit.keyType();
            state.key = hit.key();
            state.label = hit.label();
        }
        long bucket = grid.bucketOf(hit.timeMs());
        long[] c = state.counts.computeIfAbsent(bucket, b -> new long[3]);
        c[0]++;
        if (hit.negative()) c[1]++;
        if (hit.social()) c[2]++;
        if (state.firstSeenMs == null || hit.timeMs() < state.firstSeenMs) state.firstSeenMs = hit.timeMs();
        // Keeping the earliest few per bucket is independent of arrival order, unlike keeping the latest arrivals.
        List<TrendSample> samples = state.samplesOf(bucket);
        samples.add(new TrendSample(hit.timeMs(), hit.postId(), hit.social(), hit.negative(), hit.facets()));
        samples.sort(TrendSample::compare);
        if (samples.size() > SAMPLES_PER_BUCKET) samples.remove(samples.size() - 1);
    }

    /** What closing one bucket yields: the window's trend row, if it trends, and any alerts. */
    public record Evaluation(Optional<Trend> trend, List<Alert> alerts) {}

    /** Evaluates the window that ends with {@code closedBucket}, then prunes what fell out of the horizon. */
    public Evaluation evaluate(TrendState state, long closedBucket) {
        long windowFirst = closedBucket - windowBuckets + 1;
        long historyFirst = windowFirst - (long) historyWindows * windowBuckets;
        state.counts.keySet().removeIf(b -> b < historyFirst);
        state.samples.keySet().removeIf(b -> b < historyFirst);

        long count = sum(state, 0, windowFirst, closedBucket);
        long negative = sum(state, 1, windowFirst, closedBucket);
        double baseline = (double) sum(state, 0, historyFirst, windowFirst - 1) / historyWindows;
        double negativeBaseline = (double) sum(state, 1, historyFirst, windowFirst - 1) / historyWindows;
        double score = ratio(count, baseline);
        long startMs = windowFirst * bucketMs;
        long endMs = (closedBucket + 1) * bucketMs;
        List<TrendSample> evidence = sample(state, windowFirst, closedBucket, false);

        List<Alert> alerts = new ArrayList<>();
        Optional<Trend> trend = Optional.empty();
        if (count >= config.minSupport() && score >= config.minRatio()) {
            trend = Optional.of(new Trend(state.keyType, state.key, state.label, Instant.ofEpochMilli(startMs),
                    Instant.ofEpochMilli(endMs), score, count, negative, baseline,
                    Instant.ofEpochMilli(state.firstSeenMs), ids(evidence)));
            if (!state.jumpAlerted && score >= config.alertRatio() && JUMP_ALERT_KEY_TYPES.contains(state.keyType)) {
                state.jumpAlerted = true;
                alerts.add(alert(JUMP, AlertKinds.MEDIA_TREND, state, startMs, endMs, count, baseline, evidence, null,
                        "Chủ đề nổi lên: " + state.label, score >= 2 * config.alertRatio() ? "critical" : "warning",
                        count + " bài trong " + windowBuckets * bucketMs / 60_000 + " phút, thường "
                                + Math.round(baseline) + " (gấp " + Math.round(score * 10) / 10.0 + " lần)"));
            }
            state.trending = true;
        } else {
            state.trending = false;
            state.jumpAlerted = false;
        }

        if (TrendKeys.WATCHLIST.equals(state.keyType)) {
            boolean burst = negative >= config.negativeMinCount() && ratio(negative, negativeBaseline) >= config.negativeRatio();
            if (burst && !state.negativeBurst) {
                alerts.add(alert(NEGATIVE, AlertKinds.MEDIA_NEGATIVE_BURST, state, startMs, endMs, negative, negativeBaseline,
                        sample(state, windowFirst, closedBucket, true), null, "Tin tiêu cực tăng đột biến: " + state.label,
                        "critical", negative + " bài tiêu cực trong " + windowBuckets * bucketMs / 60_000 + " phút, thường "
                                + Math.round(negativeBaseline)));
            }
            state.negativeBurst = burst;
        }

        pickup(state, closedBucket).ifPresent(alerts::add);
        return new Evaluation(trend, alerts);
    }

    /**
     * The first bucket with press posts, on a key that had social posts before them. Social posts earlier in the
     * same bucket count too, as far as the bucket's samples show them (a lower bound).
     */
    private Optional<Alert> pickup(TrendState state, long bucket) {
        long[] c = state.counts.get(bucket);
        if (state.pressSeen || c == null || c[0] - c[2] == 0 || TrendKeys.LOCALITY.equals(state.keyType)) return Optional.empty();
        state.pressSeen = true;
        List<TrendSample> inBucket = state.samplesOf(bucket);
        long firstPressMs = inBucket.stream().filter(s -> !s.social).mapToLong(s -> s.timeMs).min().orElse(Long.MAX_VALUE);
        long socialBefore = sum(state, 2, Long.MIN_VALUE, bucket - 1)
                + inBucket.stream().filter(s -> s.social && s.timeMs < firstPressMs).count();
        if (socialBefore < config.pickupMinSocial()) return Optional.empty();
        // Evidence: the social posts that came first, then the press posts that picked the story up.
        List<TrendSample> earlier = new ArrayList<>();
        state.counts.keySet().stream().filter(b -> b <= bucket).sorted().forEach(b -> state.samplesOf(b).stream()
                .filter(s -> s.social && s.timeMs < firstPressMs).forEach(earlier::add));
        List<TrendSample> evidence = new ArrayList<>(earlier.subList(0, Math.min(earlier.size(), SAMPLE - 2)));
        inBucket.stream().filter(s -> !s.social).limit(SAMPLE - evidence.size()).forEach(evidence::add);
        long startMs = state.firstSeenMs;
        long endMs = (bucket + 1) * bucketMs;
        long firstSocialMs = earlier.stream().mapToLong(s -> s.timeMs).min().orElse(startMs);
        long lagSeconds = Math.max(0, (firstPressMs - firstSocialMs) / 1000);
        return Optional.of(alert(PICKUP, AlertKinds.MEDIA_PICKUP, state, startMs, endMs, socialBefore, 0, evidence,
                lagSeconds, "Báo chí bắt đầu đưa tin sau mạng xã hội: " + state.label, "warning",
                socialBefore + " bài mạng xã hội, bình luận trước bài báo đầu tiên"));
    }

    /** Whether the window still holds posts (or an episode is open), so the next bucket must be evaluated too. */
    public boolean windowActive(TrendState state, long closedBucket) {
        return state.trending || state.negativeBurst || sum(state, 0, closedBucket - windowBuckets + 2, closedBucket + 1) > 0;
    }

    private static double ratio(long count, double baseline) {
        return (count + 1) / (baseline + 1);
    }

    private static long sum(TrendState state, int column, long firstBucket, long lastBucket) {
        long total = 0;
        for (var e : state.counts.entrySet()) {
            if (e.getKey() >= firstBucket && e.getKey() <= lastBucket) total += e.getValue()[column];
        }
        return total;
    }

    /** The window's earliest (negative) posts, in event-time order. */
    private static List<TrendSample> sample(TrendState state, long firstBucket, long lastBucket, boolean negativeOnly) {
        List<TrendSample> inside = new ArrayList<>();
        for (var e : state.samples.entrySet()) {
            if (e.getKey() < firstBucket || e.getKey() > lastBucket) continue;
            for (TrendSample s : e.getValue()) if (s.negative || !negativeOnly) inside.add(s);
        }
        inside.sort(TrendSample::compare);
        return inside.stream().limit(SAMPLE).toList();
    }

    private static List<String> ids(List<TrendSample> samples) {
        return samples.stream().map(s -> s.postId).toList();
    }

    /**
     * An alert about one key. Locality: the province itself for a locality key, else the province most of the posts
     * behind it concern; drivers from those posts.
     */
    private static Alert alert(String rule, String kind, TrendState state, long startMs, long endMs, long count,
                               double baseline, List<TrendSample> evidence, Long pickupLagSeconds, String title,
                               String severity, String summary) {
        String key = state.keyType + ":" + state.key;
        Instant end = Instant.ofEpochMilli(endMs);
        List<PostFacets> posts = evidence.stream().map(s -> s.facets).toList();
        Locality locality = TrendKeys.LOCALITY.equals(state.keyType) ? Locality.province(state.key) : MediaDrivers.locality(posts);
        return new Alert(Ids.of(rule, key, Long.toString(startMs)), kind, rule, severity, key, title, summary, locality,
                Map.of("key_type", state.keyType), null, Instant.ofEpochMilli(startMs), end, count, baseline, ids(evidence),
                MediaDrivers.of(posts, pickupLagSeconds), null, end);
    }
}
