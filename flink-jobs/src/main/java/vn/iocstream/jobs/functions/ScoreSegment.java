package vn.iocstream.jobs.functions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import vn.iocstream.core.Ids;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.core.model.Locality;
import vn.iocstream.core.model.TrafficStat;
import vn.iocstream.jobs.detectors.AnomalyDetector;
import vn.iocstream.jobs.detectors.Detectors;
import vn.iocstream.jobs.traffic.CongestionRule;
import vn.iocstream.jobs.traffic.CongestionState;

/**
 * Per road segment: scores each bucket's speed with the configured anomaly detector and judges it with the
 * {@link CongestionRule}; emits the scored row, and a congestion alert on {@link #ALERTS} when an episode is
 * confirmed. Buckets come from event-time windows, which fire in time order per key, so a replay computes the
 * same scores and the same alert ids.
 *
 * <p>State per segment is fixed in size (the detector's window, 24 hourly baselines); a segment that stops
 * reporting for a week (a sensor removed) is forgotten by TTL.
 */
public final class ScoreSegment extends KeyedProcessFunction<String, TrafficStat, TrafficStat> {
    private static final long serialVersionUID = 1L;
    public static final String RULE = "traffic-congestion";
    public static final OutputTag<Alert> ALERTS = new OutputTag<>("traffic-alerts") {};

    private final String detectorName;
    private final CongestionRule rule;
    private final IocConfig.Traffic sites;
    private transient ValueState<AnomalyDetector> detector;
    private transient ValueState<CongestionState> congestion;

    /** @param sites where each segment is ({@code traffic.segments}, {@code traffic.site}), for the alerts' locality */
    public ScoreSegment(String detectorName, CongestionRule rule, IocConfig.Traffic sites) {
        this.detectorName = detectorName;
        this.rule = rule;
        this.sites = sites;
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofDays(7)).build();
        ValueStateDescriptor<AnomalyDetector> d = new ValueStateDescriptor<>("speed-detector", TypeInformation.of(AnomalyDetector.class));
        d.enableTimeToLive(ttl);
        ValueStateDescriptor<CongestionState> c = new ValueStateDescriptor<>("congestion", TypeInformation.of(CongestionState.class));
        c.enableTimeToLive(ttl);
        detector = getRuntimeContext().getState(d);
        congestion = getRuntimeContext().getState(c);
    }

    @Override
    public void processElement(TrafficStat stat, Context ctx, Collector<TrafficStat> out) throws Exception {
        AnomalyDetector det = detector.value();
        if (det == null) det = Detectors.named(detectorName).get();
        CongestionState state = congestion.value();
        if (state == null) state = new CongestionState();

        long start = stat.bucketStart().toEpochMilli();
        double score = det.score(start, stat.avgSpeedKmh());
        CongestionRule.Verdict verdict = rule.observe(state, start, stat.bucketSeconds() * 1000L, stat.avgSpeedKmh());
        detector.update(det);
        congestion.update(state);
        out.collect(stat.scored(score, verdict.usualKmh(), verdict.congested()));
        verdict.started().ifPresent(e -> ctx.output(ALERTS, toAlert(ctx.getCurrentKey(), e)));
    }

    private Alert toAlert(String segment, CongestionRule.Episode e) {
        Instant start = Instant.ofEpochMilli(e.startMs());
        Instant end = Instant.ofEpochMilli(e.endMs());
        String title = String.format(Locale.ROOT, "Ùn tắc bất thường trên đoạn %s: %.0f km/h trong %d giây (thường lệ %.0f km/h)",
                segment, e.speedKmh(), (e.endMs() - e.startMs()) / 1000, e.usualKmh());
        // Under a quarter of the usual speed is a standstill: a crash or a blocked road, page someone.
        String severity = e.speedKmh() < 0.25 * e.usualKmh() ? "critical" : "warning";
        IocConfig.Site site = sites.siteOf(segment);
        Locality locality = site.province().isEmpty() ? Locality.UNKNOWN : new Locality(site.province(), site.commune());
        long minutes = Math.max(1, (e.endMs() - e.startMs()) / 60_000);
        AlertDrivers drivers = new AlertDrivers(null, null, null, null, null, null, null,
                List.of(new AlertDrivers.Facet(segment, e.buckets())),
                List.of(String.format(Locale.ROOT, "Tốc độ %.0f km/h, thường lệ %.0f km/h vào giờ này", e.speedKmh(), e.usualKmh()),
                        "Chậm liên tục " + minutes + " phút (" + e.buckets() + " khoảng đo)"));
        return new Alert(Ids.of(RULE, segment, Long.toString(e.startMs())), AlertKinds.TRAFFIC_CONGESTION, RULE, severity,
                segment, title, "", locality, Map.of("segment", segment), null, start, end, e.buckets(), e.usualKmh(),
                e.bucketStarts().stream().map(ms -> TrafficStat.evidenceId(segment, Instant.ofEpochMilli(ms))).toList(),
                drivers, null, end);
    }
}
