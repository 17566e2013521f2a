package vn.iocstream.nlp.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoryIndexTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final String ORIGINAL = String.join("\n",
            "Khoảng 7 giờ sáng nay, trên quốc lộ 14 đoạn qua phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước cũ, một xe "
                    + "tải chở đá mất lái đã tông vào nhiều xe máy đang dừng chờ đèn đỏ.",
            "Vụ tai nạn giao thông làm một người tử vong tại chỗ, hai người bị thương nặng được đưa đi cấp cứu.",
            "Công an tỉnh Đồng Nai đang điều tra nguyên nhân vụ việc, tài xế xe tải đã bị tạm giữ để phục vụ công tác điều tra.",
            "Người dân sống gần hiện trường cho biết đoạn đường này hẹp, nhiều khúc cua và đã xảy ra nhiều vụ tai nạn.");
    private static final String SYNDICATED = "(Dân trí) - " + ORIGINAL.replace("Khoảng 7 giờ sáng nay", "Sáng 12/11")
            .replace("đang điều tra nguyên nhân vụ việc", "đang làm rõ nguyên nhân") + "\nTheo Báo Bình Phước";
    private static final String OTHER = "Giá xăng RON 95 giảm hơn 500 đồng mỗi lít từ 15 giờ chiều nay theo quyết định điều "
            + "hành của liên Bộ Công Thương và Tài chính. Giá dầu diesel cũng giảm nhẹ, trong khi giá dầu hỏa giữ nguyên. "
            + "Các doanh nghiệp đầu mối được yêu cầu không trích lập quỹ bình ổn giá trong kỳ điều hành này.";

    private final StoryIndex index = new StoryIndex(10, 48 * HOUR);

    @Test
    void syndicatedCopy_joinsTheOriginalsStory_unrelatedPostStartsItsOwn() {
        assertThat(index.assign("p1", StoryText.fingerprint(ORIGINAL), 0)).isEqualTo("p1");
        assertThat(index.assign("p2", StoryText.fingerprint(SYNDICATED), HOUR)).isEqualTo("p1");
        assertThat(index.assign("p3", StoryText.fingerprint(OTHER), HOUR)).isEqualTo("p3");
    }

    @Test
    void copyAfterTheWindow_startsANewStory_andOldPostsAreForgotten() {
        index.assign("p1", StoryText.fingerprint(ORIGINAL), 0);
        assertThat(index.assign("p2", StoryText.fingerprint(SYNDICATED), 49 * HOUR)).isEqualTo("p2");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void postsWithoutWords_areStoriesOfTheirOwn_andNotRemembered() {
        assertThat(index.assign("img1", 0L, 0)).isEqualTo("img1");
        assertThat(index.assign("img2", 0L, 1)).isEqualTo("img2");
        assertThat(index.size()).isZero();
    }

    @Test
    void restoredIndex_assignsLikeTheOriginal() {
        StoryIndex twin = new StoryIndex(10, 48 * HOUR);
        List<long[]> stream = clusteredStream(new Random(11), 3_000, 10, 40 * HOUR / 1_000);
        for (int i = 0; i < 1_500; i++) {
            index.assign("p" + i, stream.get(i)[0], stream.get(i)[1]);
            twin.assign("p" + i, stream.get(i)[0], stream.get(i)[1]);
        }
        StoryIndex restored = StoryIndex.restore(10, 48 * HOUR, index.entries());
        assertThat(restored.entries()).isEqualTo(index.entries());
        for (int i = 1_500; i < stream.size(); i++) {
            assertThat(restored.assign("p" + i, stream.get(i)[0], stream.get(i)[1]))
                    .isEqualTo(twin.assign("p" + i, stream.get(i)[0], stream.get(i)[1]));
        }
    }

    /**
     * The index answers exactly as comparing each post with every remembered one, oldest first — for distances
     * whose probes cover 0 to 4 flipped bits per block, through growth of the arrays and eviction of old posts.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 3, 4, 7, 10, 13, 16})
    void assignments_equalAScanOfTheWholeWindow(int maxDistance) {
        Random random = new Random(maxDistance);
        long windowMs = 6 * HOUR;
        // A post every ~2 minutes of event time over 24 h: the window holds ~180 and evicts all along.
        List<long[]> stream = clusteredStream(random, 4_000, maxDistance + 3, 2 * 60_000);
        StoryIndex exact = new StoryIndex(maxDistance, windowMs);
        List<String[]> remembered = new ArrayList<>(); // {story, fingerprint, time}
        int joined = 0;
        for (int i = 0; i < stream.size(); i++) {
            long fp = stream.get(i)[0];
            long time = stream.get(i)[1];
            long cutoff = time - windowMs;
            remembered.removeIf(e -> Long.parseLong(e[2]) < cutoff);
            String expected = "p" + i;
            for (String[] e : remembered) {
                if (Long.bitCount(Long.parseLong(e[1]) ^ fp) <= maxDistance) {
                    expected = e[0];
                    break;
                }
            }
            remembered.add(new String[] {expected, Long.toString(fp), Long.toString(time)});
            if (!expected.equals("p" + i)) joined++;
            assertThat(exact.assign("p" + i, fp, time)).as("post %d", i).isEqualTo(expected);
        }
        assertThat(exact.size()).isEqualTo(remembered.size());
        assertThat(joined).isGreaterThan(500); // the stream did exercise joins, not only new stories
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 10, 12, 16})
    void everyPairWithinTheLimit_isGrouped_andNoPairBeyondIt(int limit) {
        List<StoryEvaluation.DistanceRow> rows = StoryEvaluation.perDistance(limit, 16, 300, 3_000, 5);
        for (StoryEvaluation.DistanceRow r : rows) {
            double grouped = (double) r.grouped() / r.pairs();
            if (r.distance() <= limit) assertThat(grouped).as("distance %d", r.distance()).isGreaterThanOrEqualTo(0.99);
            else assertThat(r.grouped()).as("distance %d", r.distance()).isZero();
        }
        // What the issue found: the banded search grouped a third of the pairs 8 bits apart.
        if (limit == 10) assertThat((double) rows.get(8).groupedBefore() / rows.get(8).pairs()).isLessThan(0.45);
    }

    @Test
    void distanceBeyondTheSupportedRange_isRejected() {
        assertThatThrownBy(() -> new StoryIndex(StoryIndex.MAX_DISTANCE + 1, HOUR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoryIndex(-1, HOUR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void probes_areEveryMaskWithinTheRadius() {
        assertThat(StoryIndex.masksWithin(0)).containsExactly(0);
        assertThat(StoryIndex.masksWithin(2)).hasSize(1 + 16 + 120).doesNotHaveDuplicates();
    }

    /**
     * {fingerprint, time} in time order: a third new stories, the rest copies of a recent post with up to
     * {@code spread} bits flipped, so that pairs fall on both sides of the limit.
     */
    private static List<long[]> clusteredStream(Random random, int n, int spread, long stepMs) {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long fp = i == 0 || random.nextInt(3) == 0 ? random.nextLong()
                    : out.get(Math.max(0, i - 1 - random.nextInt(Math.min(i, 50))))[0]
                            ^ StoryEvaluation.randomMask(random.nextInt(spread + 1), random);
            out.add(new long[] {fp == 0 ? 1 : fp, i * stepMs});
        }
        return out;
    }
}
