package vn.iocstream.alerts;

/**
 * The action does not apply to the alert's current state, e.g. acknowledging a resolved alert (which must never
 * bring it back) or resolving it twice. The message says the state it is in, in Vietnamese (the web answers 409).
 */
public final class AlertConflictException extends RuntimeException {
    private final AlertState state;

    public AlertConflictException(String message, AlertState state) {
        super(message);
        this.state = state;
    }

    /** The alert's state when the action was refused. */
    public AlertState state() {
        return state;
    }
}
