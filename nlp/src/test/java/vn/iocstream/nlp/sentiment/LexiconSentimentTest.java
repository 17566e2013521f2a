package vn.iocstream.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.Sentiment;
import vn.iocstream.nlp.SentimentScorer;
import vn.iocstream.nlp.TextNormalizer;

/** The lexicon scorer's rules, seen through the {@link SentimentClassifier} interface. */
class LexiconSentimentTest {

    private final SentimentClassifier lexicon = SentimentScorer.builtIn();

    private Sentiment classify(String text) {
        return lexicon.classify(TextNormalizer.normalizeSocial(text));
    }

    @Test
    void negatedNegative_isMilderPraise() {
        assertThat(classify("Làm thủ tục ở phường không tệ").label()).isEqualTo("positive");
        assertThat(classify("Làm thủ tục ở phường không tệ").score())
                .isLessThan(classify("Làm thủ tục ở phường tốt").score());
        assertThat(classify("Tôi không hài lòng với cách giải quyết").label()).isEqualTo("negative");
    }

    @Test
    void negation_stopsAtTheEndOfTheClause() {
        // "không" belongs to the first clause; "hài lòng" after the comma is not negated.
        assertThat(classify("chờ không lâu, rất hài lòng").label()).isEqualTo("positive");
    }

    @Test
    void notOnlyAndSurprise_areNotNegations() {
        assertThat(classify("Không ngờ xe buýt giờ sạch sẽ như vậy").label()).isEqualTo("positive");
        assertThat(classify("Bác sĩ không chỉ giỏi mà còn rất tận tình").label()).isEqualTo("positive");
    }

    @Test
    void contrast_theClauseAfterNhungDecides() {
        assertThat(classify("Nhân viên niềm nở nhưng hồ sơ để 3 tháng vẫn chưa giải quyết, quá chậm trễ").label())
                .isEqualTo("negative");
        assertThat(classify("Tưởng phải chờ lâu nhưng mà 20 phút là xong, nhanh gọn").label()).isEqualTo("positive");
    }

    @Test
    void intensifierInTeencode_strengthensTheTerm() {
        assertThat(classify("dịch vụ tệ wá").score()).isLessThan(classify("dịch vụ tệ").score());
        assertThat(classify("bệnh viện đông qá, mệt mỏi ghê").label()).isEqualTo("negative");
    }

    @Test
    void emojiAlone_carrySentiment() {
        assertThat(classify("giá điện tháng này 😡😤").label()).isEqualTo("negative");
        assertThat(classify("cầu mới thông xe 🥰👏").label()).isEqualTo("positive");
    }

    @Test
    void commentWithoutDiacritics_matchesFoldedDomainWords() {
        assertThat(classify("can bo nhung nhieu, dan buc xuc lam").label()).isEqualTo("negative");
        assertThat(classify("rac thai boc mui may ngay ko ai don").label()).isEqualTo("negative");
        assertThat(classify("xu ly kip thoi, nguoi dan hai long").label()).isEqualTo("positive");
    }

    @Test
    void decreaseOfABadThing_isGoodNews() {
        assertThat(classify("Tai nạn giao thông giảm mạnh sau đợt ra quân").label()).isEqualTo("positive");
        assertThat(classify("Người dân thoát cảnh ô nhiễm sau khi bãi rác đóng cửa").label()).isEqualTo("positive");
        assertThat(classify("Dập tắt kịp thời đám cháy").label()).isEqualTo("positive");
    }

    @Test
    void topicOfAMeeting_isNeutral() {
        assertThat(classify("Hội nghị bàn giải pháp phòng ngừa tham nhũng, tiêu cực").label()).isEqualTo("neutral");
        assertThat(classify("Kỳ thi tốt nghiệp diễn ra vào tháng 6").label()).isEqualTo("neutral");
    }

    @Test
    void evidence_splitsPositiveAndNegativeTerms() {
        SentimentScorer.Evidence e = SentimentScorer.builtIn().evidence(TextNormalizer.normalizeSocial("Cầu đẹp, đường lún"));
        assertThat(e.positive()).isEqualTo(2.0);
        assertThat(e.negative()).isEqualTo(2.0);
        assertThat(e.terms()).isEqualTo(2);
        assertThat(e.score()).isZero();
    }
}
