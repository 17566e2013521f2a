package vn.iocstream.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentScorerTest {

    private final SentimentScorer scorer = SentimentScorer.builtIn();

    private Sentiment score(String text) {
        return scorer.score(TextNormalizer.normalizeSocial(text));
    }

    @Test
    void negativeHeadline_isNegative() {
        assertThat(score("Tai nạn liên hoàn trên cao tốc, 3 người tử vong").label()).isEqualTo("negative");
        assertThat(score("Phát hiện sai phạm, lãng phí hàng trăm tỷ đồng tại dự án treo").label()).isEqualTo("negative");
    }

    @Test
    void positiveHeadline_isPositive() {
        assertThat(score("Khánh thành cây cầu mới, người dân phấn khởi vì đi lại thuận tiện").label()).isEqualTo("positive");
    }

    @Test
    void neutralText_isNeutral() {
        Sentiment s = score("Sáng nay, Hội đồng nhân dân tỉnh họp phiên thường kỳ");
        assertThat(s.label()).isEqualTo("neutral");
        assertThat(s.score()).isZero();
    }

    @Test
    void negation_flipsTheNextTerm() {
        assertThat(score("Dịch vụ công ở đây tốt").label()).isEqualTo("positive");
        assertThat(score("Dịch vụ công ở đây không tốt").label()).isEqualTo("negative");
        assertThat(score("Rất may không có ai bị thương").label()).isEqualTo("positive");
    }

    @Test
    void teencodeNegation_flipsAfterExpansion() {
        assertThat(score("thai do nhan vien ko tot").label()).isEqualTo("negative");
    }

    @Test
    void intensifiers_strengthenBeforeAndAfter() {
        double plain = score("bệnh viện quá tải").score();
        assertThat(score("bệnh viện rất quá tải").score()).isLessThan(plain);
        assertThat(score("đường tệ").score()).isGreaterThan(score("đường tệ quá").score());
    }

    @Test
    void contrast_clauseAfterNhungWins() {
        assertThat(score("Cầu đẹp nhưng thi công chậm tiến độ, lãng phí").label()).isEqualTo("negative");
        assertThat(score("Đường có lúc ùn tắc nhưng nay đã thông thoáng, an toàn").label()).isEqualTo("positive");
    }

    @Test
    void noDiacriticsComment_isScoredOnFoldedForms() {
        assertThat(score("ko bt dc ai chiu trach nhiem vs vu tai nan nay").label()).isEqualTo("negative");
        assertThat(score("cam on cac chien si cuu ho rat nhiet tinh").label()).isEqualTo("positive");
    }

    @Test
    void ambiguousFoldedWord_onlyMatchesWithDiacritics() {
        assertThat(score("Cháy lớn tại chợ").label()).isEqualTo("negative");
        assertThat(score("Mọi người chạy ra chợ").label()).isEqualTo("neutral");
        assertThat(score("moi nguoi chay ra cho").label()).isEqualTo("neutral");
    }

    @Test
    void emoji_carrySentiment() {
        assertThat(score("giá xăng lại lên 😡😡").label()).isEqualTo("negative");
        assertThat(score("đường mới thông xe rồi 👍❤️").score()).isGreaterThan(score("đường mới thông xe rồi").score());
    }

    @Test
    void score_staysWithinBounds() {
        Sentiment s = score("tham nhũng, tham nhũng, tử vong, tử vong, lừa đảo, phẫn nộ, cực kỳ tồi tệ 🤬🤬🤬");
        assertThat(s.score()).isBetween(-1.0, -0.9);
    }
}
