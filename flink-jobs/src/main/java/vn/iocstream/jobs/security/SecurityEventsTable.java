package vn.iocstream.jobs.security;

import java.util.List;
import vn.iocstream.core.clickhouse.TabSeparated;
import vn.iocstream.core.clickhouse.TsvRow;

/** Row mapping of ClickHouse {@code security_events} (V005__security_events.sql). */
public final class SecurityEventsTable implements TsvRow<SecurityEvent> {
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

    @Override public void write(TabSeparated out, SecurityEvent e) {
        out.string(e.id()).dateTime(e.time()).string(e.format()).string(e.kind()).string(e.source()).string(e.sensor())
                .string(e.srcIp()).number(port(e.srcPort())).string(e.dstIp()).number(port(e.dstPort()))
                .string(e.proto()).string(e.user()).string(e.action()).string(e.outcome()).string(e.method())
                .string(e.path()).number(Math.max(0, Math.min(65535, e.status()))).string(e.signature())
                .string(e.severity()).number(e.repeat())
                .string(e.raw().length() > MAX_RAW ? e.raw().substring(0, MAX_RAW) : e.raw());
    }

    private static int port(int p) {
        return p < 0 || p > 65535 ? 0 : p;
    }
}
