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
    void afterABurstAndSilence_theWatermarkCatchesUpWithTheWallClock() {
        LiveWatermarks<String> w = new LiveWatermarks<>(5_000, 10_000, wall::get);
        w.onEvent("bài 1", 940_000, out);
        w.onEvent("bài 2", 999_000, out);
        w.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(999_000 - 5_000 - 1);
        wall.addAndGet(10_000); // quiet, but not yet for longer than idleness
        w.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(993_999);
        wall.addAndGet(20_000); // 30 s of silence: event time is the clock less idleness and out-of-orderness
        w.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(1_030_000 - 10_000 - 5_000 - 1);
        // A new record makes it the usual watermark again; an older one never moves it back.
        w.onEvent("bài 3", 998_000, out);
        w.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(993_999);
        assertThat(out.idle).isFalse();
    }

    /** After a backlog: records an hour old when processed must not hold the live subtasks' windows an hour back. */
    @Test
    void aQuietSubtaskBehindTheClock_doesNotHoldTheOthersBack() {
        LiveWatermarks<String> w = new LiveWatermarks<>(5_000, 10_000, wall::get);
        w.onEvent("bài cũ", 1_000_000 - 3_600_000, out);
        wall.addAndGet(11_000);
        w.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(1_011_000 - 15_001);
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
    void timestampsAheadOfTheClock_keepTheirOwnWatermark() {
        LiveWatermarks<String> w = new LiveWatermarks<>(0, 0, wall::get);
        w.onEvent("x", Long.MAX_VALUE - 10, out);
        wall.addAndGet(1_000_000);
        w.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(Long.MAX_VALUE - 11);
    }
}
