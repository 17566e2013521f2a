package vn.iocstream.jobs.functions;

import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import vn.iocstream.core.model.TrafficReading;

/**
 * Per road segment, lets each reading ({@link TrafficReading#id()}) through once while its bucket is open, so that a
 * reading delivered twice — the batch an event-feed tailer sends again after a crash — is averaged once in
 * {@code traffic_stats}. The ids of a bucket are dropped when event time passes its end: a repeat after that is late
 * for the closed bucket anyway and goes to the dead-letter topic, never into a count. Repeats are counted in the
 * metric {@code repeatedReadings}.
 */
public final class DropRepeatedReadings extends KeyedProcessFunction<String, TrafficReading, TrafficReading> {
    private static final long serialVersionUID = 1L;

    private final long bucketMs;
    /** Reading id → end of its bucket. */
    private transient MapState<String, Long> seen;
    private transient Counter repeats;

    public DropRepeatedReadings(int bucketSeconds) {
        this.bucketMs = bucketSeconds * 1000L;
    }

    @Override
    public void open(OpenContext context) {
        seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("reading-ids", Types.STRING, Types.LONG));
        repeats = getRuntimeContext().getMetricGroup().counter("repeatedReadings");
    }

    @Override
    public void processElement(TrafficReading reading, Context ctx, Collector<TrafficReading> out) throws Exception {
        String id = reading.id();
        if (seen.contains(id)) {
            repeats.inc();
            return;
        }
        long t = reading.time().toEpochMilli();
        long bucketEnd = Math.floorDiv(t, bucketMs) * bucketMs + bucketMs;
        seen.put(id, bucketEnd);
        ctx.timerService().registerEventTimeTimer(bucketEnd);
        out.collect(reading);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TrafficReading> out) throws Exception {
        for (Iterator<Map.Entry<String, Long>> it = seen.iterator(); it.hasNext(); ) {
            if (it.next().getValue() <= timestamp) it.remove();
        }
        if (seen.isEmpty()) seen.clear(); // an empty map still holds the key's entry
    }
}
