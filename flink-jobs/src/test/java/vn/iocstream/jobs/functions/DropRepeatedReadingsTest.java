package vn.iocstream.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.TrafficReading;

class DropRepeatedReadingsTest {
    /** 08:05 in Biên Hòa, morning rush: one 5-minute bucket from 01:05 UTC. */
    private static final Instant BUCKET = Instant.parse("2026-11-20T01:05:00Z");
    private KeyedOneInputStreamOperatorTestHarness<String, TrafficReading, TrafficReading> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new DropRepeatedReadings(300), TrafficReading::segmentId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void reading(String segment, int second, double speed) throws Exception {
        Instant at = BUCKET.plusSeconds(second);
        harness.processElement(new TrafficReading(segment, at, speed, 37L, 0.18), at.toEpochMilli());
    }

    @Test
    void aBatchSentTwice_passesOnce_otherReadingsAtTheSameTimeStillCount_andStateDrains() throws Exception {
        reading("ql1a-bien-hoa", 60, 42.5);
        reading("ql1a-bien-hoa", 120, 38.0);
        reading("ql51-long-thanh", 60, 61.0); // another segment, same time
        reading("ql1a-bien-hoa", 60, 44.0);   // another lane of QL1A at the same instant
        // The tailer crashed before its checkpoint: the same batch again.
        reading("ql1a-bien-hoa", 60, 42.5);
        reading("ql1a-bien-hoa", 120, 38.0);
        reading("ql51-long-thanh", 60, 61.0);

        assertThat(harness.extractOutputValues()).extracting(TrafficReading::speedKmh).containsExactly(42.5, 38.0, 61.0, 44.0);

        harness.processWatermark(BUCKET.plusSeconds(300).toEpochMilli());
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
