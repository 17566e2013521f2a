package vn.iocstream.app.bench;

import java.util.List;

/** Latency percentiles as the benchmarks report them. */
final class Latencies {
    private Latencies() {}

    /** The {@code q} quantile (nearest rank) of ascending nanoseconds, in milliseconds; 0 for none. */
    static double percentileMs(List<Long> sortedNanos, double q) {
        if (sortedNanos.isEmpty()) return 0;
        int i = (int) Math.ceil(q * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(i, sortedNanos.size() - 1))) / 1e6;
    }
}
