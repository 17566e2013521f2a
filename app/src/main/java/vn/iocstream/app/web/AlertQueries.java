package vn.iocstream.app.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.iocstream.app.access.AuditLog;
import vn.iocstream.app.access.ScopeSql;
import vn.iocstream.app.access.Sql;
import vn.iocstream.core.clickhouse.ClickHouseClient;

/**
 * Alerts as the control room shows them, read from ClickHouse (so a restart lists what the store holds), always
 * through the reader's scope. The state (open, acknowledged, resolved) is the last acknowledge/resolve/reopen
 * action in {@code audit_log}; the assignee the last assignment.
 */
final class AlertQueries {
    static final List<String> STATES = List.of("open", "acknowledged", "resolved");
    private static final String STATE_ACTIONS = "('alert.ack', 'alert.resolve', 'alert.reopen')";
    private static final int MAX_LIST = 500;

    /** Filters of the alert list; null fields do not restrict. {@code locality} narrows within the scope. */
    record Filter(String state, String kind, String severity, ScopeSql locality, Instant from, Instant to, int limit) {}

    private final ClickHouseClient clickHouse;
    private final AuditLog audit;

    AlertQueries(ClickHouseClient clickHouse, AuditLog audit) {
        this.clickHouse = clickHouse;
        this.audit = audit;
    }

    List<Map<String, Object>> list(ScopeSql scope, Filter f) {
        List<String> where = new ArrayList<>();
        where.add(scope.alerts());
        if (f.locality() != null) where.add(f.locality().alerts());
        if (f.kind() != null) where.add("position(rule, " + Sql.quote(f.kind()) + ") = 1"); // a kind or its family prefix
        if (f.severity() != null) where.add("severity = " + Sql.quote(f.severity()));
        if (f.from() != null) where.add("created_at >= toDateTime(" + f.from().getEpochSecond() + ")");
        if (f.to() != null) where.add("created_at < toDateTime(" + f.to().getEpochSecond() + ")");
        if (f.state() != null) {
            String last = "SELECT target FROM audit_log WHERE action IN " + STATE_ACTIONS + " GROUP BY target HAVING argMax(action, nanos) = ";
            where.add(switch (f.state()) {
                case "acknowledged" -> "id IN (" + last + "'alert.ack')";
                case "resolved" -> "id IN (" + last + "'alert.resolve')";
                default -> "id NOT IN (" + last.replace("HAVING argMax(action, nanos) = ", "HAVING argMax(action, nanos) IN ") + "('alert.ack', 'alert.resolve'))";
            });
        }
        int limit = Math.max(1, Math.min(f.limit(), MAX_LIST));
        List<Map<String, Object>> rows = clickHouse.query("SELECT id, rule, severity, key, title, toUnixTimestamp(window_start), "
                + "toUnixTimestamp(window_end), count, baseline, toUnixTimestamp(created_at), post_ids FROM alerts FINAL WHERE "
                + String.join(" AND ", where) + " ORDER BY created_at DESC, id LIMIT " + limit, AlertQueries::row);
        addState(rows);
        return rows;
    }

    /** The alert with this id if the scope covers it. */
    Optional<Map<String, Object>> get(ScopeSql scope, String id) {
        List<Map<String, Object>> rows = clickHouse.query("SELECT id, rule, severity, key, title, toUnixTimestamp(window_start), "
                + "toUnixTimestamp(window_end), count, baseline, toUnixTimestamp(created_at), post_ids FROM alerts FINAL WHERE id = "
                + Sql.quote(id) + " AND " + scope.alerts() + " LIMIT 1", AlertQueries::row);
        addState(rows);
        return rows.stream().findFirst();
    }

    /** The alert's history: every action on it, oldest first. */
    List<Map<String, Object>> history(String id) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AuditLog.Entry e : audit.about(id)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", e.time().toString());
            m.put("actor", e.actor());
            m.put("role", e.role());
            m.put("action", e.action());
            m.put("comment", e.detail());
            out.add(m);
        }
        return out;
    }

    private void addState(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) return;
        String ids = Sql.list(rows.stream().map(r -> (String) r.get("id")).toList());
        Map<String, String> states = new LinkedHashMap<>();
        clickHouse.query("SELECT target, argMax(action, nanos) FROM audit_log WHERE action IN " + STATE_ACTIONS + " AND target IN "
                + ids + " GROUP BY target", rs -> states.put(rs.getString(1), rs.getString(2)));
        Map<String, String> assignees = new LinkedHashMap<>();
        clickHouse.query("SELECT target, argMax(detail, nanos) FROM audit_log WHERE action = 'alert.assign' AND target IN "
                + ids + " GROUP BY target", rs -> assignees.put(rs.getString(1), rs.getString(2)));
        for (Map<String, Object> r : rows) {
            String last = states.get(r.get("id"));
            r.put("state", "alert.ack".equals(last) ? "acknowledged" : "alert.resolve".equals(last) ? "resolved" : "open");
            r.put("assignee", assignees.getOrDefault(r.get("id"), ""));
        }
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getString(1));
        m.put("kind", rs.getString(2));
        m.put("severity", rs.getString(3));
        m.put("key", rs.getString(4));
        m.put("title", rs.getString(5));
        m.put("windowStart", Instant.ofEpochSecond(rs.getLong(6)).toString());
        m.put("windowEnd", Instant.ofEpochSecond(rs.getLong(7)).toString());
        m.put("count", rs.getLong(8));
        m.put("baseline", rs.getDouble(9));
        m.put("createdAt", Instant.ofEpochSecond(rs.getLong(10)).toString());
        m.put("evidenceIds", evidence(rs.getArray(11)));
        m.put("locality", locality(rs.getString(2), rs.getString(4)));
        return m;
    }

    /** Where the alert is, in words, as far as the alert itself says (report clusters: the commune key). */
    private static String locality(String rule, String key) {
        if (ScopeSql.REPORT_CLUSTER.equals(rule)) {
            String[] p = key.split("\\|");
            return p.length >= 2 ? p[0] + ", " + p[1] : "";
        }
        return "";
    }

    private static List<String> evidence(java.sql.Array a) throws SQLException {
        if (a == null) return List.of();
        Object v = a.getArray();
        if (v instanceof String[] s) return Arrays.asList(s);
        if (v instanceof Object[] o) return Arrays.stream(o).map(String::valueOf).collect(Collectors.toList());
        return List.of();
    }
}
