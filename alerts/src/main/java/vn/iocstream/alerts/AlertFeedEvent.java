package vn.iocstream.alerts;

/**
 * One pushed change: the history entry and the alert's state right after it. For SSE, use {@link #seq()} as the
 * event id ({@code id:} line): a reconnecting browser sends it back as {@code Last-Event-ID}, and
 * {@link AlertDesk#subscribe} resumes after it.
 *
 * @param seq   the event's position in the service-wide sequence ({@link AlertEvent#seq()})
 * @param event what happened
 * @param alert the alert after the change (when replayed from storage after a long disconnect: its current state)
 */
public record AlertFeedEvent(long seq, AlertEvent event, AlertView alert) {}
