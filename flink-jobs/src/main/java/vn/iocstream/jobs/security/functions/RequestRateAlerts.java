package vn.iocstream.jobs.security.functions;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.jobs.security.IncidentTracker;
import vn.iocstream.jobs.security.RequestRateTracker;
import vn.iocstream.jobs.security.SecurityEvent;
import vn.iocstream.jobs.security.SecurityRules;

/**
 * Keyed by destination host: counts requests per event-time bucket and, when the watermark passes a bucket's
 * end, scores it with {@link RequestRateTracker}. The detector's state stays per host (hosts are few); the
 * bucket counts drain as they are scored.
 */
public final class RequestRateAlerts extends KeyedProcessFunction<String, RequestRateAlerts.Request, Alert> {
    private static final long serialVersionUID = 1L;

    /** What the rule needs of a request: the events cross the network to reach it, so no more than that. */
    public record Request(String id, long timeMs, String destination, int repeat) {
        public static Request of(SecurityEvent e) {
            return new Request(e.id(), e.time().toEpochMilli(), e.destination(), e.repeat());
        }
    }

    private final RequestRateTracker tracker;
    private final String severity;
    private final IocConfig.Site site;
    private transient MapState<Long, Long> counts;
    private transient MapState<Long, List<String>> samples;
    private transient ValueState<RequestRateTracker.State> detector;

    /** @param site where the logging servers are: the alerts' locality */
    public RequestRateAlerts(RequestRateTracker tracker, String severity, IocConfig.Site site) {
        this.tracker = tracker;
        this.severity = severity;
        this.site = site;
    }

    @Override
    public void open(OpenContext openContext) {
        counts = getRuntimeContext().getMapState(new MapStateDescriptor<>("bucket-counts", Types.LONG, Types.LONG));
        samples = getRuntimeContext().getMapState(new MapStateDescriptor<>("bucket-samples", Types.LONG,
                TypeInformation.of(new TypeHint<List<String>>() {})));
        detector = getRuntimeContext().getState(new ValueStateDescriptor<>("rate-detector",
                TypeInformation.of(RequestRateTracker.State.class)));
    }

    @Override
    public void processElement(Request e, Context ctx, Collector<Alert> out) throws Exception {
        long bucket = Math.floorDiv(e.timeMs(), tracker.bucketMs());
        long end = (bucket + 1) * tracker.bucketMs() - 1;
        if (end <= ctx.timerService().currentWatermark()) return; // its bucket was scored already: too late to count
        Long n = counts.get(bucket);
        counts.put(bucket, (n == null ? 0 : n) + e.repeat());
        List<String> ids = samples.get(bucket);
        if (ids == null) ids = new ArrayList<>();
        if (ids.size() < IncidentTracker.SAMPLES) {
            ids.add(e.id());
            samples.put(bucket, ids);
        }
        ctx.timerService().registerEventTimeTimer(end);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        long bucket = Math.floorDiv(timestamp, tracker.bucketMs());
        Long count = counts.get(bucket);
        if (count == null) return;
        List<String> ids = samples.get(bucket);
        counts.remove(bucket);
        samples.remove(bucket);
        RequestRateTracker.State s = detector.value();
        if (s == null) s = tracker.newState();
        List<String> evidence = ids == null ? List.of() : ids;
        String host = ctx.getCurrentKey();
        long startMs = bucket * tracker.bucketMs();
        tracker.score(s, bucket, count).ifPresent(spike -> out.collect(SecurityAlerts.alert(SecurityRules.REQUEST_RATE,
                severity, host, startMs, startMs, timestamp, spike.count(), spike.baseline(), evidence, List.of(), site)));
        detector.update(s);
    }
}
