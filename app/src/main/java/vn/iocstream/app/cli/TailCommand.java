package vn.iocstream.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.app.runtime.KafkaEventSink;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.crawlers.events.EventFeedService;
import vn.iocstream.crawlers.events.EventKind;

/**
 * {@code ioc tail}: follows log files and listens for syslog, feeding {@code ioc.raw.security} and
 * {@code ioc.raw.traffic} of a running pipeline ({@code ./ioc run} or {@code ./ioc demo} in another terminal, or an
 * external broker). Inputs come from the options, or, when none is given, from {@code eventFeeds:} in the
 * configuration — the same feeds {@code ./ioc run} starts itself.
 */
public final class TailCommand {
    static final String USAGE = """
            usage: ioc tail [--auth PATH] [--zeek PATH] [--suricata PATH] [--access PATH]
                            [--traffic-csv PATH] [--traffic-json PATH] [--syslog KIND:udp|tcp:PORT]
                            [--once] [--checkpoint-dir DIR] [--duration D] [--kafka HOST:PORT] [--config FILE]

            Follows log files line by line (surviving logrotate's rename and copytruncate, and restarts: the
            position is checkpointed after each batch Kafka acknowledged, so a crash repeats at most one batch
            and loses none) and receives syslog, into the raw topics the jobs read:
              --auth P           sshd / syslog auth lines (/var/log/auth.log)              → ioc.raw.security
              --zeek P           Zeek JSON logs; a glob in the file name: "/opt/zeek/logs/current/*.log"
              --suricata P       Suricata EVE JSON (eve.json)
              --access P         Apache/nginx access log, common or combined
              --traffic-csv P    road-sensor CSV, columns as eventFeeds.trafficCsvColumns   → ioc.raw.traffic
              --traffic-json P   road-sensor readings as TrafficJob's JSON, one per line
              --syslog K:P:N     listen on 127.0.0.1 (eventFeeds.syslogHost), e.g. auth:udp:5514 or suricata:tcp:6514;
                                 TCP takes octet-counted and newline-framed messages (RFC 6587)
              --once             read the files to their current end, checkpoint, exit (cron); no --syslog
              --checkpoint-dir D where positions are kept (default: eventFeeds.checkpointDir, data/event-feeds)
              --duration D       stop after D (90s, 10m, 2h); default: until Ctrl-C
              --kafka H:P        the broker (default: the running embedded broker, or kafka.bootstrap)
              --config FILE      configuration (default: config/ioc.yaml if it exists)
            Options may repeat. Without inputs, the files and syslog ports of eventFeeds: in the configuration
            are used. A file read for the first time is read from its start.""";

    private static final List<String> FILE_KINDS = List.of("auth", "zeek", "suricata", "access", "traffic-csv", "traffic-json");

    public int run(List<String> args) throws Exception {
        if (args.contains("--help")) {
            System.out.println(USAGE);
            return 0;
        }
        List<String> valued = new ArrayList<>(FILE_KINDS);
        valued.addAll(List.of("syslog", "checkpoint-dir", "duration", "kafka", "config"));
        Options o = Options.parse(args, valued, List.of("once"), USAGE);
        Path configFile = o.has("config") ? Path.of(o.get("config", null))
                : Files.isRegularFile(Path.of("config/ioc.yaml")) ? Path.of("config/ioc.yaml") : null;
        IocConfig.EventFeeds feeds = feeds(o, ConfigLoader.load(configFile, List.of()).eventFeeds());
        if (feeds.files().isEmpty() && feeds.syslog().isEmpty()) {
            throw new UsageException("nothing to tail: give --auth, --zeek, … or --syslog, or list eventFeeds in the configuration", USAGE);
        }
        boolean once = o.has("once");
        if (once && !feeds.syslog().isEmpty()) throw new UsageException("--once reads files only; drop --syslog", USAGE);
        Duration duration = o.duration("duration");
        KafkaConnection kafka = ReplayCommand.kafka(o, USAGE);

        RuntimeSession session = once ? null : new RuntimeSession();
        try (KafkaEventSink sink = new KafkaEventSink(kafka, feeds.trafficCsvColumns());
             EventFeedService service = new EventFeedService(feeds, sink)) {
            System.out.println("tailing " + feeds.files().size() + " file feed(s), " + feeds.syslog().size()
                    + " syslog listener(s) into Kafka at " + kafka + "; checkpoints in " + feeds.checkpointDir());
            if (once) {
                long t0 = System.nanoTime();
                long lines = service.pollOnce();
                sink.flush();
                System.out.printf("tail: %d lines sent, %d dead-lettered, %.1f s (%s)%n", lines, sink.deadLettered(),
                        (System.nanoTime() - t0) / 1e9, service.status());
                return 0;
            }
            service.start();
            service.receivers().forEach(r -> System.out.println("  syslog " + r.protocol().name().toLowerCase() + " "
                    + feeds.syslogHost() + ":" + r.port() + " → " + r.kind().configName()));
            try {
                session.await(duration, Duration.ofMinutes(1), () -> service.status() + " sent=" + sink.sent()
                        + " deadlettered=" + sink.deadLettered(), System.out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("stopped: " + service.status());
        } finally {
            if (session != null) session.finished();
        }
        return 0;
    }

    /** The configured feeds, with the command line's inputs instead of the configured ones when it names any. */
    private static IocConfig.EventFeeds feeds(Options o, IocConfig.EventFeeds configured) {
        List<IocConfig.FileFeed> files = new ArrayList<>();
        for (String kind : FILE_KINDS) {
            for (String path : o.all(kind)) files.add(new IocConfig.FileFeed(kind, path));
        }
        List<IocConfig.SyslogFeed> syslog = new ArrayList<>();
        for (String spec : o.all("syslog")) {
            String[] p = spec.split(":");
            if (p.length != 3 || !p[1].matches("udp|tcp") || !p[2].matches("\\d{1,5}") || Integer.parseInt(p[2]) > 65535) {
                throw new UsageException("--syslog must look like auth:udp:5514, got: " + spec, USAGE);
            }
            try {
                EventKind.of(p[0]);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--syslog: " + e.getMessage(), USAGE);
            }
            syslog.add(new IocConfig.SyslogFeed(p[0], p[1], Integer.parseInt(p[2])));
        }
        boolean given = !files.isEmpty() || !syslog.isEmpty();
        return configured.withFeeds(given ? files : configured.files(), given ? syslog : configured.syslog(),
                o.get("checkpoint-dir", configured.checkpointDir()));
    }
}
