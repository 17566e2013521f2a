package vn.iocstream.jobs.detectors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/** The anomaly detectors by the names commands use ({@code ./ioc eval nab --detector NAME}). */
public final class Detectors {
    public static final String DEFAULT = "seasonal-likelihood";
    /** NAB's windowed-Gaussian baseline uses a 6,400-point window. */
    public static final int GAUSSIAN_WINDOW = 6400;

    private static final Map<String, Supplier<AnomalyDetector>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put(DEFAULT, SeasonalLikelihoodDetector::new);
        BY_NAME.put("contextual", ContextualDetector::new);
        BY_NAME.put("likelihood-contextual", () -> new MaxDetector(new SeasonalLikelihoodDetector(), new ContextualDetector()));
        BY_NAME.put("gaussian", () -> new WindowedGaussianDetector(GAUSSIAN_WINDOW));
    }

    private Detectors() {}

    public static Iterable<String> names() {
        return BY_NAME.keySet();
    }

    /**
     * The detector's shipped alarm threshold, where it has one (the default detector's is chosen on held-out
     * NAB categories); empty for the baselines.
     */
    public static OptionalDouble alarm(String name) {
        named(name);
        return "default".equals(name) || DEFAULT.equals(name) ? OptionalDouble.of(SeasonalLikelihoodDetector.ALARM) : OptionalDouble.empty();
    }

    /** A factory of fresh instances (one per series); {@code default} is an alias of {@link #DEFAULT}. */
    public static Supplier<AnomalyDetector> named(String name) {
        Supplier<AnomalyDetector> d = BY_NAME.get("default".equals(name) ? DEFAULT : name);
        if (d == null) throw new IllegalArgumentException("unknown detector: " + name + " (known: default, " + String.join(", ", BY_NAME.keySet()) + ")");
        return d;
    }
}
