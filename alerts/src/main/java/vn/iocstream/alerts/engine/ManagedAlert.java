package vn.iocstream.alerts.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import vn.iocstream.alerts.AlertState;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertKinds;

/**
 * The engine's mutable record of one managed alert; only {@link AlertEngine} touches it, under its lock. Everything
 * it holds is written to the {@code alerts} row, so a restart rebuilds it from ClickHouse ({@link #fromView}).
 */
final class ManagedAlert {
    /** Raw ids remembered to recognise a replayed occurrence (the newest ones; older replays count again). */
    static final int REMEMBERED_OCCURRENCES = 64;

    final String id;
    Alert latest;
    String severity;
    AlertState state;
    /** The first occurrence's window start: the row's partition key, so it never changes. */
    Instant windowStart;
    Instant firstSeen;
    Instant lastSeen;
    Instant stateSince;
    long occurrences;
    final Deque<String> occurrenceIds = new ArrayDeque<>();
    String assignee = "";
    String acknowledgedBy = "";
    Instant acknowledgedAt;
    String resolvedBy = "";
    Instant resolvedAt;
    String silenceId = "";
    /** Counts openings (first fire and each reopen): notification ids of one episode never collide with another's. */
    int episode;
    /** When the current episode opened: escalation counts from here. */
    Instant openedAt;
    int escalationStep;
    long version;

    ManagedAlert(String id) {
        this.id = id;
    }

    boolean seen(String rawId) {
        return occurrenceIds.contains(rawId);
    }

    void remember(String rawId) {
        occurrenceIds.addLast(rawId);
        while (occurrenceIds.size() > REMEMBERED_OCCURRENCES) occurrenceIds.removeFirst();
    }

    /** Takes the occurrence's fields; severity only rises while the alert is active. */
    void take(Alert raw) {
        latest = raw;
        if (severity == null || !state.active() || AlertKinds.rank(raw.severity()) > AlertKinds.rank(severity)) {
            severity = raw.severity();
        }
    }

    AlertView view() {
        Alert a = latest;
        return new AlertView(id, a.kind(), a.rule(), severity, state, a.title(), a.summary(), a.locality(), a.labels(),
                a.dedupKey(), a.key(), a.count(), a.baseline(), occurrences, firstSeen, lastSeen, windowStart,
                a.windowEnd(), stateSince, assignee, acknowledgedBy, acknowledgedAt, resolvedBy, resolvedAt, silenceId,
                escalationStep, a.drivers(), a.postIds(), version);
    }

    /** The bookkeeping a view does not show, stored beside it in the {@code alerts} row. */
    AlertBookkeeping bookkeeping() {
        return new AlertBookkeeping(episode, openedAt, List.copyOf(occurrenceIds));
    }

    /** Rebuilds the record from a stored row. */
    static ManagedAlert fromView(AlertView v, AlertBookkeeping b) {
        ManagedAlert m = new ManagedAlert(v.id());
        String lastRaw = b.occurrenceIds().isEmpty() ? v.id() : b.occurrenceIds().get(b.occurrenceIds().size() - 1);
        m.latest = new Alert(lastRaw, v.kind(), v.rule(), v.severity(), v.key(), v.title(), v.summary(), v.locality(),
                v.labels(), v.dedupKey(), v.windowStart(), v.windowEnd(), v.count(), v.baseline(), v.postIds(),
                v.drivers(), null, v.lastSeen());
        m.windowStart = v.windowStart();
        m.severity = v.severity();
        m.state = v.state();
        m.firstSeen = v.firstSeen();
        m.lastSeen = v.lastSeen();
        m.stateSince = v.stateSince();
        m.occurrences = v.occurrences();
        m.assignee = v.assignee();
        m.acknowledgedBy = v.acknowledgedBy();
        m.acknowledgedAt = v.acknowledgedAt();
        m.resolvedBy = v.resolvedBy();
        m.resolvedAt = v.resolvedAt();
        m.silenceId = v.silenceId();
        m.escalationStep = v.escalationStep();
        m.version = v.version();
        m.episode = b.episode();
        m.openedAt = b.openedAt();
        b.occurrenceIds().forEach(m::remember);
        return m;
    }
}
