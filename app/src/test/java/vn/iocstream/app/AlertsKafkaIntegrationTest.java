package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.alerts.AlertAction;
import vn.iocstream.alerts.AlertEvent;
import vn.iocstream.alerts.AlertMatcher;
import vn.iocstream.alerts.AlertScope;
import vn.iocstream.alerts.AlertState;
import vn.iocstream.alerts.AlertsService;
import vn.iocstream.alerts.KafkaAlertListener;
import vn.iocstream.alerts.SilenceRequest;
import vn.iocstream.alerts.testing.ManualClock;
import vn.iocstream.alerts.testing.TestAlerts;
import vn.iocstream.app.cli.AlertsCommand;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.app.web.WebhookReceiver;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.testing.ClickHouseTestServer;
import vn.iocstream.core.validation.RecordLimits;

/**
 * The alert lifecycle end to end on the real Kafka broker and the real ClickHouse server: alerts produced to
 * {@code ioc.alerts}, read by the listener, handled by the service (clock moved by hand), delivered to a webhook
 * receiver that checks Standard Webhooks signatures and counts redeliveries. One scenario in phases, because the
 * service is a single stateful consumer of the topic: forged alerts, dedup, grouping, silence, quiet hours, escalation
 * and its stop by an acknowledgement, auto-resolve, reopen, and a crash with deliveries pending.
 */
class AlertsKafkaIntegrationTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String TAM_HIEP = "phường Tam Hiệp";

    @TempDir static Path dir;
    private static EmbeddedKafka kafka;
    private static ClickHouseClient clickHouse;
    private static WebhookReceiver webhook;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() {
        clickHouse = ClickHouseTestServer.freshDatabase("alerts_kafka");
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2, -1);
        kafka.createTopics(Topics.ALL, 2);
        webhook = WebhookReceiver.start(SECRET);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        if (producer != null) producer.close();
        if (webhook != null) webhook.close();
        if (kafka != null) kafka.close();
    }

    @Test
    void lifecycle_throughKafkaAndClickHouse() throws Exception {
        // 10:00 in Vietnam today (a day time, no quiet hours).
        Instant morning = LocalDate.now(VIETNAM).atTime(10, 0).atZone(VIETNAM).toInstant();
        ManualClock clock = new ManualClock(morning);
        Path alertsFile = dir.resolve("alerts.yaml");
        Files.writeString(alertsFile, routing());
        Running run = Running.start(alertsFile, clock);
        long handled = 0;

        // Forged and broken alerts: dead-lettered with the reason, counted, never stored or shown.
        Alert ssh = TestAlerts.sshBruteForce("45.76.12.9", clock.instant(), 12);
        String forged = Json.string(ssh).replace("\"severity\":\"critical\"", "\"severity\":\"critical\\\" onmouseover=\\\"alert(8)\"")
                .replace(ssh.id(), "forged-1");
        send("forged-1", forged.getBytes(StandardCharsets.UTF_8));
        send("broken-1", "{\"id\":\"broken-1\",\"kind\":\"security.scan\"".getBytes(StandardCharsets.UTF_8));
        send("unknown-kind", Json.string(ssh).replace("security.bruteforce", "security.everything").replace(ssh.id(), "unknown-kind")
                .getBytes(StandardCharsets.UTF_8));
        await(run.listener::deadLetters, 3);
        List<DeadLetter> dead = TopicReader.read(kafka.bootstrap(), Topics.DEADLETTER, DeadLetter.class);
        assertThat(dead).extracting(DeadLetter::reason).anyMatch(r -> r.startsWith("unknown severity 'critical\" onmouseover"))
                .anyMatch(r -> r.startsWith("invalid JSON")).anyMatch(r -> r.startsWith("unknown kind 'security.everything'"));

        // Dedup by key: the same incident twice is one alert counted twice, paged once.
        send(ssh);
        send(TestAlerts.sshBruteForce("45.76.12.9", clock.instant().plusSeconds(60), 30));
        await(run.listener::handled, handled += 2);
        await(() -> webhook.receipts().size(), 1);
        run.service.store().flushNow();
        assertThat(clickHouse.queryLong("SELECT occurrences FROM alerts FINAL WHERE id = '" + ssh.id() + "'")).isEqualTo(2);
        assertThat(clickHouse.queryLong("SELECT count() FROM alerts FINAL WHERE id LIKE 'forged%' OR id LIKE 'unknown%'")).isZero();

        // Grouping: three reports clusters of one ward within groupWait → one notification with the three.
        for (String kp : List.of("kp1", "kp2", "kp3")) send(TestAlerts.variant(TestAlerts.floodCluster(TAM_HIEP, clock.instant(), 4), kp));
        await(run.listener::handled, handled += 3);
        clock.advance(Duration.ofSeconds(30));
        run.service.tick();
        await(() -> webhook.receipts().size(), 4);
        assertThat(webhook.receipts().subList(1, 4)).extracting(WebhookReceiver.Receipt::webhookId).containsOnly(webhook.receipts().get(1).webhookId());

        // Silence: created at the desk, an alert of the silenced ward is recorded as suppressed, nobody paged.
        run.service.desk().createSilence(new SilenceRequest(new AlertMatcher(List.of("order.*"), null, "Đồng Nai", "phường Trấn Biên",
                null, null), null, clock.instant().plus(Duration.ofHours(2)), "đã biết, đang xử lý"), "nguyen.van.a", AlertScope.ALL);
        Alert silenced = TestAlerts.floodCluster("phường Trấn Biên", clock.instant(), 6);
        send(silenced);
        await(run.listener::handled, handled += 1);
        clock.advance(Duration.ofMinutes(1));
        run.service.tick();
        run.service.store().flushNow();
        assertThat(clickHouse.queryLong("SELECT count() FROM alerts FINAL WHERE id = '" + silenced.id() + "' AND state = 'suppressed'")).isEqualTo(1);

        // Escalation with the clock, and the acknowledgement that stops it.
        clock.advance(Duration.ofMinutes(14));
        run.service.tick();
        await(() -> webhook.receipts().size(), 5);
        assertThat(webhook.receipts().get(4).reason()).isEqualTo("escalation");
        // Acknowledged from a terminal: the command goes over Kafka to the running service, which answers.
        assertThat(new AlertsCommand().run(List.of("ack", ssh.id(), "--actor", "tran.thi.b", "--comment", "đã chặn IP",
                "--kafka", kafka.bootstrap()))).isZero();
        assertThat(run.service.desk().get(ssh.id(), AlertScope.ALL).alert().acknowledgedBy()).isEqualTo("tran.thi.b");
        assertThat(new AlertsCommand().run(List.of("ack", ssh.id(), "--actor", "le.van.c", "--kafka", kafka.bootstrap())))
                .as("a second ack is refused").isEqualTo(1);
        clock.advance(Duration.ofMinutes(40));
        run.service.tick();
        Thread.sleep(500);
        assertThat(webhook.receipts()).hasSize(5);

        // Quiet hours: a warning at 23:00 waits for 06:00; then auto-resolve after the route's quiet time (8 h)
        // without news, and a re-fire within the dedup window reopens it.
        Instant night = LocalDate.now(VIETNAM).atTime(23, 0).atZone(VIETNAM).toInstant();
        clock.set(night);
        Alert late = TestAlerts.variant(TestAlerts.floodCluster(TAM_HIEP, night, 4), "dem");
        send(late);
        await(run.listener::handled, handled += 1);
        clock.advance(Duration.ofMinutes(30));
        run.service.tick();
        Thread.sleep(300);
        assertThat(webhook.receipts()).as("held by quiet hours").hasSize(5);
        clock.set(night.plus(Duration.ofHours(7))); // 06:00
        run.service.tick();
        await(() -> webhook.receipts().size(), 6);
        assertThat(webhook.receipts().get(5).alert().id()).isEqualTo(late.id());
        clock.advance(Duration.ofHours(2));
        run.service.tick();
        assertThat(run.service.desk().get(late.id(), AlertScope.ALL).alert().state()).isEqualTo(AlertState.RESOLVED);
        send(TestAlerts.variant(TestAlerts.floodCluster(TAM_HIEP, clock.instant(), 9), "dem"));
        await(run.listener::handled, handled += 1);
        run.service.store().flushNow();
        assertThat(run.service.desk().get(late.id(), AlertScope.ALL).history()).extracting(AlertEvent::action)
                .containsSubsequence(AlertAction.FIRED, AlertAction.RESOLVED, AlertAction.REOPENED);

        // A crash: the service dies without closing anything, alerts keep coming while it is down; after the restart
        // every alert reaches the webhook once.
        int before = webhook.receipts().size();
        run.kill();
        List<Alert> whileDown = List.of(TestAlerts.sshBruteForce("103.21.9.77", clock.instant(), 40),
                TestAlerts.sshBruteForce("171.244.3.8", clock.instant(), 25));
        for (Alert a : whileDown) send(a);
        Running again = Running.start(alertsFile, clock);
        await(() -> webhook.receipts().size(), before + 2);
        Thread.sleep(1000);
        assertThat(webhook.receipts().subList(before, webhook.receipts().size())).extracting(r -> r.alert().id())
                .containsExactlyInAnyOrder(whileDown.get(0).id(), whileDown.get(1).id());
        assertThat(webhook.duplicates()).as("nothing delivered twice").isZero();
        assertThat(webhook.rejected()).as("every request signed").isZero();
        again.close();
    }

    /** The service and its listener, started and stopped together. */
    private record Running(AlertsService service, KafkaAlertListener listener, Thread thread) {
        static Running start(Path alertsFile, ManualClock clock) {
            AlertsService.Settings settings = new AlertsService.Settings(alertsFile, Duration.ZERO, Duration.ofSeconds(1), 10_000,
                    dir.resolve("journal"), false, Duration.ZERO, RecordLimits.DEFAULT);
            AlertsService service = AlertsService.start(settings, clickHouse, clock);
            KafkaAlertListener listener = new KafkaAlertListener(kafka.connection(), service);
            Thread t = new Thread(listener, "alerts-listener-test");
            t.setDaemon(true);
            t.start();
            return new Running(service, listener, t);
        }

        void kill() {
            listener.kill();
            service.kill();
        }

        void close() {
            listener.close();
            service.close();
        }
    }

    private static String routing() {
        return """
                channels:
                  - {name: hook, type: webhook, url: "%s", secret: "%s", attempts: 6, backoff: 500ms}
                receivers:
                  - {name: doi-attt, to: [{channel: hook}]}
                  - {name: truong-phong-attt, to: [{channel: hook}]}
                  - {name: truc-ban-tam-hiep, to: [{channel: hook}]}
                  - {name: truc-ban-tran-bien, to: [{channel: hook}]}
                route:
                  groupWait: 30s
                  resolveAfter: 1h
                  dedupWindow: 6h
                  routes:
                    - name: attt
                      match: {kind: "security.*"}
                      receivers: [doi-attt]
                      groupBy: [dedupKey]
                      groupWait: 0s
                      escalation: [{after: 15m, receivers: [truong-phong-attt]}, {after: 30m, receivers: [truong-phong-attt]}]
                    - name: tam-hiep
                      match: {province: "Đồng Nai", commune: "phường Tam Hiệp"}
                      receivers: [truc-ban-tam-hiep]
                      quietHours: {times: [{from: "22:00", to: "06:00"}], except: [critical]}
                      resolveAfter: 8h
                    - name: tran-bien
                      match: {province: "Đồng Nai", commune: "phường Trấn Biên"}
                      receivers: [truc-ban-tran-bien]
                """.formatted(webhook.url(), SECRET);
    }

    private static void send(Alert a) {
        send(a.id(), Json.bytes(a));
    }

    private static void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.ALERTS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(LongSupplier value, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (value.getAsLong() < atLeast && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(value.getAsLong()).isGreaterThanOrEqualTo(atLeast);
    }
}
