package vn.iocstream.alerts;

import vn.iocstream.core.model.Alert;

/** Somewhere an alert can be sent: the webhook, the control room, later Telegram or email. */
public interface AlertChannel {
    /** The name routes refer to, e.g. {@code webhook} or {@code control-room}. */
    String name();

    /**
     * Delivers one alert, or throws. Returning normally means delivered: the service never sends the same
     * alert to this channel again, so implementations must not swallow their own failures.
     */
    void deliver(Alert alert) throws Exception;
}
