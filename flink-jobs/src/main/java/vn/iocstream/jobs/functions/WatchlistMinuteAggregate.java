package vn.iocstream.jobs.functions;

import java.time.Instant;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import vn.iocstream.core.model.WatchlistMinute;

/** Counts a watchlist's posts in one window incrementally (three numbers of state, not the posts). */
public final class WatchlistMinuteAggregate implements AggregateFunction<WatchlistHit, long[], long[]> {
    private static final long serialVersionUID = 1L;
    /** Accumulator layout: posts, negative posts, sum of scores × 1e6 (fixed point keeps it a long[]). */
    private static final double SCALE = 1e6;

    @Override
    public long[] createAccumulator() {
        return new long[3];
    }

    @Override
    public long[] add(WatchlistHit hit, long[] acc) {
        acc[0]++;
        if (hit.negative()) acc[1]++;
        acc[2] += Math.round(hit.score() * SCALE);
        return acc;
    }

    @Override
    public long[] getResult(long[] acc) {
        return acc;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
        return new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    /** Attaches the watchlist and the window's minute to the counts. */
    public static final class ToMinute extends ProcessWindowFunction<long[], WatchlistMinute, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String watchlist, Context ctx, Iterable<long[]> counts, Collector<WatchlistMinute> out) {
            long[] acc = counts.iterator().next();
            double avg = acc[0] == 0 ? 0 : acc[2] / SCALE / acc[0];
            out.collect(new WatchlistMinute(watchlist, Instant.ofEpochMilli(ctx.window().getStart()), acc[0], acc[1], avg));
        }
    }
}
