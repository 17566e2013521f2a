package vn.iocstream.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.Topics;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.jobs.io.RawPosts;
import vn.iocstream.jobs.io.RawRecord;

class ParseRecordTest {
    private static RawRecord raw(String json) {
        return new RawRecord(Topics.RAW_POSTS, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void postMissingItsPublishedTime_isDeadLetteredWithTheField() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ParseRecord<>(new RawPosts(RecordLimits.DEFAULT)::parse)))) {
            harness.open();
            harness.processElement(raw("{\"id\":\"p1\",\"url\":\"https://baotayninh.vn/a\",\"text\":\"Ngập sâu ở phường Tân Ninh\"}"), 0);
            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(DeadLetters.TAG)).singleElement()
                    .satisfies(r -> assertThat(r.getValue().reason()).startsWith("missing field"));
        }
    }

    @Test
    void postFromTheYear300000000_isDeadLetteredWithTheWindow_beforeAnyWatermarkSeesIt() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ParseRecord<>(new RawPosts(RecordLimits.DEFAULT)::parse)))) {
            harness.open();
            harness.processElement(raw("{\"id\":\"p1\",\"url\":\"https://baotayninh.vn/a\",\"kind\":\"press\","
                    + "\"text\":\"Ngập sâu ở phường Tân Ninh\",\"publishedAt\":\"+300000000-01-01T00:00:00Z\"}"), 0);
            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(DeadLetters.TAG)).singleElement()
                    .satisfies(r -> assertThat(r.getValue().reason()).startsWith("publishedAt +300000000-01-01T00:00:00Z outside the plausible window"));
        }
    }

    @Test
    void parserBug_isDeadLettered_notThrown() throws Exception {
        ParseRecord<RawPost> buggy = new ParseRecord<>(bytes -> {
            throw new IllegalStateException("bảng mã lạ");
        });
        try (var harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(buggy))) {
            harness.open();
            harness.processElement(raw("{}"), 0);
            DeadLetter dead = harness.getSideOutput(DeadLetters.TAG).peek().getValue();
            assertThat(dead.reason()).contains("parser failed").contains("bảng mã lạ");
            assertThat(dead.sourceTopic()).isEqualTo(Topics.RAW_POSTS);
        }
    }
}
