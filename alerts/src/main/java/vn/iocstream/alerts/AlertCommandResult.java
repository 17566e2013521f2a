package vn.iocstream.alerts;

/**
 * The answer to an {@link AlertCommand}.
 *
 * @param ok      whether it was applied
 * @param message what happened, or why not (the desk's message: Vietnamese for conflicts)
 * @param alert   the alert after the action (alert commands), or null
 * @param silence the silence (silence and expire), or null
 */
public record AlertCommandResult(String requestId, boolean ok, String message, AlertView alert, Silence silence) {}
