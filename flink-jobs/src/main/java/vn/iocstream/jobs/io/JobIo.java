package vn.iocstream.jobs.io;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import vn.iocstream.core.Ids;
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
    public static KafkaSource<RawRecord> rawSource(String bootstrap, String topic, String groupId, boolean bounded) {
        KafkaSourceBuilder<RawRecord> builder = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrap)
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

    public static KafkaSink<Alert> alerts(String bootstrap) {
        return JsonKafkaSink.create(bootstrap, Topics.ALERTS, Alert::id);
    }

    /** Keyed by source topic and payload, so a replayed bad record is the same dead letter. */
    public static KafkaSink<DeadLetter> deadLetters(String bootstrap) {
        return JsonKafkaSink.create(bootstrap, Topics.DEADLETTER, dl -> Ids.of(dl.sourceTopic(), dl.payloadBase64()));
    }

    /** A job's production wiring, added to an environment. */
    @FunctionalInterface
    public interface Production {
        void build(IocConfig config, String kafkaBootstrap, ClickHouseClient clickHouse, StreamExecutionEnvironment env);
    }

    /**
     * Cluster entry point, {@code flink run -c <job class> <jar> [config.yaml]}: external Kafka and ClickHouse from
     * the configuration, the schema migrated, checkpointing on.
     */
    public static void runOnCluster(String[] args, String jobName, Production production) throws Exception {
        IocConfig config = ConfigLoader.load(args.length > 0 ? Path.of(args[0]) : null, List.of());
        IocConfig.ClickHouse ch = config.clickhouse();
        ClickHouseClient clickHouse = new ClickHouseClient(ch.url(), ch.database(), ch.user(), ch.password());
        clickHouse.migrate();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(config.flink().checkpointIntervalMs());
        production.build(config, config.kafka().bootstrap(), clickHouse, env);
        env.execute(jobName);
    }
}
