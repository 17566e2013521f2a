package vn.iocstream.alerts.engine;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One notification group of one route (alerts with the same values of the route's {@code groupBy} fields). Only
 * {@link AlertEngine} touches it; each change is written to {@code alert_groups} so that a pending notification
 * (waiting out {@code groupWait}, {@code groupInterval} or quiet hours) survives a restart.
 */
final class GroupState {
    final String id;
    final String route;
    final String groupKey;
    /** Active alerts of the group. */
    final LinkedHashSet<String> members = new LinkedHashSet<>();
    /** Open alerts not yet announced to the group's receivers (new, reopened, unsuppressed, or more severe). */
    final LinkedHashSet<String> pending = new LinkedHashSet<>();
    /** Members announced in a firing notification (for resolved notifications). */
    final LinkedHashSet<String> notified = new LinkedHashSet<>();
    Instant firstPendingAt;
    Instant lastNotifiedAt;
    long version;

    GroupState(String id, String route, String groupKey) {
        this.id = id;
        this.route = route;
        this.groupKey = groupKey;
    }

    GroupRow row() {
        return new GroupRow(id, route, groupKey, List.copyOf(members), List.copyOf(pending), List.copyOf(notified),
                firstPendingAt, lastNotifiedAt, version);
    }

    static GroupState of(GroupRow r) {
        GroupState g = new GroupState(r.id(), r.route(), r.groupKey());
        g.members.addAll(r.members());
        g.pending.addAll(r.pending());
        g.notified.addAll(r.notified());
        g.firstPendingAt = r.firstPendingAt();
        g.lastNotifiedAt = r.lastNotifiedAt();
        g.version = r.version();
        return g;
    }
}
