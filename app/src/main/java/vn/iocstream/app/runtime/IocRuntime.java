package vn.iocstream.app.runtime;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.iocstream.alerts.AlertDesk;
import vn.iocstream.alerts.AlertValidator;
import vn.iocstream.alerts.AlertsService;
import vn.iocstream.alerts.KafkaAlertListener;
import vn.iocstream.app.digest.DigestSchedule;
import vn.iocstream.app.web.ControlRoom;
import vn.iocstream.app.web.IngestApi;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.jobs.io.KafkaTopics;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.ClickHouseServer;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.crawlers.ArticleExtractor;
import vn.iocstream.crawlers.FeedCrawler;
import vn.iocstream.crawlers.KafkaPostSink;
import vn.iocstream.crawlers.events.EventFeedService;
import vn.iocstream.crawlers.extract.ExtractionRules;
import vn.iocstream.crawlers.health.SourceHealthMonitor;
import vn.iocstream.crawlers.health.SourceHealthTracker;
import vn.iocstream.crawlers.state.CrawlMemory;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.nlp.QueryException;
import vn.iocstream.nlp.search.PostSearchIndex;
import vn.iocstream.nlp.search.SearchLimits;
import vn.iocstream.nlp.segment.Segmenters;
import vn.iocstream.nlp.watch.QueryLimits;
import vn.iocstream.nlp.watch.WatchlistIndex;

/**
 * The whole platform in one process tree: ClickHouse (embedded child process or external), Kafka
 * (in-process KRaft broker or external), MediaJob, TrafficJob and SecurityJob on a local Flink MiniCluster (or none: on
 * a Flink cluster they are submitted with {@code flink run}), the crawler (with the
 * outlet extraction rules and the source-health monitor: {@code source_health} rows, {@code source-stale} alerts
 * through the alerts service), the alerts service, the control room, the event feeds and, when tokens are configured,
 * the ingest API. {@link #close()} stops them in reverse order.
 */
public final class IocRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IocRuntime.class);

    private final PrintStream console;
    private final List<AutoCloseable> started = new ArrayList<>();
    private ClickHouseClient clickHouse;
    private KafkaConnection kafka;
    private JobClient jobs;
    private FeedCrawler crawler;
    private AlertsService alertsService;
    private ControlRoom controlRoom;
    private SearchFeeder searchFeeder;
    private EventFeedService eventFeeds;
    private IngestApi ingestApi;

    private IocRuntime(PrintStream console) {
        this.console = console;
    }

    /** Starts every component, printing each step; on failure stops what had started and rethrows. */
    public static IocRuntime start(IocConfig config, PrintStream console) {
        IocRuntime runtime = new IocRuntime(console);
        try {
            runtime.startAll(config);
            return runtime;
        } catch (RuntimeException | Error e) {
            runtime.close();
            throw e;
        } catch (Exception e) {
            runtime.close();
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void startAll(IocConfig config) throws Exception {
        // A typo in a watchlist must stop the start with its position, not fail the Flink job later.
        for (IocConfig.Watchlist w : config.watchlists()) {
            try {
                WatchlistIndex.validate(w.query());
            } catch (QueryException e) {
                throw new ConfigLoader.ConfigException("watchlist '" + w.name() + "': " + e.getMessage());
            }
        }
        IngestApi.validate(config.ingest());
        // The configured segmenter must load now (a jar without its word list, a missing model), not fail in
        // every Flink task after Kafka and ClickHouse have started.
        Segmenters.create(config.nlp().segmenter(), config.nlp().segmenterModel());
        // A broken outlet rule must stop the start too, naming the file and rule.
        ExtractionRules rules = ExtractionRules.of(config.extraction());
        IocConfig.ClickHouse ch = config.clickhouse();
        if (ch.embedded()) {
            ClickHouseServer server = step("ClickHouse server (embedded, " + ch.dataDir() + ")",
                    () -> ClickHouseServer.start(Path.of(ch.binary()), Path.of(ch.dataDir()), ch.httpPort(), ch.tcpPort()));
            started.add(server);
            clickHouse = new ClickHouseClient(server.httpUrl(), ch.database(), "default", "");
            // `ioc alerts list` from another terminal finds the running server here.
            Files.writeString(clickHouseFile(ch), server.httpUrl() + "\n");
        } else {
            clickHouse = new ClickHouseClient(ch.url(), ch.database(), ch.user(), ch.password());
        }
        step("ClickHouse schema in database " + ch.database(), () -> {
            clickHouse.migrate();
            return null;
        });

        IocConfig.Kafka k = config.kafka();
        if (k.embedded()) {
            EmbeddedKafka broker = step("Kafka broker (embedded KRaft, " + k.dataDir() + ")",
                    () -> EmbeddedKafka.start(Path.of(k.dataDir()), k.port(), k.partitions(), k.retentionMs()));
            started.add(broker);
            broker.createTopics(Topics.ALL, k.partitions());
            kafka = broker.connection();
            // `ioc replay` from another terminal finds the running broker here.
            Files.writeString(bootstrapFile(k), broker.bootstrap() + "\n");
        } else {
            kafka = KafkaConnection.of(k);
            step("Kafka topics at " + kafka + " (missing ones created: " + k.partitions() + " partitions, replication "
                    + k.replicationFactor() + ")", () -> {
                KafkaTopics.ensure(kafka, Topics.ALL, k.partitions(), k.replicationFactor());
                return null;
            });
        }

        IocConfig.Search sc = config.search();
        PostSearchIndex search = null;
        if (sc.enabled()) {
            search = new PostSearchIndex(Path.of(config.controlRoom().searchDir()), new SearchLimits(
                    new QueryLimits(sc.maxQueryChars(), sc.maxQueryDepth(), sc.maxQueryTerms(), sc.maxNearTerms()),
                    sc.maxPage(), sc.timeoutMillis()));
            started.add(search);
            searchFeeder = new SearchFeeder(kafka, search, Duration.ofSeconds(sc.refreshSeconds())).start();
            started.add(searchFeeder);
        } else {
            console.println("full-text search off (search.enabled=false): posts are not indexed, /api/search answers 503");
        }
        PostSearchIndex searchIndex = search;
        started.add(new DeadLetterRecorder(kafka, clickHouse).start());
        IocConfig.Alerts a = config.alerts();
        alertsService = step("alerts service (" + (a.file().isBlank() ? "no routing file: nobody is notified" : a.file()) + ")",
                () -> AlertsService.start(AlertsService.Settings.of(config), clickHouse, Clock.systemUTC()));
        started.add(alertsService);
        controlRoom = step("control room", () -> ControlRoom.start(config, clickHouse, this::status, searchIndex,
                alertsService.desk(), Clock.systemUTC()));
        if (!controlRoom.accounts().hasAdmin()) {
            console.println("control room closed: no admin account in " + config.controlRoom().usersFile()
                    + ". Create one with: ./ioc users add admin --role admin --scope all --password-stdin");
        }
        started.add(controlRoom);
        KafkaAlertListener listener = new KafkaAlertListener(kafka, alertsService);
        Thread listenerThread = new Thread(listener, "alerts-listener");
        listenerThread.setDaemon(true);
        listenerThread.start();
        started.add(listener);

        if (config.flink().embedded()) {
            jobs = step("MediaJob, TrafficJob and SecurityJob on the local Flink MiniCluster (parallelism "
                    + config.flink().parallelism() + ")", () -> EmbeddedFlink.startAll(config, kafka, clickHouse));
            started.add(() -> jobs.cancel().get(30, TimeUnit.SECONDS));
        } else {
            console.println("Flink jobs: on the Flink cluster (flink.embedded=false), submitted there with flink run; none started here");
        }

        KafkaPostSink sink = new KafkaPostSink(kafka);
        started.add(sink);
        SourceHealthMonitor health = new SourceHealthMonitor(new SourceHealthTracker(config.sourceHealth(),
                config.crawler().pollIntervalSeconds()), clickHouse, this::sourceAlert, Clock.systemUTC());
        crawler = new FeedCrawler(config.sources(), config.crawler(), sink, Clock.systemUTC());
        String stateDir = config.crawler().stateDir();
        if (!stateDir.isBlank()) {
            CrawlMemory memory = CrawlMemory.open(Path.of(stateDir));
            started.add(memory); // closed after the crawler stopped writing to it
            crawler.rememberIn(memory);
            health.rememberIn(Path.of(stateDir, "health.json"), crawler.sources());
        }
        health.start(config.sourceHealth().writeIntervalSeconds());
        started.add(health); // closed after the crawler, so its last write sees the last poll
        crawler.extractWith(new ArticleExtractor(rules, RecordLimits.of(config.validation()), Clock.systemUTC()));
        crawler.boundTimesBy(RecordLimits.of(config.validation()));
        crawler.addSourceListener(health::record);
        started.add(crawler);
        IocConfig.Crawler cs = config.crawler();
        step("crawler (" + crawler.sources().size() + " sources on " + cs.threads() + " threads, every "
                + cs.pollIntervalSeconds() + " s unless scheduled, adapted within " + cs.minRefetchSeconds() + "-"
                + cs.maxRefetchSeconds() + " s; a progress line a minute)", () -> {
            crawler.start();
            return null;
        });
        startIngest(config.ingest(), config.validation());
        IocConfig.EventFeeds feeds = config.eventFeeds();
        if (!feeds.files().isEmpty() || !feeds.syslog().isEmpty()) {
            KafkaEventSink eventSink = new KafkaEventSink(kafka, feeds.trafficCsvColumns());
            started.add(eventSink);
            eventFeeds = new EventFeedService(feeds, eventSink);
            started.add(eventFeeds);
            step("event feeds (" + feeds.files().size() + " files, " + feeds.syslog().size() + " syslog listeners)",
                    () -> eventFeeds.start());
        }
        if (!config.digest().emails().isEmpty()) {
            started.add(step("daily digest e-mails (" + config.digest().emails().size() + " scheduled)",
                    () -> DigestSchedule.start(config, clickHouse, Clock.systemUTC())));
        }
        console.println("ready: control room " + controlRoom.url() + " · Kafka " + kafka
                + " · ClickHouse " + clickHouse.httpUrl());
    }

    /** The connectors' endpoint, on its own Kafka producer (see {@link IngestApi#start}); off without tokens. */
    private void startIngest(IocConfig.Ingest ingest, IocConfig.Validation validation) throws Exception {
        if (ingest.tokens().isEmpty()) {
            console.println("ingest API off: ingest.tokens is empty (POST " + IngestApi.PATH + " needs at least one token)");
            return;
        }
        KafkaPostSink ingestSink = new KafkaPostSink(kafka);
        started.add(ingestSink);
        ingestApi = step("ingest API (" + ingest.tokens().size() + " tokens)", () -> IngestApi.start(ingest, RecordLimits.of(validation), ingestSink, Clock.systemUTC()));
        started.add(ingestApi);
        console.println("ingest API: POST " + ingestApi.url());
    }

    /** A source-health alert from the crawler, checked as strictly as one from Kafka; a refused one is logged once. */
    private void sourceAlert(vn.iocstream.core.model.Alert alert) {
        try {
            alertsService.accept(alert);
        } catch (AlertValidator.InvalidAlert e) {
            LOG.warn("source-health alert for {} refused: {}", alert.key(), e.getMessage());
        }
    }

    /** Where a running embedded ClickHouse server's HTTP address is written, for {@code ioc alerts}. */
    public static Path clickHouseFile(IocConfig.ClickHouse clickHouse) {
        return Path.of(clickHouse.dataDir(), "http-url.txt");
    }

    /** Where a running embedded broker's address is written, for {@code ioc replay}. */
    public static Path bootstrapFile(IocConfig.Kafka kafka) {
        return Path.of(kafka.dataDir(), "bootstrap.txt");
    }

    public ClickHouseClient clickHouse() {
        return clickHouse;
    }

    /** The broker every component of this runtime uses (the embedded one, or the external cluster). */
    public KafkaConnection kafka() {
        return kafka;
    }

    /** {@code POST} address of the ingest API; null when it is off (no tokens). */
    public String ingestUrl() {
        return ingestApi == null ? null : ingestApi.url();
    }

    public ControlRoom controlRoom() {
        return controlRoom;
    }

    /** What people do with alerts (queries, acknowledgements, silences, the push feed). */
    public AlertDesk alertDesk() {
        return alertsService.desk();
    }

    public AlertsService alertsService() {
        return alertsService;
    }

    public long crawled() {
        return crawler == null ? 0 : crawler.postsEmitted();
    }

    /** Posts in ClickHouse, each counted once however often it was delivered. */
    public long stored() {
        return clickHouse.queryLong("SELECT count() FROM posts FINAL");
    }

    /** Distinct alerts raised (stored by the alerts service). */
    public long alerts() {
        return clickHouse.queryLong("SELECT count() FROM alerts FINAL");
    }

    /** Distinct alerts of one rule (e.g. {@code traffic-congestion}) stored by the alerts service. */
    public long alerts(String rule) {
        return clickHouse.queryLong("SELECT count() FROM alerts FINAL WHERE rule = '" + rule.replace("'", "") + "'");
    }

    /** Live counters for the console and the control room. */
    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("crawled", crawled());
        try {
            s.put("stored", stored());
            s.put("alerts", alerts());
        } catch (RuntimeException e) {
            s.put("clickhouse", "unavailable");
        }
        if (jobs != null) s.put("jobs", jobStatus());
        if (searchFeeder != null) s.put("searchable", searchFeeder.indexed());
        if (eventFeeds != null) s.put("eventFeeds", eventFeeds.status());
        if (alertsService != null) {
            alertsService.sent().forEach((channel, n) -> s.put("delivered." + channel, n));
        }
        return s;
    }

    /** The embedded Flink job's state (RUNNING, RESTARTING, FAILED …); "cluster" when the jobs run on a Flink cluster. */
    public String jobStatus() {
        if (jobs == null) return "cluster";
        try {
            return jobs.getJobStatus().get(10, TimeUnit.SECONDS).name();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The status as one console line: {@code crawled=12 stored=12 alerts=0 …}. */
    public String statusLine() {
        StringBuilder line = new StringBuilder();
        status().forEach((k, v) -> line.append(line.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return line.toString();
    }

    private <T> T step(String what, ThrowingSupplier<T> action) throws Exception {
        long t0 = System.nanoTime();
        console.print("starting " + what + " … ");
        console.flush();
        T result = action.get();
        console.printf("ok (%.1f s)%n", (System.nanoTime() - t0) / 1e9);
        return result;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
        started.clear();
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
