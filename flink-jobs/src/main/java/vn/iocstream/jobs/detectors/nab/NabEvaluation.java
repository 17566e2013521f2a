package vn.iocstream.jobs.detectors.nab;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import vn.iocstream.jobs.detectors.AnomalyDetector;

/**
 * Runs a detector over a NAB corpus (a fresh instance per file, points in time order) and scores it with
 * {@link NabScorer} under every profile. Prints per-category and total scores; the last line is the
 * headline {@code nab standard=… reward_low_FP=… reward_low_FN=…}.
 */
public final class NabEvaluation {
    private NabEvaluation() {}

    /** One profile's outcome: the corpus threshold, each file's score at it, and the normalised totals. */
    public record ProfileResult(NabProfile profile, double threshold, List<NabScorer.FileScore> files,
                                Map<String, Double> byCategory, double total) {}

    /**
     * @param fixedThreshold the detector's shipped alarm threshold, or NaN when it has none
     * @param fixed          per profile, the normalised total at {@code fixedThreshold} (no optimisation)
     */
    public record Result(String detector, List<NabSeries> series, List<ProfileResult> profiles, double fixedThreshold,
                         double[] fixed) {
        public ProfileResult profile(String name) {
            return profiles.stream().filter(p -> p.profile().name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no profile " + name));
        }
    }

    /** The detector's scores for every row of every series. */
    public static List<double[]> run(NabCorpus corpus, Supplier<? extends AnomalyDetector> detector, PrintStream progress) {
        List<double[]> out = new ArrayList<>();
        int done = 0;
        for (NabSeries s : corpus.series()) {
            AnomalyDetector d = detector.get();
            double[] scores = new double[s.size()];
            for (int i = 0; i < scores.length; i++) scores[i] = d.score(s.epochMillis()[i], s.values()[i]);
            out.add(scores);
            if (progress != null) progress.printf(Locale.ROOT, "scored %d/%d %s%n", ++done, corpus.series().size(), s.name());
        }
        return out;
    }

    public static Result evaluate(String detector, NabCorpus corpus, List<double[]> scores) {
        return evaluate(detector, corpus, scores, Double.NaN);
    }

    /** @param fixedThreshold also scored at this threshold, as a product alarms (NaN: not) */
    public static Result evaluate(String detector, NabCorpus corpus, List<double[]> scores, double fixedThreshold) {
        List<NabSeries> series = corpus.series();
        double[] fixed = new double[corpus.profiles().size()];
        int allWindows = 0, allCounted = 0;
        for (NabSeries s : series) {
            allWindows += s.windows().length;
            allCounted += s.countedWindows();
        }
        for (int p = 0; p < fixed.length && !Double.isNaN(fixedThreshold); p++) {
            double raw = 0;
            for (int f = 0; f < series.size(); f++) raw += NabScorer.score(series.get(f), scores.get(f), fixedThreshold, corpus.profiles().get(p)).raw();
            fixed[p] = NabScorer.normalise(raw, allWindows, allCounted, corpus.profiles().get(p));
        }
        List<ProfileResult> results = new ArrayList<>();
        for (NabProfile p : corpus.profiles()) {
            double threshold = NabScorer.optimise(series, scores, p).threshold();
            List<NabScorer.FileScore> files = new ArrayList<>();
            for (int f = 0; f < series.size(); f++) files.add(NabScorer.score(series.get(f), scores.get(f), threshold, p));
            Map<String, double[]> sums = new LinkedHashMap<>(); // category → raw, windows, counted
            double raw = 0;
            int windows = 0, counted = 0;
            for (int f = 0; f < series.size(); f++) {
                NabSeries s = series.get(f);
                double[] sum = sums.computeIfAbsent(s.category(), c -> new double[3]);
                sum[0] += files.get(f).raw();
                sum[1] += s.windows().length;
                sum[2] += s.countedWindows();
                raw += files.get(f).raw();
                windows += s.windows().length;
                counted += s.countedWindows();
            }
            Map<String, Double> byCategory = new LinkedHashMap<>();
            sums.forEach((c, sum) -> byCategory.put(c, NabScorer.normalise(sum[0], (int) sum[1], (int) sum[2], p)));
            results.add(new ProfileResult(p, threshold, files, byCategory, NabScorer.normalise(raw, windows, counted, p)));
        }
        return new Result(detector, series, results, fixedThreshold, fixed);
    }

    /**
     * @param baseline scored in the same run and shown above the headline for comparison, or null
     */
    public static void print(Result r, Result baseline, PrintStream out) {
        int windows = r.series().stream().mapToInt(s -> s.windows().length).sum();
        long rows = r.series().stream().mapToLong(NabSeries::size).sum();
        out.printf(Locale.ROOT, "detector %s on %d series, %,d rows, %d windows%n%n", r.detector(), r.series().size(), rows, windows);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-24s %5s %7s", "category", "files", "windows"));
        for (ProfileResult p : r.profiles()) head.append(String.format(Locale.ROOT, " %20s", p.profile().name()));
        out.println(head);
        for (String category : r.profiles().get(0).byCategory().keySet()) {
            List<NabSeries> in = r.series().stream().filter(s -> s.category().equals(category)).toList();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-24s %5d %7d", category, in.size(),
                    in.stream().mapToInt(s -> s.windows().length).sum()));
            for (ProfileResult p : r.profiles()) line.append(String.format(Locale.ROOT, " %20s", format(p.byCategory().get(category))));
            out.println(line);
        }
        StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "%-24s %5d %7d", "total", r.series().size(), windows));
        for (ProfileResult p : r.profiles()) total.append(String.format(Locale.ROOT, " %20s", format(p.total())));
        out.println(total);
        out.println("(a category without windows has no normalised score: n/a; its false positives still count in the total)");
        out.println();
        for (ProfileResult p : r.profiles()) {
            int tp = 0, fn = 0, fp = 0;
            for (NabScorer.FileScore f : p.files()) {
                tp += f.detected();
                fn += f.missed();
                fp += f.falsePositives();
            }
            out.printf(Locale.ROOT, "%-20s threshold %.6f  windows detected %d, missed %d, false-positive rows %d%n",
                    p.profile().name(), p.threshold(), tp, fn, fp);
        }
        if (!Double.isNaN(r.fixedThreshold())) {
            out.printf(Locale.ROOT, "at the shipped threshold %s (no optimisation, what a user gets):%s%n", r.fixedThreshold(),
                    NabTuning.totals(r.profiles().stream().map(ProfileResult::profile).toList(), r.fixed()));
        }
        if (baseline != null) out.println("baseline " + baseline.detector() + ":" + totals(baseline));
        out.println("nab" + totals(r));
    }

    private static String totals(Result r) {
        StringBuilder line = new StringBuilder();
        for (ProfileResult p : r.profiles()) line.append(String.format(Locale.ROOT, " %s=%.2f", p.profile().shortName(), p.total()));
        return line.toString();
    }

    private static String format(Double score) {
        return score == null || score.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.2f", score);
    }
}
