package vn.iocstream.app.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.app.runtime.EmbeddedFlink;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.ClickHouseServer;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.jobs.LocalEnvironment;
import vn.iocstream.jobs.functions.ParseRecord;
import vn.iocstream.jobs.io.JobIo;
import vn.iocstream.jobs.io.RawRecord;
import vn.iocstream.jobs.security.SecurityEnvelope;
import vn.iocstream.jobs.security.SecurityEvent;
import vn.iocstream.jobs.security.SecurityParsers;
import vn.iocstream.core.validation.RecordLimits;

/**
 * SecurityJob end to end on this machine: generated log lines in {@code ioc.raw.security} of an embedded
 * broker → the whole job (parse, watermarks, every rule, CEP) → ClickHouse {@code security_events} and
 * {@code ioc.alerts}, in events/s of wall time including job start; beside, in the same run and on the same
 * topic, a baseline job that only reads Kafka and parses. Both run bounded to the end of the topic.
 */
public final class SecurityBench {
    /** Events/s of the full job and of the Kafka → parse baseline; rows stored; alerts are not counted. */
    public record Result(long events, double jobPerSecond, double parseOnlyPerSecond, long rowsStored) {}

    private SecurityBench() {}

    public static Result run(int events, long seed) throws Exception {
        Path dir = Files.createTempDirectory("ioc-security-bench");
        IocConfig config = ConfigLoader.load(null, List.of("flink.checkpointDir=" + dir.resolve("checkpoints")));
        try (ClickHouseServer server = ClickHouseServer.start(Path.of(config.clickhouse().binary()), dir.resolve("clickhouse"), 0, 0);
             EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, config.kafka().partitions(), -1)) {
            kafka.createTopics(Topics.ALL, config.kafka().partitions());
            ClickHouseClient clickHouse = new ClickHouseClient(server.httpUrl(), "bench", "default", "");
            clickHouse.migrate();
            produce(kafka.bootstrap(), events, seed);

            long t0 = System.nanoTime();
            parseOnly(config, kafka.connection());
            double parseSeconds = (System.nanoTime() - t0) / 1e9;

            t0 = System.nanoTime();
            EmbeddedFlink.startSecurityJob(config, kafka.connection(), clickHouse, true).getJobExecutionResult().get(30, TimeUnit.MINUTES);
            double jobSeconds = (System.nanoTime() - t0) / 1e9;
            long rows = clickHouse.queryLong("SELECT count() FROM security_events");
            return new Result(events, events / jobSeconds, events / parseSeconds, rows);
        }
    }

    public static void print(Result r, PrintStream out) {
        out.printf("SecurityJob Kafka → rules → ClickHouse: %,.0f events/s (%,d events, %,d rows stored; target 30,000/s)%n",
                r.jobPerSecond(), r.events(), r.rowsStored());
        out.printf("baseline Kafka → parse only:           %,.0f events/s%n", r.parseOnlyPerSecond());
        out.printf(java.util.Locale.ROOT, "security eventsPerSecond=%.0f baseline=%.0f ratio=%.2f (both include job start, ~3 s)%n",
                r.jobPerSecond(), r.parseOnlyPerSecond(), r.jobPerSecond() / r.parseOnlyPerSecond());
    }

    private static void parseOnly(IocConfig config, KafkaConnection kafka) throws Exception {
        StreamExecutionEnvironment env = LocalEnvironment.create(config.flink());
        KafkaSource<RawRecord> source = JobIo.rawSource(kafka, Topics.RAW_SECURITY, "ioc-security-bench-baseline", true);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "raw-security")
                .process(new ParseRecord<>(new SecurityParsers(0, "UTC", RecordLimits.DEFAULT)::parsed)).returns(TypeInformation.of(SecurityEvent.class)).name("parse-security-record")
                .sinkTo(new DiscardingSink<>());
        env.execute("SecurityBench-parse-only");
    }

    /**
     * A province's mix, one hour of event time: mostly web requests and Zeek connections, some SSH noise
     * with a few brute-forcing sources, IDS alerts; sources drawn from a few thousand addresses.
     */
    private static void produce(String bootstrap, int events, long seed) {
        Random rnd = new Random(seed);
        long start = Instant.now().minusSeconds(3600).toEpochMilli();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                long t = start + (long) i * 3_600_000L / events;
                String src = "113.161." + rnd.nextInt(20) + "." + rnd.nextInt(250);
                int kind = rnd.nextInt(100);
                SecurityEnvelope env;
                if (kind < 40) {
                    String path = rnd.nextInt(500) == 0 ? "/wp-login.php" : "/tin-tuc/bai-" + rnd.nextInt(5000) + ".html";
                    env = new SecurityEnvelope("access", "congthongtin.tayninh.gov.vn", src + " - - [" + access(t) + "] \"GET " + path
                            + " HTTP/1.1\" 200 " + rnd.nextInt(50000) + " \"-\" \"Mozilla/5.0\"", (long) i, null);
                } else if (kind < 75) {
                    env = new SecurityEnvelope("zeek", "conn.log", "{\"_path\":\"conn\",\"ts\":" + t / 1000.0 + ",\"uid\":\"C" + i
                            + "\",\"id.orig_h\":\"" + src + "\",\"id.orig_p\":" + (1024 + rnd.nextInt(60000)) + ",\"id.resp_h\":\"10.20.0."
                            + rnd.nextInt(30) + "\",\"id.resp_p\":" + (rnd.nextBoolean() ? 443 : 80) + ",\"proto\":\"tcp\",\"conn_state\":\"SF\"}", (long) i, null);
                } else if (kind < 95) {
                    String attacker = rnd.nextInt(10) == 0 ? "45.76.12." + rnd.nextInt(5) : src;
                    env = new SecurityEnvelope("auth", "auth.log", syslog(t) + " dvc-tayninh sshd[" + rnd.nextInt(30000)
                            + "]: Failed password for root from " + attacker + " port " + (1024 + rnd.nextInt(60000)) + " ssh2", (long) i, 2026);
                } else {
                    env = new SecurityEnvelope("suricata", "eve.json", "{\"timestamp\":\"" + Instant.ofEpochMilli(t) + "\",\"event_type\":\"alert\","
                            + "\"src_ip\":\"" + src + "\",\"src_port\":4444,\"dest_ip\":\"10.20.0.80\",\"dest_port\":80,\"proto\":\"TCP\","
                            + "\"alert\":{\"signature\":\"ET SCAN Nmap Scripting Engine\",\"severity\":2}}", (long) i, null);
                }
                producer.send(new ProducerRecord<>(Topics.RAW_SECURITY, Integer.toString(i), Json.bytes(env)));
            }
            producer.flush();
        }
    }

    private static String access(long t) {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH)
                .format(Instant.ofEpochMilli(t).atOffset(java.time.ZoneOffset.UTC));
    }

    private static String syslog(long t) {
        return java.time.format.DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", java.util.Locale.ENGLISH)
                .format(Instant.ofEpochMilli(t).atOffset(java.time.ZoneOffset.UTC));
    }
}
