package vn.iocstream.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.Topics;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.jobs.detectors.trend.TrendHit;

class ToTrendHitsTest {
    private static final Instant NOON = Instant.parse("2026-11-20T05:00:00Z");

    @Test
    void postWithoutItsLists_goesToDeadLetters_andTheNextPostIsCounted() throws Exception {
        ToTrendHits function = new ToTrendHits(ConfigLoader.defaults().nlp(), Map.of("chay-no", "Cháy nổ"), 24);
        // As MediaJob wires it: guarded, so that one odd post is dead-lettered and the next still counted.
        try (OneInputStreamOperatorTestHarness<EnrichedPost, TrendHit> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(Guarded.process(function, Topics.ENRICHED_POSTS))) {
            // A producer outside the pipeline wrote an enriched post without its entity and watchlist lists.
            harness.processElement(post("x1", null, null), NOON.toEpochMilli());
            harness.processElement(post("p1", List.of(), List.of("chay-no")), NOON.toEpochMilli());

            List<DeadLetter> dead = harness.getSideOutput(DeadLetters.TAG).stream().map(StreamRecord::getValue).toList();
            assertThat(dead).singleElement().satisfies(d -> {
                assertThat(d.sourceTopic()).isEqualTo(Topics.ENRICHED_POSTS);
                assertThat(d.reason()).startsWith("ToTrendHits failed: java.lang.NullPointerException");
            });
            assertThat(harness.extractOutputValues()).allMatch(h -> h.postId().equals("p1"))
                    .extracting(TrendHit::groupKey).contains("watchlist:chay-no", "phrase:kho hóa chất", "story:p1");
        }
    }

    private static EnrichedPost post(String id, List<EntityMention> entities, List<String> watchlists) {
        return new EnrichedPost(id, "https://baobinhduong.vn/" + id + ".html", "press", "Báo Bình Dương",
                "Cháy kho hóa chất ở Thuận An, khói đen bao trùm khu dân cư", "Lực lượng PCCC đã khống chế đám cháy.",
                "Minh Khang", NOON, NOON, "TP Hồ Chí Minh", List.of("Thuận An"), entities, 20, "negative", -0.7, watchlists,
                7L, id);
    }
}
