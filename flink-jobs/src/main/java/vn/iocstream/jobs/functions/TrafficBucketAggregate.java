package vn.iocstream.jobs.functions;

import java.time.Instant;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import vn.iocstream.core.model.TrafficReading;
import vn.iocstream.core.model.TrafficStat;

/** Sums one segment's readings over a bucket: {readings, speed sum, volume, occupancy sum}. */
public final class TrafficBucketAggregate implements AggregateFunction<TrafficReading, double[], double[]> {
    private static final long serialVersionUID = 1L;

    @Override public double[] createAccumulator() { return new double[4]; }

    @Override public double[] add(TrafficReading r, double[] acc) {
        acc[0]++;
        acc[1] += r.speedKmh();
        acc[2] += r.volume();
        acc[3] += r.occupancy();
        return acc;
    }

    @Override public double[] getResult(double[] acc) { return acc; }

    @Override public double[] merge(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) a[i] += b[i];
        return a;
    }

    /** Turns the sums into the bucket's row, not yet scored. */
    public static final class ToStat extends ProcessWindowFunction<double[], TrafficStat, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String segment, Context ctx, Iterable<double[]> sums, Collector<TrafficStat> out) {
            double[] s = sums.iterator().next();
            long n = (long) s[0];
            int seconds = (int) ((ctx.window().getEnd() - ctx.window().getStart()) / 1000);
            out.collect(new TrafficStat(segment, Instant.ofEpochMilli(ctx.window().getStart()), seconds, n,
                    s[1] / n, Math.round(s[2]), s[3] / n, 0, 0, false));
        }
    }
}
