package vn.iocstream.jobs.traffic;

import java.util.ArrayList;
import java.util.List;
import vn.iocstream.core.model.AnalysedReport;

/**
 * State of {@link ReportClusterer} for one commune and topic: a Flink POJO holding fewer than
 * {@code clusterMinReports} reports while no cluster is open, and a few numbers while one is.
 */
public class ClusterState {
    /** Reports of the last window not (yet) in a cluster, in event-time order. */
    public List<AnalysedReport> recent = new ArrayList<>();
    /** The open cluster's id, or null. */
    public String clusterId;
    /** Event time of the open cluster's latest report. */
    public long lastMs;

    public ClusterState() {}

    public boolean isEmpty() {
        return recent.isEmpty() && clusterId == null;
    }
}
