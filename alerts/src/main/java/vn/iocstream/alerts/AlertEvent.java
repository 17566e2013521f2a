package vn.iocstream.alerts;

import java.time.Instant;

/**
 * One entry of an alert's history, a row of {@code alert_events}. Every change of a managed alert writes one.
 *
 * @param seq     position in the service-wide event sequence: strictly increasing, also across restarts (it is
 *                derived from the clock in microseconds, never reused); the push feed's resume point
 * @param alertId the managed alert
 * @param at      when it happened
 * @param actor   the person (as the web passed it), or {@code system}
 * @param action  what happened
 * @param from    state before
 * @param to      state after (equal to {@code from} for comments, assignments, re-fires)
 * @param comment the person's comment, the assignee, or the system's reason (e.g. {@code quy tắc báo đã hết})
 */
public record AlertEvent(long seq, String alertId, Instant at, String actor, AlertAction action, AlertState from,
                         AlertState to, String comment) {
    /** The actor of everything the service does by itself. */
    public static final String SYSTEM = "system";
}
