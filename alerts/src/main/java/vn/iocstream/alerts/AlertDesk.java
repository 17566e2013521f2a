package vn.iocstream.alerts;

import java.util.List;

/**
 * What people do with alerts: the plain-Java API behind {@code GET /api/alerts}, {@code GET /api/alerts/{id}},
 * {@code POST /api/alerts/{id}/ack|resolve|assign|comment}, silences and the control-room push, and behind
 * {@code ./ioc alerts}. It has no web types: the web layer authenticates, builds the caller's {@link AlertScope} and
 * actor name, and maps the exceptions (see below) to status codes. Implemented by the alerts service
 * ({@link AlertsService#desk()}, reached from the runtime as {@code IocRuntime.alertDesk()}); thread-safe.
 *
 * <h2>Scope</h2>
 * Every call takes the caller's {@link AlertScope}. Queries apply it in ClickHouse's {@code WHERE}; actions and
 * {@link #get} treat an alert outside the scope exactly like a missing one ({@link AlertNotFoundException}); the push
 * feed only carries events of alerts inside it.
 *
 * <h2>Freshness</h2>
 * Actions ({@code acknowledge} …) take effect at once: escalation and repeats stop before the call returns, the
 * change is stored in ClickHouse before it returns, and pushed to subscribers. Alerts arriving from Kafka and changes
 * the service makes by itself (escalation, auto-resolve) are pushed at once and are visible to {@link #list} and
 * {@link #get} within the store's flush interval ({@code alerts.flushMillis}, default 1 s).
 *
 * <h2>Errors</h2>
 * <ul>
 *   <li>{@link AlertNotFoundException}: unknown id, or outside the scope → 404</li>
 *   <li>{@link AlertConflictException}: the action does not apply to the current state (ack of a resolved alert,
 *       resolve twice, expire an expired silence) → 409; the message is Vietnamese and names the state</li>
 *   <li>{@link IllegalArgumentException}: a bad argument (empty actor, over-long comment, bad filter) → 400, the
 *       message names it</li>
 *   <li>{@link IllegalStateException}: the service is stopping or the store is unreachable → 503</li>
 * </ul>
 *
 * <h2>Actors</h2>
 * {@code actor} is the account name the web authenticated: 1..100 characters, recorded in the history as given.
 * {@value AlertEvent#SYSTEM} is reserved for the service itself and refused.
 */
public interface AlertDesk {
    /** A subscriber that falls this many events behind is dropped (it reconnects and resumes). */
    int MAX_BACKLOG = 10_000;

    /**
     * One page of managed alerts matching {@code query} inside {@code scope}, with the total count.
     * One ClickHouse query for the page, one for the total; no per-alert queries.
     */
    Page<AlertView> list(AlertQuery query, AlertScope scope);

    /**
     * One alert with its history (from {@code alert_events}), evidence (read from the table its kind counts:
     * posts, security events, citizen reports, traffic buckets) and notification attempts.
     *
     * @throws AlertNotFoundException unknown, or outside the scope
     */
    AlertDetail get(String id, AlertScope scope);

    /** Counts per state and per severity inside {@code scope}. */
    AlertSummary summary(AlertScope scope);

    /**
     * OPEN or SUPPRESSED → ACKNOWLEDGED. Stops escalation and repeat notifications at once: no notification for this
     * alert that was not already being sent starts after this returns (one already on the wire completes). Further
     * occurrences are counted without paging anyone until it is resolved.
     *
     * @param comment optional (null or ""), at most 2,000 characters
     * @return the alert after the change
     * @throws AlertConflictException when already acknowledged, resolved or expired (an acknowledgement never
     *         re-opens a closed alert)
     */
    AlertView acknowledge(String id, String actor, String comment, AlertScope scope);

    /**
     * OPEN, ACKNOWLEDGED or SUPPRESSED → RESOLVED, with the same stop of notifications as {@link #acknowledge}. An
     * occurrence that arrives later within the dedup window reopens it (its history says so).
     *
     * @throws AlertConflictException when already resolved or expired
     */
    AlertView resolve(String id, String actor, String comment, AlertScope scope);

    /**
     * Sets who handles it ({@code assignee} "" clears it); allowed in every state but resolved/expired. Recorded as
     * {@link AlertAction#ASSIGNED} with the assignee in the comment. Assigning does not acknowledge.
     *
     * @throws AlertConflictException when resolved or expired
     */
    AlertView assign(String id, String actor, String assignee, AlertScope scope);

    /** Adds a comment (1..2,000 characters) to the history, in any state. */
    AlertView comment(String id, String actor, String text, AlertScope scope);

    /**
     * Creates a silence; active alerts it matches become SUPPRESSED at once (history entries written), new ones arrive
     * suppressed while it lasts. When it ends, suppressed alerts that still fire become OPEN and are notified.
     *
     * @throws IllegalArgumentException when the matcher reaches outside a restricted scope (it must name a province,
     *         or a commune for a commune-only scope, inside the scope)
     */
    Silence createSilence(SilenceRequest request, String actor, AlertScope scope);

    /**
     * Silences visible in the scope (an unrestricted scope sees all; a restricted one those whose matcher's locality
     * it permits), newest first.
     *
     * @param includeExpired also the expired ones of the last 30 days
     */
    List<Silence> silences(boolean includeExpired, AlertScope scope);

    /** Ends a silence now; suppressed alerts it covered that still fire become OPEN and are notified. */
    Silence expireSilence(String id, String actor, AlertScope scope);

    /**
     * Pushes every later change of an alert in {@code scope} to {@code listener}.
     *
     * @param lastEventId the last {@link AlertFeedEvent#seq()} the client saw (SSE {@code Last-Event-ID}), or 0 for
     *                    live events only. Events after it are replayed first, from memory (the last
     *                    {@value #MAX_BACKLOG} events) or from {@code alert_events}; when they are not all available
     *                    any more, {@link AlertFeedListener#onReset} is called instead and live events follow.
     * @return close it when the client goes away
     */
    Subscription subscribe(AlertScope scope, long lastEventId, AlertFeedListener listener);

    /** The newest event's sequence number (0 when there is none yet). */
    long lastEventId();

    /** A live feed subscription. */
    interface Subscription extends AutoCloseable {
        /** Stops delivery; idempotent. */
        @Override
        void close();
    }
}
