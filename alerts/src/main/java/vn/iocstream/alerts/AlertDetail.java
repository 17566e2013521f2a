package vn.iocstream.alerts;

import java.util.List;

/**
 * Everything about one alert for its page.
 *
 * @param alert      its current state
 * @param history    every change, oldest first (at most the last 1,000)
 * @param evidence   the items behind its latest occurrence, in the producer's order
 * @param deliveries notification attempts, oldest first (at most the last 500)
 */
public record AlertDetail(AlertView alert, List<AlertEvent> history, List<Evidence> evidence,
                          List<DeliveryRecord> deliveries) {
    public AlertDetail {
        history = List.copyOf(history);
        evidence = List.copyOf(evidence);
        deliveries = List.copyOf(deliveries);
    }
}
