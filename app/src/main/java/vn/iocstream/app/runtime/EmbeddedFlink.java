package vn.iocstream.app.runtime;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.jobs.LocalEnvironment;
import vn.iocstream.jobs.MediaJob;
import vn.iocstream.jobs.SecurityJob;
import vn.iocstream.jobs.TrafficJob;

/** Runs the Flink jobs on a local MiniCluster in this JVM, bound to 127.0.0.1, with checkpointing on. */
public final class EmbeddedFlink {
    private EmbeddedFlink() {}

    /**
     * Submits MediaJob and returns at once.
     *
     * @param bounded read the raw topic from its start to its current end, then finish (replays, tests)
     */
    public static JobClient startMediaJob(IocConfig config, String kafkaBootstrap, ClickHouseClient clickHouse,
                                          boolean bounded) throws Exception {
        StreamExecutionEnvironment env = LocalEnvironment.create(config.flink());
        MediaJob.production(config, kafkaBootstrap, clickHouse, bounded).build(env);
        return env.executeAsync("MediaJob");
    }

    /**
     * Submits TrafficJob and returns at once.
     *
     * @param bounded read the traffic and report topics from their start to their current end, then finish
     */
    public static JobClient startTrafficJob(IocConfig config, String kafkaBootstrap, ClickHouseClient clickHouse,
                                            boolean bounded) throws Exception {
        StreamExecutionEnvironment env = LocalEnvironment.create(config.flink());
        TrafficJob.production(config, kafkaBootstrap, clickHouse, bounded).build(env);
        return env.executeAsync("TrafficJob");
    }

    /** Submits SecurityJob and returns at once; {@code bounded} as for {@link #startMediaJob}. */
    public static JobClient startSecurityJob(IocConfig config, String kafkaBootstrap, ClickHouseClient clickHouse,
                                             boolean bounded) throws Exception {
        StreamExecutionEnvironment env = LocalEnvironment.create(config.flink());
        SecurityJob.production(config, kafkaBootstrap, clickHouse, bounded).build(env);
        return env.executeAsync("SecurityJob");
    }
}
