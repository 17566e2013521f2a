package vn.iocstream.jobs;

import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vn.iocstream.core.config.IocConfig;

/** A local MiniCluster environment for the embedded runtime and the tests, reachable from 127.0.0.1 only. */
public final class LocalEnvironment {
    private LocalEnvironment() {}

    public static StreamExecutionEnvironment create(IocConfig.Flink flink) {
        Configuration conf = new Configuration();
        // The MiniCluster binds every interface by default; a monitoring box exposes nothing it need not.
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
        conf.set(JobManagerOptions.ADDRESS, "127.0.0.1");
        conf.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
        conf.set(TaskManagerOptions.HOST, "127.0.0.1");
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, Path.of(flink.checkpointDir()).toAbsolutePath().toUri().toString());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, restartStrategy(flink.restartStrategy()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(flink.parallelism());
        env.enableCheckpointing(flink.checkpointIntervalMs());
        return env;
    }

    /** The strategies {@code flink.restartStrategy} may name. */
    public static String restartStrategy(String name) {
        return switch (name == null ? "" : name) {
            case "exponential-delay", "none" -> name;
            default -> throw new IllegalArgumentException("flink.restartStrategy must be exponential-delay or none, not '" + name + "'");
        };
    }
}
