package vn.iocstream.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

    static final String ARTICLE = "Khoảng 5 giờ sáng nay, xe khách giường nằm chở 32 hành khách lưu thông trên quốc lộ 14 "
            + "hướng từ Đồng Xoài đi Bù Đăng thì bất ngờ va chạm với xe tải chở keo. Cú tông mạnh khiến phần đầu "
            + "xe khách bị biến dạng, tài xế và hai hành khách ngồi phía trước bị thương nặng, được người dân đưa "
            + "đi cấp cứu tại bệnh viện đa khoa tỉnh. Lực lượng cảnh sát giao thông đã có mặt phân luồng, giao "
            + "thông trên tuyến ùn tắc hơn hai giờ. Nguyên nhân vụ tai nạn đang được cơ quan chức năng điều tra "
            + "làm rõ. Theo người dân địa phương, đoạn đường này hẹp, nhiều khúc cua và thường xảy ra tai nạn "
            + "vào sáng sớm khi sương mù dày đặc.";

    /** The same story as another outlet republishes it: new lead words, a byline, a changed figure. */
    static final String SYNDICATED = "Rạng sáng nay, xe khách giường nằm chở 32 hành khách lưu thông trên quốc lộ 14 "
            + "hướng từ Đồng Xoài đi Bù Đăng thì bất ngờ va chạm với xe tải chở keo. Cú tông mạnh khiến phần đầu "
            + "xe khách bị biến dạng, tài xế và ba hành khách ngồi phía trước bị thương nặng, được người dân đưa "
            + "đi cấp cứu tại bệnh viện đa khoa tỉnh. Lực lượng cảnh sát giao thông đã có mặt phân luồng, giao "
            + "thông trên tuyến ùn tắc hơn hai giờ. Nguyên nhân vụ tai nạn đang được cơ quan chức năng điều tra "
            + "làm rõ. Theo người dân địa phương, đoạn đường này hẹp, nhiều khúc cua và thường xảy ra tai nạn "
            + "vào sáng sớm khi sương mù dày đặc. (Theo Báo Bình Phước)";

    static final String UNRELATED = "Giá xăng dầu trong nước được điều chỉnh tăng từ 15 giờ chiều nay theo quyết định "
            + "của liên bộ Công Thương và Tài chính. Mỗi lít xăng RON 95 tăng 420 đồng, dầu diesel tăng 380 đồng. "
            + "Nhiều tài xế xe công nghệ cho biết thu nhập vốn đã giảm nay lại càng khó khăn hơn, trong khi các "
            + "doanh nghiệp vận tải tính đến chuyện điều chỉnh giá cước. Cơ quan quản lý cho biết quỹ bình ổn giá "
            + "tiếp tục được sử dụng để hạn chế mức tăng, đồng thời yêu cầu các cửa hàng không được ngừng bán.";

    private static long fp(String text) {
        return Fingerprints.of(TextNormalizer.normalize(text));
    }

    @Test
    void fingerprint_isStableAcrossReleases() {
        // Stored in checkpointed story state and compared with fingerprints of earlier posts: the same text must
        // keep its value, including syllables outside ASCII after folding. (Changed once, when SimHash gave way to
        // minwise bits: stories open across that upgrade do not take new copies.)
        assertThat(fp("Xe khách va chạm xe tải trên quốc lộ 14 ở Bình Phước, 3 người bị thương."))
                .isEqualTo(-9043996598401269539L);
        assertThat(fp("Đoàn khách 北京 thăm Hà Nội, gặp Ильич và Zoë 😀 tại #ĐàNẵng")).isEqualTo(5116816298720595585L);
    }

    @Test
    void bitsDiffer_withProbabilityHalfTheJaccardDistance() {
        // Shingle sets that share half their members (J = 1/3) differ in about a third of the bits; disjoint
        // ones in about half. 400 texts, so the averages are tight (standard error under 0.3 bits).
        java.util.Random random = new java.util.Random(3);
        double sharedHalf = 0;
        double disjoint = 0;
        for (int t = 0; t < 400; t++) {
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            StringBuilder c = new StringBuilder();
            for (int w = 0; w < 60; w++) {
                String common = "w" + random.nextInt(1_000_000_000);
                a.append(common).append(" ");
                b.append(w < 30 ? common : "x" + random.nextInt(1_000_000_000)).append(" ");
                c.append("y").append(random.nextInt(1_000_000_000)).append(" ");
            }
            sharedHalf += Fingerprints.hamming(fp(a.toString()), fp(b.toString()));
            disjoint += Fingerprints.hamming(fp(a.toString()), fp(c.toString()));
        }
        // J = 28 shared shingles of 58 + 58 − 28: (1 − 28/88)/2 × 64 = 21.8 bits.
        assertThat(sharedHalf / 400).isBetween(20.5, 23.1);
        assertThat(disjoint / 400).isBetween(31.0, 33.0);
    }

    @Test
    void syndicatedCopy_isWithinAFewBits() {
        assertThat(Fingerprints.hamming(fp(ARTICLE), fp(SYNDICATED))).isLessThanOrEqualTo(8);
    }

    @Test
    void copyWithoutDiacritics_isIdentical() {
        assertThat(fp(TextNormalizer.fold(ARTICLE))).isEqualTo(fp(ARTICLE));
    }

    @Test
    void unrelatedStory_isFarAway() {
        assertThat(Fingerprints.hamming(fp(ARTICLE), fp(UNRELATED))).isGreaterThanOrEqualTo(20);
    }

    @Test
    void emptyText_hasZeroFingerprint() {
        assertThat(fp("  ... ")).isZero();
        assertThat(fp("Cháy chợ")).isNotZero();
    }

    @Test
    void hamming_countsDifferingBits() {
        assertThat(Fingerprints.hamming(0b1011L, 0b0010L)).isEqualTo(2);
        assertThat(Fingerprints.hamming(-1L, 0L)).isEqualTo(64);
    }
}
