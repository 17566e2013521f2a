package vn.iocstream.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconSegmenterTest {

    private final WordSegmenter segmenter = LexiconSegmenter.builtIn();

    @Test
    void headline_isSegmentedIntoLexiconWords() {
        assertThat(segmenter.segment("Ủy ban nhân dân tỉnh chỉ đạo khắc phục tai nạn giao thông nghiêm trọng."))
                .containsExactly("Ủy ban nhân dân", "tỉnh", "chỉ đạo", "khắc phục", "tai nạn giao thông", "nghiêm trọng");
    }

    @Test
    void oldTonePlacementInLexiconOrText_stillMatchesAfterNormalising() {
        assertThat(segmenter.segment(TextNormalizer.normalize("Uỷ ban nhân dân xã")))
                .containsExactly("Ủy ban nhân dân", "xã");
    }

    @Test
    void punctuation_breaksWords() {
        assertThat(segmenter.segment("tai, nạn")).containsExactly("tai", "nạn");
    }

    @Test
    void greedyLongestMatch_prefersLongerWord() {
        LexiconSegmenter small = new LexiconSegmenter(Set.of("cảnh sát", "cảnh sát giao thông", "giao thông"));
        assertThat(small.segment("cảnh sát giao thông và giao thông"))
                .containsExactly("cảnh sát giao thông", "và", "giao thông");
    }

    @Test
    void nonWordTokens_areKeptWhole() {
        assertThat(segmenter.segment("gọi 0912 345 678 #ngập 😢"))
                .containsExactly("gọi", "0912 345 678", "#ngập", "😢");
    }
}
