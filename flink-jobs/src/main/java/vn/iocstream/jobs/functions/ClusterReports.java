package vn.iocstream.jobs.functions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.core.model.AnalysedReport;
import vn.iocstream.core.model.Locality;
import vn.iocstream.jobs.traffic.ClusterState;
import vn.iocstream.jobs.traffic.Communes;
import vn.iocstream.jobs.traffic.ReportClusterer;
import vn.iocstream.jobs.traffic.ReportTopics;

/**
 * Per commune and topic: feeds reports to the {@link ReportClusterer} in event-time order and raises an
 * alert on {@link #ALERTS} when a cluster forms. Reports wait in state until the watermark passes them and
 * are then taken sorted by (time, id), so arrival order across partitions cannot change cluster ids.
 *
 * <p>State drains: a timer one window after each report lets the clusterer forget it; an empty state is cleared.
 */
public final class ClusterReports extends KeyedProcessFunction<String, AnalysedReport, AnalysedReport> {
    private static final long serialVersionUID = 1L;
    public static final OutputTag<Alert> ALERTS = new OutputTag<>("report-alerts") {};

    private final ReportClusterer clusterer;
    private transient ListState<AnalysedReport> pending;
    private transient ValueState<ClusterState> state;

    public ClusterReports(ReportClusterer clusterer) {
        this.clusterer = clusterer;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", TypeInformation.of(AnalysedReport.class)));
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("clusters", TypeInformation.of(ClusterState.class)));
    }

    @Override
    public void processElement(AnalysedReport report, Context ctx, Collector<AnalysedReport> out) throws Exception {
        pending.add(report);
        ctx.timerService().registerEventTimeTimer(report.time().toEpochMilli());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AnalysedReport> out) throws Exception {
        List<AnalysedReport> due = new ArrayList<>();
        List<AnalysedReport> later = new ArrayList<>();
        for (AnalysedReport r : pending.get()) (r.time().toEpochMilli() <= timestamp ? due : later).add(r);
        pending.update(later);

        ClusterState current = state.value();
        if (current == null) current = new ClusterState();
        due.sort(Comparator.comparing(AnalysedReport::time).thenComparing(AnalysedReport::id));
        for (AnalysedReport r : due) {
            ReportClusterer.Outcome outcome = clusterer.add(current, r);
            outcome.rows().forEach(out::collect);
            outcome.formed().ifPresent(c -> ctx.output(ALERTS, toAlert(c)));
            ctx.timerService().registerEventTimeTimer(r.time().toEpochMilli() + clusterer.windowMs() + 1);
        }
        if (clusterer.expire(current, timestamp) && later.isEmpty()) {
            state.clear();
            pending.clear();
        } else {
            state.update(current);
        }
    }

    private static Alert toAlert(ReportClusterer.Cluster c) {
        AnalysedReport first = c.first();
        String commune = commune(c);
        String where = commune == null ? "khu vực " + first.communeKey().split("\\|")[0] : commune;
        String province = first.province().isEmpty() ? "" : " (" + first.province() + ")";
        long minutes = Math.max(1, (c.lastMs() - c.firstMs() + 59_999) / 60_000);
        String title = c.reports() + " phản ánh về " + ReportTopics.label(first.topic()) + " tại " + where + province
                + " trong " + minutes + " phút";
        // Fire and crashes put lives at stake; the others can wait for the next shift's review.
        String severity = first.topic().equals("chay") || first.topic().equals("tai-nan") ? "critical" : "warning";
        Locality locality = first.province().isEmpty() ? Locality.UNKNOWN : new Locality(first.province(), commune);
        return new Alert(c.id(), AlertKinds.ORDER_REPORT_CLUSTER, ReportClusterer.RULE, severity, c.key(), title,
                c.reports() + " phản ánh từ " + distinct(c, AnalysedReport::channel) + " kênh", locality,
                Map.of("topic", first.topic()), null, Instant.ofEpochMilli(c.firstMs()), Instant.ofEpochMilli(c.lastMs()),
                c.reports(), 0, c.sampleIds(), drivers(c), null, Instant.ofEpochMilli(c.lastMs()));
    }

    /** Key words, channels and communes of the reports that formed the cluster; the first report. */
    private static AlertDrivers drivers(ReportClusterer.Cluster c) {
        Map<String, Long> words = new HashMap<>();
        Map<String, Long> channels = new HashMap<>();
        Map<String, Long> communes = new HashMap<>();
        for (AnalysedReport r : c.members()) {
            r.keywords().forEach(k -> words.merge(k, 1L, Long::sum));
            channels.merge(r.channel(), 1L, Long::sum);
            if (!r.commune().isEmpty()) communes.merge(r.commune(), 1L, Long::sum);
        }
        AnalysedReport first = c.first();
        String text = first.text().length() > 200 ? first.text().substring(0, 200) : first.text();
        return new AlertDrivers(AlertDrivers.top(words, 5), List.of(), AlertDrivers.top(channels, 5),
                AlertDrivers.top(communes, 5), new AlertDrivers.FirstPost(first.id(), text, "", first.channel(), first.time()),
                null, null, null, List.of("Chủ đề: " + ReportTopics.label(first.topic())));
    }

    /**
     * The commune as most of the cluster's reports write it with its diacritics ("P. Tam Hiệp" over "phuong Tam Hiep"),
     * so that routes and scopes written the official way match it; null when no report names one.
     */
    private static String commune(ReportClusterer.Cluster c) {
        Map<String, Long> written = new HashMap<>();
        for (AnalysedReport r : c.members()) if (!r.commune().isEmpty()) written.merge(Communes.spelledOut(r.commune()), 1L, Long::sum);
        return written.entrySet().stream()
                .max(Comparator.comparing((Map.Entry<String, Long> e) -> e.getKey().chars().anyMatch(ch -> ch > 127))
                        .thenComparing(Map.Entry::getValue).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static long distinct(ReportClusterer.Cluster c, java.util.function.Function<AnalysedReport, String> f) {
        return c.members().stream().map(f).distinct().count();
    }
}
