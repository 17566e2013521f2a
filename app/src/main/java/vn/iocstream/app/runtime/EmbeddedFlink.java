package vn.iocstream.app.runtime;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.jobs.LocalEnvironment;
import vn.iocstream.jobs.MediaJob;
import vn.iocstream.jobs.SecurityJob;
import vn.iocstream.jobs.TrafficJob;

/** Runs the Flink jobs on a local MiniCluster in this JVM, bound to 127.0.0.1, with checkpointing on. */
public final class EmbeddedFlink {
    private EmbeddedFlink() {}

    /** What one job adds to an environment. */
    @FunctionalInterface
    private interface Graph {
        void build(IocConfig config, KafkaConnection kafka, ClickHouseClient clickHouse, boolean bounded,
                   StreamExecutionEnvironment env);
    }

    private static final Graph MEDIA = (c, k, ch, b, env) -> MediaJob.production(c, k, ch, b).build(env);
    private static final Graph TRAFFIC = (c, k, ch, b, env) -> TrafficJob.production(c, k, ch, b).build(env);
    private static final Graph SECURITY = (c, k, ch, b, env) -> SecurityJob.production(c, k, ch, b).build(env);

    /**
     * Submits MediaJob, TrafficJob and SecurityJob as one Flink job on one MiniCluster and returns at once: one
     * cluster starts faster and holds less memory than three. The graphs share no operator, so a failure
     * restarts only its own pipeline (Flink's region failover).
     */
    public static JobClient startAll(IocConfig config, KafkaConnection kafka, ClickHouseClient clickHouse) throws Exception {
        return startAll(config, kafka, clickHouse, false);
    }

    /** As above; {@code bounded} as for {@link #startMediaJob}, over every raw topic. */
    public static JobClient startAll(IocConfig config, KafkaConnection kafka, ClickHouseClient clickHouse, boolean bounded)
            throws Exception {
        return start("IOC Stream jobs", config, kafka, clickHouse, bounded, MEDIA, TRAFFIC, SECURITY);
    }

    /**
     * Submits MediaJob alone and returns at once.
     *
     * @param bounded read the raw topic from its start to its current end, then finish (replays, tests)
     */
    public static JobClient startMediaJob(IocConfig config, KafkaConnection kafka, ClickHouseClient clickHouse,
                                          boolean bounded) throws Exception {
        return start("MediaJob", config, kafka, clickHouse, bounded, MEDIA);
    }

    /** Submits TrafficJob alone; {@code bounded} as for {@link #startMediaJob}, over the traffic and report topics. */
    public static JobClient startTrafficJob(IocConfig config, KafkaConnection kafka, ClickHouseClient clickHouse,
                                            boolean bounded) throws Exception {
        return start("TrafficJob", config, kafka, clickHouse, bounded, TRAFFIC);
    }

    /** Submits SecurityJob alone; {@code bounded} as for {@link #startMediaJob}. */
    public static JobClient startSecurityJob(IocConfig config, KafkaConnection kafka, ClickHouseClient clickHouse,
                                             boolean bounded) throws Exception {
        return start("SecurityJob", config, kafka, clickHouse, bounded, SECURITY);
    }

    private static JobClient start(String name, IocConfig config, KafkaConnection kafka, ClickHouseClient clickHouse,
                                   boolean bounded, Graph... graphs) throws Exception {
        StreamExecutionEnvironment env = LocalEnvironment.create(config.flink());
        for (Graph graph : graphs) graph.build(config, kafka, clickHouse, bounded, env);
        return env.executeAsync(name);
    }
}
