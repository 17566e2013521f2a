package vn.iocstream.alerts.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import vn.iocstream.alerts.AlertAction;
import vn.iocstream.alerts.AlertEvent;
import vn.iocstream.alerts.AlertMatcher;
import vn.iocstream.alerts.AlertQuery;
import vn.iocstream.alerts.AlertScope;
import vn.iocstream.alerts.AlertState;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.Evidence;
import vn.iocstream.alerts.Localities;
import vn.iocstream.alerts.Page;
import vn.iocstream.alerts.Silence;
import vn.iocstream.alerts.engine.AlertBookkeeping;
import vn.iocstream.alerts.engine.AlertEngine;
import vn.iocstream.alerts.engine.GroupRow;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.core.model.Locality;

/**
 * Reads of the alert tables: what {@link vn.iocstream.alerts.AlertDesk} and {@code ioc alerts list} show, and what a
 * restart loads. Every read is one query (or two: page and total); the caller's scope is part of the SQL. Values from
 * outside (ids, names, filters) are quoted, never pasted. Needs nothing but a ClickHouse client.
 */
public class AlertQueries {
    private static final String ALERT_COLUMNS = "id, rule, severity, key, title, toUInt32(window_start),"
            + " toUInt32(window_end), count, baseline, post_ids, toUInt32(created_at), kind, summary, province, commune,"
            + " label_names, label_values, dedup_key, drivers, state, toUInt32(state_since), occurrences,"
            + " toUInt32(last_seen), assignee, acknowledged_by, toUInt32(acknowledged_at), resolved_by,"
            + " toUInt32(resolved_at), silence_id, escalation_step, episode, toUInt32(opened_at), occurrence_ids,"
            + " toString(version)";
    private static final String DELIVERY_COLUMNS = "delivery_id, notification_id, alert_ids, route, receiver, channel,"
            + " address, reason, group_key, attempts, status, detail, toUInt32(due_at), toUInt32(updated_at)";
    private static final int HISTORY_LIMIT = 1000;
    private static final int DELIVERY_LIMIT = 500;

    /**
     * @param journalDir where the delivery journal lives (a local disk of the service's machine)
     * @param syncJournal force each journal write to disk (survives power loss, not only a process crash)
     */

    protected final ClickHouseClient clickHouse;

    public AlertQueries(ClickHouseClient clickHouse) {
        this.clickHouse = clickHouse;
    }

    // ---------------------------------------------------------------- reads for the desk

    public Page<AlertView> list(AlertQuery q, AlertScope scope) {
        String where = where(q, scope);
        String order = q.order() == AlertQuery.Order.SEVERITY
                ? "multiIf(severity = 'critical', 0, severity = 'warning', 1, 2), version DESC, id"
                : "version DESC, id";
        List<AlertView> items = clickHouse.query("SELECT " + ALERT_COLUMNS + " FROM alerts FINAL WHERE " + where
                + " ORDER BY " + order + " LIMIT " + q.offset() + ", " + q.limit(), rs -> readAlert(rs).view());
        long total = items.size() < q.limit() && (q.offset() == 0 || !items.isEmpty()) ? q.offset() + items.size()
                : clickHouse.queryLong("SELECT count() FROM alerts FINAL WHERE " + where);
        return new Page<>(items, total, q.limit(), q.offset());
    }

    /** The stored alert, if it exists inside the scope. */
    public java.util.Optional<AlertView> alert(String id, AlertScope scope) {
        return clickHouse.query("SELECT " + ALERT_COLUMNS + " FROM alerts FINAL WHERE id = " + quote(id) + " AND "
                + scopeCondition(scope), rs -> readAlert(rs).view()).stream().findFirst();
    }

    public List<AlertView> alerts(Collection<String> ids) {
        if (ids.isEmpty()) return List.of();
        return clickHouse.query("SELECT " + ALERT_COLUMNS + " FROM alerts FINAL WHERE id IN (" + quoteAll(ids) + ")",
                rs -> readAlert(rs).view());
    }

    public List<AlertEvent> history(String id) {
        List<AlertEvent> events = clickHouse.query("SELECT " + eventColumns() + " FROM alert_events FINAL WHERE alert_id = "
                + quote(id) + " ORDER BY seq DESC LIMIT " + HISTORY_LIMIT, AlertQueries::readEvent);
        java.util.Collections.reverse(events);
        return events;
    }

    /** History entries after {@code seq} inside the scope, oldest first, at most {@code limit}. */
    public List<AlertEvent> eventsAfter(long seq, AlertScope scope, int limit) {
        return clickHouse.query("SELECT " + eventColumns() + " FROM alert_events FINAL WHERE seq > " + Long.toUnsignedString(seq)
                + " AND " + scopeCondition(scope) + " ORDER BY seq LIMIT " + limit, AlertQueries::readEvent);
    }

    /** The oldest stored event's sequence number (0 when none). */
    public long firstEventSeq() {
        return clickHouse.queryLong("SELECT min(seq) FROM alert_events");
    }

    public long lastEventSeq() {
        return clickHouse.queryLong("SELECT max(seq) FROM alert_events");
    }

    public List<vn.iocstream.alerts.DeliveryRecord> deliveries(String alertId) {
        return clickHouse.query("SELECT " + DELIVERY_COLUMNS + " FROM alert_deliveries FINAL WHERE has(alert_ids, "
                        + quote(alertId) + ") ORDER BY updated_at, delivery_id, attempts LIMIT " + DELIVERY_LIMIT,
                rs -> readDelivery(rs).record());
    }

    /** Per-state counts (closed ones of the last 24 h) and active per severity, inside the scope. */
    public Map<AlertState, Long> countsByState(AlertScope scope) {
        Map<AlertState, Long> counts = new EnumMap<>(AlertState.class);
        for (AlertState s : AlertState.values()) counts.put(s, 0L);
        clickHouse.query("SELECT state, count() FROM alerts FINAL WHERE " + scopeCondition(scope)
                        + " AND (state IN ('open', 'acknowledged', 'suppressed') OR state_since >= now() - 86400) GROUP BY state",
                rs -> counts.put(AlertState.of(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    public Map<String, Long> activeBySeverity(AlertScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : AlertKinds.SEVERITIES) counts.put(s, 0L);
        clickHouse.query("SELECT severity, count() FROM alerts FINAL WHERE " + scopeCondition(scope)
                        + " AND state IN ('open', 'acknowledged', 'suppressed') GROUP BY severity",
                rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    public List<Silence> silences(boolean includeExpired, AlertScope scope) {
        String scopeSql = scope.unrestricted() ? "1" : scopeCondition(scope);
        return clickHouse.query("SELECT " + silenceColumns() + " FROM alert_silences FINAL WHERE " + scopeSql
                + (includeExpired ? " AND ends_at >= now() - " + Duration.ofDays(30).toSeconds()
                : " AND ends_at > now() AND (expired_at = toDateTime(0) OR expired_at > now())")
                + " ORDER BY created_at DESC LIMIT 1000", AlertQueries::readSilence);
    }

    /**
     * The items behind an alert, read from the table its kind counts, in the given order; ids not found there are
     * listed with their id only.
     */
    public List<Evidence> evidence(String kind, List<String> ids) {
        if (ids.isEmpty()) return List.of();
        String family = kind == null ? "" : kind.substring(0, Math.max(0, kind.indexOf('.')));
        String in = quoteAll(ids);
        Map<String, Evidence> found = new LinkedHashMap<>();
        String type;
        try {
            switch (family) {
                case "media" -> {
                    type = "post";
                    clickHouse.query("SELECT id, title, url, source, toUInt32(published_at), substring(text, 1, 300)"
                            + " FROM posts FINAL WHERE id IN (" + in + ")", rs -> found.put(rs.getString(1), new Evidence(
                            rs.getString(1), "post", rs.getString(2), rs.getString(3), rs.getString(4),
                            AlertTables.instant(rs.getLong(5)), rs.getString(6))));
                }
                case "security" -> {
                    type = "security_event";
                    clickHouse.query("SELECT id, if(signature != '', signature, concat(kind, ' ', action, ' ', outcome)),"
                            + " source, toUInt32(time), substring(raw, 1, 300) FROM security_events FINAL WHERE id IN ("
                            + in + ")", rs -> found.put(rs.getString(1), new Evidence(rs.getString(1), "security_event",
                            rs.getString(2), "", rs.getString(3), AlertTables.instant(rs.getLong(4)), rs.getString(5))));
                }
                case "order" -> {
                    type = "citizen_report";
                    clickHouse.query("SELECT id, category, channel, toUInt32(reported_at), substring(text, 1, 300)"
                            + " FROM citizen_reports FINAL WHERE id IN (" + in + ")", rs -> found.put(rs.getString(1),
                            new Evidence(rs.getString(1), "citizen_report", rs.getString(2), "", rs.getString(3),
                                    AlertTables.instant(rs.getLong(4)), rs.getString(5))));
                }
                case "traffic" -> type = "traffic";
                default -> type = "post";
            }
        } catch (ClickHouseClient.ClickHouseException e) {
            LoggerFactory.getLogger(AlertQueries.class).debug("evidence for {} not readable: {}", kind, e.getMessage());
            type = "unknown";
        }
        List<Evidence> out = new ArrayList<>();
        for (String id : ids) {
            Evidence e = found.get(id);
            out.add(e != null ? e : new Evidence(id, type, "", "", "", null, ""));
        }
        return out;
    }

    // ---------------------------------------------------------------- what a restart loads

    /** Active alerts, and closed ones still inside {@code dedupWindow} (they may reopen). */
    public List<AlertEngine.StoredAlert> loadAlerts(Duration dedupWindow) {
        return clickHouse.query("SELECT " + ALERT_COLUMNS + " FROM alerts FINAL WHERE state IN ('open', 'acknowledged',"
                + " 'suppressed') OR resolved_at >= now() - " + dedupWindow.toSeconds(), AlertQueries::readAlert);
    }

    public List<GroupRow> loadGroups() {
        return clickHouse.query("SELECT id, route, group_key, members, pending, notified, toUInt32(first_pending_at),"
                + " toUInt32(last_notified_at), toString(version) FROM alert_groups FINAL WHERE length(members) > 0",
                rs -> new GroupRow(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs, 4), strings(rs, 5),
                        strings(rs, 6), AlertTables.instant(rs.getLong(7)), AlertTables.instant(rs.getLong(8)),
                        Long.parseUnsignedLong(rs.getString(9))));
    }

    public List<Silence> loadSilences() {
        return clickHouse.query("SELECT " + silenceColumns() + " FROM alert_silences FINAL WHERE ends_at >= now() - "
                + Duration.ofDays(30).toSeconds(), AlertQueries::readSilence);
    }

    /**
     * Deliveries of the last {@code window} whose latest row is not terminal: scheduled or failed with attempts left.
     * Returned as their latest row (with the scheduling row's description).
     */
    public List<DeliveryRow> loadUnfinishedDeliveries(Duration window) {
        return clickHouse.query("SELECT delivery_id, anyIf(notification_id, attempts = 0), anyIf(alert_ids, attempts = 0),"
                + " anyIf(route, attempts = 0), anyIf(receiver, attempts = 0), anyIf(channel, attempts = 0),"
                + " anyIf(address, attempts = 0), anyIf(reason, attempts = 0), anyIf(group_key, attempts = 0),"
                + " max(attempts) AS last_attempt, argMax(status, attempts) AS last_status, argMax(detail, attempts),"
                + " toUInt32(anyIf(due_at, attempts = 0)), toUInt32(max(updated_at))"
                + " FROM alert_deliveries FINAL WHERE updated_at >= now() - " + window.toSeconds()
                + " GROUP BY delivery_id HAVING countIf(attempts = 0) > 0 AND last_status IN ('pending', 'failed')",
                AlertQueries::readDelivery);
    }

    /** Ids of deliveries that reached a final state in the last {@code window}: they are never made again. */
    public Set<String> loadFinishedDeliveryIds(Duration window) {
        return clickHouse.query("SELECT DISTINCT delivery_id FROM alert_deliveries WHERE status IN ('sent', 'gave_up',"
                        + " 'cancelled') AND updated_at >= now() - " + window.toSeconds(), rs -> rs.getString(1))
                .stream().collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- SQL pieces

    /** The scope as a condition on the {@code province} and {@code commune_key} columns. */
    public static String scopeCondition(AlertScope scope) {
        if (scope.unrestricted()) return "1";
        List<String> parts = new ArrayList<>();
        if (!scope.provinces().isEmpty()) parts.add("province IN (" + quoteAll(scope.provinces()) + ")");
        if (!scope.communes().isEmpty()) {
            parts.add("(province, commune_key) IN (" + scope.communes().stream()
                    .map(c -> "(" + quote(c.province()) + ", " + quote(Localities.communeKey(c.commune())) + ")")
                    .collect(Collectors.joining(", ")) + ")");
        }
        return parts.isEmpty() ? "0" : "(" + String.join(" OR ", parts) + ")";
    }

    private static String where(AlertQuery q, AlertScope scope) {
        List<String> c = new ArrayList<>();
        c.add(scopeCondition(scope));
        if (!q.states().isEmpty()) {
            c.add("state IN (" + quoteAll(q.states().stream().map(AlertState::code).toList()) + ")");
        }
        if (!q.kinds().isEmpty()) {
            c.add("(" + q.kinds().stream().map(k -> k.equals("*") ? "1"
                    : k.endsWith(".*") ? "substring(kind, 1, " + (k.length() - 1) + ") = " + quote(k.substring(0, k.length() - 1))
                    : "kind = " + quote(k)).collect(Collectors.joining(" OR ")) + ")");
        }
        if (!q.severities().isEmpty()) c.add("severity IN (" + quoteAll(q.severities()) + ")");
        if (q.province() != null) c.add("province = " + quote(q.province()));
        if (q.commune() != null) c.add("commune_key = " + quote(Localities.communeKey(q.commune())));
        if (q.since() != null) c.add("last_seen >= toDateTime(" + q.since().getEpochSecond() + ")");
        if (q.until() != null) c.add("created_at <= toDateTime(" + q.until().getEpochSecond() + ")");
        if (q.assignee() != null) c.add("assignee = " + quote(q.assignee()));
        if (q.text() != null) c.add("positionCaseInsensitiveUTF8(title, " + quote(q.text()) + ") > 0");
        return String.join(" AND ", c);
    }

    /** A ClickHouse string literal: backslash and quote escaped, so producer and user text can never end it. */
    static String quote(String value) {
        return "'" + (value == null ? "" : value.replace("\\", "\\\\").replace("'", "\\'")) + "'";
    }

    private static String quoteAll(Collection<String> values) {
        return values.stream().map(AlertQueries::quote).collect(Collectors.joining(", "));
    }

    private static String eventColumns() {
        return "toString(seq), alert_id, toUInt32(at), actor, action, from_state, to_state, comment";
    }

    private static String silenceColumns() {
        return "id, matcher, toUInt32(starts_at), toUInt32(ends_at), created_by, toUInt32(created_at), comment,"
                + " expired_by, toUInt32(expired_at)";
    }

    private static AlertEngine.StoredAlert readAlert(ResultSet rs) throws SQLException {
        AlertView v = new AlertView(rs.getString(1), rs.getString(12), rs.getString(2), rs.getString(3),
                AlertState.of(rs.getString(20)), rs.getString(5), rs.getString(13),
                new Locality(rs.getString(14), rs.getString(15)),
                AlertTables.labels(stringArray(rs, 16), stringArray(rs, 17)), rs.getString(18), rs.getString(4),
                rs.getLong(8), rs.getDouble(9), rs.getLong(22), AlertTables.instant(rs.getLong(11)),
                AlertTables.instant(rs.getLong(23)), AlertTables.instant(rs.getLong(6)), AlertTables.instant(rs.getLong(7)),
                AlertTables.instant(rs.getLong(21)), rs.getString(24), rs.getString(25), AlertTables.instant(rs.getLong(26)),
                rs.getString(27), AlertTables.instant(rs.getLong(28)), rs.getString(29), rs.getInt(30),
                drivers(rs.getString(19)), strings(rs, 10), Long.parseUnsignedLong(rs.getString(34)));
        AlertBookkeeping b = new AlertBookkeeping(rs.getInt(31), AlertTables.instant(rs.getLong(32)), strings(rs, 33));
        return new AlertEngine.StoredAlert(v, b);
    }

    private static AlertDrivers drivers(String json) {
        try {
            return json == null || json.isBlank() ? AlertDrivers.NONE : Json.parse(json, AlertDrivers.class);
        } catch (Json.JsonException e) {
            return AlertDrivers.NONE;
        }
    }

    private static AlertEvent readEvent(ResultSet rs) throws SQLException {
        return new AlertEvent(Long.parseUnsignedLong(rs.getString(1)), rs.getString(2), AlertTables.instant(rs.getLong(3)),
                rs.getString(4), AlertAction.of(rs.getString(5)), AlertState.of(rs.getString(6)), AlertState.of(rs.getString(7)),
                rs.getString(8));
    }

    private static Silence readSilence(ResultSet rs) throws SQLException {
        return new Silence(rs.getString(1), Json.parse(rs.getString(2), AlertMatcher.class),
                AlertTables.instant(rs.getLong(3)), AlertTables.instant(rs.getLong(4)), rs.getString(5),
                AlertTables.instant(rs.getLong(6)), rs.getString(7), rs.getString(8), AlertTables.instant(rs.getLong(9)));
    }

    private static DeliveryRow readDelivery(ResultSet rs) throws SQLException {
        return new DeliveryRow(rs.getString(1), rs.getString(2), strings(rs, 3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11),
                rs.getString(12), AlertTables.instant(rs.getLong(13)), AlertTables.instant(rs.getLong(14)));
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        return List.of(stringArray(rs, column));
    }

    private static String[] stringArray(ResultSet rs, int column) throws SQLException {
        java.sql.Array a = rs.getArray(column);
        if (a == null) return new String[0];
        Object values = a.getArray();
        if (values instanceof String[] s) return s;
        Object[] objects = (Object[]) values;
        String[] out = new String[objects.length];
        for (int i = 0; i < objects.length; i++) out[i] = String.valueOf(objects[i]);
        return out;
    }

    static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
