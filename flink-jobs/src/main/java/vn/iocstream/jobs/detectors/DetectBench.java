package vn.iocstream.jobs.detectors;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Points per second of an {@link AnomalyDetector} on one thread (so: per core), beside the windowed-Gaussian
 * baseline measured in the same run, on the same seeded series: requests per minute with a daily cycle,
 * noise and occasional spikes. Each detector is warmed up first (JIT), then timed over whole passes for at
 * least the requested time; each pass starts a fresh detector, as a new key would. Prints a table; the last
 * line is the headline. Run: {@code ./ioc bench detect}.
 */
public final class DetectBench {
    private DetectBench() {}

    public record Row(String detector, long points, double seconds) {
        public double pointsPerSecond() {
            return points / seconds;
        }
    }

    public record Result(int seriesLength, Row baseline, Row detector) {}

    /** The generated series: one value per minute, a daily cycle, Gaussian noise and a spike every ~2,000 points. */
    public static double[] series(int length, long seed) {
        Random random = new Random(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            double daily = 300 + 200 * Math.sin(2 * Math.PI * (i % 1440) / 1440.0);
            values[i] = daily + random.nextGaussian() * 15 + (random.nextInt(2000) == 0 ? 600 : 0);
        }
        return values;
    }

    public static Result run(double seconds, long seed) {
        double[] values = series(100_000, seed);
        Row baseline = measure("gaussian (baseline)", Detectors.named("gaussian"), values, seconds);
        Row detector = measure(Detectors.DEFAULT, Detectors.named(Detectors.DEFAULT), values, seconds);
        return new Result(values.length, baseline, detector);
    }

    private static Row measure(String name, Supplier<AnomalyDetector> factory, double[] values, double seconds) {
        long start = 60_000L * 60 * 24 * 365 * 51;
        double sink = 0;
        long warmUntil = System.nanoTime() + (long) (Math.min(2, seconds / 2) * 1e9);
        while (System.nanoTime() < warmUntil) sink += pass(factory.get(), values, start);
        long points = 0;
        long t0 = System.nanoTime(), deadline = t0 + (long) (seconds * 1e9);
        do {
            sink += pass(factory.get(), values, start);
            points += values.length;
        } while (System.nanoTime() < deadline);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        if (Double.isNaN(sink)) throw new IllegalStateException("a detector returned NaN");
        return new Row(name, points, elapsed);
    }

    private static double pass(AnomalyDetector d, double[] values, long start) {
        double sum = 0; // consumed so the JIT cannot drop the work
        for (int i = 0; i < values.length; i++) sum += d.score(start + i * 60_000L, values[i]);
        return sum;
    }

    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "series: %,d points per pass (one a minute, daily cycle, noise, spikes), one thread%n", r.seriesLength());
        out.printf(Locale.ROOT, "%-28s %14s %10s %16s%n", "detector", "points", "seconds", "points/s/core");
        for (Row row : new Row[] {r.baseline(), r.detector()}) {
            out.printf(Locale.ROOT, "%-28s %,14d %10.2f %,16.0f%n", row.detector(), row.points(), row.seconds(), row.pointsPerSecond());
        }
        out.printf(Locale.ROOT, "detect %s=%,.0f points/s/core (gaussian baseline %,.0f, ratio %.2f)%n", Detectors.DEFAULT,
                r.detector().pointsPerSecond(), r.baseline().pointsPerSecond(),
                r.detector().pointsPerSecond() / r.baseline().pointsPerSecond());
    }
}
