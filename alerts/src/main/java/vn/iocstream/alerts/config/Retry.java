package vn.iocstream.alerts.config;

import java.time.Duration;

/**
 * How one channel retries: {@code attempts} in all, waiting {@code backoff} before the second and doubling up to
 * {@code maxBackoff}; each attempt may take {@code timeout}.
 */
public record Retry(int attempts, Duration backoff, Duration maxBackoff, Duration timeout) {
    public static final Retry DEFAULT = new Retry(8, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(10));

    /** The pause before attempt {@code next} (2 = the first retry). */
    public Duration pauseBefore(int next) {
        if (next <= 1) return Duration.ZERO;
        long ms = backoff.toMillis() << Math.min(next - 2, 30);
        return Duration.ofMillis(Math.min(ms < 0 ? Long.MAX_VALUE : ms, maxBackoff.toMillis()));
    }
}
