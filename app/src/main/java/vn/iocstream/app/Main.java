package vn.iocstream.app;

import java.util.Arrays;
import java.util.List;
import vn.iocstream.app.cli.AlertsCommand;
import vn.iocstream.app.cli.BenchCommand;
import vn.iocstream.app.cli.CrawlCommand;
import vn.iocstream.app.cli.DemoCommand;
import vn.iocstream.app.cli.DigestCommand;
import vn.iocstream.app.cli.EvalCommand;
import vn.iocstream.app.cli.NlpCommand;
import vn.iocstream.app.cli.ReplayCommand;
import vn.iocstream.app.cli.RunCommand;
import vn.iocstream.app.cli.TailCommand;
import vn.iocstream.app.cli.UsageException;
import vn.iocstream.app.cli.UsersCommand;
import vn.iocstream.core.config.ConfigLoader;

/** The {@code ioc} command line. The {@code ./ioc} script builds the project and calls this. */
public final class Main {
    static final String USAGE = """
            usage: ioc <command> [options]

            commands:
              demo    run the whole pipeline on a local demo (news site, traffic, citizen reports; embedded Kafka, ClickHouse, Flink)
              run     run the platform with config/ioc.yaml (embedded or external Kafka/ClickHouse)
              eval    measure quality on a file or corpus: segment, sentiment, entities, extract, nab, stories
              nlp     train models: train-segmenter, train-sentiment
              bench   measure throughput: nlp, detect, crawl, stories, web, alerts, pipeline
              alerts  alerts from a terminal: list, show, ack, resolve, assign, comment, silence, expire, check FILE
              crawl   crawl every configured source once: crawl --once [--sources config/sources.yaml] [--dry-run]
              replay  push log files through the running pipeline: replay security --zeek DIR | --auth FILE | --access FILE
              tail    follow log files / receive syslog into the raw topics: tail --auth FILE | --zeek GLOB | --syslog auth:udp:5514
              digest  the daily digest of a scope and day (HTML, PDF, XLSX, CSV; optionally by e-mail): digest --scope "tỉnh Đồng Nai"
              users   control-room accounts: users add NAME --role R --scope S | list | disable NAME | passwd NAME
              test    run the test suite against real Kafka, ClickHouse and Flink (handled by ./ioc)
              help    show this help

            `ioc <command> --help` describes a command's options.""";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            System.out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "demo" -> new DemoCommand().run(rest);
                case "run" -> new RunCommand().run(rest);
                case "eval" -> new EvalCommand().run(rest);
                case "nlp" -> new NlpCommand().run(rest);
                case "bench" -> new BenchCommand().run(rest);
                case "alerts" -> new AlertsCommand().run(rest);
                case "replay" -> new ReplayCommand().run(rest);
                case "crawl" -> new CrawlCommand().run(rest);
                case "tail" -> new TailCommand().run(rest);
                case "digest" -> new DigestCommand().run(rest);
                case "users" -> new UsersCommand().run(rest);
                default -> throw new UsageException("unknown command: " + args[0], USAGE);
            };
        } catch (UsageException e) {
            System.err.println("ioc: " + e.getMessage());
            System.err.println(e.usage());
            return 2;
        } catch (ConfigLoader.ConfigException e) {
            System.err.println("ioc: configuration error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            // Startup failures (ClickHouse missing, port taken) carry an actionable message; no stack trace.
            System.err.println("ioc: " + e.getMessage());
            return 1;
        }
    }
}
