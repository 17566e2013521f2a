package vn.iocstream.core.clickhouse;

import static vn.iocstream.core.clickhouse.ClickHouseClient.dateTime;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import vn.iocstream.core.model.AnalysedReport;
import vn.iocstream.core.model.TrafficStat;

/** Row mappings of the traffic and citizen-report tables ({@code V007__traffic_reports.sql}). */
public final class TrafficTables {
    private TrafficTables() {}

    public static final TableRow<TrafficStat> TRAFFIC_STATS = new TableRow<>() {
        @Override public String table() { return "traffic_stats"; }

        @Override public List<String> columns() {
            return List.of("segment_id", "bucket_start", "bucket_seconds", "readings", "avg_speed", "volume",
                    "avg_occupancy", "anomaly_score", "usual_speed", "congested");
        }

        @Override public void bind(PreparedStatement ps, TrafficStat s) throws SQLException {
            ps.setString(1, s.segmentId());
            ps.setString(2, dateTime(s.bucketStart()));
            ps.setInt(3, s.bucketSeconds());
            ps.setLong(4, s.readings());
            ps.setDouble(5, s.avgSpeedKmh());
            ps.setLong(6, s.volume());
            ps.setDouble(7, s.avgOccupancy());
            ps.setDouble(8, s.anomalyScore());
            ps.setDouble(9, s.usualSpeedKmh());
            ps.setInt(10, s.congested() ? 1 : 0);
        }
    };

    public static final TableRow<AnalysedReport> CITIZEN_REPORTS = new TableRow<>() {
        @Override public String table() { return "citizen_reports"; }

        @Override public List<String> columns() {
            return List.of("id", "reported_at", "channel", "category", "topic", "text", "commune_key", "commune",
                    "province", "province_written", "lat", "lon", "places", "keywords", "sentiment", "score",
                    "cluster_id", "version");
        }

        @Override public void bind(PreparedStatement ps, AnalysedReport r) throws SQLException {
            ps.setString(1, r.id());
            ps.setString(2, dateTime(r.time()));
            ps.setString(3, nonNull(r.channel()));
            ps.setString(4, nonNull(r.category()));
            ps.setString(5, r.topic());
            ps.setString(6, nonNull(r.text()));
            ps.setString(7, r.communeKey());
            ps.setString(8, nonNull(r.commune()));
            ps.setString(9, nonNull(r.province()));
            ps.setString(10, nonNull(r.provinceWritten()));
            if (r.lat() == null) ps.setNull(11, Types.DOUBLE); else ps.setDouble(11, r.lat());
            if (r.lon() == null) ps.setNull(12, Types.DOUBLE); else ps.setDouble(12, r.lon());
            ps.setArray(13, strings(ps, r.places()));
            ps.setArray(14, strings(ps, r.keywords()));
            ps.setString(15, r.sentiment());
            ps.setDouble(16, r.score());
            ps.setString(17, r.clusterId());
            // The clustered copy of a report must win over the copy written before its cluster formed.
            ps.setInt(18, r.clusterId().isEmpty() ? 0 : 1);
        }
    };

    private static java.sql.Array strings(PreparedStatement ps, List<String> values) throws SQLException {
        // The driver writes a null element as an unquoted NULL, which Array(String) rejects.
        return ps.getConnection().createArrayOf("String", values.stream().map(TrafficTables::nonNull).toArray());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
