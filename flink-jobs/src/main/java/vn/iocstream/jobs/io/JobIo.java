package vn.iocstream.jobs.io;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import vn.iocstream.core.Ids;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.jobs.LocalEnvironment;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.DeadLetter;

/** The Kafka ends every job shares, and the cluster entry point that runs a job's production wiring. */
public final class JobIo {
    private JobIo() {}

    /**
     * A raw topic, read as a consumer group.
     *
     * @param bounded read the whole topic, whatever was committed before, up to the offsets present at start, then
     *                finish (replays and tests); otherwise resume from the group's offsets and run until cancelled
     */
    public static KafkaSource<RawRecord> rawSource(KafkaConnection kafka, String topic, String groupId, boolean bounded) {
        KafkaSourceBuilder<RawRecord> builder = KafkaSource.<RawRecord>builder()
                .setProperties(kafka.properties())
                .setBootstrapServers(kafka.bootstrap())
                .setTopics(topic)
                .setGroupId(groupId)
                .setDeserializer(new RawRecordDeserializer());
        if (bounded) {
            builder.setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest());
        } else {
            builder.setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST));
        }
        return builder.build();
    }

    public static KafkaSink<Alert> alerts(KafkaConnection kafka) {
        return JsonKafkaSink.create(kafka, Topics.ALERTS, Alert::id);
    }

    /** Keyed by source topic and payload, so a replayed bad record is the same dead letter. */
    public static KafkaSink<DeadLetter> deadLetters(KafkaConnection kafka) {
        return JsonKafkaSink.create(kafka, Topics.DEADLETTER, dl -> Ids.of(dl.sourceTopic(), dl.payloadBase64()));
    }

    /** A job's production wiring, added to an environment. */
    @FunctionalInterface
    public interface Production {
        void build(IocConfig config, KafkaConnection kafka, ClickHouseClient clickHouse, StreamExecutionEnvironment env);
    }

    /**
     * Cluster entry point, {@code flink run -c <job class> <jar> config.yaml [key.path=value …]}: the external Kafka
     * and ClickHouse the file names (both {@code embedded: false}), the schema migrated and missing topics created, checkpoints every
     * {@code flink.checkpointIntervalMs} into the cluster's {@code execution.checkpointing.dir}, the restart strategy
     * of {@code flink.restartStrategy}. Parallelism is the cluster's ({@code parallelism.default}, or {@code flink run -p}).
     * The file is read here, on the machine that submits; the tasks get the settings inside the job.
     */
    public static void runOnCluster(String[] args, String jobName, Production production) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException(jobName + " needs its configuration: flink run -c <class> <jar> config.yaml [key.path=value …]");
        }
        IocConfig config = ConfigLoader.load(Path.of(args[0]), List.of(args).subList(1, args.length));
        if (config.kafka().embedded() || config.clickhouse().embedded()) {
            throw new IllegalArgumentException(jobName + " on a cluster needs external servers: set kafka.embedded: false and "
                    + "clickhouse.embedded: false (with kafka.bootstrap and clickhouse.url) in " + args[0]);
        }
        IocConfig.ClickHouse ch = config.clickhouse();
        ClickHouseClient clickHouse = new ClickHouseClient(ch.url(), ch.database(), ch.user(), ch.password());
        clickHouse.migrate();
        KafkaConnection kafka = KafkaConnection.of(config.kafka());
        KafkaTopics.ensure(kafka, Topics.ALL, config.kafka().partitions(), config.kafka().replicationFactor());
        Configuration job = new Configuration();
        job.set(RestartStrategyOptions.RESTART_STRATEGY, LocalEnvironment.restartStrategy(config.flink().restartStrategy()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(job);
        env.enableCheckpointing(config.flink().checkpointIntervalMs());
        production.build(config, kafka, clickHouse, env);
        env.execute(jobName);
    }
}
