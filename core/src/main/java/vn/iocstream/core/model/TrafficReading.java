package vn.iocstream.core.model;

import java.time.Instant;
import vn.iocstream.core.Ids;
import vn.iocstream.core.validation.RecordLimits;

/**
 * One reading of a road-segment sensor (loop detector, camera counter, probe-vehicle feed) on
 * {@code ioc.raw.traffic}.
 *
 * @param segmentId  stable id of the road segment, e.g. {@code ql1a-bien-hoa}
 * @param time       event time: end of the sensor's measuring interval
 * @param speedKmh   mean speed over the interval, km/h
 * @param volume     vehicles counted over the interval
 * @param occupancy  share of the interval the detector was occupied, 0..1
 */
public record TrafficReading(String segmentId, Instant time, Double speedKmh, Long volume, Double occupancy) {
    /** Sensors report garbage when they fail (negative speeds, 250 km/h, occupancy 3); such a reading is refused. */
    static final double MAX_SPEED_KMH = 200;
    /** Far above any lane group's count in one interval; a larger number is a counter fault (and would overflow sums). */
    static final long MAX_VOLUME = 1_000_000;

    /**
     * The reading's identity: a hash of every field. Readings carry no id of their own, and a feed may deliver one
     * twice (a tailer that crashed between Kafka's acknowledgement and its checkpoint sends its last batch again);
     * TrafficJob counts a reading once per id. Two readings of one segment identical in every field, time included,
     * are therefore one reading.
     */
    public String id() {
        return Ids.of(segmentId, String.valueOf(time), String.valueOf(speedKmh), String.valueOf(volume), String.valueOf(occupancy));
    }

    /** Why this reading cannot be used (a missing field, an impossible value, a time outside {@code limits}), or null. */
    public String problem(RecordLimits limits, Instant now) {
        if (segmentId == null || segmentId.isBlank()) return "missing field: segmentId";
        String bounded = RecordLimits.first(limits.field("segmentId", segmentId), limits.time("time", time, now));
        if (bounded != null) return bounded;
        if (speedKmh == null) return "missing field: speedKmh";
        if (volume == null) return "missing field: volume";
        if (occupancy == null) return "missing field: occupancy";
        if (!(speedKmh >= 0 && speedKmh <= MAX_SPEED_KMH)) return "speedKmh out of range [0, 200]: " + speedKmh;
        if (volume < 0 || volume > MAX_VOLUME) return "volume out of range [0, " + MAX_VOLUME + "]: " + volume;
        if (!(occupancy >= 0 && occupancy <= 1)) return "occupancy out of range [0, 1]: " + occupancy;
        return null;
    }
}
