package vn.iocstream.alerts.store;

import static vn.iocstream.core.clickhouse.ClickHouseClient.dateTime;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.iocstream.alerts.AlertEvent;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.Localities;
import vn.iocstream.alerts.Silence;
import vn.iocstream.alerts.engine.AlertBookkeeping;
import vn.iocstream.alerts.engine.GroupRow;
import vn.iocstream.core.clickhouse.TableRow;
import vn.iocstream.core.json.Json;

/** The row mappings of the alert tables (V003, V004, V020–V023). Times of null are written as 0 ("never"). */
final class AlertTables {
    private AlertTables() {}

    /** A managed alert's row. */
    record AlertRow(AlertView view, AlertBookkeeping bookkeeping) {}

    /** A history entry with the alert's locality (for scope filters on the feed's backfill). */
    record EventRow(AlertEvent event, String province, String communeKey) {}

    static final TableRow<AlertRow> ALERTS = new TableRow<>() {
        @Override public String table() { return "alerts"; }

        @Override public List<String> columns() {
            return List.of("id", "rule", "severity", "key", "title", "window_start", "window_end", "count", "baseline",
                    "post_ids", "created_at", "kind", "summary", "province", "commune", "commune_key", "label_names",
                    "label_values", "dedup_key", "drivers", "state", "state_since", "occurrences", "last_seen",
                    "assignee", "acknowledged_by", "acknowledged_at", "resolved_by", "resolved_at", "silence_id",
                    "escalation_step", "episode", "opened_at", "occurrence_ids", "version");
        }

        @Override public void bind(PreparedStatement ps, AlertRow row) throws SQLException {
            AlertView a = row.view();
            int i = 1;
            ps.setString(i++, a.id());
            ps.setString(i++, a.rule());
            ps.setString(i++, a.severity());
            ps.setString(i++, a.key());
            ps.setString(i++, a.title());
            ps.setString(i++, time(a.windowStart()));
            ps.setString(i++, time(a.windowEnd()));
            ps.setLong(i++, a.count());
            ps.setDouble(i++, a.baseline());
            ps.setArray(i++, strings(ps, a.postIds()));
            ps.setString(i++, time(a.firstSeen()));
            ps.setString(i++, a.kind());
            ps.setString(i++, a.summary());
            ps.setString(i++, nonNull(a.locality().province()));
            ps.setString(i++, nonNull(a.locality().commune()));
            ps.setString(i++, Localities.communeKey(a.locality().commune()));
            List<String> names = new ArrayList<>(a.labels().keySet());
            names.sort(null);
            ps.setArray(i++, strings(ps, names));
            ps.setArray(i++, strings(ps, names.stream().map(a.labels()::get).toList()));
            ps.setString(i++, a.dedupKey());
            ps.setString(i++, Json.string(a.drivers()));
            ps.setString(i++, a.state().code());
            ps.setString(i++, time(a.stateSince()));
            ps.setLong(i++, a.occurrences());
            ps.setString(i++, time(a.lastSeen()));
            ps.setString(i++, a.assignee());
            ps.setString(i++, a.acknowledgedBy());
            ps.setString(i++, time(a.acknowledgedAt()));
            ps.setString(i++, a.resolvedBy());
            ps.setString(i++, time(a.resolvedAt()));
            ps.setString(i++, a.silenceId());
            ps.setLong(i++, a.escalationStep());
            ps.setLong(i++, row.bookkeeping().episode());
            ps.setString(i++, time(row.bookkeeping().openedAt()));
            ps.setArray(i++, strings(ps, row.bookkeeping().occurrenceIds()));
            ps.setString(i, Long.toUnsignedString(a.version()));
        }
    };

    static final TableRow<EventRow> EVENTS = new TableRow<>() {
        @Override public String table() { return "alert_events"; }

        @Override public List<String> columns() {
            return List.of("seq", "alert_id", "at", "actor", "action", "from_state", "to_state", "comment", "province",
                    "commune_key");
        }

        @Override public void bind(PreparedStatement ps, EventRow row) throws SQLException {
            AlertEvent e = row.event();
            ps.setString(1, Long.toUnsignedString(e.seq()));
            ps.setString(2, e.alertId());
            ps.setString(3, time(e.at()));
            ps.setString(4, e.actor());
            ps.setString(5, e.action().code());
            ps.setString(6, e.from().code());
            ps.setString(7, e.to().code());
            ps.setString(8, e.comment());
            ps.setString(9, row.province());
            ps.setString(10, row.communeKey());
        }
    };

    static final TableRow<DeliveryRow> DELIVERIES = new TableRow<>() {
        @Override public String table() { return "alert_deliveries"; }

        @Override public List<String> columns() {
            return List.of("alert_id", "channel", "delivery_id", "status", "attempts", "detail", "updated_at",
                    "notification_id", "alert_ids", "route", "receiver", "address", "reason", "group_key", "due_at");
        }

        @Override public void bind(PreparedStatement ps, DeliveryRow d) throws SQLException {
            ps.setString(1, d.alertIds().isEmpty() ? "" : d.alertIds().get(0));
            ps.setString(2, d.channel());
            ps.setString(3, d.deliveryId());
            ps.setString(4, d.status());
            ps.setLong(5, d.attempt());
            ps.setString(6, d.detail());
            ps.setString(7, time(d.at()));
            ps.setString(8, d.notificationId());
            ps.setArray(9, strings(ps, d.alertIds()));
            ps.setString(10, d.route());
            ps.setString(11, d.receiver());
            ps.setString(12, d.address());
            ps.setString(13, d.reason());
            ps.setString(14, d.groupKey());
            ps.setString(15, time(d.dueAt()));
        }
    };

    static final TableRow<Silence> SILENCES = new TableRow<>() {
        @Override public String table() { return "alert_silences"; }

        @Override public List<String> columns() {
            return List.of("id", "matcher", "province", "commune_key", "starts_at", "ends_at", "created_by", "created_at",
                    "comment", "expired_by", "expired_at", "version");
        }

        @Override public void bind(PreparedStatement ps, Silence s) throws SQLException {
            ps.setString(1, s.id());
            ps.setString(2, Json.string(s.matcher()));
            ps.setString(3, nonNull(s.matcher().province()));
            ps.setString(4, Localities.communeKey(s.matcher().commune()));
            ps.setString(5, time(s.startsAt()));
            ps.setString(6, time(s.endsAt()));
            ps.setString(7, s.createdBy());
            ps.setString(8, time(s.createdAt()));
            ps.setString(9, s.comment());
            ps.setString(10, s.expiredBy());
            ps.setString(11, time(s.expiredAt()));
            // Ending a silence early makes a newer row than creating it.
            ps.setLong(12, s.expiredAt() == null ? 1 : 2);
        }
    };

    static final TableRow<GroupRow> GROUPS = new TableRow<>() {
        @Override public String table() { return "alert_groups"; }

        @Override public List<String> columns() {
            return List.of("id", "route", "group_key", "members", "pending", "notified", "first_pending_at",
                    "last_notified_at", "version");
        }

        @Override public void bind(PreparedStatement ps, GroupRow g) throws SQLException {
            ps.setString(1, g.id());
            ps.setString(2, g.route());
            ps.setString(3, g.groupKey());
            ps.setArray(4, strings(ps, g.members()));
            ps.setArray(5, strings(ps, g.pending()));
            ps.setArray(6, strings(ps, g.notified()));
            ps.setString(7, time(g.firstPendingAt()));
            ps.setString(8, time(g.lastNotifiedAt()));
            ps.setString(9, Long.toUnsignedString(g.version()));
        }
    };

    static String time(Instant t) {
        return dateTime(t == null ? Instant.EPOCH : t);
    }

    /** 0 (the epoch) reads back as null: "never". */
    static Instant instant(long epochSeconds) {
        return epochSeconds == 0 ? null : Instant.ofEpochSecond(epochSeconds);
    }

    static Map<String, String> labels(String[] names, String[] values) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (int i = 0; i < Math.min(names.length, values.length); i++) labels.put(names[i], values[i]);
        return labels;
    }

    private static java.sql.Array strings(PreparedStatement ps, List<String> values) throws SQLException {
        return ps.getConnection().createArrayOf("String", values.stream().map(AlertTables::nonNull).toArray());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
