package vn.iocstream.jobs.functions;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.Trend;
import vn.iocstream.jobs.detectors.BucketGrid;
import vn.iocstream.jobs.detectors.trend.TrendDetector;
import vn.iocstream.jobs.detectors.trend.TrendHit;
import vn.iocstream.jobs.detectors.trend.TrendState;

/**
 * Per trend key: counts hits with {@link TrendDetector}, emits the windows that trend, and sends the detector's
 * alerts to {@link #ALERTS}. Windows are evaluated by event-time timers at bucket ends, so the output depends on
 * the data, not on arrival order or wall clock: a replay writes the same rows and raises the same alert ids.
 *
 * <p>State drains: bucket timers stop once the window is empty, and a cleanup timer one baseline horizon after
 * the key's last post clears it.
 */
public final class DetectTrends extends KeyedProcessFunction<String, TrendHit, Trend> {
    private static final long serialVersionUID = 1L;
    public static final OutputTag<Alert> ALERTS = new OutputTag<>("trend-alerts") {};

    private final TrendDetector detector;
    private final BucketGrid grid;
    private transient ValueState<TrendState> state;
    private transient ValueState<Long> lastHitMs;

    public DetectTrends(TrendDetector detector) {
        this.detector = detector;
        this.grid = detector.grid();
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("trend", TypeInformation.of(TrendState.class)));
        lastHitMs = getRuntimeContext().getState(new ValueStateDescriptor<>("last-hit", Long.class));
    }

    @Override
    public void processElement(TrendHit hit, Context ctx, Collector<Trend> out) throws Exception {
        TrendState current = state.value();
        if (current == null) current = new TrendState();
        detector.add(current, hit);
        state.update(current);
        // A late post counts for the windows still to close, from the first bucket after the watermark; windows
        // already reported are not revisited.
        long watermark = ctx.timerService().currentWatermark();
        long time = Math.max(hit.timeMs(), watermark == Long.MIN_VALUE ? hit.timeMs() : watermark + 1);
        ctx.timerService().registerEventTimeTimer(grid.bucketEndMs(grid.bucketOf(time)));
        CleanupTimer.follow(lastHitMs, ctx.timerService(), grid, hit.timeMs());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Trend> out) throws Exception {
        TrendState current = state.value();
        if (current == null) return;
        if (!grid.isBucketEnd(timestamp)) { // the cleanup timer: a whole horizon without posts
            state.clear();
            lastHitMs.clear();
            return;
        }
        long bucket = grid.bucketOf(timestamp);
        TrendDetector.Evaluation evaluation = detector.evaluate(current, bucket);
        evaluation.trend().ifPresent(out::collect);
        evaluation.alerts().forEach(alert -> ctx.output(ALERTS, alert));
        state.update(current);
        if (detector.windowActive(current, bucket)) {
            ctx.timerService().registerEventTimeTimer(grid.bucketEndMs(bucket + 1));
        }
    }
}
