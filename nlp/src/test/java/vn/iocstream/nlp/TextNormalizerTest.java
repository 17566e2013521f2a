package vn.iocstream.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.geo.VietnameseKeys;

class TextNormalizerTest {

    @Test
    void oldTonePlacement_movesToOneCanonicalVowel() {
        assertThat(TextNormalizer.normalize("Hoà bình, thuỷ lợi, Uỷ ban, khoẻ mạnh, loà xoà, tuỳ ý"))
                .isEqualTo("Hòa bình, thủy lợi, Ủy ban, khỏe mạnh, lòa xòa, tùy ý");
        assertThat(TextNormalizer.normalize("ý kiến tuỳ")).isEqualTo("ý kiến tùy");
    }

    @Test
    void tonePlacement_keepsClosedSyllablesAndMarkedVowels() {
        assertThat(TextNormalizer.normalize("hoàn thành toán học khuyết tật người quý giữa khuỷu ngoài gìn"))
                .isEqualTo("hoàn thành toán học khuyết tật người quý giữa khuỷu ngoài gìn");
        assertThat(TextNormalizer.normalize("HOÀ GIẢI")).isEqualTo("HÒA GIẢI");
    }

    @Test
    void foreignWords_areLeftAlone() {
        assertThat(TextNormalizer.normalize("quán café Pleiku")).isEqualTo("quán café Pleiku");
    }

    @Test
    void decomposedInput_becomesComposed() {
        String nfd = Normalizer.normalize("Tai nạn giao thông ở Quảng Nam", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Tai nạn giao thông ở Quảng Nam");
        assertThat(TextNormalizer.normalize(nfd)).isEqualTo("Tai nạn giao thông ở Quảng Nam");
    }

    @Test
    void zeroWidthAndControlChars_areRemoved() {
        assertThat(TextNormalizer.normalize("tai\u200B nạn\uFEFF giao\u200Cthông\u0007"))
                .isEqualTo("tai nạn giaothông");
        assertThat(TextNormalizer.normalize("Tham n\u200Bhũng")).isEqualTo("Tham nhũng");
    }

    @Test
    void htmlEntities_areDecodedOrRemoved() {
        assertThat(TextNormalizer.normalize("Giá xăng &amp; dầu&nbsp;tăng &#272;ột ngột &#x1EA1;&foo; &quot;sốc&quot;"))
                .isEqualTo("Giá xăng & dầu tăng Đột ngột ạ \"sốc\"");
    }

    @Test
    void whitespace_isCollapsedAndLineBreaksKept() {
        assertThat(TextNormalizer.normalize("  Mưa   lớn\t\tkéo dài \r\n\r\n\n Ngập   sâu  "))
                .isEqualTo("Mưa lớn kéo dài\nNgập sâu");
    }

    @Test
    void socialText_expandsTeencodeWholeTokens() {
        assertThat(TextNormalizer.normalizeSocial("ko bt dc ai chiu trach nhiem vs vu tai nan nay"))
                .isEqualTo("không biết được ai chiu trach nhiem với vu tai nan nay");
        assertThat(TextNormalizer.normalizeSocial("Ko hiểu sao mn ko lên tiếng, ntn r"))
                .isEqualTo("Không hiểu sao mọi người không lên tiếng, như thế nào rồi");
    }

    @Test
    void teencode_leavesLinksTagsAndLongerWordsAlone() {
        assertThat(TextNormalizer.normalizeSocial("xem https://baomoi.com/k/ng.html #ko @dc kong 5k"))
                .isEqualTo("xem https://baomoi.com/k/ng.html #ko @dc kong 5k");
    }

    @Test
    void pressText_isNotTeencodeExpanded() {
        assertThat(TextNormalizer.normalize("Ông K. cho biết")).isEqualTo("Ông K. cho biết");
    }

    @Test
    void fold_stripsDiacriticsAndLowercases() {
        assertThat(TextNormalizer.fold("ĐƯỜNG Hồ Chí Minh ngập")).isEqualTo("duong ho chi minh ngap");
    }

    /**
     * fold skips ASCII, and placeTones skips runs of ASCII letters and ă â đ ê ô ơ ư: both must agree
     * with the full computation.
     */
    @Test
    void asciiShortcuts_agreeWithFullComputation_onGeneratedPosts() {
        for (AnalyzeBench.Post p : AnalyzeBench.posts(60, 1024, new Random(3))) {
            String text = p.text() + " HTTP://X.VN Ab1 ok";
            assertThat(TextNormalizer.fold(text)).isEqualTo(VietnameseKeys.fold(text));
            for (Token t : Tokenizer.tokens(TextNormalizer.normalize(text))) {
                assertThat(TextNormalizer.fold(t.text())).isEqualTo(VietnameseKeys.fold(t.text()));
            }
            for (String run : (text + " Đường ĐÂU ơn Ưng ăn").split("[^\\p{L}\\p{M}]+")) {
                if (run.chars().allMatch(c -> c < 0x80 || "ăâđêôơưĂÂĐÊÔƠƯ".indexOf(c) >= 0)) {
                    assertThat(TextNormalizer.placeTone(run)).isEqualTo(run);
                }
            }
        }
    }
}
