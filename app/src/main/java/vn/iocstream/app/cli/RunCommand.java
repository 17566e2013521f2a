package vn.iocstream.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import vn.iocstream.app.runtime.IocRuntime;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;

/** {@code ioc run}: the production entry point. */
public final class RunCommand {
    static final String USAGE = """
            usage: ioc run [--config FILE] [--set key.path=value]... [--duration D]

            Runs crawlers, MediaJob, alerts and the control room with the configuration in FILE
            (default: config/ioc.yaml if it exists), on top of config/ioc-defaults.yaml.
            Kafka and ClickHouse are embedded unless the configuration sets kafka.embedded=false /
            clickhouse.embedded=false with their addresses.

              --config FILE          YAML file overriding the defaults
              --set key.path=value   override one key, e.g. --set kafka.bootstrap=kafka-1:9092 (repeatable)
              --duration D           stop after D (90s, 10m, 2h); default: run until Ctrl-C""";

    public int run(List<String> args) {
        if (args.contains("--help")) {
            System.out.println(USAGE);
            return 0;
        }
        Options options = Options.parse(args, List.of("config", "set", "duration"), List.of(), USAGE);
        Path config = options.has("config") ? Path.of(options.get("config", null))
                : Files.isRegularFile(Path.of("config/ioc.yaml")) ? Path.of("config/ioc.yaml") : null;
        Duration duration = options.duration("duration");
        IocConfig iocConfig = ConfigLoader.load(config, options.all("set"));
        RuntimeSession session = new RuntimeSession();
        try {
            IocRuntime runtime = IocRuntime.start(iocConfig, System.out);
            try {
                session.await(duration, Duration.ofMinutes(1), runtime::statusLine, System.out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                runtime.close();
                System.out.println("stopped: " + (config == null ? "defaults" : config));
            }
        } finally {
            // Also when the start fails: the shutdown hook must not wait for a run that never began.
            session.finished();
        }
        return 0;
    }
}
