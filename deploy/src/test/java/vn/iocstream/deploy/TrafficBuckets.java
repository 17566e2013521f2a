package vn.iocstream.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.model.TrafficReading;

/** What {@code traffic_stats} must hold for a set of readings (one-minute buckets, the shipped default): the average speeds. */
final class TrafficBuckets {
    private TrafficBuckets() {}

    /** "segment@bucket start (epoch s)" → average speed of the distinct readings in it. */
    static Map<String, Double> averageSpeeds(List<TrafficReading> readings) {
        return readings.stream().distinct().collect(Collectors.groupingBy(
                r -> r.segmentId() + "@" + Math.floorDiv(r.time().getEpochSecond(), 60) * 60, TreeMap::new,
                Collectors.averagingDouble(TrafficReading::speedKmh)));
    }

    /** The same, as stored (FINAL: one row per segment and bucket). */
    static Map<String, Double> stored(ClickHouseClient ch) {
        Map<String, Double> out = new TreeMap<>();
        for (String[] row : ch.query("SELECT segment_id, toUInt32(bucket_start), avg_speed FROM traffic_stats FINAL",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            out.put(row[0] + "@" + row[1], Double.parseDouble(row[2]));
        }
        return out;
    }
}
