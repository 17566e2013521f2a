package vn.iocstream.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.WordSegmenter;

class SegmentEvaluationTest {

    /** Fixed answers, so that the expected counts can be worked out by hand. */
    private static final Map<String, List<String>> ANSWERS = Map.of(
            "Cảnh sát giao thông xử phạt 5 xe.", List.of("Cảnh sát", "giao thông", "xử phạt", "5", "xe"),
            "Xem tin tức nhé", List.of("Xem tin", "tức", "nhé"));

    static Path resource(String name) throws URISyntaxException {
        return Path.of(SegmentEvaluationTest.class.getResource(name).toURI());
    }

    @Test
    void tinyTreebank_scoresMatchHandCount() throws Exception {
        WordSegmenter fixed = ANSWERS::get;
        SegmentReport r = SegmentEvaluation.evaluate(resource("tiny.conllu"), fixed);
        // gold: 5 + 3 (the 1-2 range and the 2.1 empty node are skipped);
        // system: 5 + the "." the tokenizer adds + 3; correct: xử phạt, 5, xe, ".", nhé
        assertThat(r.sentences()).isEqualTo(2);
        assertThat(r.goldWords()).isEqualTo(8);
        assertThat(r.systemWords()).isEqualTo(9);
        assertThat(r.correct()).isEqualTo(5);
        assertThat(r.precision()).isCloseTo(5 / 9.0, within(1e-9));
        assertThat(r.recall()).isCloseTo(5 / 8.0, within(1e-9));
        assertThat(r.f1()).isCloseTo(10 / 17.0, within(1e-9));
    }

    @Test
    void wordsWrittenWithoutSpaces_stillAlignByCharacters() throws Exception {
        WordSegmenter glued = s -> List.of(s.replace(" ", "").replace(".", ""));
        SegmentReport r = SegmentEvaluation.evaluate(resource("tiny.conllu"), glued);
        // "Cảnhsátgiaothôngxửphạt5xe" and "Xemtintứcnhé" match no gold span; only "." does
        assertThat(r.correct()).isEqualTo(1);
        assertThat(r.systemWords()).isEqualTo(3);
    }

    @Test
    void print_endsWithHeadlineLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SegmentEvaluation.evaluate(resource("tiny.conllu"), ANSWERS::get)
                .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("gold words") && l.endsWith(" 8"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("segment F1=0.5882");
    }
}
