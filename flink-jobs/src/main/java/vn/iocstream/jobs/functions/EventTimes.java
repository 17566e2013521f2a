package vn.iocstream.jobs.functions;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The jobs' event-time watermarks: bounded out-of-orderness, and idleness so that a quiet partition (a locality feed
 * at night, a silent sensor) does not hold every window open. The parsers already refuse times outside the plausible
 * window; should one slip through anyway, the record keeps the previous timestamp instead of failing the task, since
 * a timestamp assigner has no dead-letter output.
 */
public final class EventTimes {
    private EventTimes() {}

    public static <T> WatermarkStrategy<T> watermarks(Duration outOfOrderness, Duration idleness,
                                                      SerializableFunction<T, Instant> time) {
        return WatermarkStrategy.<T>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner((record, previous) -> millis(time.apply(record), previous))
                .withIdleness(idleness);
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
