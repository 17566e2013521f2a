package vn.iocstream.nlp.sentiment;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Scores of a classifier against gold labels. {@code labels} are the gold labels present in the data
 * (precision, recall and F1 are averaged over them); {@code confusion[g][p]} counts texts of gold
 * label {@code labels.get(g)} predicted as {@code SentimentClassifier.LABELS.get(p)}, so a prediction of
 * a label absent from the data (neutral on a two-label file) shows as an error in its own column.
 */
public record SentimentReport(List<String> labels, List<ClassMetrics> classes, int[][] confusion,
                              double accuracy, double macroF1, double weightedF1, int total) {

    public record ClassMetrics(String label, double precision, double recall, double f1, int support) {}

    /** Per-class table, confusion matrix, and as the last line the headline figures. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%-10s %9s %9s %9s %9s%n", "label", "precision", "recall", "f1", "support");
        for (ClassMetrics c : classes) {
            out.printf(Locale.ROOT, "%-10s %9.4f %9.4f %9.4f %9d%n", c.label(), c.precision(), c.recall(), c.f1(), c.support());
        }
        out.printf(Locale.ROOT, "%nconfusion (rows gold, columns predicted), %d texts%n%-10s", total, "");
        for (String p : SentimentClassifier.LABELS) out.printf(Locale.ROOT, " %9s", p);
        out.println();
        for (int g = 0; g < labels.size(); g++) {
            out.printf(Locale.ROOT, "%-10s", labels.get(g));
            for (int n : confusion[g]) out.printf(Locale.ROOT, " %9d", n);
            out.println();
        }
        out.println(headline());
    }

    /** {@code gain over base: macroF1 +0.xxxx weightedF1 +0.xxxx accuracy +0.xxxx} (signed differences). */
    public String gainOver(SentimentReport base) {
        return String.format(Locale.ROOT, "gain over base: macroF1 %+.4f weightedF1 %+.4f accuracy %+.4f",
                macroF1 - base.macroF1, weightedF1 - base.weightedF1, accuracy - base.accuracy);
    }

    /** {@code sentiment macroF1=0.xxxx weightedF1=0.xxxx accuracy=0.xxxx} */
    public String headline() {
        return String.format(Locale.ROOT, "sentiment macroF1=%.4f weightedF1=%.4f accuracy=%.4f", macroF1, weightedF1, accuracy);
    }
}
