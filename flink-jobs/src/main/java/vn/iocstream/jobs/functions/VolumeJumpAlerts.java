package vn.iocstream.jobs.functions;

import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import vn.iocstream.core.Ids;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.jobs.detectors.BucketGrid;
import vn.iocstream.jobs.detectors.MediaDrivers;
import vn.iocstream.jobs.detectors.VolumeJumpDetector;
import vn.iocstream.jobs.detectors.VolumeJumpState;

/**
 * Per watchlist: counts hits with {@link VolumeJumpDetector} and raises an alert when the volume jumps.
 * Evaluation is driven by event-time timers at bucket ends, so the result depends only on the data, not on
 * arrival order or wall clock: a replay raises the same alerts with the same ids.
 *
 * <p>State drains: once the rolling window is empty the bucket timers stop, and a cleanup timer one
 * baseline horizon after the last hit clears the key.
 */
public final class VolumeJumpAlerts extends KeyedProcessFunction<String, WatchlistHit, Alert> {
    private static final long serialVersionUID = 1L;
    public static final String RULE = "watchlist-volume-jump";

    private final VolumeJumpDetector detector;
    private final BucketGrid grid;
    private final Map<String, String> titles;
    private transient ValueState<VolumeJumpState> state;
    private transient ValueState<Long> lastHitMs;

    /** @param titles watchlist name → human title, for the alert text */
    public VolumeJumpAlerts(VolumeJumpDetector detector, Map<String, String> titles) {
        this.detector = detector;
        this.grid = detector.grid();
        this.titles = Map.copyOf(titles);
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("volume", TypeInformation.of(VolumeJumpState.class)));
        lastHitMs = getRuntimeContext().getState(new ValueStateDescriptor<>("last-hit", Long.class));
    }

    @Override
    public void processElement(WatchlistHit hit, Context ctx, Collector<Alert> out) throws Exception {
        VolumeJumpState current = state.value();
        if (current == null) current = new VolumeJumpState();
        detector.add(current, hit.eventTimeMs(), hit.postId(), hit.facets());
        state.update(current);
        ctx.timerService().registerEventTimeTimer(grid.bucketEndMs(grid.bucketOf(hit.eventTimeMs())));
        CleanupTimer.follow(lastHitMs, ctx.timerService(), grid, hit.eventTimeMs());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        VolumeJumpState current = state.value();
        if (current == null) return;
        if (!grid.isBucketEnd(timestamp)) { // the cleanup timer: nothing new for a whole horizon
            state.clear();
            lastHitMs.clear();
            return;
        }
        long bucket = grid.bucketOf(timestamp);
        detector.evaluate(current, bucket).ifPresent(jump -> out.collect(toAlert(ctx.getCurrentKey(), jump)));
        state.update(current);
        if (detector.windowActive(current, bucket)) {
            ctx.timerService().registerEventTimeTimer(grid.bucketEndMs(bucket + 1));
        }
    }

    private Alert toAlert(String watchlist, VolumeJumpDetector.Jump jump) {
        String title = "Tăng đột biến bài viết: " + titles.getOrDefault(watchlist, watchlist);
        // Twice the threshold is an order of magnitude above normal for sparse topics: page someone.
        String severity = jump.count() >= 2 * Math.max(jump.threshold(), 1) ? "critical" : "warning";
        Instant end = Instant.ofEpochMilli(jump.endMs());
        String summary = jump.count() + " bài trong " + (jump.endMs() - jump.startMs()) / 60_000 + " phút, thường "
                + Math.round(jump.baselineMean());
        return new Alert(Ids.of(RULE, watchlist, Long.toString(jump.startMs())), AlertKinds.MEDIA_VOLUME_JUMP, RULE, severity,
                watchlist, title, summary, MediaDrivers.locality(jump.evidence()), Map.of("watchlist", watchlist), null,
                Instant.ofEpochMilli(jump.startMs()), end, jump.count(), jump.baselineMean(), jump.evidenceIds(),
                MediaDrivers.of(jump.evidence(), null), null, end);
    }
}
