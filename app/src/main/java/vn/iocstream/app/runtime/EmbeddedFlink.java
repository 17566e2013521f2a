package vn.iocstream.app.runtime;

import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.jobs.MediaJob;

/** Runs the Flink jobs on a local MiniCluster in this JVM, bound to 127.0.0.1, with checkpointing on. */
public final class EmbeddedFlink {
    private EmbeddedFlink() {}

    /**
     * Submits MediaJob and returns at once.
     *
     * @param bounded read the raw topic up to its current end, then finish (replays, tests)
     */
    public static JobClient startMediaJob(IocConfig config, String kafkaBootstrap, ClickHouseClient clickHouse,
                                          boolean bounded) throws Exception {
        StreamExecutionEnvironment env = environment(config);
        MediaJob.production(config, kafkaBootstrap, clickHouse, bounded).build(env);
        return env.executeAsync("MediaJob");
    }

    static StreamExecutionEnvironment environment(IocConfig config) {
        Configuration conf = new Configuration();
        // The MiniCluster binds every interface by default; a monitoring box exposes nothing it need not.
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
        conf.set(JobManagerOptions.ADDRESS, "127.0.0.1");
        conf.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
        conf.set(TaskManagerOptions.HOST, "127.0.0.1");
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                Path.of(config.flink().checkpointDir()).toAbsolutePath().toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(config.flink().parallelism());
        env.enableCheckpointing(config.flink().checkpointIntervalMs());
        return env;
    }
}
