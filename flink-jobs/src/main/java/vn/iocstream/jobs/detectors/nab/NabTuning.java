package vn.iocstream.jobs.detectors.nab;

import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.iocstream.jobs.detectors.SeasonalLikelihoodDetector;
import vn.iocstream.jobs.detectors.SeasonalLikelihoodDetector.Settings;

/**
 * How the default detector's constants and its alarm threshold are chosen, and what that choice is worth on
 * categories it never saw: leave-one-category-out over a NAB corpus ({@code ./ioc eval nab --loco}).
 *
 * <p><b>Search.</b> Coordinate ascent over a space of values ({@link #ROBUST} for the shipped defaults) from {@link #START}: for each constant in turn, every
 * listed value is tried with the others held, and the best is kept when it raises the objective by more than
 * {@link #MIN_GAIN} points; rounds repeat until a round changes nothing (at most {@link #MAX_ROUNDS}). The
 * objective is NAB's standard score of the training files at NAB's optimised threshold for them. Deterministic:
 * same corpus, same result.
 *
 * <p><b>Leave one category out.</b> For each category: search on the other categories, then score the held-out
 * category's files with the constants found and with each profile's threshold optimised on the other
 * categories. Pooled over all folds, those raw scores give the LOCO figure: every file is scored by a detector
 * and a threshold chosen without its category. A category without windows (artificialNoAnomaly) is a fold too:
 * its false positives count.
 *
 * <p><b>Shipped threshold.</b> The threshold NAB's standard profile picks on the pooled held-out scores (each
 * file scored with constants chosen without its category): what a fixed threshold should be for series of a kind
 * nobody tuned on. The shipped constants are the search's result on all categories.
 */
public final class NabTuning {
    /** A move must gain more than this (NAB points on the training files): smaller gains are noise here. */
    static final double MIN_GAIN = 0.5;
    static final int MAX_ROUNDS = 4;
    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * The starting point: the constants the detector had before they were chosen this way (hand-checked on all
     * 41 series), without the robust clipping that came with the search.
     */
    public static final Settings START = new Settings(0.3, 0.01, INF, 0.2, INF, 2, 2, 16, 0.03, 0.1, 0.05, 21, 0.05, 100, 150);

    /**
     * The robust-statistics constants and the surprise band, the shipped search: the other constants stay at
     * {@link #START}. Searching them too ({@link #FULL}) fits the training categories better and the held-out
     * ones worse (see the README), so they are not searched for the shipped defaults.
     */
    public static final Map<String, double[]> ROBUST = new LinkedHashMap<>();
    /** Every constant of {@link Settings}, in steps of about ×2 around the start. */
    public static final Map<String, double[]> FULL = new LinkedHashMap<>();

    static {
        ROBUST.put("errorClip", new double[] {1.5, 2, 3, 5, INF});
        ROBUST.put("seasonalClip", new double[] {3, 5, 8, INF});
        ROBUST.put("surpriseFrom", new double[] {1.5, 2, 3});
        ROBUST.put("surpriseWidth", new double[] {1, 2, 4});
        FULL.put("levelAlpha", new double[] {0.15, 0.3, 0.6});
        FULL.put("scaleAlpha", new double[] {0.005, 0.01, 0.02});
        FULL.putAll(ROBUST);
        FULL.put("slotAlpha", new double[] {0.1, 0.2, 0.4});
        FULL.put("bins", new double[] {8, 16, 32});
        FULL.put("transitionDecay", new double[] {0.015, 0.03, 0.06});
        FULL.put("transitionPrior", new double[] {0.05, 0.1, 0.2});
        FULL.put("rareTransition", new double[] {0.025, 0.05, 0.1});
        FULL.put("weeklyFromDays", new double[] {14, 21, 28});
        FULL.put("rangeTolerance", new double[] {0.025, 0.05, 0.1});
        FULL.put("rangeLearning", new double[] {50, 100, 200});
        FULL.put("likelihoodLearning", new double[] {75, 150, 300});
    }

    private final NabCorpus corpus;
    private final List<String> categories;
    /** Per file, its category's index. */
    private final int[] categoryOf;
    private final Map<String, double[]> space;
    private final PrintStream progress;
    private final Map<Settings, Outcome> cache = new HashMap<>();

    /** One fold's choice: its held-out category (null for all-in), the settings and each profile's threshold. */
    public record Fold(String heldOut, Settings settings, double trainingStandard, double[] thresholds) {}

    /**
     * @param folds          one per category, in corpus order
     * @param allIn          the search on every category: the constants to ship
     * @param loco           per profile, the pooled held-out NAB score
     * @param heldOutByCategory per profile, each held-out category's own score
     * @param pooledThresholds per profile, NAB's optimal threshold on the pooled held-out scores
     * @param pooled         per profile, the pooled held-out score at that threshold
     */
    public record Result(List<NabProfile> profiles, List<Fold> folds, Fold allIn, double[] loco,
                         List<Map<String, Double>> heldOutByCategory, double[] pooledThresholds, double[] pooled,
                         int evaluations) {
        public double shippedThreshold() {
            return pooledThresholds[0];
        }
    }

    /** A candidate's outcome: per fold (categories, then all-in) and profile, the optimised threshold and raw score. */
    private record Outcome(double[][] threshold, double[][] raw) {}

    /** @param space {@link #ROBUST} (the shipped search) or {@link #FULL} */
    public NabTuning(NabCorpus corpus, Map<String, double[]> space, PrintStream progress) {
        this.corpus = corpus;
        this.space = space;
        this.categories = corpus.series().stream().map(NabSeries::category).distinct().toList();
        this.categoryOf = corpus.series().stream().mapToInt(s -> categories.indexOf(s.category())).toArray();
        this.progress = progress;
    }

    public Result run() {
        List<NabSeries> series = corpus.series();
        List<NabProfile> profiles = corpus.profiles();
        List<Fold> folds = new ArrayList<>();
        List<double[]> heldOutScores = new ArrayList<>(series.size());
        for (int f = 0; f < series.size(); f++) heldOutScores.add(null);
        double[] locoRaw = new double[profiles.size()];
        List<Map<String, Double>> byCategory = new ArrayList<>();
        for (int p = 0; p < profiles.size(); p++) byCategory.add(new LinkedHashMap<>());
        for (int c = 0; c < categories.size(); c++) {
            Fold fold = search(c);
            folds.add(fold);
            List<double[]> scores = NabEvaluation.run(corpus, () -> new SeasonalLikelihoodDetector(fold.settings()), null);
            List<NabSeries> held = new ArrayList<>();
            List<double[]> heldScores = new ArrayList<>();
            for (int f = 0; f < series.size(); f++) {
                if (categoryOf[f] != c) continue;
                held.add(series.get(f));
                heldScores.add(scores.get(f));
                heldOutScores.set(f, scores.get(f));
            }
            for (int p = 0; p < profiles.size(); p++) {
                double raw = 0;
                for (int k = 0; k < held.size(); k++) raw += NabScorer.score(held.get(k), heldScores.get(k), fold.thresholds()[p], profiles.get(p)).raw();
                locoRaw[p] += raw;
                byCategory.get(p).put(categories.get(c), normalise(held, raw, profiles.get(p)));
            }
        }
        Fold allIn = search(categories.size());
        double[] loco = new double[profiles.size()], pooledThresholds = new double[profiles.size()], pooled = new double[profiles.size()];
        for (int p = 0; p < profiles.size(); p++) {
            loco[p] = normalise(series, locoRaw[p], profiles.get(p));
            NabScorer.Threshold t = NabScorer.optimise(series, heldOutScores, profiles.get(p));
            pooledThresholds[p] = t.threshold();
            pooled[p] = normalise(series, t.raw(), profiles.get(p));
        }
        return new Result(profiles, folds, allIn, loco, byCategory, pooledThresholds, pooled, cache.size());
    }

    /** Coordinate ascent for fold {@code fold} (a held-out category's index, or {@code categories.size()} for all-in). */
    private Fold search(int fold) {
        Settings current = START;
        double best = standard(fold, current);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = false;
            for (Map.Entry<String, double[]> constant : space.entrySet()) {
                Settings chosen = current;
                double chosenScore = best;
                for (double value : constant.getValue()) {
                    Settings candidate = with(current, constant.getKey(), value);
                    double score = standard(fold, candidate);
                    if (score > chosenScore + MIN_GAIN) {
                        chosen = candidate;
                        chosenScore = score;
                    }
                }
                if (!chosen.equals(current)) {
                    current = chosen;
                    best = chosenScore;
                    moved = true;
                }
            }
            if (!moved) break;
        }
        Outcome o = outcome(current);
        if (progress != null) {
            progress.printf(Locale.ROOT, "searched %s: standard %.2f on the training files, %d detector runs so far%n",
                    fold < categories.size() ? "without " + categories.get(fold) : "on all categories", best, cache.size());
        }
        return new Fold(fold < categories.size() ? categories.get(fold) : null, current, best, o.threshold()[fold].clone());
    }

    /** NAB standard (normalised) of the fold's training files at their optimised threshold. */
    private double standard(int fold, Settings s) {
        return normalise(training(fold), outcome(s).raw()[fold][0], corpus.profiles().get(0));
    }

    private Outcome outcome(Settings s) {
        Outcome known = cache.get(s);
        if (known != null) return known;
        List<double[]> scores = NabEvaluation.run(corpus, () -> new SeasonalLikelihoodDetector(s), null);
        NabRanking ranking = NabRanking.of(corpus.series(), scores);
        int profiles = corpus.profiles().size();
        double[][] threshold = new double[categories.size() + 1][profiles], raw = new double[categories.size() + 1][profiles];
        for (int fold = 0; fold <= categories.size(); fold++) {
            boolean[] include = new boolean[corpus.series().size()];
            for (int f = 0; f < include.length; f++) include[f] = categoryOf[f] != fold;
            for (int p = 0; p < profiles; p++) {
                NabScorer.Threshold t = ranking.optimise(include, corpus.profiles().get(p));
                threshold[fold][p] = t.threshold();
                raw[fold][p] = t.raw();
            }
        }
        Outcome o = new Outcome(threshold, raw);
        cache.put(s, o);
        return o;
    }

    private List<NabSeries> training(int fold) {
        List<NabSeries> out = new ArrayList<>();
        for (int f = 0; f < corpus.series().size(); f++) if (categoryOf[f] != fold) out.add(corpus.series().get(f));
        return out;
    }

    private static double normalise(List<NabSeries> files, double raw, NabProfile p) {
        int windows = 0, counted = 0;
        for (NabSeries s : files) {
            windows += s.windows().length;
            counted += s.countedWindows();
        }
        return NabScorer.normalise(raw, windows, counted, p);
    }

    /** {@code s} with one constant (a component name of {@link Settings}) set to {@code value}. */
    static Settings with(Settings s, String name, double value) {
        RecordComponent[] components = Settings.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (components[i].getName().equals(name)) {
                    args[i] = types[i] == int.class ? (Object) (int) value : (Object) value;
                    found = true;
                } else {
                    args[i] = components[i].getAccessor().invoke(s);
                }
            }
            if (!found) throw new IllegalArgumentException("no constant " + name + " in " + Settings.class.getSimpleName());
            return Settings.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static double value(Settings s, String name) {
        try {
            for (RecordComponent c : Settings.class.getRecordComponents()) {
                if (c.getName().equals(name)) return ((Number) c.getAccessor().invoke(s)).doubleValue();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("no constant " + name + " in " + Settings.class.getSimpleName());
    }

    /** The constants of {@code s} that differ from {@code from}, as {@code name=value}. */
    static String differences(Settings s, Settings from) {
        List<String> out = new ArrayList<>();
        try {
            for (RecordComponent c : Settings.class.getRecordComponents()) {
                Object a = c.getAccessor().invoke(s), b = c.getAccessor().invoke(from);
                if (!a.equals(b)) out.add(c.getName() + "=" + a);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return out.isEmpty() ? "(none)" : String.join(" ", out);
    }

    public void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "leave-one-category-out over %d categories, %d series; search: coordinate ascent from the start%n",
                categories.size(), corpus.series().size());
        out.println("values tried (start marked *, off = no clipping):");
        for (Map.Entry<String, double[]> e : space.entrySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-20s", e.getKey()));
            for (double v : e.getValue()) {
                line.append(' ').append(v == INF ? "off" : trim(v)).append(v == value(START, e.getKey()) ? "*" : "");
            }
            out.println(line);
        }
        out.printf(Locale.ROOT, "objective: NAB standard of the training files at their optimised threshold; a move must gain > %.2f; "
                + "%d detector runs%n%n", MIN_GAIN, r.evaluations());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-24s %9s", "held out", "train std"));
        for (NabProfile p : r.profiles()) head.append(String.format(Locale.ROOT, " %20s", p.name()));
        out.println(head + "   thresholds (std/lowFP/lowFN), constants changed from the start");
        for (Fold f : r.folds()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-24s %9.2f", f.heldOut(), f.trainingStandard()));
            for (int p = 0; p < r.profiles().size(); p++) {
                Double v = r.heldOutByCategory().get(p).get(f.heldOut());
                line.append(String.format(Locale.ROOT, " %20s", v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.2f", v)));
            }
            line.append("   ").append(thresholds(f.thresholds())).append("  ").append(differences(f.settings(), START));
            out.println(line);
        }
        out.println();
        out.printf(Locale.ROOT, "all categories: standard %.2f, thresholds %s, constants %s%n", r.allIn().trainingStandard(),
                thresholds(r.allIn().thresholds()), differences(r.allIn().settings(), START));
        out.println(r.allIn().settings().equals(Settings.DEFAULTS) ? "  = the shipped defaults"
                : "  differs from the shipped defaults: " + differences(Settings.DEFAULTS, r.allIn().settings()) + " shipped");
        out.printf(Locale.ROOT, "held-out scores pooled, NAB's optimiser: thresholds %s, %s%n", thresholds(r.pooledThresholds()),
                totals(r.profiles(), r.pooled()));
        out.printf(Locale.ROOT, "  shipped threshold (standard's pick on held-out scores): %.6f%n", r.shippedThreshold());
        out.println("nab loco" + totals(r.profiles(), r.loco()));
    }

    private static String thresholds(double[] t) {
        StringBuilder b = new StringBuilder();
        for (double v : t) b.append(b.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.3f", v));
        return b.toString();
    }

    static String totals(List<NabProfile> profiles, double[] values) {
        StringBuilder line = new StringBuilder();
        for (int p = 0; p < profiles.size(); p++) line.append(String.format(Locale.ROOT, " %s=%.2f", profiles.get(p).shortName(), values[p]));
        return line.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

}
