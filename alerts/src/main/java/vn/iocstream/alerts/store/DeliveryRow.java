package vn.iocstream.alerts.store;

import java.time.Instant;
import java.util.List;
import vn.iocstream.alerts.DeliveryRecord;

/**
 * A row of {@code alert_deliveries}: one delivery (a notification to one address on one channel) at one attempt.
 * {@code attempt} 0 is the scheduling row (status pending).
 */
public record DeliveryRow(String deliveryId, String notificationId, List<String> alertIds, String route, String receiver,
                          String channel, String address, String reason, String groupKey, int attempt, String status,
                          String detail, Instant dueAt, Instant at) {
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String GAVE_UP = "gave_up";
    public static final String CANCELLED = "cancelled";
    private static final int MAX_DETAIL = 500;

    public DeliveryRow {
        alertIds = List.copyOf(alertIds);
        detail = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    }

    /** The same delivery at another attempt / status. */
    public DeliveryRow next(int attemptNo, String newStatus, String newDetail, Instant when) {
        return new DeliveryRow(deliveryId, notificationId, alertIds, route, receiver, channel, address, reason, groupKey,
                attemptNo, newStatus, newDetail, dueAt, when);
    }

    /** No further attempt will follow. */
    public boolean terminal() {
        return SENT.equals(status) || GAVE_UP.equals(status) || CANCELLED.equals(status);
    }

    public DeliveryRecord record() {
        return new DeliveryRecord(deliveryId, notificationId, channel, receiver, address, reason, attempt, status, detail, at);
    }
}
