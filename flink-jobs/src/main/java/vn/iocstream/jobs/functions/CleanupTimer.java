package vn.iocstream.jobs.functions;

import java.io.IOException;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import vn.iocstream.jobs.detectors.BucketGrid;

/** A keyed detector's cleanup timer, kept one horizon after the key's latest event (see {@link BucketGrid}). */
final class CleanupTimer {
    private CleanupTimer() {}

    /** Moves the timer to follow an event at {@code eventMs}, unless a later event already set it. */
    static void follow(ValueState<Long> lastEventMs, TimerService timers, BucketGrid grid, long eventMs) throws IOException {
        Long last = lastEventMs.value();
        if (last != null && eventMs <= last) return;
        if (last != null) timers.deleteEventTimeTimer(grid.cleanupTime(last));
        lastEventMs.update(eventMs);
        timers.registerEventTimeTimer(grid.cleanupTime(eventMs));
    }
}
