package vn.iocstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.cluster.StandaloneFlink;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.model.TrafficReading;
import vn.iocstream.core.testing.ClickHouseTestServer;

/**
 * A TaskManager of a standalone Flink cluster is killed ({@code kill -9}) while MediaJob, TrafficJob and SecurityJob
 * run on it and posts, sshd lines and road readings keep arriving; a new TaskManager joins, the jobs restart from their
 * last checkpoints and read the records after it again. At the end every table the jobs write holds exactly what was
 * sent: {@code posts}, {@code watchlist_stats}, {@code security_events}, {@code traffic_stats}. Rows written twice (the
 * sinks are at-least-once: what a restart reads again is inserted again) are not visible: every table is a
 * ReplacingMergeTree keyed by a deterministic id (a post's URL hash, a log line's source and number, a segment and
 * bucket), read with {@code FINAL}; the test prints how many raw rows merges have still to fold.
 */
@Tag("slow")
class TaskManagerKillTest {
    private static final String WATCHLIST = "du-an";
    private static final int ROUNDS = 40;
    private static final int POSTS_PER_ROUND = 10;

    @TempDir Path dir;

    @Test
    void taskManagerKilledMidStream_jobsRestartFromTheirCheckpoints_everyTableExact() throws Exception {
        ClickHouseClient ch = ClickHouseTestServer.freshDatabase("tmkill");
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2, -1);
             StandaloneFlink flink = StandaloneFlink.start(Artifacts.ROOT, dir.resolve("flink"), StandaloneFlink.Settings.DEFAULT)) {
            broker.createTopics(Topics.ALL, 2);
            Path config = dir.resolve("ioc.yaml");
            Files.writeString(config, "kafka: {embedded: false, bootstrap: \"" + broker.bootstrap() + "\"}\n"
                    + "clickhouse: {embedded: false, url: \"" + ClickHouseTestServer.server().httpUrl() + "\", database: " + ch.database() + "}\n"
                    + "flink: {embedded: false, checkpointIntervalMs: 2000}\n"
                    + "watchlists: [{name: " + WATCHLIST + ", title: 'Dự án', query: '\"dự án\"'}]\n");
            List<String> jobs = new ArrayList<>();
            for (String job : List.of("MediaJob", "TrafficJob", "SecurityJob")) {
                jobs.add(flink.submit("vn.iocstream.jobs." + job, Artifacts.jobsJar(), List.of(config.toString()), null, Map.of()));
            }
            for (String job : jobs) flink.awaitRunning(job, Duration.ofMinutes(3));

            KafkaConnection kafka = broker.connection();
            Sent sent = new Sent();
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    sent.round(kafka, round);
                    sleep(1_000);
                }
            });

            // Mid-stream: rows stored, and a checkpoint of every job completed after they were.
            Rows.awaitAtLeast(ch, "SELECT count() FROM posts FINAL", 10L * POSTS_PER_ROUND, Duration.ofMinutes(3));
            Map<String, Long> checkpoints = new java.util.HashMap<>();
            for (String job : jobs) checkpoints.put(job, flink.completedCheckpoints(job));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (jobs.stream().anyMatch(j -> flink.completedCheckpoints(j) <= checkpoints.get(j)) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(stream).as("still streaming when the TaskManager is killed").isNotDone();
            flink.killTaskManager(flink.taskManagers().get(0));
            flink.startTaskManager();
            // The JobManager notices the loss after the heartbeat timeout (10 s), then restarts each job.
            deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            for (String job : jobs) {
                while (flink.restarts(job) == 0 && System.nanoTime() < deadline) Thread.sleep(1_000);
                assertThat(flink.restarts(job)).as("%s restarted from its checkpoint", job).isPositive();
            }

            stream.get(5, TimeUnit.MINUTES);
            for (String job : jobs) flink.awaitRunning(job, Duration.ofMinutes(3));

            int posts = ROUNDS * POSTS_PER_ROUND;
            Rows.await(ch, "SELECT count() FROM posts FINAL", posts, Duration.ofMinutes(4));
            assertThat(ch.queryLong("SELECT uniqExact(id) FROM posts")).isEqualTo(posts);
            Rows.await(ch, "SELECT sum(posts) FROM watchlist_stats FINAL WHERE watchlist = '" + WATCHLIST + "'", posts, Duration.ofMinutes(3));
            assertThat(ch.queryLong("SELECT count() FROM watchlist_stats FINAL WHERE watchlist = '" + WATCHLIST + "'"))
                    .as("one row per minute with posts").isEqualTo(ch.queryLong("SELECT uniqExact(toStartOfMinute(published_at)) FROM posts"));
            Rows.await(ch, "SELECT count() FROM security_events FINAL", sent.lines, Duration.ofMinutes(3));
            Map<String, Double> buckets = TrafficBuckets.averageSpeeds(sent.readings);
            Rows.await(ch, "SELECT count() FROM traffic_stats FINAL", buckets.size(), Duration.ofMinutes(3));
            assertThat(ch.queryLong("SELECT sum(readings) FROM traffic_stats FINAL")).isEqualTo(sent.readings.size());
            assertThat(TrafficBuckets.stored(ch)).isEqualTo(buckets);
            for (String table : List.of("posts", "watchlist_stats", "security_events", "traffic_stats")) {
                System.out.printf("%s: %d rows with FINAL, %d raw rows before merges%n", table,
                        ch.queryLong("SELECT count() FROM " + table + " FINAL"), ch.queryLong("SELECT count() FROM " + table));
            }
        }
    }

    /** What the stream sent: per one-second round, ten posts, twenty sshd lines and a reading of each of four segments. */
    private static final class Sent {
        final List<TrafficReading> readings = new ArrayList<>();
        int lines;

        void round(KafkaConnection kafka, int round) {
            Instant now = Instant.now();
            List<RawPost> posts = new ArrayList<>();
            for (int i = 0; i < POSTS_PER_ROUND; i++) posts.add(Feeds.post("tm", round * POSTS_PER_ROUND + i, now.plusMillis(50L * i)));
            Feeds.sendPosts(kafka, posts);
            List<String> auth = new ArrayList<>();
            for (int i = 0; i < 20; i++) auth.add(Feeds.authLine(round * 20 + i, now));
            // One file per round, its lines numbered from 1: a line's id is its file and number.
            Feeds.sendAuthLines(kafka, "dvc-dongnai/auth-" + round + ".log", auth, now.atZone(ZoneOffset.UTC).getYear());
            lines += auth.size();
            List<TrafficReading> batch = new ArrayList<>();
            for (int s = 0; s < 4; s++) batch.add(new TrafficReading("ql51-doan-" + s, now, 25.0 + s + round % 7, 10L + round, 0.3));
            Feeds.sendReadings(kafka, batch);
            readings.addAll(batch);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
