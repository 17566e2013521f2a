package vn.iocstream.alerts;

import static vn.iocstream.core.clickhouse.ClickHouseClient.dateTime;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.TableRow;

/**
 * The {@code alert_deliveries} table: one row per (alert, channel), the row with the most attempts wins
 * (ReplacingMergeTree(attempts)). It is what makes delivery at-most-once across restarts and replays.
 */
final class DeliveryLog {
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    /** One outcome; {@code attempts} is cumulative over every time the alert was seen, see {@link AlertService}. */
    record Delivery(String alertId, String channel, String status, long attempts, String detail, Instant updatedAt) {
        boolean delivered() {
            return DELIVERED.equals(status);
        }
    }

    private static final TableRow<Delivery> TABLE = new TableRow<>() {
        @Override public String table() { return "alert_deliveries"; }

        @Override public List<String> columns() {
            return List.of("alert_id", "channel", "status", "attempts", "detail", "updated_at");
        }

        @Override public void bind(PreparedStatement ps, Delivery d) throws SQLException {
            ps.setString(1, d.alertId());
            ps.setString(2, d.channel());
            ps.setString(3, d.status());
            ps.setLong(4, d.attempts());
            ps.setString(5, d.detail());
            ps.setString(6, dateTime(d.updatedAt()));
        }
    };

    private final ClickHouseClient clickHouse;

    DeliveryLog(ClickHouseClient clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** The latest outcome per channel for one alert; FINAL so that unmerged older rows are not seen. */
    Map<String, Delivery> outcomes(String alertId) {
        return clickHouse.query("SELECT channel, status, attempts, detail, toString(updated_at)"
                        + " FROM alert_deliveries FINAL WHERE alert_id = " + quote(alertId),
                        rs -> new Delivery(alertId, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                ClickHouseClient.instant(rs.getString(5))))
                .stream()
                .collect(Collectors.toMap(Delivery::channel, Function.identity()));
    }

    void record(Delivery delivery) {
        clickHouse.insert(TABLE, List.of(delivery));
    }

    /** A ClickHouse string literal: ids come from producers, so they are escaped, never trusted. */
    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
