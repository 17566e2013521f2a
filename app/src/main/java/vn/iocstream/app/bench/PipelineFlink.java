package vn.iocstream.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import vn.iocstream.app.cluster.StandaloneFlink;
import vn.iocstream.app.runtime.IocRuntime;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.jobs.LocalEnvironment;
import vn.iocstream.jobs.ParseOnlyJob;

/**
 * Where {@code ioc bench pipeline} runs the Flink jobs, and their Kafka → parse-only baseline on the same Flink: the
 * MiniCluster inside the runtime, as {@code ioc run} does by default, or a standalone cluster (JobManager and
 * TaskManager processes started from {@code deploy/flink/bin/flink.sh}) that the jobs jar is submitted to with Flink's
 * command line, as "Running on a cluster" in the README does.
 */
sealed interface PipelineFlink extends AutoCloseable permits PipelineFlink.MiniCluster, PipelineFlink.Standalone {
    String JOBS = "MediaJob, TrafficJob and SecurityJob";

    /** How the report names it. */
    String name();

    /** Settings the runtime needs for this placement. */
    List<String> runtimeSettings();

    /** Starts the three jobs against the runtime's Kafka and ClickHouse, if the runtime has not. */
    void startJobs(IocRuntime runtime) throws Exception;

    /** Runs {@link ParseOnlyJob} over the whole topic; the job's run time in seconds (scheduling included). */
    double parseOnlySeconds(IocRuntime runtime, String topic) throws Exception;

    @Override
    default void close() {}

    static PipelineFlink miniCluster(IocConfig config) {
        return new MiniCluster(config);
    }

    /**
     * @param root       the project root ({@code deploy/flink/bin/flink.sh}, the jobs jar)
     * @param configFile the configuration the jobs are submitted with; {@code overrides} are added to it
     */
    static PipelineFlink standalone(Path root, Path workDir, Path configFile, List<String> overrides, int parallelism) {
        return new Standalone(root, workDir, configFile, overrides, parallelism, jobsJar(root));
    }

    /**
     * {@code flink-jobs/target/ioc-flink-jobs-*-flink.jar}, built by {@code -Pcluster}, and not older than the module's
     * plain jar (which a build without the profile renews when the code changed, leaving the jobs jar behind).
     */
    private static Path jobsJar(Path root) {
        String build = "build it with: mvn -B -Pcluster -DskipTests package";
        Path target = root.resolve("flink-jobs/target");
        try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            Path jar = files.filter(f -> f.getFileName().toString().matches("ioc-flink-jobs-.*-flink\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the jobs jar for the cluster is missing: " + build));
            Path plain = target.resolve(jar.getFileName().toString().replace("-flink.jar", ".jar"));
            if (Files.isRegularFile(plain) && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(plain)) < 0) {
                throw new IllegalStateException(jar + " is older than the code in " + plain + ": " + build);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jobs on the runtime's own MiniCluster; the baseline on a local environment of the same process. */
    record MiniCluster(IocConfig config) implements PipelineFlink {
        @Override
        public String name() {
            return "MiniCluster in the runtime's process";
        }

        @Override
        public List<String> runtimeSettings() {
            return List.of("flink.embedded=true");
        }

        @Override
        public void startJobs(IocRuntime runtime) {
            // IocRuntime.start has started them.
        }

        @Override
        public double parseOnlySeconds(IocRuntime runtime, String topic) throws Exception {
            StreamExecutionEnvironment env = LocalEnvironment.create(config.flink());
            new ParseOnlyJob(runtime.kafka(), topic, config).build(env);
            return env.execute("ParseOnlyJob " + topic).getNetRuntime(TimeUnit.MILLISECONDS) / 1e3;
        }
    }

    /** The jobs submitted with {@code flink run} to a JobManager and a TaskManager started as processes. */
    final class Standalone implements PipelineFlink {
        private final Path root;
        private final Path workDir;
        private final Path configFile;
        private final List<String> overrides;
        private final int parallelism;
        private final Path jar;
        private StandaloneFlink flink;

        private Standalone(Path root, Path workDir, Path configFile, List<String> overrides, int parallelism, Path jar) {
            this.root = root;
            this.workDir = workDir;
            this.configFile = configFile;
            this.overrides = List.copyOf(overrides);
            this.parallelism = parallelism;
            this.jar = jar;
        }

        @Override
        public String name() {
            return "standalone Flink cluster (JobManager and TaskManager processes, the jobs jar submitted with flink run)";
        }

        @Override
        public List<String> runtimeSettings() {
            return List.of("flink.embedded=false");
        }

        @Override
        public void startJobs(IocRuntime runtime) throws Exception {
            // A slot per subtask of each job, as the MiniCluster gives each job its own, and of the baseline job that runs
            // beside them at the end; 3 GB, as ioc run's heap.
            flink = StandaloneFlink.start(root, workDir, new StandaloneFlink.Settings(4 * parallelism, "3072m", "768m", parallelism));
            for (String job : List.of("MediaJob", "TrafficJob", "SecurityJob")) {
                String id = flink.submit("vn.iocstream.jobs." + job, jar, arguments(runtime, List.of()), null, Map.of());
                flink.awaitRunning(id, Duration.ofMinutes(3));
            }
        }

        @Override
        public double parseOnlySeconds(IocRuntime runtime, String topic) throws Exception {
            String id = flink.submit(ParseOnlyJob.class.getName(), jar, arguments(runtime, List.of(topic)), null, Map.of());
            return flink.awaitFinished(id, Duration.ofMinutes(10)).path("duration").asLong() / 1e3;
        }

        /** The configuration file, then what the job's main takes before the overrides, then the runtime's servers. */
        private List<String> arguments(IocRuntime runtime, List<String> leading) {
            List<String> args = new ArrayList<>(List.of(configFile.toString()));
            args.addAll(leading);
            args.addAll(overrides);
            args.addAll(List.of("kafka.embedded=false", "kafka.bootstrap=" + runtime.kafka().bootstrap(), "clickhouse.embedded=false",
                    "clickhouse.url=" + runtime.clickHouse().httpUrl(), "clickhouse.database=" + runtime.clickHouse().database()));
            return args;
        }

        @Override
        public void close() {
            if (flink != null) flink.close();
        }
    }
}
