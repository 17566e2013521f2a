package vn.iocstream.alerts;

import java.time.Instant;

/**
 * One attempt (or the scheduling) of a notification to one address on one channel, a row of
 * {@code alert_deliveries}.
 *
 * @param deliveryId     stable across retries and restarts: the idempotency key sent to receivers that take one
 *                       ({@code webhook-id}, e-mail {@code Message-ID}, ZNS {@code tracking_id})
 * @param notificationId the notification (a route's group, or an escalation step) this delivery carries
 * @param channel        the configured channel's name ({@code soc-webhook}, {@code telegram-tn} …)
 * @param receiver       the receiver (person or group) in {@code config/alerts.yaml}
 * @param address        chat id, e-mail address, Zalo user id or phone; "" for a webhook
 * @param reason         {@code firing}, {@code escalation}, {@code repeat} or {@code resolved}
 * @param attempt        1 for the first attempt; 0 while only scheduled
 * @param status         {@code pending} (scheduled or waiting to retry), {@code sent}, {@code failed} (this attempt;
 *                       another follows), {@code gave_up} (attempts exhausted), {@code cancelled} (acknowledged or
 *                       resolved before it was due)
 * @param detail         the receiver's answer or error, shortened
 * @param at             when the attempt ended (or was scheduled)
 */
public record DeliveryRecord(String deliveryId, String notificationId, String channel, String receiver, String address,
                             String reason, int attempt, String status, String detail, Instant at) {}
