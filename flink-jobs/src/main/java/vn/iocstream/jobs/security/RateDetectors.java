package vn.iocstream.jobs.security;

import vn.iocstream.jobs.detectors.AnomalyDetector;
import vn.iocstream.jobs.detectors.WindowedGaussianDetector;

/** The anomaly detectors a rate rule can name in configuration. */
public final class RateDetectors {
    private RateDetectors() {}

    /**
     * @param name   {@code windowed-gaussian}
     * @param window points of history the detector keeps
     * @throws IllegalArgumentException for an unknown name (reported when the job is built, not on first event)
     */
    public static AnomalyDetector create(String name, int window) {
        return switch (name) {
            case "windowed-gaussian" -> new WindowedGaussianDetector(window);
            default -> throw new IllegalArgumentException("unknown anomaly detector: " + name + " (known: windowed-gaussian)");
        };
    }
}
