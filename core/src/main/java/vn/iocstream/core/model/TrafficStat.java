package vn.iocstream.core.model;

import java.time.Instant;

/**
 * One road segment over one event-time bucket; ClickHouse {@code traffic_stats}.
 *
 * @param readings      sensor readings in the bucket
 * @param avgSpeedKmh   mean of the readings' speeds
 * @param volume        vehicles, summed over the readings
 * @param avgOccupancy  mean occupancy, 0..1
 * @param anomalyScore  the speed detector's score for this bucket, 0..1
 * @param usualSpeedKmh the segment's usual speed at this hour of day, or 0 while it has no baseline yet
 * @param congested     inside a confirmed congestion episode
 */
public record TrafficStat(String segmentId, Instant bucketStart, int bucketSeconds, long readings, double avgSpeedKmh,
                          long volume, double avgOccupancy, double anomalyScore, double usualSpeedKmh, boolean congested) {
    /** The id an alert cites as evidence for a bucket: segment and bucket start, the row's key. */
    public static String evidenceId(String segmentId, Instant bucketStart) {
        return segmentId + "@" + bucketStart;
    }

    public TrafficStat scored(double score, double usual, boolean inCongestion) {
        return new TrafficStat(segmentId, bucketStart, bucketSeconds, readings, avgSpeedKmh, volume, avgOccupancy,
                score, usual, inCongestion);
    }
}
