package vn.iocstream.jobs.traffic;

import java.util.List;
import vn.iocstream.jobs.detectors.AnomalyDetector;
import vn.iocstream.jobs.detectors.WindowedGaussianDetector;

/** The anomaly detectors TrafficJob can run on a segment's speed, by their name in {@code traffic.detector}. */
public final class SpeedDetectors {
    public static final String WINDOWED_GAUSSIAN = "windowed-gaussian";
    public static final List<String> NAMES = List.of(WINDOWED_GAUSSIAN);
    /** A day of one-minute buckets: the Gaussian then judges a point against the whole daily cycle. */
    static final int GAUSSIAN_WINDOW = 1440;

    private SpeedDetectors() {}

    /** A fresh detector for one segment; called once per key, so the name is checked at job start too. */
    public static AnomalyDetector create(String name) {
        if (WINDOWED_GAUSSIAN.equals(name)) return new WindowedGaussianDetector(GAUSSIAN_WINDOW);
        throw new IllegalArgumentException("traffic.detector: unknown detector '" + name + "', known: " + NAMES);
    }
}
