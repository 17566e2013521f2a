package vn.iocstream.nlp.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.Fingerprints;
import vn.iocstream.nlp.TextNormalizer;

class StoryIndexTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final String ORIGINAL = "Khoảng 7 giờ sáng nay, trên quốc lộ 14 đoạn qua phường Tân Phú, thành phố Đồng Xoài, "
            + "tỉnh Bình Phước cũ, một xe tải chở đá mất lái đã tông vào nhiều xe máy đang dừng chờ đèn đỏ. Vụ tai nạn "
            + "giao thông làm một người tử vong tại chỗ, hai người bị thương nặng được đưa đi cấp cứu. Công an tỉnh Đồng Nai "
            + "đang điều tra nguyên nhân vụ việc, tài xế xe tải đã bị tạm giữ để phục vụ công tác điều tra.";
    private static final String SYNDICATED = ORIGINAL.replace("Khoảng 7 giờ sáng nay", "Sáng 12/11")
            .replace("đang điều tra nguyên nhân vụ việc", "đang làm rõ nguyên nhân");
    private static final String OTHER = "Giá xăng RON 95 giảm hơn 500 đồng mỗi lít từ 15 giờ chiều nay theo quyết định điều "
            + "hành của liên Bộ Công Thương và Tài chính. Giá dầu diesel cũng giảm nhẹ, trong khi giá dầu hỏa giữ nguyên. "
            + "Các doanh nghiệp đầu mối được yêu cầu không trích lập quỹ bình ổn giá trong kỳ điều hành này.";

    private final StoryIndex index = new StoryIndex(12, 48 * HOUR);

    @Test
    void syndicatedCopy_joinsTheOriginalsStory_unrelatedPostStartsItsOwn() {
        assertThat(index.assign("p1", fp(ORIGINAL), 0)).isEqualTo("p1");
        assertThat(index.assign("p2", fp(SYNDICATED), HOUR)).isEqualTo("p1");
        assertThat(index.assign("p3", fp(OTHER), HOUR)).isEqualTo("p3");
    }

    @Test
    void copyAfterTheWindow_startsANewStory_andOldPostsAreForgotten() {
        index.assign("p1", fp(ORIGINAL), 0);
        assertThat(index.assign("p2", fp(SYNDICATED), 49 * HOUR)).isEqualTo("p2");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void restoredIndex_assignsLikeTheOriginal() {
        index.assign("p1", fp(ORIGINAL), 0);
        index.assign("p3", fp(OTHER), HOUR);
        StoryIndex restored = StoryIndex.restore(12, 48 * HOUR, index.entries());
        assertThat(restored.assign("p2", fp(SYNDICATED), 2 * HOUR)).isEqualTo("p1");
        assertThat(restored.size()).isEqualTo(3);
    }

    private static long fp(String text) {
        return Fingerprints.of(TextNormalizer.normalize(text));
    }
}
