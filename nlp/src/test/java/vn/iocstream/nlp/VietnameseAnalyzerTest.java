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
}
