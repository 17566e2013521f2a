package vn.iocstream.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
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

    @Test
    void replay_givesTheSameStoryIds_alsoAcrossACheckpointRestore() throws Exception {
        List<EnrichedPost> posts = stream(new Random(21), 400, 5 * 60_000L);
        List<String> first = run(posts, 0, posts.size(), null).ids();
        assertThat(run(posts, 0, posts.size(), null).ids()).isEqualTo(first);
        assertThat(first.stream().distinct().count()).isBetween(100L, 399L); // copies joined, new stories did not

        Run beforeCrash = run(posts, 0, 200, null);
        Run afterRestore = run(posts, 200, posts.size(), beforeCrash.snapshot());
        List<String> resumed = new ArrayList<>(beforeCrash.ids());
        resumed.addAll(afterRestore.ids());
        assertThat(resumed).isEqualTo(first);
    }

    @Test
    void state_isBoundedByTheWindow_andTimersDrain() throws Exception {
        // Five days of posts, one every 10 minutes, with a 48-hour window: at most 48 × 6 + 1 remembered.
        AssignStory assign = new AssignStory(10, 48 * 3_600_000L);
        try (KeyedOneInputStreamOperatorTestHarness<Integer, EnrichedPost, EnrichedPost> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(assign, p -> AssignStory.ALL, Types.INT)) {
            harness.setProcessingTime(0);
            for (EnrichedPost p : stream(new Random(5), 5 * 24 * 6, 10 * 60_000L)) {
                harness.processElement(p, p.publishedAt().toEpochMilli());
                harness.processWatermark(p.publishedAt().toEpochMilli());
            }
            assertThat(harness.extractOutputValues()).hasSize(5 * 24 * 6);
            assertThat(assign.remembered()).isBetween(48 * 6 - 1, 48 * 6 + 1);
            harness.setProcessingTime(AssignStory.MAX_WAIT_MS);
            assertThat(harness.numEventTimeTimers()).isZero();
            assertThat(harness.numProcessingTimeTimers()).isZero();
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    /** The ids one operator gives to {@code posts[from, to)}, after restoring {@code restore} if given; and its snapshot. */
    private record Run(List<String> ids, OperatorSubtaskState snapshot) {}

    private static Run run(List<EnrichedPost> posts, int from, int to, OperatorSubtaskState restore) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<Integer, EnrichedPost, EnrichedPost> harness =
                     new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new AssignStory(10, 48 * 3_600_000L)),
                             p -> AssignStory.ALL, Types.INT)) {
            if (restore != null) harness.initializeState(restore);
            harness.open();
            for (int i = from; i < to; i++) {
                EnrichedPost p = posts.get(i);
                harness.processElement(p, p.publishedAt().toEpochMilli());
                if (i % 10 == 9) harness.processWatermark(p.publishedAt().toEpochMilli());
            }
            harness.processWatermark(posts.get(to - 1).publishedAt().toEpochMilli());
            List<String> ids = harness.extractOutputValues().stream().map(EnrichedPost::storyId).toList();
            return new Run(ids, harness.snapshot(1, 1));
        }
    }

    /** Posts one every {@code stepMs}; half copy a recent post with a few bits changed. */
    private static List<EnrichedPost> stream(Random random, int n, long stepMs) {
        List<EnrichedPost> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long fp = i > 0 && random.nextBoolean()
                    ? out.get(i - 1 - random.nextInt(Math.min(i, 20))).fingerprint() ^ (1L << random.nextInt(64))
                    : random.nextLong() | 1;
            out.add(post("p" + i, fp, NINE_AM.plusMillis(i * stepMs)));
        }
        return out;
    }

    private static EnrichedPost post(String id, long fingerprint, Instant at) {
        return new EnrichedPost(id, "https://baodongnai.com.vn/" + id + ".html", "press", "Báo Đồng Nai", "Tai nạn trên QL1A",
                "Nội dung", "", at, at, "Đồng Nai", List.of(), List.of(), 4, "negative", -0.5, List.of(), fingerprint, id);
    }
}
