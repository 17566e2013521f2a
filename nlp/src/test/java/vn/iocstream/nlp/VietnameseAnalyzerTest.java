package vn.iocstream.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;

class VietnameseAnalyzerTest {

    private static final List<IocConfig.Watchlist> WATCHLISTS = List.of(
            new IocConfig.Watchlist("tai-nan", "Tai nạn giao thông", "\"tai nan\" OR \"va cham\""),
            new IocConfig.Watchlist("trach-nhiem", "Trách nhiệm", "\"khong biet\" \"trach nhiem\""),
            new IocConfig.Watchlist("thien-tai", "Thiên tai", "lu OR \"sat lo\" OR bao"));

    private final VietnameseAnalyzer analyzer = new VietnameseAnalyzer(WATCHLISTS);

    @Test
    void pressArticle_withOldProvinceNames_resolvesCurrentProvince() {
        Analysis a = analyzer.analyze("Xe khách va chạm xe tải ở Bình Phước, 2 người tử vong. "
                + "Công an tỉnh Bình Phước và Quảng Nam phối hợp điều tra.", "press", "baobinhphuoc.com.vn");
        assertThat(a.places()).containsExactly("Bình Phước", "Quảng Nam");
        assertThat(a.province()).isEqualTo("Đồng Nai");
        assertThat(a.sentences()).hasSize(2);
        assertThat(a.words()).contains("tử vong", "phối hợp", "điều tra");
        assertThat(a.sentiment()).isEqualTo("negative");
        assertThat(a.score()).isNegative();
        assertThat(a.watchlists()).containsExactly("tai-nan");
        assertThat(a.fingerprint()).isNotZero();
    }

    @Test
    void province_tiesGoToTheFirstMentioned() {
        assertThat(analyzer.analyze("Mưa lớn ở Quảng Nam, rồi ở Long An", "press", "x").province()).isEqualTo("Đà Nẵng");
        assertThat(analyzer.analyze("Hội nghị tổng kết năm", "press", "x").province()).isEmpty();
    }

    @Test
    void socialComment_withTeencode_isExpandedMatchedAndNegative() {
        Analysis a = analyzer.analyze("ko bt dc ai chiu trach nhiem vs vu tai nan nay", "comment", "facebook");
        assertThat(a.normalized()).isEqualTo("không biết được ai chiu trach nhiem với vu tai nan nay");
        assertThat(a.watchlists()).containsExactly("tai-nan", "trach-nhiem");
        assertThat(a.sentiment()).isEqualTo("negative");
    }

    @Test
    void pressKind_doesNotExpandTeencode() {
        Analysis a = analyzer.analyze("ko bt dc ai chiu trach nhiem", "press", "x");
        assertThat(a.normalized()).isEqualTo("ko bt dc ai chiu trach nhiem");
        assertThat(a.watchlists()).isEmpty();
    }

    @Test
    void decomposedInputWithZeroWidthAndOldTones_givesSameAnalysisAsClean() {
        String clean = "Sạt lở đất ở Thừa Thiên Huế, thủy điện xả lũ.";
        String dirty = Normalizer.normalize("Sạt\u200B lở đất ở Thừa Thiên Huế, thuỷ điện xả lũ.", Normalizer.Form.NFD);
        Analysis a = analyzer.analyze(dirty, "press", "x");
        Analysis b = analyzer.analyze(clean, "press", "x");
        assertThat(a).isEqualTo(b);
        assertThat(a.province()).isEqualTo("Huế");
        assertThat(a.watchlists()).containsExactly("thien-tai");
    }

    @Test
    void noDiacriticsSocialPost_findsPlaceAndWatchlist() {
        Analysis a = analyzer.analyze("lu ve nhanh qua, binh phuoc ngap het r 😢", "social", "x");
        assertThat(a.places()).containsExactly("binh phuoc");
        assertThat(a.province()).isEqualTo("Đồng Nai");
        assertThat(a.watchlists()).containsExactly("thien-tai");
        assertThat(a.sentiment()).isEqualTo("negative");
        assertThat(a.normalized()).endsWith("ngap het rồi 😢");
    }

    @Test
    void sentenceTokens_areTheTokensOfEachSentenceAlone() {
        // Press, social text without diacritics, teencode, emoji, and sentences glued to the one before,
        // where cutting the document's tokens would turn the URL of "quá...vnexpress.net" into words.
        List<String> texts = List.of(
                "Xe khách va chạm xe tải ở TP.HCM lúc 5 giờ, 2 người tử vong. Công an Q.1 đang điều tra (theo VnExpress).",
                "ko bt dc ai chiu trach nhiem vs vu tai nan nay!!! that la qua te...",
                "Cán bộ tận tâm quá 👍🏻❤️ cảm ơn ạ!\n\nGọi 0912 345 678 hoặc xem www.abc.vn/tin?id=1 #ĐàNẵng @hoa_nguyen",
                "Hay quá...vnexpress.net đưa tin vụ cháy. Tăng giá?!vnexpress.net",
                "xong...0912 345 678 gọi ngay. “Cháy lớn!” – người dân nói. 'Sợ quá'.x",
                "Giá 20.000đ v.v... rất tốt 😀😡 TS. Nguyễn Văn A nói: không tệ…tệ thật",
                "x...y...z. a\nb. c?d! e 5k 10% 3,5 tỷ đồng");
        var pipeline = new vn.iocstream.nlp.pipeline.VietnamesePipeline();
        for (String raw : texts) {
            for (String text : List.of(TextNormalizer.normalize(raw), TextNormalizer.normalizeSocial(raw))) {
                var doc = pipeline.annotate(text);
                List<String> sentences = vn.iocstream.nlp.pipeline.VietnamesePipeline.sentences(doc);
                List<List<Token>> tokens = VietnameseAnalyzer.sentenceTokens(doc, text, Tokenizer.tokens(text));
                assertThat(tokens).hasSameSizeAs(sentences);
                for (int i = 0; i < sentences.size(); i++) {
                    assertThat(textsAndTypes(tokens.get(i))).as(sentences.get(i))
                            .isEqualTo(textsAndTypes(Tokenizer.tokens(sentences.get(i))));
                }
            }
        }
    }

    private static List<String> textsAndTypes(List<Token> tokens) {
        return tokens.stream().map(t -> t.text() + "/" + t.type()).toList();
    }
}
