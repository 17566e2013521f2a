package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.cli.ReplayCommand;
import vn.iocstream.app.runtime.EmbeddedFlink;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.testing.ClickHouseTestServer;

/**
 * SecurityJob on real components: an auth log and an access log of a provincial portal are pushed by
 * {@code ioc replay security} into a real Kafka broker, SecurityJob runs on a MiniCluster (bounded, to the end
 * of the topic) into a real ClickHouse; then the same files are replayed and the job run again.
 */
class SecurityPipelineIntegrationTest {
    /** An attacker guesses six passwords, then gets in; a broken line in between. */
    static final List<String> AUTH = List.of(
            "Nov 20 09:15:00 dvc-tayninh sshd[4100]: Invalid user quantri from 45.76.12.9 port 51230",
            "Nov 20 09:15:01 dvc-tayninh sshd[4100]: Failed password for invalid user quantri from 45.76.12.9 port 51230 ssh2",
            "Nov 20 09:15:04 dvc-tayninh sshd[4101]: Failed password for root from 45.76.12.9 port 51232 ssh2",
            "Nov 20 09:15:07 dvc-tayninh sshd[4101]: message repeated 2 times: [ Failed password for root from 45.76.12.9 port 51232 ssh2]",
            "Nov 20 09:15:12 dvc-tayninh sshd[4102]: Failed password for admin from 45.76.12.9 port 51240 ssh2",
            "Nov 20 09:15:15 dvc-tayninh sshd[4102]: Failed password for admin from 45.76.12.9 port 51240 ssh2",
            "<<< log rotated by logrotate >>>",
            "Nov 20 09:15:20 dvc-tayninh sshd[4103]: Accepted password for admin from 45.76.12.9 port 51244 ssh2",
            "Nov 20 09:30:00 dvc-tayninh sshd[4200]: Accepted publickey for nguyenvana from 10.20.1.15 port 60022 ssh2");
    static final List<String> ACCESS = List.of(
            "113.161.44.7 - - [20/Nov/2026:09:40:00 +0700] \"GET /tin-tuc/khoi-cong-cau-moi.html HTTP/1.1\" 200 8120 \"-\" \"Mozilla/5.0\"",
            "198.51.100.23 - - [20/Nov/2026:09:41:00 +0700] \"GET /wp-login.php HTTP/1.1\" 404 292 \"-\" \"-\"",
            "198.51.100.23 - - [20/Nov/2026:09:41:02 +0700] \"GET /index.php?file=../../../../etc/passwd HTTP/1.1\" 404 292 \"-\" \"-\"");

    @TempDir static Path dir;
    private static EmbeddedKafka kafka;
    private static ClickHouseClient clickHouse;
    private static IocConfig config;
    private static Path authLog;
    private static Path accessLog;

    @BeforeAll
    static void start() throws Exception {
        clickHouse = ClickHouseTestServer.freshDatabase("security");
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2, -1);
        kafka.createTopics(Topics.ALL, 2);
        config = ConfigLoader.load(null, List.of("flink.checkpointDir=" + dir.resolve("checkpoints"),
                "security.syslogZone=Asia/Ho_Chi_Minh"));
        authLog = Files.write(dir.resolve("auth.log"), AUTH);
        accessLog = Files.write(dir.resolve("access.log"), ACCESS);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) kafka.close();
    }

    @Test
    void bruteForceThenSuccess_alertsEventsDeadLetter_andReplayIsIdempotent() throws Exception {
        replayAndRun();
        List<Alert> alerts = TopicReader.read(kafka.bootstrap(), Topics.ALERTS, Alert.class);
        Set<String> rules = alerts.stream().map(a -> a.rule() + " " + a.key()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rules).containsExactlyInAnyOrder(
                "ssh-brute-force 45.76.12.9", "probable-compromise 45.76.12.9",
                "web-probe 198.51.100.23 wp-login", "web-probe 198.51.100.23 path-traversal");
        Alert compromise = alerts.stream().filter(a -> a.rule().equals("probable-compromise")).findFirst().orElseThrow();
        assertThat(compromise.severity()).isEqualTo("critical");
        // The last three failures before the success (threshold 3), the first of them "repeated 2 times".
        assertThat(compromise.count()).isEqualTo(4);
        assertThat(compromise.postIds()).hasSize(4);
        assertThat(compromise.windowStart()).isEqualTo("2026-11-20T02:15:07Z");
        Alert brute = alerts.stream().filter(a -> a.rule().equals("ssh-brute-force")).findFirst().orElseThrow();
        assertThat(brute.windowStart()).isEqualTo("2026-11-20T02:15:01Z");

        long parsed = AUTH.size() - 1 + ACCESS.size();
        assertThat(clickHouse.queryLong("SELECT count() FROM security_events FINAL")).isEqualTo(parsed);
        assertThat(clickHouse.queryLong("SELECT count() FROM security_events FINAL WHERE action = 'ssh-login' AND outcome = 'failure'"))
                .isEqualTo(5);
        List<DeadLetter> dead = TopicReader.read(kafka.bootstrap(), Topics.DEADLETTER, DeadLetter.class);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).reason()).contains("not a syslog line");
        assertThat(dead.get(0).preview()).contains("log rotated");

        Set<String> ids = alerts.stream().map(Alert::id).collect(Collectors.toSet());
        replayAndRun(); // the same files again: the topic now holds everything twice
        Set<String> idsAfter = TopicReader.read(kafka.bootstrap(), Topics.ALERTS, Alert.class).stream().map(Alert::id).collect(Collectors.toSet());
        assertThat(idsAfter).isEqualTo(ids);
        assertThat(clickHouse.queryLong("SELECT count() FROM security_events FINAL")).isEqualTo(parsed);
        assertThat(clickHouse.queryLong("SELECT uniqExact(id) FROM security_events")).isEqualTo(parsed);
    }

    private static void replayAndRun() throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        long[] sent = ReplayCommand.replay(List.of(new ReplayCommand.Input("auth", authLog), new ReplayCommand.Input("access", accessLog)),
                2026, kafka.connection(), quiet);
        assertThat(sent[0]).isEqualTo(AUTH.size() + ACCESS.size());
        EmbeddedFlink.startSecurityJob(config, kafka.connection(), clickHouse, true)
                .getJobExecutionResult().get(180, TimeUnit.SECONDS);
    }

}
