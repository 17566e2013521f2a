package vn.iocstream.nlp.sentiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.iocstream.nlp.SentimentScorer;
import vn.iocstream.nlp.TextNormalizer;

/** Measures a {@link SentimentClassifier} on a labelled CSV (see {@link SentimentCsv}). */
public final class SentimentEvaluation {
    private SentimentEvaluation() {}

    /** Normalises each text as a social post, classifies it and compares with its gold label. */
    public static SentimentReport evaluate(Path csv, SentimentClassifier classifier) throws IOException {
        return evaluate(SentimentCsv.read(csv), classifier);
    }

    public static SentimentReport evaluate(List<LabelledText> data, SentimentClassifier classifier) {
        if (data.isEmpty()) throw new IllegalArgumentException("no labelled texts to evaluate");
        List<String> all = SentimentClassifier.LABELS;
        List<String> labels = all.stream().filter(l -> data.stream().anyMatch(d -> d.label().equals(l))).toList();
        int[][] confusion = new int[labels.size()][all.size()];
        for (LabelledText d : data) {
            String predicted = classifier.classify(TextNormalizer.normalizeSocial(d.text())).label();
            confusion[labels.indexOf(d.label())][all.indexOf(predicted)]++;
        }
        List<SentimentReport.ClassMetrics> classes = new ArrayList<>();
        int correct = 0;
        double macro = 0, weighted = 0;
        for (int g = 0; g < labels.size(); g++) {
            int p = all.indexOf(labels.get(g));
            int tp = confusion[g][p], support = 0, predicted = 0;
            for (int n : confusion[g]) support += n;
            for (int[] row : confusion) predicted += row[p];
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes.add(new SentimentReport.ClassMetrics(labels.get(g), precision, recall, f1, support));
            correct += tp;
            macro += f1 / labels.size();
            weighted += f1 * support / data.size();
        }
        return new SentimentReport(labels, List.copyOf(classes), confusion, (double) correct / data.size(),
                macro, weighted, data.size());
    }

}
