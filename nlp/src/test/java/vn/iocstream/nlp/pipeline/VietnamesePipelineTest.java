package vn.iocstream.nlp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.entity.Entity;

class VietnamesePipelineTest {

    private final VietnamesePipeline pipeline = new VietnamesePipeline();

    @Test
    void ssplit_endsSentencesAtStopsAndLineBreaks_notInsideAbbreviationsOrNumbers() {
        String text = TextNormalizer.normalize("TS. Nguyễn Văn A cho biết giá 20.000đ/kg tại TP.HCM đã tăng. Người dân lo lắng!\n"
                + "Sáng nay trời mưa… Chiều nắng");
        assertThat(VietnamesePipeline.sentences(pipeline.annotate(text))).containsExactly(
                "TS. Nguyễn Văn A cho biết giá 20.000đ/kg tại TP.HCM đã tăng.", "Người dân lo lắng!",
                "Sáng nay trời mưa…", "Chiều nắng");
    }

    @Test
    void tokens_areWordsWithOffsetsIntoTheText_andNewlinesAreMarked() {
        String text = "Vụ tai nạn giao thông\nxảy ra ở Hà Nội.";
        Annotation doc = pipeline.annotate(text);
        List<CoreLabel> tokens = doc.get(CoreAnnotations.TokensAnnotation.class);
        List<String> words = new ArrayList<>();
        for (CoreLabel t : tokens) {
            if (Boolean.TRUE.equals(t.get(CoreAnnotations.IsNewlineAnnotation.class))) continue;
            words.add(t.word());
            assertThat(text.substring(t.beginPosition(), t.endPosition())).isEqualTo(t.originalText());
        }
        assertThat(words).contains("giao thông", "xảy ra", "Hà Nội", ".");
        CoreLabel giaoThong = tokens.stream().filter(t -> t.word().equals("giao thông")).findFirst().orElseThrow();
        assertThat(giaoThong.before()).isEqualTo(" ");
        assertThat(giaoThong.get(PipelineAnnotations.TokenTypeAnnotation.class)).hasToString("WORD");
        // ssplit consumes the newline token, so it ends the first sentence.
        assertThat(VietnamesePipeline.sentences(doc)).containsExactly("Vụ tai nạn giao thông", "xảy ra ở Hà Nội.");
    }

    @Test
    void customSegmenter_isTheOneUsed() {
        VietnamesePipeline everySyllable = new VietnamesePipeline(sentence -> List.of(sentence.split("[ .]+")));
        List<String> words = everySyllable.annotate("tai nạn giao thông.").get(CoreAnnotations.TokensAnnotation.class)
                .stream().map(CoreLabel::word).toList();
        assertThat(words).containsExactly("tai", "nạn", "giao", "thông", ".");
    }

    @Test
    void reuseAcrossManyDocuments_leaksNoState() {
        String first = "Ông Nguyễn Văn Hùng ở tỉnh Bình Phước gọi 113.";
        List<Entity> expected = pipeline.annotate(first).get(PipelineAnnotations.EntitiesAnnotation.class);
        for (int i = 0; i < 300; i++) {
            String other = "Bản tin số " + i + ": UBND TP.HCM họp lúc 15h30 ngày 3/9, xe 51A-123.45 bị giữ.\nBà Lê Thị Mai ở Đà Nẵng.";
            List<Entity> found = pipeline.annotate(other).get(PipelineAnnotations.EntitiesAnnotation.class);
            assertThat(found).allSatisfy(e -> assertThat(other.substring(e.start(), e.end())).isEqualTo(e.text()));
        }
        assertThat(pipeline.annotate(first).get(PipelineAnnotations.EntitiesAnnotation.class)).isEqualTo(expected);
        assertThat(new VietnamesePipeline().annotate(first).get(PipelineAnnotations.EntitiesAnnotation.class)).isEqualTo(expected);
    }

    @Test
    void tokensInsideEntities_carryTheirType() {
        List<CoreLabel> tokens = pipeline.annotate("Ông Nguyễn Văn Hùng đến Đồng Nai.").get(CoreAnnotations.TokensAnnotation.class);
        assertThat(tokens).filteredOn(t -> t.word().endsWith("Nai")).extracting(CoreLabel::ner).containsOnly("LOCATION");
        assertThat(tokens).filteredOn(t -> t.word().equals("đến")).extracting(CoreLabel::ner).containsExactly("O");
    }
}
