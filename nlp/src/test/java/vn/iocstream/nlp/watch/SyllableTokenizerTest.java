package vn.iocstream.nlp.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Normalizer2;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.TextNormalizer;

class SyllableTokenizerTest {

    /** The chain the tokenizer replaced; on text where both split alike, terms must be identical. */
    private static Analyzer icuChain(boolean fold) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new ICUNormalizer2Filter(source, Normalizer2.getNFKCCasefoldInstance());
                return new TokenStreamComponents(source, fold ? new ASCIIFoldingFilter(ts) : ts);
            }
        };
    }

    private static final List<String> TEXTS = List.of(
            "Sáng 12/3, một vụ TAI NẠN giao thông nghiêm trọng xảy ra trên QL1A đoạn qua huyện Trảng Bom, tỉnh Đồng Nai",
            "ĐẮK LẮK: Ông Nguyễn Văn Hùng nói giá lúa tăng 1.000 đồng/kg, lãi suất 3,5%",
            "troi oi ngap qua ae oi, kẹt xe ở Bến Lức từ 6h sáng!!! #ngapung @baotayninh",
            "Ｆｕｌｌｗｉｄｔｈ ﬁnanz Straße Æon Ǆemal ﬀ café naïve Œuvre",
            "Thủy điện xả lũ, người dân Quảng Trị, Hà Tĩnh di dời; Khánh Hòa – Phú Yên");

    private static List<String> terms(Analyzer a, String text) {
        return TextAnalyzers.syllables(a, text).stream().map(TextAnalyzers.Syllable::term).toList();
    }

    @Test
    void terms_equalIcuNormalisationAndFolding() {
        for (String raw : TEXTS) {
            String text = TextNormalizer.normalize(raw);
            assertThat(terms(TextAnalyzers.exact(false), text)).as(text).isEqualTo(terms(icuChain(false), text));
            assertThat(terms(TextAnalyzers.folded(false), text)).as(text).isEqualTo(terms(icuChain(true), text));
        }
    }

    @Test
    void punctuationSplits_exceptInsideNumbers() {
        assertThat(terms(TextAnalyzers.exact(false), "TP.HCM: giá 1.000,5 đồng, 12/3"))
                .containsExactly("tp", "hcm", "giá", "1.000,5", "đồng", "12", "3");
    }

    @Test
    void offsets_pointAtTheOriginalSyllables() {
        String text = "Tai nạn ở Đồng Nai";
        assertThat(TextAnalyzers.syllables(TextAnalyzers.folded(false), text))
                .extracting(s -> text.substring(s.start(), s.end()))
                .containsExactly("Tai", "nạn", "ở", "Đồng", "Nai");
    }

    @Test
    void bigrams_followTheirFirstSyllable() {
        assertThat(terms(TextAnalyzers.folded(true), "Tai nạn, Đồng Nai"))
                .containsExactly("tai", "tai nan", "nan", "nan dong", "dong", "dong nai", "nai");
    }
}
