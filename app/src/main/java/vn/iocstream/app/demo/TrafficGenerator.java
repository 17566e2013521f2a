package vn.iocstream.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import vn.iocstream.core.model.TrafficReading;

/**
 * Sensor readings for road segments around Biên Hòa and Thủ Đức, with the daily shape of real traffic: two
 * rush hours (7–8 h and 17–18 h, Vietnam time) that slow urban roads more than the expressway, busy days and
 * empty nights, noise, and injectable incidents (a crash: speed collapses, the detector stays occupied,
 * fewer vehicles get through). Same seed, same readings.
 *
 * <p>Why this shape: the congestion rule compares each minute to the segment's usual speed for that hour, so
 * the usual must vary by hour (rush hour is not an incident); sensors are not synchronised (each segment
 * reports at its own phase within the interval) and drop a reading now and then, as loop detectors do.
 */
public final class TrafficGenerator {
    /** A monitored road segment: free-flow speed, vehicles per minute at the busiest, how much rush hour slows it. */
    public record Segment(String id, String name, double freeFlowKmh, double peakVehiclesPerMinute, double rushSlowdown) {}

    /** A crash or blockage on one segment: speed falls to {@code speedFactor} of normal over its duration. */
    public record Incident(String segmentId, Instant start, Duration duration, double speedFactor) {}

    public static final List<Segment> SEGMENTS = List.of(
            new Segment("ql1a-bien-hoa", "QL1A đoạn qua Biên Hòa (Đồng Nai)", 60, 90, 0.45),
            new Segment("ql51-long-thanh", "QL51 đoạn qua Long Thành", 65, 70, 0.40),
            new Segment("ct-hcm-lt-dg", "Cao tốc TP.HCM – Long Thành – Dầu Giây", 100, 110, 0.25),
            new Segment("pham-van-dong", "Đường Phạm Văn Đồng (TP.HCM)", 55, 100, 0.50),
            new Segment("xa-lo-ha-noi", "Xa lộ Hà Nội đoạn qua Thủ Đức", 60, 120, 0.45),
            new Segment("ql13-thu-dau-mot", "QL13 đoạn qua Thủ Dầu Một", 50, 80, 0.45),
            new Segment("ql22-cu-chi", "QL22 đoạn qua Củ Chi", 55, 60, 0.35),
            new Segment("dt741-dong-xoai", "ĐT741 đoạn qua Đồng Xoài", 60, 40, 0.30));

    /** Chance that a sensor misses one interval. */
    static final double DROPOUT = 0.01;
    /** Speed noise, as a share of the expected speed (one standard deviation). */
    static final double SPEED_NOISE = 0.06;
    private static final long HOUR_MS = 3_600_000L;

    private final long seed;
    private final Duration interval;

    /** @param interval time between two readings of one segment */
    public TrafficGenerator(long seed, Duration interval) {
        this.seed = seed;
        this.interval = interval;
    }

    /** Every segment's readings in [from, to), ordered by time (ties by segment). */
    public List<TrafficReading> readings(Instant from, Instant to, List<Incident> incidents) {
        List<TrafficReading> out = new ArrayList<>();
        long step = interval.toMillis();
        for (int s = 0; s < SEGMENTS.size(); s++) {
            Segment segment = SEGMENTS.get(s);
            long phase = Math.floorMod(segment.id().hashCode(), step / 1000) * 1000L;
            long first = Math.floorDiv(from.toEpochMilli() - phase + step - 1, step) * step + phase;
            for (long t = first; t < to.toEpochMilli(); t += step) {
                // Noise from (seed, segment, time): a reading is the same whichever window asks for it.
                Random random = new Random(seed * 31 + segment.id().hashCode() * 1_000_003L + t);
                if (random.nextDouble() < DROPOUT) continue;
                out.add(reading(segment, t, random, incidents));
            }
        }
        out.sort(Comparator.comparing(TrafficReading::time).thenComparing(TrafficReading::segmentId));
        return out;
    }

    private TrafficReading reading(Segment s, long t, Random random, List<Incident> incidents) {
        double hour = Math.floorMod(t + 7 * HOUR_MS, 24 * HOUR_MS) / (double) HOUR_MS;
        double rush = Math.max(bump(hour, 7.5, 0.9), bump(hour, 17.5, 1.0));
        double demand = 0.08 + 0.92 * Math.max(rush, daytime(hour));
        double speed = s.freeFlowKmh() * (1 - s.rushSlowdown() * rush) * (1 + SPEED_NOISE * random.nextGaussian());
        double volume = s.peakVehiclesPerMinute() * demand * (1 + 0.1 * random.nextGaussian());
        double occupancy = 0.04 + 0.45 * demand * (1 - speed / s.freeFlowKmh() / 2);
        double factor = incidentFactor(s.id(), t, incidents);
        if (factor < 1) {
            speed *= factor;
            volume *= 0.3 + 0.7 * factor; // vehicles queue: few get past the sensor
            occupancy = Math.max(occupancy, 0.9 - 0.5 * factor);
        }
        double minutes = interval.toMillis() / 60_000.0;
        return new TrafficReading(s.id(), Instant.ofEpochMilli(t), round(clamp(speed, 2, 130)),
                Math.max(0, Math.round(volume * minutes)), round(clamp(occupancy, 0, 1)));
    }

    /** 1 at the peak, falling off as a Gaussian of width {@code sd} hours. */
    private static double bump(double hour, double peak, double sd) {
        double d = (hour - peak) / sd;
        return Math.exp(-d * d / 2);
    }

    /** Daytime activity: low at night, a plateau from 9 h to 16 h. */
    private static double daytime(double hour) {
        return hour < 5 || hour > 22 ? 0 : hour < 9 ? (hour - 5) / 4 * 0.6 : hour <= 19 ? 0.6 : 0.6 * (22 - hour) / 3;
    }

    /** The worst incident's speed factor at t: a ramp down over 2 minutes, the full drop, then recovery. */
    private static double incidentFactor(String segment, long t, List<Incident> incidents) {
        double factor = 1;
        for (Incident i : incidents) {
            if (!i.segmentId().equals(segment)) continue;
            long from = i.start().toEpochMilli();
            long to = from + i.duration().toMillis();
            if (t < from || t >= to) continue;
            double ramp = Math.min(1, (t - from) / 120_000.0);
            factor = Math.min(factor, 1 - (1 - i.speedFactor()) * Math.max(ramp, 0.5));
        }
        return factor;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
