package vn.iocstream.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class LiveWatermarksTest {
    private final AtomicLong wall = new AtomicLong(1_000_000);
    private final Recorder out = new Recorder();

    private static final class Recorder implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();
        boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }

        long last() {
            return watermarks.get(watermarks.size() - 1);
        }
    }

    @Test
    void afterABurstAndSilence_theWatermarkMovesOnWithTheWallClock() {
        LiveWatermarks<String> w = new LiveWatermarks<>(5_000, 10_000, wall::get);
        w.onEvent("bài 1", 500_000, out);
        w.onEvent("bài 2", 560_000, out);
        w.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(560_000 - 5_000 - 1);
        wall.addAndGet(10_000); // quiet, but not yet for longer than idleness
        w.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(554_999);
        wall.addAndGet(20_000); // 30 s of silence: time went on for 20 s past the idleness
        w.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(554_999 + 20_000);
        // A new record resets the clock; an older one never moves the watermark back.
        w.onEvent("bài 3", 520_000, out);
        w.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(554_999);
        assertThat(out.idle).isFalse();
    }

    @Test
    void aSubtaskThatNeverSawARecord_marksItselfIdle_untilItsFirstRecord() {
        LiveWatermarks<String> w = new LiveWatermarks<>(5_000, 10_000, wall::get);
        w.onPeriodicEmit(out);
        assertThat(out.idle).isFalse();
        wall.addAndGet(10_000);
        w.onPeriodicEmit(out);
        assertThat(out.idle).isTrue();
        assertThat(out.watermarks).isEmpty();
        w.onEvent("bài 1", 2_000_000, out);
        w.onPeriodicEmit(out);
        assertThat(out.idle).isFalse();
        assertThat(out.last()).isEqualTo(1_994_999);
    }

    @Test
    void farFutureTimestamps_doNotOverflow() {
        LiveWatermarks<String> w = new LiveWatermarks<>(0, 0, wall::get);
        w.onEvent("x", Long.MAX_VALUE - 10, out);
        wall.addAndGet(1_000_000);
        w.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(Long.MAX_VALUE);
    }
}
