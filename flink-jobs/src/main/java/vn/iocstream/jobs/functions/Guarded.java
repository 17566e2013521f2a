package vn.iocstream.jobs.functions;

import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.DeadLetter;

/**
 * Wraps an operator so that a record it fails on goes to the dead letters (side output {@link DeadLetters#TAG}) with
 * the exception, instead of failing the task. A failing task restarts from its last checkpoint and meets the same
 * record again, so one poison pill (a bug nobody has found yet) would otherwise stop the pipeline for good. The
 * record is not retried: the operators are deterministic, so a second attempt fails the same way. A timer that fails
 * is dead-lettered as a description of the key and time. The wrapped operator keeps its state, timers, side outputs
 * and checkpoint hooks; errors other than stack overflows (out of memory, linkage) still fail the task.
 */
public final class Guarded {
    /** Name of the counter of records and timers an operator failed on. */
    public static final String COUNTER = "operatorFailures";
    private static final Logger LOG = LoggerFactory.getLogger(Guarded.class);
    private static final int REASON_CHARS = 2000;

    private Guarded() {}

    /**
     * @param topic the topic the record came from (the dead letter's source topic), e.g. {@code ioc.raw.posts}
     */
    public static <I, O> ProcessFunction<I, O> process(ProcessFunction<I, O> inner, String topic) {
        return new Process<>(inner, topic, TypeExtractor.createTypeInfo(ProcessFunction.class, inner.getClass(), 1, null, null));
    }

    public static <K, I, O> KeyedProcessFunction<K, I, O> keyed(KeyedProcessFunction<K, I, O> inner, String topic) {
        return new Keyed<>(inner, topic, TypeExtractor.createTypeInfo(KeyedProcessFunction.class, inner.getClass(), 2, null, null));
    }

    static DeadLetter deadLetter(String topic, String what, Object record, Throwable e) {
        String reason = what + " failed: " + e;
        if (reason.length() > REASON_CHARS) reason = reason.substring(0, REASON_CHARS);
        byte[] payload;
        try {
            payload = Json.bytes(record);
        } catch (RuntimeException notJson) {
            payload = String.valueOf(record).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return DeadLetter.of(topic, reason, payload, Instant.now());
    }

    /** What a guard catches: bugs on a record. A stack overflow is one (deep recursion on odd input); OOM is not. */
    static boolean recoverable(Throwable e) {
        return e instanceof RuntimeException || e instanceof StackOverflowError;
    }

    private static final class Process<I, O> extends ProcessFunction<I, O> implements ResultTypeQueryable<O> {
        private static final long serialVersionUID = 1L;
        private final ProcessFunction<I, O> inner;
        private final String topic;
        private final TypeInformation<O> produced;
        private transient Counter failures;

        Process(ProcessFunction<I, O> inner, String topic, TypeInformation<O> produced) {
            this.inner = inner;
            this.topic = topic;
            this.produced = produced;
        }

        @Override
        public void setRuntimeContext(RuntimeContext context) {
            super.setRuntimeContext(context);
            inner.setRuntimeContext(context);
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            failures = getRuntimeContext().getMetricGroup().counter(COUNTER);
            inner.open(openContext);
        }

        @Override
        public void close() throws Exception {
            inner.close();
        }

        @Override
        public void processElement(I value, Context ctx, Collector<O> out) throws Exception {
            try {
                inner.processElement(value, ctx, out);
            } catch (Exception | StackOverflowError e) {
                if (!recoverable(e)) throw e;
                failures.inc();
                LOG.warn("{} failed on a record from {}; dead-lettered: {}", inner.getClass().getSimpleName(), topic, e.toString());
                ctx.output(DeadLetters.TAG, deadLetter(topic, inner.getClass().getSimpleName(), value, e));
            }
        }

        @Override
        public TypeInformation<O> getProducedType() {
            return produced;
        }
    }

    private static final class Keyed<K, I, O> extends KeyedProcessFunction<K, I, O>
            implements ResultTypeQueryable<O>, CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private final KeyedProcessFunction<K, I, O> inner;
        private final String topic;
        private final TypeInformation<O> produced;
        private transient Counter failures;

        Keyed(KeyedProcessFunction<K, I, O> inner, String topic, TypeInformation<O> produced) {
            this.inner = inner;
            this.topic = topic;
            this.produced = produced;
        }

        @Override
        public void setRuntimeContext(RuntimeContext context) {
            super.setRuntimeContext(context);
            inner.setRuntimeContext(context);
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            failures = getRuntimeContext().getMetricGroup().counter(COUNTER);
            inner.open(openContext);
        }

        @Override
        public void close() throws Exception {
            inner.close();
        }

        @Override
        public void processElement(I value, Context ctx, Collector<O> out) throws Exception {
            try {
                inner.processElement(value, ctx, out);
            } catch (Exception | StackOverflowError e) {
                if (!recoverable(e)) throw e;
                failures.inc();
                LOG.warn("{} failed on a record of key {} from {}; dead-lettered: {}", inner.getClass().getSimpleName(),
                        ctx.getCurrentKey(), topic, e.toString());
                ctx.output(DeadLetters.TAG, deadLetter(topic, inner.getClass().getSimpleName(), value, e));
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
            try {
                inner.onTimer(timestamp, ctx, out);
            } catch (Exception | StackOverflowError e) {
                if (!recoverable(e)) throw e;
                failures.inc();
                String what = "timer of " + inner.getClass().getSimpleName() + " for key " + ctx.getCurrentKey() + " at "
                        + Instant.ofEpochMilli(timestamp);
                LOG.warn("{} failed; dead-lettered: {}", what, e.toString());
                ctx.output(DeadLetters.TAG, deadLetter(topic, what, String.valueOf(ctx.getCurrentKey()), e));
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            if (inner instanceof CheckpointedFunction c) c.snapshotState(context);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            if (inner instanceof CheckpointedFunction c) c.initializeState(context);
        }

        @Override
        public TypeInformation<O> getProducedType() {
            return produced;
        }
    }
}
