package vn.iocstream.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** fold skips decomposition and the cache for most text: it must agree with the full computation. */
    @Test
    void foldShortcut_agreesWithFullComputation() {
        List<String> texts = new ArrayList<>(randomSyllables(20_000));
        for (String syllable : randomSyllables(2_000)) texts.add(Normalizer.normalize(syllable, Normalizer.Form.NFD));
        for (AnalyzeBench.Post p : AnalyzeBench.posts(60, 1024, new Random(3))) {
            String text = p.text() + " HTTP://X.VN Ab1 ok";
            texts.add(text);
            for (Token t : Tokenizer.tokens(TextNormalizer.normalize(text))) texts.add(t.text());
        }
        for (String text : texts) assertThat(TextNormalizer.fold(text)).as(text).isEqualTo(VietnameseKeys.fold(text));
    }

    /**
     * Tone placement skips most syllables without looking them up: the result must be placeTone of every
     * run of letters and marks, on generated posts and on {@link #randomSyllables}.
     */
    @Test
    void tonePlacementShortcuts_agreeWithPlaceToneOfEveryRun() {
        List<String> texts = new ArrayList<>();
        for (AnalyzeBench.Post p : AnalyzeBench.posts(60, 1024, new Random(4))) texts.add(p.text().replaceAll("\\s+", " ").strip());
        texts.addAll(randomSyllables(20_000));
        for (String text : texts) {
            String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
            Matcher run = Pattern.compile("[\\p{L}\\p{M}]+").matcher(nfc);
            StringBuilder expected = new StringBuilder();
            while (run.find()) run.appendReplacement(expected, Matcher.quoteReplacement(TextNormalizer.placeTone(run.group())));
            run.appendTail(expected);
            assertThat(TextNormalizer.normalize(text)).as(text).isEqualTo(expected.toString());
        }
    }

    /** Syllables of any onset, vowels with any marks (both placements, upper case) and coda, in NFC. */
    private static List<String> randomSyllables(int count) {
        List<String> texts = new ArrayList<>();
        String[] onsets = {"", "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "đ", "g", "h", "l", "m", "x", "Q", "Đ", "ñ"};
        String[] codas = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t", "x", "ç"};
        String vowels = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYüå";
        String[] marks = {"", "", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"};
        Random random = new Random(9);
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder(onsets[random.nextInt(onsets.length)]);
            for (int v = 1 + random.nextInt(3); v > 0; v--) {
                b.append(vowels.charAt(random.nextInt(vowels.length()))).append(marks[random.nextInt(marks.length)]);
            }
            b.append(codas[random.nextInt(codas.length)]);
            String syllable = Normalizer.normalize(b, Normalizer.Form.NFC);
            texts.add(random.nextBoolean() ? syllable : syllable.toUpperCase(Locale.ROOT));
        }
        return texts;
    }
}
