package vn.iocstream.crawlers.health;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.TableRow;

/** Row mapping of {@code source_health} (V008); "never" is written as the epoch, as the table documents. */
public final class SourceHealthTable implements TableRow<SourceHealth> {
    public static final SourceHealthTable INSTANCE = new SourceHealthTable();
    private static final long serialVersionUID = 1L;

    private SourceHealthTable() {}

    @Override
    public String table() {
        return "source_health";
    }

    @Override
    public List<String> columns() {
        return List.of("source", "outlet", "url", "interval_seconds", "last_attempt", "last_success", "last_new_item",
                "consecutive_errors", "total_errors", "attempts", "new_items", "status", "updated_at");
    }

    @Override
    public void bind(PreparedStatement ps, SourceHealth h) throws SQLException {
        ps.setString(1, h.source());
        ps.setString(2, h.outlet() == null ? "" : h.outlet());
        ps.setString(3, h.url() == null ? "" : h.url());
        ps.setLong(4, h.intervalSeconds());
        ps.setString(5, time(h.lastAttempt()));
        ps.setString(6, time(h.lastSuccess()));
        ps.setString(7, time(h.lastNewItem()));
        ps.setLong(8, h.consecutiveErrors());
        ps.setLong(9, h.totalErrors());
        ps.setLong(10, h.attempts());
        ps.setLong(11, h.newItems());
        ps.setString(12, h.status());
        ps.setString(13, time(h.updatedAt()));
    }

    private static String time(Instant t) {
        return ClickHouseClient.dateTime(t == null ? Instant.EPOCH : t);
    }
}
