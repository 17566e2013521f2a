package vn.iocstream.jobs.detectors.trend;

import vn.iocstream.jobs.detectors.PostFacets;

/** A post kept as evidence in {@link TrendState}; a Flink POJO. */
public class TrendSample {
    public long timeMs;
    public String postId;
    public boolean social;
    public boolean negative;
    /** What the post says, for an alert's drivers; null for hits without facets. */
    public PostFacets facets;

    public TrendSample() {}

    TrendSample(long timeMs, String postId, boolean social, boolean negative, PostFacets facets) {
        this.timeMs = timeMs;
        this.postId = postId;
        this.social = social;
        this.negative = negative;
        this.facets = facets;
    }

    /** Event-time order, ties by id: the order every replay agrees on. */
    static int compare(TrendSample a, TrendSample b) {
        int byTime = Long.compare(a.timeMs, b.timeMs);
        return byTime != 0 ? byTime : a.postId.compareTo(b.postId);
    }
}
