package vn.iocstream.nlp.entity;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entity-level scores of one evaluation run, per type: exact match (CoNLL 2003: same start, end and type)
 * and partial match (a predicted span overlapping a gold span of the same type, each gold span matched
 * once).
 *
 * @param exact     per type, in the order they are printed
 * @param partial   per type, same keys
 * @param sentences number of sentences scored
 * @param ignored   gold spans of other types (MISC…), by type: counted, not scored
 */
public record EntityReport(Map<String, Counts> exact, Map<String, Counts> partial, int sentences, Map<String, Integer> ignored) {

    /** The scored types, in printing order; the micro average is over all three. */
    public static final List<String> SCORED = List.of(Entity.LOCATION, Entity.ORGANIZATION, Entity.PERSON);

    /** True positives, false positives, false negatives of one type. */
    public record Counts(int tp, int fp, int fn) {
        public static final Counts ZERO = new Counts(0, 0, 0);

        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }
    }

    public Counts microExact() {
        return micro(exact);
    }

    public Counts microPartial() {
        return micro(partial);
    }

    public double microF1() {
        return microExact().f1();
    }

    public double partialF1() {
        return microPartial().f1();
    }

    private static Counts micro(Map<String, Counts> counts) {
        Counts sum = Counts.ZERO;
        for (String type : SCORED) sum = sum.plus(counts.getOrDefault(type, Counts.ZERO));
        return sum;
    }

    /** A per-type table, then, last, {@code entities microF1=0.xxxx partialF1=0.xxxx}. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%d sentences%n", sentences);
        out.printf(Locale.ROOT, "%-14s %6s %6s | %-26s | %-26s%n", "", "", "", "exact match", "partial (overlap) match");
        out.printf(Locale.ROOT, "%-14s %6s %6s | %8s %8s %8s | %8s %8s %8s%n", "type", "gold", "pred",
                "P", "R", "F1", "P", "R", "F1");
        for (String type : SCORED) {
            row(out, type, exact.getOrDefault(type, Counts.ZERO), partial.getOrDefault(type, Counts.ZERO));
        }
        row(out, "micro", microExact(), microPartial());
        if (!ignored.isEmpty()) out.println("gold spans of other types, not scored: " + ignored);
        out.printf(Locale.ROOT, "entities microF1=%.4f partialF1=%.4f%n", microF1(), partialF1());
    }

    private static void row(PrintStream out, String name, Counts e, Counts p) {
        out.printf(Locale.ROOT, "%-14s %6d %6d | %8.4f %8.4f %8.4f | %8.4f %8.4f %8.4f%n", name, e.tp() + e.fn(), e.tp() + e.fp(),
                e.precision(), e.recall(), e.f1(), p.precision(), p.recall(), p.f1());
    }
}
