package vn.iocstream.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.Locality;

/**
 * A managed alert as people see it: what the rule said (latest occurrence) plus its state. One managed alert stands
 * for every raw alert with the same {@code dedupKey} while it is active or within its dedup window; its id is the id
 * of the first raw alert. Strings are as the producer wrote them (crawled text included): escape them when
 * rendering.
 *
 * @param id               stable id (the first raw alert's id)
 * @param kind             e.g. {@code security.bruteforce}
 * @param rule             the rule that raised it, e.g. {@code ssh-brute-force}
 * @param severity         info, warning or critical (the highest seen while active)
 * @param state            current state
 * @param title            one line (latest occurrence)
 * @param summary          a sentence or two with numbers (latest occurrence)
 * @param locality         province, and commune/ward where known
 * @param labels           the producer's labels (latest occurrence)
 * @param dedupKey         what groups its occurrences
 * @param key              what the rule watched (watchlist, address, segment …)
 * @param count            events in the latest occurrence's window
 * @param baseline         the usual count for such a window
 * @param occurrences      raw alerts folded into this one (1 for a new alert)
 * @param firstSeen        when the first occurrence was raised
 * @param lastSeen         when the latest occurrence was raised (or updated)
 * @param windowStart      the first occurrence's window start (fixed for the alert's life)
 * @param windowEnd        the latest occurrence's window end
 * @param stateSince       when it entered its current state
 * @param assignee         who it is assigned to ("" = nobody)
 * @param acknowledgedBy   who acknowledged it ("" = nobody yet, or reopened since)
 * @param acknowledgedAt   when, or null
 * @param resolvedBy       who resolved it: a person, or {@code system} (rule cleared, quiet time); "" while active
 * @param resolvedAt       when, or null
 * @param silenceId        the silence that suppresses it ("" = none)
 * @param escalationStep   escalation steps notified so far (0 = only the first notification)
 * @param drivers          what caused it (latest occurrence)
 * @param postIds          evidence ids (latest occurrence)
 * @param version          grows with every change; the web can use it as an ETag
 */
public record AlertView(String id, String kind, String rule, String severity, AlertState state, String title,
                        String summary, Locality locality, Map<String, String> labels, String dedupKey, String key,
                        long count, double baseline, long occurrences, Instant firstSeen, Instant lastSeen,
                        Instant windowStart, Instant windowEnd, Instant stateSince, String assignee,
                        String acknowledgedBy, Instant acknowledgedAt, String resolvedBy, Instant resolvedAt,
                        String silenceId, int escalationStep, AlertDrivers drivers, List<String> postIds,
                        long version) {
    public AlertView {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        postIds = postIds == null ? List.of() : List.copyOf(postIds);
        drivers = drivers == null ? AlertDrivers.NONE : drivers;
        locality = locality == null ? Locality.UNKNOWN : locality;
    }
}
