package vn.iocstream.jobs.functions;

import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.jobs.io.RawRecord;

/** Parses raw-topic JSON into posts; broken JSON or a post missing a required field goes to the dead letters. */
public final class ParseRawPost extends ProcessFunction<RawRecord, RawPost> {
    private static final long serialVersionUID = 1L;
    private transient Counter deadLetters;

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter(DeadLetters.COUNTER);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<RawPost> out) {
        String reason;
        try {
            RawPost post = Json.parse(raw.value(), RawPost.class);
            String missing = post == null ? "record" : post.missingField();
            if (missing == null) {
                out.collect(post);
                return;
            }
            reason = "missing field: " + missing;
        } catch (Json.JsonException e) {
            reason = e.getMessage();
        }
        deadLetters.inc();
        ctx.output(DeadLetters.TAG, DeadLetter.of(raw.topic(), reason, raw.value(), Instant.now()));
    }
}
