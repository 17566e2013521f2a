package vn.iocstream.alerts.engine;

import java.time.Instant;
import java.util.List;

/**
 * A message due to one receiver about one or more alerts: a route's group (firing, repeat, resolved) or one alert's
 * escalation step. Its id is derived from what it says (group + alerts + their occurrence, or alert + episode + step),
 * so redoing the same work after a crash yields the same id, and the same delivery ids: what was sent is not sent
 * again.
 *
 * @param reason   {@code firing}, {@code repeat}, {@code escalation} or {@code resolved}
 * @param route    the route's id
 * @param receiver the receiver's name
 * @param groupKey human-readable group ({@code kind=security.scan, province=Tây Ninh}) or the alert id
 * @param alertIds the alerts it is about; the first is the one it is filed under
 */
public record Notification(String id, String reason, String route, String receiver, String groupKey,
                           List<String> alertIds, Instant createdAt) {
    public static final String FIRING = "firing";
    public static final String REPEAT = "repeat";
    public static final String ESCALATION = "escalation";
    public static final String RESOLVED = "resolved";

    public Notification {
        alertIds = List.copyOf(alertIds);
    }
}
