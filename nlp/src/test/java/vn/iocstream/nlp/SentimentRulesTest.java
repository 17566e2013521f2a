package vn.iocstream.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The lexicon's rules on text of several domains (teaching, shops, restaurants, banks), with and without
 * diacritics. Sentences written for this test.
 */
class SentimentRulesTest {

    private final SentimentScorer scorer = SentimentScorer.builtIn();

    private Sentiment score(String text) {
        return scorer.score(TextNormalizer.normalizeSocial(text));
    }

    @Test
    void negatedPraise_isBlameOfNearlyTheSameStrength() {
        assertThat(score("Giảng viên không nhiệt tình").label()).isEqualTo("negative");
        assertThat(score("Nhân viên chưa chuyên nghiệp").label()).isEqualTo("negative");
        assertThat(score("shop ko nhiet tinh gi ca").label()).isEqualTo("negative");
        assertThat(-score("Giảng viên không nhiệt tình").score()).isGreaterThan(0.8 * score("Giảng viên nhiệt tình").score());
    }

    @Test
    void negatedBlame_isMilderPraise() {
        double notBad = score("Món này không tệ").score();
        assertThat(notBad).isPositive().isLessThan(score("Món này tốt").score());
    }

    @Test
    void wordsThatStartWithKhong_areNoNegation() {
        assertThat(score("Không gian quán rộng rãi, thoáng mát").label()).isEqualTo("positive");
        assertThat(score("Không ít khách hàng bức xúc vì phí tăng").label()).isEqualTo("negative");
    }

    @Test
    void lackWord_negatesWhatFollowsOrCountsAsAWant() {
        assertThat(score("Nhân viên thiếu nhiệt tình").label()).isEqualTo("negative");
        assertThat(score("Phòng học thiếu máy chiếu").label()).isEqualTo("negative");
        assertThat(score("Thiếu niên được tặng sách").label()).isEqualTo("positive"); // thiếu niên: teenagers
    }

    @Test
    void dampener_weakensAndIntensifier_strengthens() {
        double slow = score("Thầy giảng chậm").score();
        assertThat(score("Thầy giảng hơi chậm").score()).isNegative().isGreaterThan(slow);
        assertThat(score("Thầy giảng rất chậm").score()).isLessThan(slow);
        assertThat(score("Giao hàng chậm một chút").score()).isNegative().isGreaterThan(score("Giao hàng chậm").score());
    }

    @Test
    void contrast_theClauseAfterItDecides() {
        assertThat(score("Đồ ăn ngon nhưng phục vụ quá chậm, chờ lâu").label()).isEqualTo("negative");
        assertThat(score("Giá hơi cao nhưng chất lượng rất tốt").label()).isEqualTo("positive");
        assertThat(score("Thẻ dùng tiện, tuy nhiên phí thường niên đắt cắt cổ").label()).isEqualTo("negative");
    }

    @Test
    void concession_weakensItsOwnClause() {
        assertThat(score("Mặc dù giá hơi đắt, đồ ăn rất ngon").label()).isEqualTo("positive");
        assertThat(score("Dù nhân viên niềm nở, hàng giao sai mô tả").label()).isEqualTo("negative");
    }

    @Test
    void plainWordOfATextWithDiacritics_matchesItsExactEntry() {
        // "hay" (good) folds like "hãy" (let's): only a text written with diacritics tells them apart.
        assertThat(score("Bài giảng rất hay").label()).isEqualTo("positive");
        assertThat(score("hay di an thu di").label()).isEqualTo("neutral");
    }

    @Test
    void elongatedLetters_readAsTheWord() {
        assertThat(score("ngonnnn quáaaa").label()).isEqualTo("positive");
        assertThat(score("ngonnnn quáaaa").score()).isEqualTo(score("ngon quá").score());
    }

    @Test
    void factsWithoutEvaluation_areNeutral() {
        Sentiment s = score("Lớp học bắt đầu lúc 7 giờ sáng thứ hai tại phòng B201");
        assertThat(s.label()).isEqualTo("neutral");
        assertThat(s.score()).isZero();
        assertThat(score("Ngân hàng yêu cầu khách hàng cập nhật căn cước").label()).isEqualTo("neutral"); // yêu cầu: a request
    }
}
