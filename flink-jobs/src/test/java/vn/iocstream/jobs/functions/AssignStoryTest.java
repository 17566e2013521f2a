package vn.iocstream.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.EnrichedPost;

class AssignStoryTest {
    private static final Instant NINE_AM = Instant.parse("2026-11-20T02:00:00Z");
    private static final long COPY_OF_A = 0x0F0F_0F0F_0F0F_0F0FL;

    @Test
    void postsArrivingOutOfOrder_areAssignedInEventTimeOrder_andTheBufferDrains() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<Integer, EnrichedPost, EnrichedPost> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(new AssignStory(10, 48 * 3_600_000L),
                             p -> AssignStory.ALL, Types.INT)) {
            // The copy arrives first (another partition was faster), the original a moment later.
            harness.processElement(post("copy", COPY_OF_A ^ 0b101, NINE_AM.plusSeconds(40)), NINE_AM.plusSeconds(40).toEpochMilli());
            harness.processElement(post("original", COPY_OF_A, NINE_AM), NINE_AM.toEpochMilli());
            harness.processElement(post("other", ~COPY_OF_A, NINE_AM.plusSeconds(10)), NINE_AM.plusSeconds(10).toEpochMilli());
            assertThat(harness.extractOutputValues()).isEmpty(); // held until the watermark passes them

            harness.processWatermark(NINE_AM.plusSeconds(60).toEpochMilli());

            List<EnrichedPost> out = harness.extractOutputValues();
            assertThat(out).extracting(EnrichedPost::id).containsExactly("original", "other", "copy");
            assertThat(out).extracting(EnrichedPost::storyId).containsExactly("original", "other", "original");
            assertThat(harness.numEventTimeTimers()).isZero();
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void quietFeed_isFlushedByWallClock_whenTheWatermarkStalls() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<Integer, EnrichedPost, EnrichedPost> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(new AssignStory(10, 48 * 3_600_000L),
                             p -> AssignStory.ALL, Types.INT)) {
            harness.setProcessingTime(0);
            harness.processElement(post("late-night", COPY_OF_A, NINE_AM), NINE_AM.toEpochMilli());
            harness.processElement(post("other", ~COPY_OF_A, NINE_AM.minusSeconds(5)), NINE_AM.minusSeconds(5).toEpochMilli());
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.setProcessingTime(AssignStory.MAX_WAIT_MS);

            assertThat(harness.extractOutputValues()).extracting(EnrichedPost::id).containsExactly("other", "late-night");
            assertThat(harness.numEventTimeTimers()).isZero();
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    private static EnrichedPost post(String id, long fingerprint, Instant at) {
        return new EnrichedPost(id, "https://baodongnai.com.vn/" + id + ".html", "press", "Báo Đồng Nai", "Tai nạn trên QL1A",
                "Nội dung", "", at, at, "Đồng Nai", List.of(), List.of(), 4, "negative", -0.5, List.of(), fingerprint, id);
    }
}
