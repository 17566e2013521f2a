package vn.iocstream.nlp.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.Fingerprints;
import vn.iocstream.nlp.TextNormalizer;

class StoryTextTest {
    private static final String LEAD = "Khoảng 7 giờ sáng 12/11, trên quốc lộ 14 đoạn qua xã Tân Lập, tỉnh Bình Phước cũ, xe tải "
            + "chở đá mất lái tông vào nhiều xe máy đang dừng chờ đèn đỏ.";
    private static final String P1 = "Cú tông mạnh khiến một người tử vong tại chỗ, hai người bị thương nặng được người dân đưa "
            + "đi cấp cứu tại Bệnh viện Đa khoa tỉnh.";
    private static final String P2 = "Nhận tin báo, Phòng Cảnh sát giao thông Công an tỉnh Đồng Nai đã cử lực lượng đến hiện "
            + "trường, phân luồng giao thông và điều tra nguyên nhân.";
    private static final String P3 = "\"Đoạn đường này tháng nào cũng có tai nạn, chúng tôi đã nhiều lần kiến nghị lắp đèn tín "
            + "hiệu\", bà Trần Thị Mai bức xúc.";
    private static final String ORIGINAL = String.join("\n", LEAD, P1, P2, P3);

    @Test
    void boilerplateOfARepublishingOutlet_isLeftOut() {
        String copy = String.join("\n",
                "Nhóm PV",
                "TPO - Sáng 12/11, một vụ tai nạn liên hoàn xảy ra trên quốc lộ 14 khiến một người chết, hai người bị thương.",
                "Lực lượng chức năng có mặt tại hiện trường (Ảnh: CTV).",
                P1,
                "Xem thêm:",
                "Tai nạn liên hoàn trên quốc lộ 14, một người tử vong",
                "Xe container lật nghiêng trên cao tốc, tài xế thoát nạn",
                P2,
                P3,
                "Theo TTXVN",
                "MINH HẢI",
                "Bản quyền thuộc về báo Tiền Phong. Ghi rõ nguồn \"Tiền Phong\" khi phát hành lại thông tin từ website này.");
        assertThat(StoryText.of(copy)).isEqualTo(String.join("\n", P1, P2, P3));
        assertThat(StoryText.of(ORIGINAL)).isEqualTo(String.join("\n", P1, P2, P3));
        assertThat(StoryText.fingerprint(copy)).isEqualTo(StoryText.fingerprint(ORIGINAL));
    }

    @Test
    void shortBody_keepsItsLead() {
        String body = LEAD + "\n" + P1 + "\nThanh Hương";
        assertThat(StoryText.of(body)).isEqualTo(LEAD + "\n" + P1);
    }

    @Test
    void textWithoutProse_isTakenWhole() {
        String post = "ket xe qua troi o nga tu Vung Tau luc 7h sang nay ae tranh nha";
        assertThat(StoryText.of(post)).isEqualTo(post);
        assertThat(StoryText.fingerprint(post)).isEqualTo(Fingerprints.of(TextNormalizer.normalize(post)));
    }

    @Test
    void proseThatMentionsPhotosOrEmail_isKept_butCaptionsAndNoticesAreNot() {
        assertThat(StoryText.of(String.join("\n", LEAD, P1, P2,
                "Nhiều hình ảnh vụ tai nạn được người dân chia sẻ lên mạng xã hội ngay sau đó.",
                "Bạn đọc có thông tin phản ánh xin gửi về đường dây nóng của tòa soạn hoặc email toasoan@baodongnai.vn.",
                "Mời quý độc giả theo dõi các chương trình đã phát sóng của Đài Truyền hình Việt Nam trên TV Online và VTVGo!")))
                .isEqualTo(String.join("\n", P1, P2, "Nhiều hình ảnh vụ tai nạn được người dân chia sẻ lên mạng xã hội ngay sau đó."));
    }
}
