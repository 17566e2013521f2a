package vn.iocstream.alerts;

/**
 * No alert (or silence) with that id is visible in the caller's scope. Deliberately the same answer for "does not
 * exist" and "outside your localities", so that ids cannot be probed (the web answers 404).
 */
public final class AlertNotFoundException extends RuntimeException {
    public AlertNotFoundException(String what, String id) {
        super(what + " not found: " + id);
    }
}
