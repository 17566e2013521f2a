package vn.iocstream.core.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert as a rule raises it, on {@code ioc.alerts}. Carries its evidence (the counts, the window, and the ids of
 * the events that caused it, so that every number drills down to its sources), where it happened and why. The alerts
 * service turns alerts into managed alerts with a state and a history (see the {@code alerts} module).
 *
 * @param id         deterministic (rule + key + window start): a replay produces the same alert id
 * @param kind       the family, one of {@link AlertKinds#KINDS}, e.g. {@code media.volume_jump}
 * @param rule       the rule that fired, e.g. {@code watchlist-volume-jump}
 * @param severity   one of {@link AlertKinds#SEVERITIES}: {@code info}, {@code warning} or {@code critical}
 * @param key        what the rule watched, e.g. the watchlist name or the attacking address
 * @param title      one line, Vietnamese
 * @param summary    a sentence or two with the numbers (may be empty)
 * @param locality   the current province, and the commune/ward where the rule knows it
 * @param labels     extra matchable facts ({@code watchlist}, {@code segment}, {@code site} …), short strings
 * @param dedupKey   alerts with the same dedup key are one managed alert (its count grows instead of paging again);
 *                   by default {@code rule|key}
 * @param count      events in the window that triggered
 * @param baseline   the key's usual count for such a window
 * @param postIds    evidence: ids of the posts (media), security events, citizen reports or traffic buckets behind
 *                   the alert, first ones first
 * @param drivers    what caused it, readable in ten seconds
 * @param clearedAt  when the rule saw the condition clear (e.g. an incident closed, congestion ended); null while it
 *                   holds. A cleared alert resolves its managed alert.
 * @param createdAt  when the rule raised it
 */
public record Alert(String id, String kind, String rule, String severity, String key, String title, String summary,
                    Locality locality, Map<String, String> labels, String dedupKey,
                    Instant windowStart, Instant windowEnd, long count, double baseline,
                    List<String> postIds, AlertDrivers drivers, Instant clearedAt, Instant createdAt)
        implements Serializable {

    public Alert {
        summary = summary == null ? "" : summary;
        locality = locality == null ? Locality.UNKNOWN : locality;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        dedupKey = dedupKey == null || dedupKey.isBlank() ? rule + "|" + key : dedupKey;
        postIds = postIds == null ? List.of() : List.copyOf(postIds);
        drivers = drivers == null ? AlertDrivers.NONE : drivers;
    }

    /** The same alert marked as cleared at {@code at} (the rule saw its condition end). */
    public Alert clearedAt(Instant at) {
        return new Alert(id, kind, rule, severity, key, title, summary, locality, labels, dedupKey, windowStart,
                windowEnd, count, baseline, postIds, drivers, at, createdAt);
    }
}
