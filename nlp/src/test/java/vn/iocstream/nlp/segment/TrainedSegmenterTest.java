package vn.iocstream.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedSegmenterTest {

    @TempDir
    Path dir;

    private TrainedSegmenter trainTiny(Path model) throws Exception {
        // no lexicon: these tests must not need the network
        return SegmenterTrainer.train(SegmentEvaluationTest.resource("train-tiny.conllu"), model,
                Lexicon.named(Lexicon.NONE), SegmenterTrainer.DEFAULT_EPOCHS);
    }

    @Test
    void trainedOnTinyText_joinsItsWordsInNewSentences() throws Exception {
        TrainedSegmenter s = trainTiny(dir.resolve("m.txt"));
        assertThat(s.segment("Người dân bị thương vì tai nạn giao thông."))
                .containsSubsequence("Người dân", "bị thương", "tai nạn", "giao thông");
    }

    @Test
    void savedModel_loadsAndSegmentsTheSame() throws Exception {
        Path model = dir.resolve("m.txt");
        TrainedSegmenter trained = trainTiny(model);
        TrainedSegmenter loaded = TrainedSegmenter.load(model);
        assertThat(loaded.size()).isEqualTo(trained.size()).isPositive();
        for (String s : List.of("Tai nạn giao thông trên quốc lộ làm hai người dân bị thương.",
                "tai nan giao thong o nga tu", "Mưa lớn, giao thông ùn tắc ở ngã tư Hàng Xanh")) {
            assertThat(loaded.segment(s)).isEqualTo(trained.segment(s));
        }
    }

    @Test
    void notAModel_isRejectedWithItsName() throws IOException {
        Path bogus = Files.writeString(dir.resolve("notes.txt"), "tai nạn\tgiao thông\n");
        assertThatThrownBy(() -> TrainedSegmenter.load(bogus))
                .isInstanceOf(IOException.class).hasMessageContaining("notes.txt").hasMessageContaining("not a segmenter model");
    }
}
