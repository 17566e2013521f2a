package vn.iocstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.slf4j.LoggerFactory;
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
 * (same data, same ports); when it is back, every table holds exactly what was sent, each row once, and the alert
 * raised during the outage is stored too. Twice:
 * <ul>
 *   <li>within {@code clickhouse.sinkRetrySeconds} (600 s by default), with Flink restarts switched off
 *       ({@code flink.restartStrategy: none}), so that one failed task would fail the job: the sinks hold their
 *       batches and retry, and no task fails;</li>
 *   <li>longer than it ({@code sinkRetrySeconds: 5}) with the shipped {@code exponential-delay} restarts: sinks give up,
 *       their tasks fail and restart from the last checkpoint, again and again while ClickHouse is away (Flink's log
 *       shows it), and the replayed rows land on the same keys.</li>
 * </ul>
 */
@Tag("slow")
class ClickHouseOutageTest {
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir Path dir;

    @Test
    void clickHouseDown30s_withinTheSinkRetry_sinksBackOffAndCatchUp_noTaskFails_exactRows() throws Exception {
        List<ILoggingEvent> failures = outage("outage", List.of("flink.restartStrategy=none"));
        assertThat(failures).as("no task failed").isEmpty();
    }

    @Test
    void clickHouseDown30s_longerThanTheSinkRetry_tasksFailOverFromCheckpoints_exactRows() throws Exception {
        List<ILoggingEvent> failures = outage("outage_failover", List.of("flink.restartStrategy=exponential-delay",
                "clickhouse.sinkRetrySeconds=5"));
        assertThat(failures).as("a sink gave up and its task failed").isNotEmpty()
                .allSatisfy(f -> assertThat(f.getThrowableProxy()).isNotNull());
    }

    /**
     * Sends data before, during and after a 30 s stop of the ClickHouse server and checks every table exactly; the
     * task failures Flink logged meanwhile (a sink that gave up fails its task: {@code Task … switched from RUNNING to
     * FAILED}). The jobs must be running at the end either way.
     */
    private List<ILoggingEvent> outage(String database, List<String> extra) throws Exception {
        int http = Ports.free();
        int tcp = Ports.free();
        Path data = dir.resolve("clickhouse");
        ClickHouseServer server = ClickHouseServer.start(Path.of(ClickHouseServer.DEFAULT_BINARY), data, http, tcp);
        List<String> settings = new ArrayList<>(LocalDirs.under(dir));
        settings.addAll(List.of("clickhouse.embedded=false", "clickhouse.url=" + server.httpUrl(), "clickhouse.database=" + database,
                "flink.checkpointIntervalMs=2000", "flink.parallelism=1"));
        settings.addAll(extra);
        IocConfig config = ConfigLoader.load(null, settings);
        Logger taskLog = (Logger) LoggerFactory.getLogger("org.apache.flink.runtime.taskmanager.Task");
        ListAppender<ILoggingEvent> taskEvents = new ListAppender<>();
        taskEvents.start();
        taskLog.addAppender(taskEvents);
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
            server = ClickHouseServer.start(Path.of(ClickHouseServer.DEFAULT_BINARY), data, http, tcp);

            Rows.await(ch, "SELECT count() FROM posts FINAL", 200, Duration.ofMinutes(4));
            assertThat(ch.queryLong("SELECT uniqExact(id) FROM posts")).isEqualTo(200);
            Rows.await(ch, "SELECT count() FROM security_events FINAL", 400, Duration.ofMinutes(2));
            assertThat(ch.queryLong("SELECT uniqExact(id) FROM security_events")).isEqualTo(400);
            Map<String, Double> buckets = TrafficBuckets.averageSpeeds(readings);
            Rows.await(ch, "SELECT count() FROM traffic_stats FINAL", buckets.size(), Duration.ofMinutes(2));
            assertThat(ch.queryLong("SELECT sum(readings) FROM traffic_stats FINAL")).isEqualTo(readings.size());
            assertThat(TrafficBuckets.stored(ch)).isEqualTo(buckets);
            // Raised by SecurityJob from lines of both sides of the outage; the alerts service kept it until it could store it.
            Rows.await(ch, "SELECT count() FROM alerts FINAL WHERE rule = 'ssh-brute-force'", 1, Duration.ofMinutes(2));
            assertThat(runtime.jobStatus()).isEqualTo("RUNNING");
            return taskEvents.list.stream().filter(e -> e.getFormattedMessage().contains("to FAILED")).toList();
        } finally {
            taskLog.detachAppender(taskEvents);
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
