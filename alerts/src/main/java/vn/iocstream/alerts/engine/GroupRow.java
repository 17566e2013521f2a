package vn.iocstream.alerts.engine;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code alert_groups}: one notification group of one route. Times are null when never.
 *
 * @param members        active alerts of the group
 * @param pending        open alerts not yet announced
 * @param notified       members announced in a firing notification
 * @param firstPendingAt when the oldest pending announcement arose (groupWait counts from here)
 * @param lastNotifiedAt when the group was last notified (groupInterval and repeatInterval count from here)
 */
public record GroupRow(String id, String route, String groupKey, List<String> members, List<String> pending,
                       List<String> notified, Instant firstPendingAt, Instant lastNotifiedAt, long version) {
    public GroupRow {
        members = List.copyOf(members);
        pending = List.copyOf(pending);
        notified = List.copyOf(notified);
    }
}
