package vn.iocstream.jobs.functions;

import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Event-time watermarks that keep moving when input stops. The usual bounded-out-of-orderness watermark only moves
 * when a newer record arrives, so after a burst and then silence the last minute's count, its trend and its
 * volume-jump alert would wait for the next post — at 3 a.m. for hours. Here, once nothing has arrived for
 * {@code idleAfter}, the subtask's event time catches up with the wall clock, less {@code idleAfter + outOfOrderness}:
 * a live feed's last minute closes that long after its end. Catching up with the clock, not only moving on from the
 * last record's time, matters after a backlog: a subtask whose last records were an hour old when they were processed
 * would otherwise hold every window of the live subtasks an hour back. While records flow, the watermark is the usual
 * one, so a replay of old records is read at its own pace; what is lost is only a replay's record that arrives after
 * a quiet spell with a time its subtask has already passed (it counts as late).
 *
 * <p>A source subtask that has seen no record at all marks itself idle after {@code idleAfter}, so that it does not
 * hold back the others; its first record makes it active again.
 */
final class LiveWatermarks<T> implements WatermarkGenerator<T> {
    private final long outOfOrdernessMs;
    private final long idleAfterMs;
    private final LongSupplier wallClockMs;
    private final long createdMs;
    private long maxTimestamp = Long.MIN_VALUE;
    private long lastRecordMs;

    LiveWatermarks(long outOfOrdernessMs, long idleAfterMs, LongSupplier wallClockMs) {
        this.outOfOrdernessMs = outOfOrdernessMs;
        this.idleAfterMs = idleAfterMs;
        this.wallClockMs = wallClockMs;
        this.createdMs = wallClockMs.getAsLong();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
        lastRecordMs = wallClockMs.getAsLong();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = wallClockMs.getAsLong();
        if (maxTimestamp == Long.MIN_VALUE) {
            if (now - createdMs >= idleAfterMs) output.markIdle();
            return;
        }
        long watermark = maxTimestamp - outOfOrdernessMs - 1;
        if (now - lastRecordMs > idleAfterMs) watermark = Math.max(watermark, now - idleAfterMs - outOfOrdernessMs - 1);
        output.emitWatermark(new Watermark(watermark));
    }
}
