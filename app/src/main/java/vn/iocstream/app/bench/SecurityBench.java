package vn.iocstream.app.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.app.runtime.EmbeddedFlink;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.ClickHouseServer;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.jobs.LocalEnvironment;
import vn.iocstream.jobs.ParseOnlyJob;

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
            SecurityTraffic.sendMixedHour(kafka.connection().properties(), events, seed);

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
        new ParseOnlyJob(kafka, Topics.RAW_SECURITY, config).build(env);
        env.execute("SecurityBench-parse-only");
    }
}
