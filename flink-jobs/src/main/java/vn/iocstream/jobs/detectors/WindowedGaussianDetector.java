package vn.iocstream.jobs.detectors;

/**
 * The weak baseline of the Numenta Anomaly Benchmark: a point's score is the Gaussian tail probability of
 * its value under the mean and standard deviation of the last {@code window} points. Kept as the
 * reference that stronger detectors are measured against, in the same run.
 */
public final class WindowedGaussianDetector implements AnomalyDetector {
    private static final long serialVersionUID = 1L;

    private final double[] ring;
    private int size;
    private int next;
    private double sum;
    private double sumSquares;

    public WindowedGaussianDetector(int window) {
        if (window < 2) throw new IllegalArgumentException("window must be at least 2, was " + window);
        this.ring = new double[window];
    }

    @Override
    public double score(long epochMillis, double value) {
        double score = 0;
        if (size >= 2) {
            double mean = sum / size;
            double variance = Math.max(0, sumSquares / size - mean * mean);
            double sd = Math.sqrt(variance);
            score = sd == 0 ? (value == mean ? 0 : 1) : 1 - 2 * upperTail(Math.abs(value - mean) / sd);
        }
        if (size == ring.length) {
            sum -= ring[next];
            sumSquares -= ring[next] * ring[next];
        } else {
            size++;
        }
        ring[next] = value;
        sum += value;
        sumSquares += value * value;
        next = (next + 1) % ring.length;
        return Math.max(0, Math.min(1, score));
    }

    /** P(Z > z) for a standard normal Z (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
    static double upperTail(double z) {
        double t = 1 / (1 + 0.3275911 * z / Math.sqrt(2));
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return 0.5 * poly * Math.exp(-z * z / 2);
    }
}
