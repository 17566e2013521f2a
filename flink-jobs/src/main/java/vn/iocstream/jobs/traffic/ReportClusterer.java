package vn.iocstream.jobs.traffic;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.iocstream.core.Ids;
import vn.iocstream.core.model.AnalysedReport;

/**
 * Clusters citizen reports of one commune and topic: a cluster forms when {@code minReports} reports fall
 * within {@code windowMs} of event time, and stays open while each next report comes within {@code windowMs}
 * of the previous one. Pure Java; reports must be given in event-time order (the operator sorts them by
 * watermark), which makes cluster ids and memberships the same on every replay.
 *
 * <p>When a cluster forms, the reports that formed it are returned again with the cluster id, so the stored
 * copies written before the cluster existed are replaced.
 */
public final class ReportClusterer implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String RULE = "citizen-report-cluster";
    /** Reports cited by id in an alert. */
    static final int SAMPLE = 10;

    private final int minReports;
    private final long windowMs;

    public ReportClusterer(int minReports, long windowMs) {
        if (minReports < 2) throw new IllegalArgumentException("clusterMinReports must be at least 2, was " + minReports);
        if (windowMs <= 0) throw new IllegalArgumentException("cluster window must be positive");
        this.minReports = minReports;
        this.windowMs = windowMs;
    }

    public long windowMs() {
        return windowMs;
    }

    /**
     * Adds the next report of this key.
     *
     * @return the rows to store (the report, or every member of a cluster it just formed) and the cluster formed
     */
    public Outcome add(ClusterState s, AnalysedReport report) {
        long t = report.time().toEpochMilli();
        expire(s, t);
        if (s.clusterId != null) {
            s.lastMs = Math.max(s.lastMs, t);
            return new Outcome(List.of(report.inCluster(s.clusterId)), Optional.empty());
        }
        s.recent.add(report);
        if (s.recent.size() < minReports) return new Outcome(List.of(report), Optional.empty());

        AnalysedReport first = s.recent.get(0);
        String id = Ids.of(RULE, report.clusterKey(), first.id());
        List<AnalysedReport> members = new ArrayList<>();
        for (AnalysedReport r : s.recent) members.add(r.inCluster(id));
        Cluster cluster = new Cluster(id, report.clusterKey(), first.time().toEpochMilli(), t, members.size(),
                members.stream().limit(SAMPLE).map(AnalysedReport::id).toList(), first, List.copyOf(members));
        s.clusterId = id;
        s.lastMs = t;
        s.recent.clear();
        return new Outcome(members, Optional.of(cluster));
    }

    /**
     * Forgets what lies more than a window before {@code nowMs} (event time): old reports can no longer form a
     * cluster, and a cluster without a report for a window is over.
     *
     * @return true if nothing is left, so the key's state can be cleared
     */
    public boolean expire(ClusterState s, long nowMs) {
        s.recent.removeIf(r -> nowMs - r.time().toEpochMilli() > windowMs);
        if (s.clusterId != null && nowMs - s.lastMs > windowMs) s.clusterId = null;
        return s.isEmpty();
    }

    /** The rows to store and, if the report formed one, the new cluster. */
    public record Outcome(List<AnalysedReport> rows, Optional<Cluster> formed) {}

    /**
     * A cluster at the moment it formed.
     *
     * @param firstMs   event time of its first report
     * @param lastMs    event time of the report that formed it
     * @param sampleIds ids of its first reports
     * @param first     its first report, for the alert's wording (commune, topic)
     * @param members   the reports that formed it, for the alert's drivers
     */
    public record Cluster(String id, String key, long firstMs, long lastMs, int reports, List<String> sampleIds,
                          AnalysedReport first, List<AnalysedReport> members) {}
}
