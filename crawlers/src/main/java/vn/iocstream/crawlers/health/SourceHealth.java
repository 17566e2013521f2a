package vn.iocstream.crawlers.health;

import java.time.Instant;

/**
 * One source's freshness at {@code updatedAt}: a row of ClickHouse {@code source_health}. Times are null when it
 * never happened; counters count since the crawler process started.
 *
 * @param intervalSeconds   the source's poll interval (its schedule, or the crawler's default)
 * @param consecutiveErrors failed polls since the last successful one
 * @param status            {@code ok}, {@code failing}, {@code stale} or {@code silent} (see {@link SourceHealthTracker})
 */
public record SourceHealth(String source, String outlet, String url, long intervalSeconds, Instant lastAttempt,
                           Instant lastSuccess, Instant lastNewItem, long consecutiveErrors, long totalErrors,
                           long attempts, long newItems, String status, Instant updatedAt) {}
