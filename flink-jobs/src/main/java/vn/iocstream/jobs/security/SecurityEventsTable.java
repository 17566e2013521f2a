package vn.iocstream.jobs.security;

import static vn.iocstream.core.clickhouse.ClickHouseClient.dateTime;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import vn.iocstream.core.clickhouse.TableRow;

/** Row mapping of ClickHouse {@code security_events} (V005__security_events.sql). */
public final class SecurityEventsTable implements TableRow<SecurityEvent> {
    private static final long serialVersionUID = 1L;
    public static final SecurityEventsTable INSTANCE = new SecurityEventsTable();
    /** Longer raw lines are cut: the table is for drilling down, the full bytes stay in the logs. */
    static final int MAX_RAW = 4000;

    private SecurityEventsTable() {}

    @Override public String table() { return "security_events"; }

    @Override public List<String> columns() {
        return List.of("id", "time", "format", "kind", "source", "sensor", "src_ip", "src_port", "dst_ip", "dst_port",
                "proto", "user_name", "action", "outcome", "method", "path", "status", "signature", "severity", "repeat", "raw");
    }

    @Override public void bind(PreparedStatement ps, SecurityEvent e) throws SQLException {
        ps.setString(1, e.id());
        ps.setString(2, dateTime(e.time()));
        ps.setString(3, e.format());
        ps.setString(4, e.kind());
        ps.setString(5, e.source());
        ps.setString(6, e.sensor());
        ps.setString(7, e.srcIp());
        ps.setInt(8, port(e.srcPort()));
        ps.setString(9, e.dstIp());
        ps.setInt(10, port(e.dstPort()));
        ps.setString(11, e.proto());
        ps.setString(12, e.user());
        ps.setString(13, e.action());
        ps.setString(14, e.outcome());
        ps.setString(15, e.method());
        ps.setString(16, e.path());
        ps.setInt(17, Math.max(0, Math.min(65535, e.status())));
        ps.setString(18, e.signature());
        ps.setString(19, e.severity());
        ps.setLong(20, e.repeat());
        ps.setString(21, e.raw().length() > MAX_RAW ? e.raw().substring(0, MAX_RAW) : e.raw());
    }

    private static int port(int p) {
        return p < 0 || p > 65535 ? 0 : p;
    }
}
