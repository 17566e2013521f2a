package vn.iocstream.nlp.entity;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entity-level exact-match scores (CoNLL 2003 style) of one evaluation run.
 *
 * @param counts    per type, in the order they are printed
 * @param sentences number of sentences scored
 */
public record EntityReport(Map<String, Counts> counts, int sentences) {

    /** The types of the micro average; others are reported only. */
    public static final List<String> SCORED = List.of(Entity.LOCATION, Entity.ORGANIZATION, Entity.PERSON);

    /** True positives, false positives, false negatives of one type. */
    public record Counts(int tp, int fp, int fn) {
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

    /** Summed counts of LOCATION, ORGANIZATION and PERSON. */
    public Counts micro() {
        Counts sum = new Counts(0, 0, 0);
        for (String type : SCORED) sum = sum.plus(counts.getOrDefault(type, new Counts(0, 0, 0)));
        return sum;
    }

    public double microF1() {
        return micro().f1();
    }

    /** A per-type table, then, last, {@code entities microF1=0.xxxx}. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%d sentences%n", sentences);
        out.printf(Locale.ROOT, "%-14s %6s %6s %6s %9s %9s %9s%n", "type", "gold", "pred", "tp", "precision", "recall", "F1");
        counts.forEach((type, c) -> row(out, type + (SCORED.contains(type) ? "" : " *"), c));
        row(out, "micro(L/O/P)", micro());
        out.println("(* reported, not in the micro average)");
        out.printf(Locale.ROOT, "entities microF1=%.4f%n", microF1());
    }

    private static void row(PrintStream out, String name, Counts c) {
        out.printf(Locale.ROOT, "%-14s %6d %6d %6d %9.4f %9.4f %9.4f%n", name, c.tp() + c.fn(), c.tp() + c.fp(), c.tp(),
                c.precision(), c.recall(), c.f1());
    }
}
