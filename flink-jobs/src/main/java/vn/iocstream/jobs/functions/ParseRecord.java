package vn.iocstream.jobs.functions;

import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableFunction;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.jobs.io.Parsed;
import vn.iocstream.jobs.io.RawRecord;

/** Parses raw-topic bytes with a pure parser; what it refuses goes to the dead letters with the parser's reason. */
public final class ParseRecord<T> extends ProcessFunction<RawRecord, T> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<byte[], Parsed<T>> parser;
    private transient Counter deadLetters;

    public ParseRecord(SerializableFunction<byte[], Parsed<T>> parser) {
        this.parser = parser;
    }

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter(DeadLetters.COUNTER);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<T> out) {
        Parsed<T> parsed;
        try {
            parsed = parser.apply(raw.value());
        } catch (RuntimeException e) { // a parser bug must not stop the job either
            parsed = Parsed.refused("parser failed: " + e);
        }
        if (parsed.isOk()) {
            out.collect(parsed.value());
            return;
        }
        deadLetters.inc();
        ctx.output(DeadLetters.TAG, DeadLetter.of(raw.topic(), parsed.reason(), raw.value(), Instant.now()));
    }
}
