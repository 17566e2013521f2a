package vn.iocstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.runtime.IocRuntime;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Ports;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.ClickHouseServer;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.model.TrafficReading;

/**
 * The ClickHouse server stops for 30 s while posts, log lines and sensor readings keep arriving, then starts again
 * (same data, same ports). With Flink restarts switched off ({@code flink.restartStrategy: none}), one failed task
 * would fail the job: it must stay RUNNING, its sinks holding their batches and retrying; when ClickHouse is back,
 * every table holds exactly what was sent, each row once, and the alert raised during the outage is stored too.
 */
@Tag("slow")
class ClickHouseOutageTest {
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir Path dir;

    @Test
    void clickHouseDown30s_sinksBackOffAndCatchUp_noFailover_exactRows() throws Exception {
        int http = Ports.free();
        int tcp = Ports.free();
        Path data = dir.resolve("clickhouse");
        ClickHouseServer server = ClickHouseServer.start(Path.of(ClickHouseServer.DEFAULT_BINARY), data, http, tcp);
        List<String> settings = new ArrayList<>(LocalDirs.under(dir));
        settings.addAll(List.of("clickhouse.embedded=false", "clickhouse.url=" + server.httpUrl(), "clickhouse.database=outage",
                "flink.restartStrategy=none", "flink.checkpointIntervalMs=2000", "flink.parallelism=1"));
        IocConfig config = ConfigLoader.load(null, settings);
        try (IocRuntime runtime = IocRuntime.start(config, new PrintStream(OutputStream.nullOutputStream()))) {
            ClickHouseClient ch = runtime.clickHouse();
            KafkaConnection kafka = runtime.kafka();
            List<TrafficReading> readings = new ArrayList<>();

            readings.addAll(send(kafka, 0, 100));
            Rows.await(ch, "SELECT count() FROM posts FINAL", 100, Duration.ofMinutes(3));

            server.close();
            long down = System.nanoTime();
            readings.addAll(send(kafka, 100, 200)); // arrives while ClickHouse is away
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
            assertThat(runtime.jobStatus()).as("sinks waiting, not failing").isEqualTo("RUNNING");
            server = ClickHouseServer.start(Path.of(ClickHouseServer.DEFAULT_BINARY), data, http, tcp);

            Rows.await(ch, "SELECT count() FROM posts FINAL", 200, Duration.ofMinutes(4));
            assertThat(ch.queryLong("SELECT uniqExact(id) FROM posts")).isEqualTo(200);
            Rows.await(ch, "SELECT count() FROM security_events FINAL", 400, Duration.ofMinutes(2));
            Map<String, Double> buckets = TrafficBuckets.averageSpeeds(readings);
            Rows.await(ch, "SELECT count() FROM traffic_stats FINAL", buckets.size(), Duration.ofMinutes(2));
            assertThat(ch.queryLong("SELECT sum(readings) FROM traffic_stats FINAL")).isEqualTo(readings.size());
            assertThat(TrafficBuckets.stored(ch)).isEqualTo(buckets);
            // Raised by SecurityJob from lines of both sides of the outage; the alerts service kept it until it could store it.
            Rows.await(ch, "SELECT count() FROM alerts FINAL WHERE rule = 'ssh-brute-force'", 1, Duration.ofMinutes(2));
            assertThat(runtime.jobStatus()).isEqualTo("RUNNING");
        } finally {
            server.close();
        }
    }

    /**
     * Posts from..to, two auth lines per post and a reading per segment for every ten posts, with event times in the
     * last seconds before now: live data, after the watermark of what was sent before (older times would be late).
     */
    private static List<TrafficReading> send(KafkaConnection kafka, int from, int to) {
        Instant start = Instant.now().minusSeconds(10);
        List<RawPost> posts = new ArrayList<>();
        for (int i = from; i < to; i++) posts.add(Feeds.post("su-co", i, start.plusMillis(50L * (i - from))));
        Feeds.sendPosts(kafka, posts);
        List<String> lines = new ArrayList<>();
        for (int i = 2 * from; i < 2 * to; i++) lines.add(Feeds.authLine(i, start.plusMillis(25L * (i - 2 * from))));
        Feeds.sendAuthLines(kafka, "cong-dvc/auth-" + from + ".log", lines, start.atZone(ZoneOffset.UTC).getYear());
        List<TrafficReading> readings = new ArrayList<>();
        for (int r = from / 10; r < to / 10; r++) {
            for (int s = 0; s < 4; s++) {
                readings.add(new TrafficReading("ql1a-doan-" + s, start.plusMillis(500L * (r - from / 10)), 30.0 + s + r % 5, 20L + r, 0.2));
            }
        }
        Feeds.sendReadings(kafka, readings);
        return readings;
    }
}
