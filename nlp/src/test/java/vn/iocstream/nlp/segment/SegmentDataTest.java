package vn.iocstream.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.core.testing.SharedData;

/**
 * Segmentation quality on UD Vietnamese-VTB (../shared/data, or -Dioc.shared.data=DIR); skipped when
 * the data is absent. The data is only measured here: the trained model lives in a temp folder.
 */
class SegmentDataTest {

    private static final Path UD = SharedData.path("ud-vi-vtb");

    private static Path split(String name) {
        Path file = UD.resolve("vi_vtb-ud-" + name + ".conllu");
        SharedData.require(file);
        return file;
    }

    @Test
    void defaultSegmenter_reachesTargetOnDev() throws Exception {
        SegmentReport r = SegmentEvaluation.evaluate(split("dev"), Segmenters.create("default", null));
        r.print(System.out);
        assertThat(r.f1()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void trainedOnTrain_reachesTargetOnDev(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("vtb.model");
        SegmenterTrainer.train(split("train"), model);
        SegmentReport r = SegmentEvaluation.evaluate(split("dev"), Segmenters.create("trained", model.toString()));
        r.print(System.out);
        assertThat(r.f1()).isGreaterThanOrEqualTo(0.94);
    }
}
