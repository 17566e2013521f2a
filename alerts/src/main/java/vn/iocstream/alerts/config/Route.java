package vn.iocstream.alerts.config;

import java.time.Duration;
import java.util.List;
import vn.iocstream.alerts.AlertMatcher;

/**
 * A node of the routing tree (Alertmanager's model, with escalation, quiet hours and auto-resolve added). Settings a
 * route leaves out are inherited from its parent; the root's come from the built-in defaults.
 *
 * @param id             its path in the tree ({@code root}, {@code root.0}, {@code root.0.1}) or its {@code name}
 * @param match          which alerts enter it
 * @param receivers      who is notified (receiver names)
 * @param groupBy        alert fields whose values make a group: kind, severity, province, commune, rule, key,
 *                       dedupKey, id, or {@code labels.NAME}; one notification per group
 * @param groupWait      wait after a group's first alert before notifying (0 = at once: paging latency)
 * @param groupInterval  wait before notifying a group again about new alerts in it
 * @param repeatInterval re-notify a group whose alerts still fire unacknowledged after this long (0 = never)
 * @param continueMatching {@code continue}: also try the next sibling routes after this one matched
 * @param quiet          quiet hours of this route
 * @param escalation     steps taken while an alert stays open (not acknowledged)
 * @param sendResolved   notify the receivers when an alert resolves
 * @param resolveAfter   resolve an alert that has not fired again for this long (the rule's quiet time)
 * @param dedupWindow    an occurrence within this long after resolution reopens the alert instead of opening a new one
 * @param line           where it is in the file
 */
public record Route(String id, AlertMatcher match, List<String> receivers, List<String> groupBy, Duration groupWait,
                    Duration groupInterval, Duration repeatInterval, boolean continueMatching, List<Route> routes,
                    QuietHours quiet, List<EscalationStep> escalation, boolean sendResolved, Duration resolveAfter,
                    Duration dedupWindow, int line) {

    /**
     * Not acknowledged {@code after} the previous step (or the opening) → notify {@code receivers}, then again every
     * {@code after} up to {@code repeat} more times, then the next step.
     */
    public record EscalationStep(Duration after, List<String> receivers, int repeat) {}
}
