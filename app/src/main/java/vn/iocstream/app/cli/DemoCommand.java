package vn.iocstream.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import vn.iocstream.app.access.Account;
import vn.iocstream.app.access.AccountStore;
import vn.iocstream.app.access.Role;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.render.AlertText;
import vn.iocstream.app.demo.DemoFeeds;
import vn.iocstream.app.demo.DemoNewsroom;
import vn.iocstream.app.demo.DemoSite;
import vn.iocstream.app.digest.DigestFiles;
import vn.iocstream.app.runtime.IocRuntime;
import vn.iocstream.app.web.WebhookReceiver;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.jobs.functions.ScoreSegment;
import vn.iocstream.jobs.traffic.ReportClusterer;

/**
 * {@code ioc demo}: the whole pipeline on a local news site that publishes Vietnamese articles, with a
 * burst about one incident; ends with one summary line counted from ClickHouse and the webhook receiver.
 */
public final class DemoCommand {
    static final String USAGE = """
            usage: ioc demo [--duration D] [--seed N]

            Starts embedded Kafka, ClickHouse and Flink, a demo news site on 127.0.0.1 that publishes
            Vietnamese articles (with a burst about one traffic accident), the crawler, the alerts
            service with a local webhook receiver, and the control room. Generated traffic readings
            (a crash on QL1A through Biên Hòa) and citizen reports (a flooding cluster in phường Tam
            Hiệp) feed TrafficJob. Each alert the webhook receives is printed with where it happened and
            why (its drivers). At the end the day's digest (HTML, PDF, XLSX, CSV of the posts) is written
            to data/demo/digest/ and its path printed. Data goes to data/demo/ (cleared at each start). The last line
            printed is
              demo summary: crawled=<n> stored=<n> alerts=<n> delivered=<n> congestion=<n> clusters=<n>

              --duration D   stop after D (90s, 5m, 1h); default: run until Ctrl-C
              --seed N       seed of the generated news (default 2025)""";

    private static final Path DEMO_DATA = Path.of("data/demo");
    /** Start of the burst after the site opens: late enough that the archive is already in Kafka. */
    private static final int BURST_OFFSET_SECONDS = 20;
    private static final int LIVE_INTERVAL_SECONDS = 8;
    /** The citizen-report cluster starts after the news burst, so the two alerts arrive apart. */
    private static final int REPORT_CLUSTER_OFFSET_SECONDS = 25;

    public int run(List<String> args) throws Exception {
        if (args.contains("--help")) {
            System.out.println(USAGE);
            return 0;
        }
        Options options = Options.parse(args, List.of("duration", "seed"), List.of(), USAGE);
        Duration duration = options.duration("duration");
        long seed = options.number("seed", 2025);

        long t0 = System.nanoTime();
        clear(DEMO_DATA);
        Path demoConfig = DEMO_DATA.resolve("demo.yaml");
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/demo.yaml")) {
            Files.createDirectories(DEMO_DATA);
            Files.copy(in, demoConfig);
        }
        Instant start = Instant.now();
        Duration liveFor = duration == null ? Duration.ofHours(24) : duration;
        DemoNewsroom newsroom = new DemoNewsroom(start, seed, LIVE_INTERVAL_SECONDS, BURST_OFFSET_SECONDS, liveFor);
        RuntimeSession session = new RuntimeSession();
        String secret = "whsec_" + Base64.getEncoder().encodeToString(SecureRandom.getInstanceStrong().generateSeed(32));
        try (DemoSite site = DemoSite.start(newsroom.scenario(), Clock.systemUTC());
             WebhookReceiver webhook = WebhookReceiver.start(secret)) {
            System.out.println("demo news site: " + site.feedUrl());
            webhook.onReceive(r -> System.out.println(describe(r)));
            Path alertsFile = DEMO_DATA.resolve("alerts.yaml");
            Files.writeString(alertsFile, demoAlertsFile(webhook.url(), secret));
            IocConfig config = ConfigLoader.load(demoConfig, List.of(
                    "sources=[{name: 'Báo Tin Tức Demo', type: rss, url: '" + site.feedUrl()
                            + "', kind: press, locality: 'Tây Ninh'}]",
                    // The site is on 127.0.0.1: exempt it alone, not loopback as a whole.
                    "crawler.allowedSites=['" + site.hostPort() + "']",
                    "alerts.file=" + alertsFile));
            List<String> accountLines = demoAccounts(new AccountStore(Path.of(config.controlRoom().usersFile()), Clock.systemUTC()));
            IocRuntime runtime = IocRuntime.start(config, System.out);
            System.out.printf("ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            accountLines.forEach(System.out::println);
            long crawled;
            long stored;
            long alerts;
            long congestion;
            long clusters;
            DemoFeeds feeds = DemoFeeds.start(runtime.kafka(), start, seed,
                    Duration.ofSeconds(REPORT_CLUSTER_OFFSET_SECONDS), liveFor);
            try {
                session.await(duration, Duration.ofSeconds(10), runtime::statusLine, System.out);
                crawled = runtime.crawled();
                drain(runtime, crawled);
                stored = runtime.stored();
                alerts = runtime.alerts();
                congestion = runtime.alerts(ScoreSegment.RULE);
                clusters = runtime.alerts(ReportClusterer.RULE);
                System.out.println("demo digest: " + DigestFiles.demo(runtime.clickHouse(), DEMO_DATA.resolve("digest")));
            } finally {
                feeds.close();
                runtime.close();
            }
            System.out.println("demo summary: crawled=" + crawled + " stored=" + stored + " alerts=" + alerts
                    + " delivered=" + webhook.distinctAlerts() + " congestion=" + congestion + " clusters=" + clusters);
        } finally {
            session.finished();
        }
        return 0;
    }

    /**
     * The demo's three accounts, with fresh random passwords: an admin, the leader of the province and the duty
     * officer of the ward where the flooding cluster happens. Returns the lines to print.
     */
    static List<String> demoAccounts(AccountStore accounts) {
        List<String> lines = new java.util.ArrayList<>();
        for (String[] a : DEMO_ACCOUNTS) {
            String password = randomPassword();
            Account account = accounts.add(a[0], Role.parse(a[1]), a[2], password);
            lines.add("demo account: " + account.name() + " role=" + account.role() + " scope=" + account.scope() + " password=" + password);
        }
        return lines;
    }

    private static final String[][] DEMO_ACCOUNTS = {
            {"admin", "admin", "all"},
            {"lanhdao.dongnai", "leader", "tỉnh Đồng Nai"},
            {"trucban.tamhiep", "operator", "phường Tam Hiệp, tỉnh Đồng Nai"}};

    private static String randomPassword() {
        byte[] b = new byte[12];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * The demo's routing: every alert to the local webhook, grouped per kind and place, the first notification of a
     * group 5 s after its first alert (the demo is short).
     */
    static String demoAlertsFile(String webhookUrl, String secret) {
        return "channels:\n"
                + "  - {name: demo-webhook, type: webhook, url: \"" + webhookUrl + "\", secret: \"" + secret + "\", attempts: 5, backoff: 500ms}\n"
                + "receivers:\n"
                + "  - {name: phong-dieu-hanh, to: [{channel: demo-webhook}]}\n"
                + "route:\n"
                + "  receivers: [phong-dieu-hanh]\n"
                + "  groupBy: [kind, province, commune]\n"
                + "  groupWait: 5s\n"
                + "  groupInterval: 30s\n";
    }

    /** One console line per alert received: severity, title, where, and why. */
    static String describe(WebhookReceiver.Receipt r) {
        AlertView a = r.alert();
        String where = a.locality().label().isEmpty() ? "chưa rõ địa bàn" : a.locality().label();
        List<String> why = AlertText.drivers(a.drivers());
        return "alert received: [" + a.severity() + "] " + a.title() + " · " + a.kind() + " · " + where
                + (why.isEmpty() ? "" : " · " + String.join(" · ", why));
    }

    /** Gives the last crawled posts a few checkpoints to reach ClickHouse before counting. */
    private static void drain(IocRuntime runtime, long crawled) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (runtime.stored() < crawled && System.nanoTime() < deadline) Thread.sleep(500);
    }

    private static void clear(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }
}
