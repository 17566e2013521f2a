package vn.iocstream.app.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.iocstream.core.clickhouse.ClickHouseClient;

/** Writes and reads the {@code audit_log} table (one row per login, failed login, logout and action). */
public final class AuditLog {
    /**
     * @param action  e.g. {@code login}, {@code login-failed}, {@code logout}, {@code alert.ack}
     * @param target  what was acted on (an alert id), or ""
     * @param outcome {@code ok}, or why it was refused ({@code bad-password}, {@code locked}, …)
     */
    public record Entry(Instant time, String actor, String role, String action, String target, String outcome,
                        String detail, String address) {}

    private final ClickHouseClient clickHouse;
    private final Clock clock;

    public AuditLog(ClickHouseClient clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    public Entry record(String actor, String role, String action, String target, String outcome, String detail, String address) {
        Instant now = clock.instant();
        Entry e = new Entry(now, actor, role, action, target, outcome, detail == null ? "" : detail, address == null ? "" : address);
        String sql = "INSERT INTO audit_log (time, nanos, actor, role, action, target, outcome, detail, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = clickHouse.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ClickHouseClient.dateTime(now));
            ps.setLong(2, now.getEpochSecond() * 1_000_000_000L + now.getNano());
            ps.setString(3, actor);
            ps.setString(4, role);
            ps.setString(5, action);
            ps.setString(6, target);
            ps.setString(7, outcome);
            ps.setString(8, e.detail());
            ps.setString(9, e.address());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new ClickHouseClient.ClickHouseException("audit write failed: " + ex.getMessage(), ex);
        }
        return e;
    }

    /** Entries about one target (an alert's history), oldest first. */
    public List<Entry> about(String target) {
        return read("target = " + Sql.quote(target), "nanos ASC", 500);
    }

    /** The newest entries matching a condition over the table's columns. */
    public List<Entry> read(String where, String order, int limit) {
        return clickHouse.query("SELECT toUnixTimestamp(time), nanos, actor, role, action, target, outcome, detail, address FROM audit_log WHERE "
                + where + " ORDER BY " + order + " LIMIT " + limit, rs -> new Entry(
                Instant.ofEpochSecond(rs.getLong(2) / 1_000_000_000L, rs.getLong(2) % 1_000_000_000L),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
    }

}
