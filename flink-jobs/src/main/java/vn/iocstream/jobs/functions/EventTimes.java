package vn.iocstream.jobs.functions;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The jobs' event-time watermarks ({@link LiveWatermarks}): bounded out-of-orderness, and once input goes quiet for
 * {@code idleness} the watermark moves on with the wall clock, so that windows, trends and alerts close on time with
 * no further input and a subtask that never saw a record does not hold the others back. The parsers already refuse
 * times outside the plausible window; should one slip through anyway, the record keeps the previous timestamp instead
 * of failing the task, since a timestamp assigner has no dead-letter output.
 */
public final class EventTimes {
    private EventTimes() {}

    public static <T> WatermarkStrategy<T> watermarks(Duration outOfOrderness, Duration idleness,
                                                      SerializableFunction<T, Instant> time) {
        long outOfOrdernessMs = outOfOrderness.toMillis();
        long idleMs = idleness.toMillis();
        return WatermarkStrategy.<T>forGenerator(context -> new LiveWatermarks<>(outOfOrdernessMs, idleMs, System::currentTimeMillis))
                .withTimestampAssigner((record, previous) -> millis(time.apply(record), previous));
    }

    static long millis(Instant t, long fallback) {
        if (t == null) return fallback;
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException e) {
            return fallback;
        }
    }
}
