package vn.iocstream.core.model;

import java.time.Instant;
import java.util.List;

/**
 * An alert on {@code ioc.alerts} and in ClickHouse {@code alerts}. Carries its evidence: the counts, the
 * window, and the ids of the posts that caused it, so that every number drills down to its sources.
 *
 * @param id       deterministic (rule + key + window start): a replay produces the same alert id
 * @param rule     e.g. {@code watchlist-volume-jump}
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param key      what the rule watched, e.g. the watchlist name
 * @param count    events in the window that triggered
 * @param baseline the key's usual count for such a window
 * @param postIds  sample of the posts behind the count (first ones in the window)
 */
public record Alert(String id, String rule, String severity, String key, String title,
                    Instant windowStart, Instant windowEnd, long count, double baseline,
                    List<String> postIds, Instant createdAt) {}
