package vn.iocstream.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.nlp.LexiconSegmenter;

class SegmentersTest {

    @TempDir
    Path dir;

    @Test
    void lexiconKind_isTheBuiltInSegmenter() {
        assertThat(Segmenters.create("lexicon", null)).isSameAs(LexiconSegmenter.builtIn());
    }

    @Test
    void unknownKind_listsTheKnownOnes() {
        assertThatThrownBy(() -> Segmenters.create("jieba", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'jieba'").hasMessageContaining("default, lexicon, trained, vncorenlp");
    }

    @Test
    void trainedWithoutModel_saysItNeedsOne() {
        assertThatThrownBy(() -> Segmenters.create("trained", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a model file");
    }

    @Test
    void trainedWithMissingFile_namesThePath() {
        assertThatThrownBy(() -> Segmenters.create("trained", dir.resolve("seg.model").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seg.model");
    }

    @Test
    void vncorenlpFolderWithoutJar_saysWhatIsMissing() {
        assertThatThrownBy(() -> Segmenters.create("vncorenlp", dir.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no VnCoreNLP-*.jar");
    }
}
