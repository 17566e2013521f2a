package vn.iocstream.alerts.channels;

import java.time.Instant;
import java.util.List;
import vn.iocstream.alerts.AlertView;

/**
 * One message to send: a notification rendered for one address.
 *
 * @param deliveryId     the idempotency key (stable across retries and restarts)
 * @param notificationId the notification it carries
 * @param reason         firing, repeat, escalation or resolved
 * @param route          the route's id
 * @param receiver       the receiver's name
 * @param groupKey       the group, readable
 * @param address        where (chat id, e-mail, user:ID / phone:84…, "" for a webhook)
 * @param alerts         the alerts as they are now, the news first
 * @param attempt        1 for the first attempt
 * @param createdAt      when the notification was made
 */
public record Outbound(String deliveryId, String notificationId, String reason, String route, String receiver,
                       String groupKey, String address, List<AlertView> alerts, int attempt, Instant createdAt) {
    public Outbound {
        alerts = List.copyOf(alerts);
    }
}
