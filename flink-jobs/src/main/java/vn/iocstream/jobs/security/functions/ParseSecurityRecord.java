package vn.iocstream.jobs.security.functions;

import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.jobs.functions.DeadLetters;
import vn.iocstream.jobs.io.RawRecord;
import vn.iocstream.jobs.security.ParseResult;
import vn.iocstream.jobs.security.SecurityEvent;
import vn.iocstream.jobs.security.SecurityParsers;

/** Envelope + line → {@link SecurityEvent}; anything unparseable goes to the dead letters with the parser's reason. */
public final class ParseSecurityRecord extends ProcessFunction<RawRecord, SecurityEvent> {
    private static final long serialVersionUID = 1L;
    private final SecurityParsers parsers;
    private transient Counter deadLetters;

    public ParseSecurityRecord(SecurityParsers parsers) {
        this.parsers = parsers;
    }

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter(DeadLetters.COUNTER);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<SecurityEvent> out) {
        ParseResult result;
        try {
            result = parsers.parse(raw.value());
        } catch (RuntimeException e) { // a parser bug must not stop the job either
            result = ParseResult.error("parser failed: " + e);
        }
        if (result.ok()) {
            out.collect(result.event());
            return;
        }
        deadLetters.inc();
        ctx.output(DeadLetters.TAG, DeadLetter.of(raw.topic(), result.error(), raw.value(), Instant.now()));
    }
}
