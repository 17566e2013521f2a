package vn.iocstream.alerts;

import java.util.Map;

/**
 * Counts for a badge or a header, in the caller's scope.
 *
 * @param byState            managed alerts per state (every state present, 0 included), resolved/expired ones of the
 *                           last 24 hours only
 * @param activeBySeverity   open + acknowledged + suppressed alerts per severity (info, warning, critical)
 * @param lastEventId        the feed position these counts correspond to (subscribe from here to stay current)
 */
public record AlertSummary(Map<AlertState, Long> byState, Map<String, Long> activeBySeverity, long lastEventId) {
    public AlertSummary {
        byState = Map.copyOf(byState);
        activeBySeverity = Map.copyOf(activeBySeverity);
    }
}
