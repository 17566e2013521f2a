package vn.iocstream.alerts.config;

/** A bad {@code alerts.yaml}: the message names the file and the line at fault. */
public final class AlertsConfigException extends RuntimeException {
    public AlertsConfigException(String message) {
        super(message);
    }
}
