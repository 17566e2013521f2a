package vn.iocstream.nlp.segment;

import java.io.PrintStream;
import java.util.Locale;

/** Word segmentation scores of one run over a treebank (CoNLL 2018 word alignment). */
public record SegmentReport(int sentences, long goldWords, long systemWords, long correct, long nanos) {

    public double precision() {
        return systemWords == 0 ? 0 : (double) correct / systemWords;
    }

    public double recall() {
        return goldWords == 0 ? 0 : (double) correct / goldWords;
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** System words per second of segmenting time (reading and scoring excluded). */
    public double wordsPerSecond() {
        return nanos == 0 ? 0 : systemWords * 1e9 / nanos;
    }

    /** A small table, and last the headline line {@code segment F1=0.xxxx}. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%-14s %10d%n", "sentences", sentences);
        out.printf(Locale.ROOT, "%-14s %10d%n", "gold words", goldWords);
        out.printf(Locale.ROOT, "%-14s %10d%n", "system words", systemWords);
        out.printf(Locale.ROOT, "%-14s %10d%n", "correct", correct);
        out.printf(Locale.ROOT, "%-14s %10.4f%n", "precision", precision());
        out.printf(Locale.ROOT, "%-14s %10.4f%n", "recall", recall());
        out.printf(Locale.ROOT, "%-14s %10.4f%n", "F1", f1());
        out.printf(Locale.ROOT, "%-14s %10.0f%n", "words/s", wordsPerSecond());
        out.printf(Locale.ROOT, "segment F1=%.4f%n", f1());
    }
}
