package vn.iocstream.alerts.channels;

import java.time.Duration;

/**
 * A message the receiver did not accept.
 *
 * @see #retryable()
 */
public final class DeliveryException extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;

    private DeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** Worth another attempt (network error, timeout, 5xx, rate limit). */
    public static DeliveryException temporary(String message, Throwable cause) {
        return new DeliveryException(message, true, null, cause);
    }

    /** The receiver asked to wait (HTTP 429 Retry-After, Telegram's retry_after). */
    public static DeliveryException rateLimited(String message, Duration retryAfter) {
        return new DeliveryException(message, true, retryAfter, null);
    }

    /** Trying again cannot help (bad address, rejected content, wrong credentials). */
    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, null, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The pause the receiver asked for, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
