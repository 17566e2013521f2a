package vn.iocstream.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.nlp.Sentiment;

class SentimentEvaluationTest {

    /** Predicts the label written as the last word of each text, so the expected figures are known. */
    private static final SentimentClassifier ORACLE = text -> new Sentiment(text.substring(text.lastIndexOf(' ') + 1), 0);

    @TempDir
    Path dir;

    private Path csv(String body) throws IOException {
        return Files.writeString(dir.resolve("gold.csv"), "text,label\n" + body, StandardCharsets.UTF_8);
    }

    @Test
    void threeLabels_matchHandComputedMetrics() throws IOException {
        SentimentReport r = SentimentEvaluation.evaluate(csv("""
                câu một negative,negative
                câu hai neutral,negative
                câu ba neutral,neutral
                câu bốn positive,positive
                câu năm negative,positive
                câu sáu positive,positive
                """), ORACLE);
        // negative P=1/2 R=1/2 F1=0.5; neutral P=1/2 R=1 F1=2/3; positive P=1 R=2/3 F1=0.8
        assertThat(r.confusion()).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 2}});
        assertThat(r.classes().get(1).precision()).isCloseTo(0.5, within(1e-9));
        assertThat(r.classes().get(2).recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.macroF1()).isCloseTo((0.5 + 2.0 / 3 + 0.8) / 3, within(1e-9));
        assertThat(r.weightedF1()).isCloseTo((2 * 0.5 + 2.0 / 3 + 3 * 0.8) / 6, within(1e-9));
        assertThat(r.accuracy()).isCloseTo(4.0 / 6, within(1e-9));
    }

    @Test
    void twoLabels_neutralPredictionsCountAsErrors() throws IOException {
        SentimentReport r = SentimentEvaluation.evaluate(csv("""
                a negative,negative
                b neutral,negative
                c positive,positive
                d positive,positive
                """), ORACLE);
        assertThat(r.labels()).containsExactly("negative", "positive");
        assertThat(r.classes().get(0).recall()).isEqualTo(0.5);
        assertThat(r.classes().get(0).f1()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.macroF1()).isCloseTo((2.0 / 3 + 1) / 2, within(1e-9));
        assertThat(r.accuracy()).isEqualTo(0.75);
    }

    @Test
    void print_endsWithTheHeadline() throws IOException {
        SentimentReport r = SentimentEvaluation.evaluate(csv("x negative,negative\ny positive,negative\n"), ORACLE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("sentiment macroF1=0.6667 weightedF1=0.6667 accuracy=0.5000");
        assertThat(String.join("\n", lines)).contains("confusion").contains("precision");
    }
}
