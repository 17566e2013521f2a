package vn.iocstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.runtime.IocRuntime;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.model.TrafficReading;

/**
 * {@code ioc tail} (a separate process) follows a road-sensor CSV of 200,000 readings into a running pipeline and is
 * killed ({@code kill -9}) while it sends; restarted on the same checkpoint folder, it sends again the batch that was in
 * flight (Kafka had part of it, the checkpoint did not) and goes on. Kafka then holds some readings twice — the test
 * checks that it does, else the kill missed a batch and it kills again — and {@code traffic_stats} still counts each
 * reading once (TrafficJob drops a reading it saw in the bucket, by its id): every segment and minute has exactly the
 * readings and the average speed of the file.
 *
 * <p>The file's readings are hours old, a backlog: {@code flink.idlenessSeconds} is raised to 60 s so that the tailer's
 * restart (a JVM start, slower on a loaded machine) is not taken for a quiet feed whose event time jumps to the clock,
 * and the topics have one partition, because a backlog read from two is emitted a fetch of one partition after the
 * other, minutes of event time apart, and the later partition's readings would be late for their buckets (see Known
 * limitations in the README).
 */
@Tag("slow")
class TailerKillTest {
    private static final int SEGMENTS = 40;
    private static final int PER_SEGMENT = 5_000;

    @TempDir Path dir;

    @Test
    void tailerKilledMidBatch_batchNeitherLostNorDoubledInTrafficStats() throws Exception {
        Path csv = dir.resolve("cam-bien-ql1a.csv");
        List<TrafficReading> readings = writeReadings(csv);
        List<String> settings = new ArrayList<>(LocalDirs.under(dir));
        settings.addAll(List.of("flink.parallelism=1", "flink.checkpointIntervalMs=2000", "flink.idlenessSeconds=60", "kafka.partitions=1"));
        try (IocRuntime runtime = IocRuntime.start(ConfigLoader.load(null, settings), new PrintStream(OutputStream.nullOutputStream()))) {
            KafkaConnection kafka = runtime.kafka();
            Path checkpoints = dir.resolve("tail-checkpoints");
            List<String> tail = List.of("tail", "--traffic-csv", csv.toString(), "--checkpoint-dir", checkpoints.toString(), "--kafka", kafka.bootstrap());

            int kills = 0;
            long sent;
            do {
                IocProcess tailer = IocProcess.start(dir.resolve("tail"), List.of("-Xmx256m"), Map.of(), tail.toArray(String[]::new));
                long before = TopicRecords.count(kafka, Topics.RAW_TRAFFIC);
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                // Kill once it has sent some 15,000 more readings, in the middle of the file.
                while (TopicRecords.count(kafka, Topics.RAW_TRAFFIC) < before + 15_000 && tailer.alive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                tailer.kill();
                kills++;
                sent = TopicRecords.count(kafka, Topics.RAW_TRAFFIC);
                System.out.printf("kill %d: %d records on %s%n", kills, sent, Topics.RAW_TRAFFIC);
            } while (sent <= distinctSent(kafka) && sent < readings.size() && kills < 8);
            long beforeRestart = sent;
            long distinctBefore = distinctSent(kafka);
            assertThat(beforeRestart).as("the kill left a batch half sent: Kafka has readings the checkpoint does not").isGreaterThan(distinctBefore);

            try (IocProcess tailer = IocProcess.start(dir.resolve("tail"), List.of("-Xmx256m"), Map.of(), tail.toArray(String[]::new))) {
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (distinctSent(kafka) < readings.size() && System.nanoTime() < deadline) Thread.sleep(2_000);
                assertThat(distinctSent(kafka)).as("every reading reached Kafka").isEqualTo(readings.size());
                long onTopic = TopicRecords.count(kafka, Topics.RAW_TRAFFIC);
                System.out.printf("%d readings, %d records on %s after %d kill(s)%n", readings.size(), onTopic, Topics.RAW_TRAFFIC, kills);
                assertThat(onTopic).as("some sent twice").isGreaterThan(readings.size());

                ClickHouseClient ch = runtime.clickHouse();
                Map<String, Double> buckets = TrafficBuckets.averageSpeeds(readings);
                Rows.await(ch, "SELECT count() FROM traffic_stats FINAL", buckets.size(), Duration.ofMinutes(4));
                assertThat(ch.queryLong("SELECT sum(readings) FROM traffic_stats FINAL")).isEqualTo(readings.size());
                assertThat(TrafficBuckets.stored(ch)).isEqualTo(buckets);
                assertThat(runtime.jobStatus()).isEqualTo("RUNNING");
            }
        }
    }

    /** Distinct records on the raw topic (a repeated batch repeats identical lines). */
    private static long distinctSent(KafkaConnection kafka) {
        return new HashSet<>(TopicRecords.values(kafka, Topics.RAW_TRAFFIC)).size();
    }

    /**
     * {@value #SEGMENTS} segments of QL1A, a reading of each every 3 s in time order over the 250 minutes ending an hour
     * ago; speeds are whole numbers so that averages are exact.
     */
    private static List<TrafficReading> writeReadings(Path csv) throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(310));
        List<TrafficReading> out = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("segmentId,time,speedKmh,volume,occupancy\n");
            for (int r = 0; r < PER_SEGMENT; r++) {
                Instant at = start.plusSeconds(3L * r);
                for (int s = 0; s < SEGMENTS; s++) {
                    TrafficReading reading = new TrafficReading("ql1a-km" + (1800 + s), at, 20.0 + (r * 7 + s) % 45, 5L + r % 30, 0.25);
                    out.add(reading);
                    w.write(reading.segmentId() + "," + at + "," + reading.speedKmh().intValue() + "," + reading.volume() + ",0.25\n");
                }
            }
        }
        return out;
    }
}
