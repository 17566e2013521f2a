package vn.iocstream.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.Topics;
import vn.iocstream.core.model.DeadLetter;

/**
 * A poison pill, injected: an operator that fails on one record. Guarded, the record is dead-lettered with the
 * exception and the job goes on; the job below runs with restarts disabled, so any escaped failure fails the test.
 */
class GuardedTest {

    /** Fails on the post whose text mentions the magic word, as a bug on one odd input would. */
    static final class FailsOnOneRecord extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            if (value.contains("độc")) throw new IllegalStateException("lỗi chưa ai thấy trên: " + value);
            out.collect(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Counts per key in keyed state; its timer fails for one key. */
    static final class CountsWithAFailingTimer extends KeyedProcessFunction<String, String, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<Long> out) throws Exception {
            if (value.equals("nổ")) throw new ArithmeticException("long overflow");
            long n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            ctx.timerService().registerEventTimeTimer(100);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) throws Exception {
            if (ctx.getCurrentKey().equals("xấu")) throw new IllegalStateException("timer bug");
            out.collect(count.value());
            count.clear();
        }
    }

    @Test
    void operatorFailingOnOneRecord_deadLettersIt_andTheJobFinishesWithoutARestart() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        SingleOutputStreamOperator<String> out = env.fromData("mưa lớn", "tin độc", "ngập sâu", "kẹt xe")
                .process(Guarded.process(new FailsOnOneRecord(), Topics.RAW_POSTS)).name("fails-on-one").uid("fails-on-one");
        List<String> results = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        try (CloseableIterator<DeadLetter> d = out.getSideOutput(DeadLetters.TAG).executeAndCollect("dead-letters")) {
            d.forEachRemaining(dead::add);
        }
        try (CloseableIterator<String> r = out.executeAndCollect("results")) {
            r.forEachRemaining(results::add);
        }
        assertThat(results).containsExactlyInAnyOrder("MƯA LỚN", "NGẬP SÂU", "KẸT XE");
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.sourceTopic()).isEqualTo(Topics.RAW_POSTS);
            assertThat(d.reason()).startsWith("FailsOnOneRecord failed: java.lang.IllegalStateException: lỗi chưa ai thấy");
            assertThat(new String(d.payload(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\"tin độc\"");
        });
    }

    @Test
    void keyedOperator_keepsItsStateAndTimers_andDeadLettersARecordAndATimerItFailsOn() throws Exception {
        KeyedProcessFunction<String, String, Long> guarded = Guarded.keyed(new CountsWithAFailingTimer(), Topics.RAW_REPORTS);
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(guarded),
                v -> v.equals("nổ") ? "tốt" : v.startsWith("xấu") ? "xấu" : "tốt", Types.STRING)) {
            harness.open();
            harness.processElement("tốt", 10);
            harness.processElement("tốt", 11);
            harness.processElement("nổ", 12);
            harness.processElement("xấu", 13);
            harness.processWatermark(200);
            assertThat(harness.extractOutputValues()).containsExactly(2L);
            assertThat(harness.getSideOutput(DeadLetters.TAG)).extracting(r -> r.getValue().reason())
                    .anyMatch(r -> r.startsWith("CountsWithAFailingTimer failed: java.lang.ArithmeticException: long overflow"))
                    .anyMatch(r -> r.startsWith("timer of CountsWithAFailingTimer for key xấu at 1970-01-01T00:00:00.100Z failed"));
            assertThat(harness.numEventTimeTimers()).isZero();
            assertThat(guarded).isInstanceOf(org.apache.flink.api.java.typeutils.ResultTypeQueryable.class);
        }
    }
}
