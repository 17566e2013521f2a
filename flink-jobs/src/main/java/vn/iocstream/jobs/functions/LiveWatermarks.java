package vn.iocstream.jobs.functions;

import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Event-time watermarks that keep moving when input stops. The usual bounded-out-of-orderness watermark only moves
 * when a newer record arrives, so after a burst and then silence the last minute's count, its trend and its
 * volume-jump alert would wait for the next post — at 3 a.m. for hours. Here, once nothing has arrived for
 * {@code idleAfter}, the watermark advances by the wall-clock time that passed since, as if time went on at the pace
 * of the last records: a live feed's last minute closes {@code outOfOrderness + idleAfter} after its end, and a replay
 * of old records only moves as far past its last record as real time did (it is never pulled to today).
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
        long quietMs = now - lastRecordMs;
        long advance = quietMs > idleAfterMs ? quietMs - idleAfterMs : 0;
        output.emitWatermark(new Watermark(saturatedAdd(maxTimestamp - outOfOrdernessMs - 1, advance)));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
