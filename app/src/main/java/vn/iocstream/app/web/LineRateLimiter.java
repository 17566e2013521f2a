package vn.iocstream.app.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Lines per minute per caller, as token buckets: each holds up to {@code perMinute} lines and refills continuously,
 * so a connector that was quiet may send a minute's worth at once, and one that sends steadily gets its full rate.
 */
final class LineRateLimiter {
    private final double perMinute;
    private final Clock clock;
    private final Map<String, double[]> buckets = new HashMap<>(); // caller → {lines available, at epoch millis}

    LineRateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes {@code lines} from the caller's bucket and returns 0, or takes nothing and returns the seconds to wait. */
    synchronized long acquire(String caller, int lines) {
        long now = clock.millis();
        double[] b = buckets.computeIfAbsent(caller, k -> new double[] {perMinute, now});
        b[0] = Math.min(perMinute, b[0] + (now - b[1]) * perMinute / 60_000.0);
        b[1] = now;
        if (b[0] >= lines) {
            b[0] -= lines;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((lines - b[0]) * 60.0 / perMinute));
    }
}
