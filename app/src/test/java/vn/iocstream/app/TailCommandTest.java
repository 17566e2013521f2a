package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.cli.ReplayCommand;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.app.runtime.KafkaEventSink;
import vn.iocstream.core.Topics;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.model.TrafficReading;
import vn.iocstream.crawlers.events.EventFeedService;
import vn.iocstream.jobs.security.SecurityEnvelope;
import vn.iocstream.jobs.security.SecurityParsers;
import vn.iocstream.core.validation.RecordLimits;

/**
 * {@code ioc tail} against a real Kafka broker (KRaft, in-process): files are tailed across a logrotate rename and
 * a second run, and what lands on the raw topics is exactly one record per line, in the shape the jobs parse.
 */
class TailCommandTest extends ConsoleTest {
    @TempDir static Path dir;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2, -1);
        kafka.createTopics(Topics.ALL, 2);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) kafka.close();
    }

    private static String auth(int i) {
        return String.format("Nov 22 09:%02d:%02d dvc-quangnam-bastion sshd[%d]: Failed password for invalid user quantri"
                + " from 45.76.12.%d port %d ssh2", i / 60, i % 60, 4100 + i, i % 250, 51000 + i);
    }

    private static void append(Path f, int from, int to) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) b.append(auth(i)).append('\n');
        Files.writeString(f, b, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private int tail(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "tail";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--kafka", kafka.bootstrap(), "--checkpoint-dir", dir.resolve("cp").toString()}, 0, all, args.length + 1, 4);
        return Main.run(all);
    }

    @Test
    void authLogAcrossRotationAndRuns_eachLineOnceWithReplaysIds() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("var-log"));
        Path log = logs.resolve("auth.log");
        append(log, 1, 40);
        // What `ioc replay security --auth` sends for the same lines: the ids must agree, so either path dedups.
        Path replayCopy = Files.createDirectories(dir.resolve("replay")).resolve("auth.log");
        Files.copy(log, replayCopy);

        assertThat(tail("--auth", log.toString(), "--once")).isZero();
        append(log, 41, 50);
        Files.move(log, logs.resolve("auth.log.1"));
        append(log, 51, 60);
        assertThat(tail("--auth", log.toString(), "--once")).isZero();
        assertThat(tail("--auth", log.toString(), "--once")).isZero(); // nothing new: nothing sent
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("tail: 40 lines sent", "tail: 20 lines sent", "tail: 0 lines sent");

        List<SecurityEnvelope> sent = TopicReader.read(kafka.bootstrap(), Topics.RAW_SECURITY, SecurityEnvelope.class);
        assertThat(sent).extracting(SecurityEnvelope::line).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 60).mapToObj(TailCommandTest::auth).toList());
        assertThat(sent).extracting(SecurityEnvelope::format).containsOnly("auth");

        SecurityParsers parsers = new SecurityParsers(2026, "Asia/Ho_Chi_Minh", RecordLimits.DEFAULT);
        Set<String> tailedIds = sent.stream().map(e -> parsers.parse(e).event().id()).collect(Collectors.toSet());
        assertThat(tailedIds).hasSize(60);
        assertThat(sent).allSatisfy(e -> assertThat(parsers.parse(e).event().action()).isEqualTo("ssh-login"));

        long[] replayed = ReplayCommand.replay(List.of(new ReplayCommand.Input("auth", replayCopy)), null, kafka.connection(),
                new PrintStream(OutputStream.nullOutputStream()));
        assertThat(replayed[0]).isEqualTo(40);
        List<SecurityEnvelope> all = TopicReader.read(kafka.bootstrap(), Topics.RAW_SECURITY, SecurityEnvelope.class);
        Set<String> allIds = all.stream().map(e -> parsers.parse(e).event().id()).collect(Collectors.toSet());
        assertThat(all).hasSize(100);
        assertThat(allIds).isEqualTo(tailedIds); // 40 replayed lines collapse onto the tailed ones
    }

    @Test
    void trafficCsv_readingsOnRawTrafficAndBadRowDeadLettered() throws Exception {
        Path csv = dir.resolve("sensor-dongnai.csv");
        Files.writeString(csv, """
                segmentId,time,speedKmh,volume,occupancy
                ql1a-bien-hoa,2026-11-22T08:05:00+07:00,42.5,37,0.18
                ql51-long-thanh,2026-11-22T08:05:00+07:00,nhanh,12,0.05
                ql1a-bien-hoa,2026-11-22T08:06:00+07:00,17.0,58,0.66
                """);
        assertThat(tail("--traffic-csv", csv.toString(), "--once")).isZero();
        List<TrafficReading> readings = TopicReader.read(kafka.bootstrap(), Topics.RAW_TRAFFIC, TrafficReading.class);
        assertThat(readings).containsExactlyInAnyOrder(
                new TrafficReading("ql1a-bien-hoa", Instant.parse("2026-11-22T01:05:00Z"), 42.5, 37L, 0.18),
                new TrafficReading("ql1a-bien-hoa", Instant.parse("2026-11-22T01:06:00Z"), 17.0, 58L, 0.66));
        assertThat(TopicReader.read(kafka.bootstrap(), Topics.DEADLETTER, DeadLetter.class))
                .anySatisfy(d -> {
                    assertThat(d.reason()).contains("bad speedKmh 'nhanh'", "sensor-dongnai.csv:3");
                    assertThat(d.sourceTopic()).isEqualTo(Topics.RAW_TRAFFIC);
                });
    }

    @Test
    void syslogUdpFeed_reachesRawSecurity() throws Exception {
        IocConfig.EventFeeds base = ConfigLoader.defaults().eventFeeds();
        IocConfig.EventFeeds feeds = base.withFeeds(List.of(), List.of(new IocConfig.SyslogFeed("zeek", "udp", 0)),
                dir.resolve("cp2").toString());
        String notice = "{\"_path\":\"notice\",\"ts\":1795316100.5,\"note\":\"SSH::Password_Guessing\","
                + "\"msg\":\"45.76.12.9 appears to be guessing SSH passwords (seen in 30 connections).\",\"src\":\"45.76.12.9\"}";
        try (KafkaEventSink sink = new KafkaEventSink(kafka.connection(), base.trafficCsvColumns());
             EventFeedService service = new EventFeedService(feeds, sink).start()) {
            byte[] frame = ("<134>Nov 22 09:15:00 zeek-quangnam zeek: " + notice).getBytes(StandardCharsets.UTF_8);
            try (DatagramSocket s = new DatagramSocket()) {
                s.send(new DatagramPacket(frame, frame.length, InetAddress.getLoopbackAddress(), service.receivers().get(0).port()));
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (sink.sent() == 0 && System.nanoTime() < deadline) Thread.sleep(20);
            sink.flush();
        }
        List<SecurityEnvelope> sent = TopicReader.read(kafka.bootstrap(), Topics.RAW_SECURITY, SecurityEnvelope.class);
        SecurityEnvelope env = sent.stream().filter(e -> e.format().equals("zeek")).findFirst().orElseThrow();
        assertThat(env.line()).isEqualTo(notice);
        assertThat(env.source()).isEqualTo("zeek-quangnam/zeek");
        assertThat(new SecurityParsers(2026, "UTC", RecordLimits.DEFAULT).parse(env).event().kind()).isEqualTo("notice");
    }

    @Test
    void badArguments_oneLineAndUsage() {
        assertThat(Main.run(new String[] {"tail"})).isEqualTo(2);
        assertThat(Main.run(new String[] {"tail", "--syslog", "auth:udp"})).isEqualTo(2);
        assertThat(Main.run(new String[] {"tail", "--syslog", "nginx:udp:5514"})).isEqualTo(2);
        assertThat(Main.run(new String[] {"tail", "--auth", "/var/log/auth.log", "--syslog", "auth:udp:5514", "--once"})).isEqualTo(2);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("ioc: nothing to tail", "ioc: --syslog must look like auth:udp:5514, got: auth:udp",
                "ioc: --syslog: unknown event kind 'nginx'", "ioc: --once reads files only", "usage: ioc tail")
                .doesNotContain("Exception", "\tat ");
        assertThat(Main.run(new String[] {"tail", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("copytruncate", "--traffic-csv");
    }
}
