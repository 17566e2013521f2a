package vn.iocstream.jobs.detectors.trend;

/** A post kept as evidence in {@link TrendState}; a Flink POJO. */
public class TrendSample {
    public long timeMs;
    public String postId;
    public boolean social;
    public boolean negative;

    public TrendSample() {}

    TrendSample(long timeMs, String postId, boolean social, boolean negative) {
        this.timeMs = timeMs;
        this.postId = postId;
        this.social = social;
        this.negative = negative;
    }

    /** Event-time order, ties by id: the order every replay agrees on. */
    static int compare(TrendSample a, TrendSample b) {
        int byTime = Long.compare(a.timeMs, b.timeMs);
        return byTime != 0 ? byTime : a.postId.compareTo(b.postId);
    }
}
