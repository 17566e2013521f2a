package vn.iocstream.alerts;

/**
 * Receives pushed alert changes from {@link AlertDesk#subscribe}. Calls for one subscription are serial and in
 * sequence order, on a thread of the desk's feed pool (never the caller's, never the engine's): a slow listener only
 * delays itself. A listener that throws, or falls more than {@value AlertDesk#MAX_BACKLOG} events behind, is
 * unsubscribed with {@link #onClose}; the client reconnects with its last seen sequence number.
 */
public interface AlertFeedListener {
    /** One change of an alert in the subscriber's scope. */
    void onEvent(AlertFeedEvent event);

    /**
     * The events after the requested resume point are no longer all available (the client was away too long, or
     * asked for a position from the future): reload the list with {@link AlertDesk#list}, then keep receiving live
     * events, which follow this call. {@code latestSeq} is the position the reload corresponds to.
     */
    default void onReset(long latestSeq) {}

    /** The subscription ended: the listener threw or fell behind ({@code reason} says which), or the desk closed. */
    default void onClose(String reason) {}
}
