package vn.iocstream.app.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.alerts.AlertsService;
import vn.iocstream.alerts.KafkaAlertListener;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.app.web.WebhookReceiver;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.ClickHouseServer;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.AlertKinds;
import vn.iocstream.core.model.Locality;
import vn.iocstream.core.validation.RecordLimits;

/**
 * The alerts service measured as it runs: alerts produced to the real {@code ioc.alerts} topic of an embedded broker,
 * read by the listener, handled and stored in a real ClickHouse server, delivered to a webhook receiver on 127.0.0.1
 * (Standard Webhooks signatures checked, redeliveries counted by {@code webhook-id}) and, for critical ones, by e-mail
 * to a real SMTP server (GreenMail) on 127.0.0.1. Routes use {@code groupWait: 0} and group per alert, so every alert
 * is a paging notification. Latency is from the moment an alert is handed to the Kafka producer to the moment the
 * webhook receiver has it.
 *
 * <ol>
 *   <li>steady: {@code rate} alerts/s for {@code seconds};</li>
 *   <li>the same, with the service killed halfway (its threads torn down without {@code close()}: nothing flushed,
 *       no offset committed) and started again at once;</li>
 *   <li>throughput: {@code burst} alerts waiting in the topic, then a service started on them;</li>
 *   <li>run 1 again, shorter, with every row written as it comes ({@code flushRows: 1}, no batch interval: what one
 *       insert per alert did); inserts, parts and bytes per 10,000 alerts of runs 1 and 4 (system.parts).</li>
 * </ol>
 * The last line is {@code alerts p50=… p99=… delivered=… lost=… duplicated=… restarted=yes} of run 2.
 */
public final class AlertsBench {
    private static final String DATABASE = "alerts_bench";

    /** One run's figures; {@code inserts}: INSERT statements into the alert tables. */
    public record Run(String name, long produced, long delivered, long lost, long duplicated, double p50Ms, double p99Ms,
                      double maxMs, boolean restarted, long inserts, List<Double> p99BySlice) {}

    /** Latency is reported per slice of this many seconds of the run too: a slow start and a steady state differ. */
    private static final int SLICE_SECONDS = 10;

    /**
     * What the alert tables (alerts, alert_events, alert_deliveries, alert_groups) cost ClickHouse for {@code alerts}
     * alerts: INSERT statements, parts created (every part ClickHouse still lists, merged-away ones included) and bytes
     * of the active parts.
     */
    public record Storage(String name, long alerts, long inserts, long partsCreated, long activeBytes) {
        double per10k(long v) {
            return v * 10_000.0 / alerts;
        }
    }

    /** Throughput: alerts taken from Kafka, handled and stored per second; deliveries per second. */
    public record Throughput(long alerts, double handledPerSecond, double deliveredPerSecond) {}

    public record Result(Run steady, Run restart, Throughput throughput, List<Storage> storage, int emails) {}

    private final Path dir;
    private final EmbeddedKafka kafka;
    private final ClickHouseServer clickHouseServer;
    private final WebhookReceiver webhook;
    private final String secret;
    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private int serial;
    /** The store's batching: as shipped unless a run changes it. */
    private Duration flushEvery = Duration.ofSeconds(1);
    private int flushRows = 10_000;

    private AlertsBench(Path dir, EmbeddedKafka kafka, ClickHouseServer clickHouseServer, WebhookReceiver webhook,
                        String secret) {
        this.dir = dir;
        this.kafka = kafka;
        this.clickHouseServer = clickHouseServer;
        this.webhook = webhook;
        this.secret = secret;
        webhook.onReceive(r -> {
            Long sent = sentNanos.get(r.alert().id());
            if (sent != null) latencies.computeIfAbsent(r.alert().id(), k -> new ArrayList<>()).add(r.receivedNanos() - sent);
        });
    }

    public static Result run(int rate, int seconds, int burst, PrintStream progress) throws Exception {
        Path dir = Files.createTempDirectory("ioc-alerts-bench");
        IocConfig config = ConfigLoader.load(null, List.of());
        String secret = "whsec_" + Base64.getEncoder().encodeToString(SecureRandom.getInstanceStrong().generateSeed(32));
        int smtpPort = freePort();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (ClickHouseServer server = ClickHouseServer.start(Path.of(config.clickhouse().binary()), dir.resolve("clickhouse"), 0, 0);
             EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, config.kafka().partitions(), -1);
             WebhookReceiver webhook = WebhookReceiver.start(secret)) {
            kafka.createTopics(Topics.ALL, config.kafka().partitions());
            AlertsBench bench = new AlertsBench(dir, kafka, server, webhook, secret);
            Path routing = dir.resolve("alerts.yaml");
            Files.writeString(routing, bench.routing(smtpPort));

            progress.printf("run 1: %d alerts/s for %d s …%n", rate, seconds);
            Run steady = bench.paced("steady", bench.clickHouse(DATABASE + "_steady"), routing, rate, seconds, false, progress);
            progress.printf("run 2: %d alerts/s for %d s, the service killed and restarted after %d s …%n", rate, seconds, seconds / 2);
            Run restart = bench.paced("restart", bench.clickHouse(DATABASE + "_restart"), routing, rate, seconds, true, progress);
            progress.printf("run 3: %d alerts waiting in the topic, then the service …%n", burst);
            Throughput throughput = bench.throughput(bench.clickHouse(DATABASE + "_burst"), routing, burst);
            int rowSeconds = Math.min(seconds, 20);
            progress.printf("run 4: %d alerts/s for %d s with every row written as it comes (flushRows 1, no batch interval) …%n",
                    rate, rowSeconds);
            bench.flushRows = 1;
            bench.flushEvery = Duration.ZERO;
            Run rowByRow = bench.paced("row-by-row", bench.clickHouse(DATABASE + "_rows"), routing, rate, rowSeconds, false, progress);
            List<Storage> storage = List.of(
                    bench.storage("batched (as shipped), run 1", bench.clickHouse(DATABASE + "_steady"), steady),
                    bench.storage("row by row, run 4", bench.clickHouse(DATABASE + "_rows"), rowByRow));
            return new Result(steady, restart, throughput, storage, mail.getReceivedMessages().length);
        } finally {
            mail.stop();
        }
    }

    public static void print(Result r, PrintStream out) {
        for (Run run : List.of(r.steady(), r.restart())) {
            out.printf(Locale.ROOT, "%-10s produced=%d delivered=%d lost=%d duplicated=%d p50=%.0f ms p99=%.0f ms max=%.0f ms%n",
                    run.name(), run.produced(), run.delivered(), run.lost(), run.duplicated(), run.p50Ms(), run.p99Ms(), run.maxMs());
            out.println("           p99 per " + SLICE_SECONDS + " s: " + run.p99BySlice().stream()
                    .map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(java.util.stream.Collectors.joining(" ")) + " ms");
        }
        out.printf(Locale.ROOT, "throughput: %d alerts from Kafka handled and stored at %.0f alerts/s; webhook deliveries %.0f/s%n",
                r.throughput().alerts(), r.throughput().handledPerSecond(), r.throughput().deliveredPerSecond());
        out.printf("e-mails received by the SMTP server (critical alerts): %d%n", r.emails());
        out.println("ClickHouse, alert tables (alerts, alert_events, alert_deliveries, alert_groups), per 10,000 alerts:");
        for (Storage s : r.storage()) {
            out.printf(Locale.ROOT, "  %-28s %,6d alerts: %,8.0f inserts, %,8.0f parts created, %,12.0f bytes in active parts%n",
                    s.name(), s.alerts(), s.per10k(s.inserts()), s.per10k(s.partsCreated()), s.per10k(s.activeBytes()));
        }
        Run x = r.restart();
        out.printf(Locale.ROOT, "alerts p50=%.0f p99=%.0f delivered=%d lost=%d duplicated=%d restarted=%s%n",
                x.p50Ms(), x.p99Ms(), x.delivered(), x.lost(), x.duplicated(), x.restarted() ? "yes" : "no");
    }

    // ---------------------------------------------------------------- runs

    private Run paced(String name, ClickHouseClient clickHouse, Path routing, int rate, int seconds, boolean kill,
                      PrintStream progress) throws Exception {
        clickHouse.migrate();
        Service service = Service.start(this, clickHouse, routing, name);
        List<String> ids = new ArrayList<>();
        long duplicatesBefore = webhook.duplicates();
        long killedInserts = 0;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            long t0 = System.nanoTime();
            long total = (long) rate * seconds;
            boolean killed = false;
            for (long i = 0; i < total; i++) {
                long due = t0 + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                if (kill && !killed && i >= total / 2) {
                    long k0 = System.nanoTime();
                    killedInserts = service.service().store().inserts().values().stream().mapToLong(Long::longValue).sum();
                    service.kill();
                    service = Service.start(this, clickHouse, routing, name);
                    progress.printf(Locale.ROOT, "  killed after %d alerts, running again in %.0f ms%n", i, (System.nanoTime() - k0) / 1e6);
                    killed = true;
                }
                Alert a = alert(name);
                ids.add(a.id());
                sentNanos.put(a.id(), System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.ALERTS, a.id(), Json.bytes(a)));
            }
            producer.flush();
        }
        awaitDelivered(ids, Duration.ofSeconds(60));
        Thread.sleep(2000); // late redeliveries, if any, would arrive now
        long inserts = service.close();
        List<Long> lat = new ArrayList<>();
        List<List<Long>> slices = new ArrayList<>();
        long delivered = 0;
        long repeats = 0;
        for (int i = 0; i < ids.size(); i++) {
            List<Long> l = latencies.get(ids.get(i));
            if (l == null) continue;
            delivered++;
            lat.add(l.get(0));
            int slice = i / (rate * SLICE_SECONDS);
            while (slices.size() <= slice) slices.add(new ArrayList<>());
            slices.get(slice).add(l.get(0));
            repeats += l.size() - 1;
        }
        lat.sort(null);
        List<Double> bySlice = new ArrayList<>();
        for (List<Long> sl : slices) {
            sl.sort(null);
            bySlice.add(Latencies.percentileMs(sl, 0.99));
        }
        return new Run(name, ids.size(), delivered, ids.size() - delivered, repeats + webhook.duplicates() - duplicatesBefore,
                Latencies.percentileMs(lat, 0.50), Latencies.percentileMs(lat, 0.99), lat.isEmpty() ? 0 : lat.get(lat.size() - 1) / 1e6, kill,
                inserts + killedInserts, bySlice);
    }

    private Throughput throughput(ClickHouseClient clickHouse, Path routing, int burst) throws Exception {
        clickHouse.migrate();
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < burst; i++) {
                Alert a = alert("burst");
                ids.add(a.id());
                producer.send(new ProducerRecord<>(Topics.ALERTS, a.id(), Json.bytes(a)));
            }
            producer.flush();
        }
        long deliveredBefore = webhook.receipts().size();
        long t0 = System.nanoTime();
        Service service = Service.start(this, clickHouse, routing, "burst");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (service.listener().handled() < burst && System.nanoTime() < deadline) Thread.sleep(20);
        service.service().store().flushNow();
        double handled = service.listener().handled() / ((System.nanoTime() - t0) / 1e9);
        while (webhook.receipts().size() - deliveredBefore < burst && System.nanoTime() < deadline) Thread.sleep(20);
        double delivered = (webhook.receipts().size() - deliveredBefore) / ((System.nanoTime() - t0) / 1e9);
        service.close();
        return new Throughput(burst, handled, delivered);
    }

    private Storage storage(String name, ClickHouseClient clickHouse, Run run) {
        List<long[]> rows = clickHouse.query("SELECT count(), sumIf(bytes_on_disk, active) FROM system.parts WHERE database = '"
                + clickHouse.database() + "' AND table IN ('alerts', 'alert_events', 'alert_deliveries', 'alert_groups')",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)});
        return new Storage(name, run.produced(), run.inserts(), rows.get(0)[0], rows.get(0)[1]);
    }

    private void awaitDelivered(List<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long missing = ids.stream().filter(id -> !latencies.containsKey(id)).count();
            if (missing == 0) return;
            Thread.sleep(100);
        }
    }

    // ---------------------------------------------------------------- fixtures

    /** The service and its Kafka listener, as {@code ioc run} wires them. */
    private record Service(AlertsService service, KafkaAlertListener listener) {
        static Service start(AlertsBench bench, ClickHouseClient clickHouse, Path routing, String name) {
            AlertsService.Settings settings = new AlertsService.Settings(routing, Duration.ZERO, bench.flushEvery, bench.flushRows,
                    bench.dir.resolve("journal-" + name), false, Duration.ofMillis(200), RecordLimits.DEFAULT);
            AlertsService service = AlertsService.start(settings, clickHouse, Clock.systemUTC());
            KafkaAlertListener listener = new KafkaAlertListener(bench.kafka.connection(), service);
            Thread t = new Thread(listener, "alerts-listener-" + name);
            t.setDaemon(true);
            t.start();
            return new Service(service, listener);
        }

        /** Threads torn down without close(): nothing flushed, no offset committed. */
        void kill() {
            listener.kill();
            service.kill();
        }

        /** Stops; returns the INSERT statements it made. */
        long close() {
            listener.close();
            service.close();
            return service.store().inserts().values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every alert pages at once on the webhook; the critical ones also go by e-mail. */
    private String routing(int smtpPort) {
        return """
                channels:
                  - {name: hook, type: webhook, url: "%s", secret: "%s", attempts: 10, backoff: 200ms, maxBackoff: 2s}
                  - {name: mail, type: email, host: 127.0.0.1, port: %d, security: none, from: canhbao@tayninh.gov.vn}
                receivers:
                  - {name: doi-attt, to: [{channel: hook}]}
                  - {name: truc-ban, to: [{channel: mail, address: trucban@tayninh.gov.vn}]}
                route:
                  receivers: [doi-attt]
                  groupBy: [id]
                  groupWait: 0s
                  routes:
                    - {match: {severity: critical}, receivers: [doi-attt, truc-ban], continue: true}
                """.formatted(webhook.url(), secret, smtpPort);
    }

    /** A brute-force alert from a new address each time (one in ten critical), like SecurityJob raises them. */
    private Alert alert(String run) {
        int n = ++serial;
        String ip = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        Instant now = Instant.now();
        String severity = n % 10 == 0 ? AlertKinds.CRITICAL : AlertKinds.WARNING;
        return new Alert(run + "-" + n, AlertKinds.SECURITY_BRUTEFORCE, "ssh-brute-force", severity, ip,
                "Dò mật khẩu SSH từ " + ip + " vào cổng dịch vụ công", "12 lần đăng nhập sai trong 10 phút",
                Locality.province("Tây Ninh"), Map.of("site", "dvc-tayninh"), null, now.minusSeconds(600), now, 12, 2,
                List.of("ev-" + n), AlertDrivers.security(List.of(new AlertDrivers.Facet(ip, 12)),
                        List.of(new AlertDrivers.Facet("dvc-tayninh:22", 12)), List.of()), null, now);
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private ClickHouseClient clickHouse(String db) {
        return new ClickHouseClient(clickHouseServer.httpUrl(), db, "default", "");
    }

    private static ClickHouseClient database(String suffix) {
        throw new UnsupportedOperationException();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
