package vn.iocstream.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.WordSegmenter;

class DictionarySegmenterTest {

    private static DictionarySegmenter small(String... words) {
        return new DictionarySegmenter(new Lexicon("test", List.of(words)));
    }

    @Test
    void fewestWords_beatsGreedyLongestFirstMatch() {
        // greedy longest match would give "một hai" | "ba" | "bốn": three words where two suffice
        assertThat(small("một hai", "hai ba bốn").segment("một hai ba bốn")).containsExactly("một", "hai ba bốn");
    }

    @Test
    void oldTonePlacementInLexicon_matchesNewPlacementInText() {
        assertThat(small("uỷ ban nhân dân", "hoà giải").segment("Ủy ban nhân dân xã hòa giải"))
                .containsExactly("Ủy ban nhân dân", "xã", "hòa giải");
    }

    @Test
    void capitalisedSyllables_joinIntoOneName() {
        assertThat(small("hôm qua").segment("Hôm qua ông Nguyễn Văn An đến Hà Nội."))
                .containsExactly("Hôm qua", "ông", "Nguyễn Văn An", "đến", "Hà Nội");
    }

    @Test
    void punctuationAndNumbers_breakRuns() {
        assertThat(small("giao thông", "thông tin").segment("giao thông, tin 5 giờ"))
                .containsExactly("giao thông", "tin", "5", "giờ");
    }

    @Test
    void defaultSegmenter_keepsKeyMultiSyllableWordsOfAHeadline() {
        WordSegmenter segmenter = Segmenters.create("default", null);
        assertThat(segmenter).isInstanceOf(DictionarySegmenter.class);
        assertThat(segmenter.segment("Ủy ban nhân dân tỉnh Tây Ninh họp về tai nạn giao thông trên Quốc lộ 22."))
                .containsExactly("Ủy ban nhân dân", "tỉnh", "Tây Ninh", "họp", "về", "tai nạn", "giao thông", "trên",
                        "Quốc lộ", "22");
        assertThat(segmenter.segment("Chiều qua, cảnh sát giao thông xử phạt 12 trường hợp vi phạm nồng độ cồn"))
                .contains("cảnh sát", "xử phạt", "trường hợp", "vi phạm", "nồng độ");
    }
}
