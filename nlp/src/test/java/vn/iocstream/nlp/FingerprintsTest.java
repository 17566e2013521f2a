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
        // Stored with every post and compared with fingerprints of earlier posts: the same text must keep
        // its value, including syllables outside ASCII after folding.
        assertThat(fp("Xe khách va chạm xe tải trên quốc lộ 14 ở Bình Phước, 3 người bị thương."))
                .isEqualTo(-3245041303281484158L);
        assertThat(fp("Đoàn khách 北京 thăm Hà Nội, gặp Ильич và Zoë 😀 tại #ĐàNẵng")).isEqualTo(4723150609714743381L);
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
