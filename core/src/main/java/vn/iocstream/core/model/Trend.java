package vn.iocstream.core.model;

import java.time.Instant;
import java.util.List;

/**
 * One window in which a key trended, in ClickHouse {@code trends}. Keyed by (key type, key, window start),
 * which the data alone determines, so a replay rewrites the same rows.
 *
 * @param keyType   {@code watchlist}, {@code entity}, {@code phrase}, {@code locality} or {@code story}
 * @param key       the watchlist name, entity canonical id, phrase (lower case), province or story id
 * @param label     how people read the key: watchlist title, entity or phrase as first written, headline
 * @param score     (count + 1) / (baseline + 1): how many times its usual volume the key reached
 * @param count     posts under the key in [windowStart, windowEnd)
 * @param negative  of which negative
 * @param baseline  the key's mean count per window over its history
 * @param firstSeen the key's earliest post since its state was last cleared (a whole baseline horizon
 *                  without posts clears it)
 * @param postIds   the window's earliest posts, as evidence
 */
public record Trend(String keyType, String key, String label, Instant windowStart, Instant windowEnd, double score,
                    long count, long negative, double baseline, Instant firstSeen, List<String> postIds) {}
