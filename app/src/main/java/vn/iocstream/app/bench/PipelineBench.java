package vn.iocstream.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.security.SecureRandom;
import java.util.Base64;
import vn.iocstream.app.web.WebhookReceiver;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.app.runtime.IocRuntime;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.jobs.io.KafkaTopics;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.nlp.AnalyzeBench;
import vn.iocstream.nlp.VietnameseAnalyzer;

/**
 * The whole pipeline on this machine, as {@code ./ioc run} runs it (embedded Kafka and ClickHouse, the three jobs,
 * search indexing, alerts, control room), with the jobs on the runtime's MiniCluster or on a standalone Flink cluster
 * ({@link PipelineFlink}), measured against its own NLP and against Kafka → parse-only jobs in the same run:
 * <ol>
 *   <li>{@code analyze()} on as many threads as cores over the same posts (the ceiling);</li>
 *   <li>N posts of ~3 KB produced into {@code ioc.raw.posts} and timed until every one is in ClickHouse {@code posts}:
 *       from the first post sent (cold) and over the last three quarters (warm, as analyze() is timed after its
 *       warm-up), the CPU accounted per component and per thread meanwhile ({@link CpuProfile});</li>
 *   <li>a live post and then silence: how long after its end a minute is written with no further input;</li>
 *   <li>E security log lines of a province's mix into {@code ioc.raw.security}, timed until every one is in
 *       {@code security_events}, cold and warm as the posts;</li>
 *   <li>alert latency ({@link AlertLatency}): a steady load of security events with probes among them, from a probe
 *       entering Kafka to its alert at a signed webhook, through the alerts service and a paging route;</li>
 *   <li>the baselines: {@link vn.iocstream.jobs.ParseOnlyJob} over each topic as it now stands, on the same Flink.</li>
 * </ol>
 */
public final class PipelineBench {
    /**
     * What to run.
     *
     * @param posts       posts to push through
     * @param dantri      a JSONL(.gz) of real articles (title, sentences) to use instead of generated posts, or null
     * @param overrides   {@code key=value} settings for the runtime and the jobs (e.g. {@code search.enabled=false})
     * @param events      security log lines for the events/s figure
     * @param alertRate   events/s while the alert latency is measured
     * @param standalone  the jobs on a standalone Flink cluster instead of the runtime's MiniCluster
     */
    public record Options(int posts, Path dantri, long seed, List<String> overrides, int events, int alertRate, int alertSeconds,
                          boolean standalone) {}

    /** Events/s into ClickHouse: warm over the last three quarters, cold from the first record sent. */
    public record Throughput(long records, double warmPerSecond, double coldPerSecond) {}

    /**
     * @param pipelinePerSecond     after the first quarter of the posts is stored, as analyze() is measured after its
     *                              warm-up
     * @param pipelineColdPerSecond from the first post sent, JVM warm-up and job start included
     * @param cpu                   components' shares of one core while the last three quarters flowed
     * @param threads               Java threads' own CPU over the same time, by name
     * @param baselinePostsPerSecond    Kafka → parse-only over ioc.raw.posts on the same Flink (job start included)
     * @param baselineSecurityPerSecond the same over ioc.raw.security
     */
    public record Result(String flink, int posts, double averageChars, int watchlists, int cores, double analyzePerSecond,
                         double pipelinePerSecond, double pipelineColdPerSecond, Map<String, Double> cpu,
                         Map<String, Double> threads, double partsPer10k, double bytesPer10k, double windowCloseSeconds,
                         Throughput security, AlertLatency.Result alerts, double baselinePostsPerSecond,
                         double baselineSecurityPerSecond) {
        public double ratio() {
            return pipelinePerSecond / analyzePerSecond;
        }

        public double coldRatio() {
            return pipelineColdPerSecond / analyzePerSecond;
        }
    }

    private static final int WATCHLISTS = 200;
    private static final String LIVE_WATCHLIST = "bench-song-bien";
    /** Probes a second among the alert-latency load: each one alert, as a province's IDS might page. */
    private static final int PROBES_PER_SECOND = 10;

    private PipelineBench() {}

    public static Result run(Options o, PrintStream progress) throws Exception {
        Random random = new Random(o.seed());
        List<AnalyzeBench.Post> texts = o.dantri() != null ? dantri(o.dantri()) : AnalyzeBench.posts(2_000, 3_000, random);
        List<IocConfig.Watchlist> watchlists = new ArrayList<>(AnalyzeBench.watchlists(WATCHLISTS, random));
        watchlists.add(new IocConfig.Watchlist(LIVE_WATCHLIST, "Sóng biển (đo độ trễ)", "\"sóng biển\""));
        double chars = texts.stream().mapToInt(p -> p.text().length()).average().orElse(0);
        int cores = Runtime.getRuntime().availableProcessors();

        Path dir = Files.createTempDirectory("ioc-pipeline-bench");
        String secret = "whsec_" + Base64.getEncoder().encodeToString(SecureRandom.getInstanceStrong().generateSeed(32));
        try (WebhookReceiver webhook = WebhookReceiver.start(secret)) {
            Path alertsFile = dir.resolve("alerts.yaml");
            // Every alert pages the security desk at once, each alone (a paging route).
            Files.writeString(alertsFile, "channels: [{name: bench-hook, type: webhook, url: \"" + webhook.url() + "\", secret: \"" + secret
                    + "\"}]\nreceivers: [{name: soc, to: [{channel: bench-hook}]}]\nroute: {receivers: [soc], groupBy: [dedupKey], groupWait: 0s}\n");
            List<String> settings = new ArrayList<>(List.of("kafka.dataDir=" + dir.resolve("kafka"), "clickhouse.dataDir=" + dir.resolve("clickhouse"),
                    "clickhouse.httpPort=0", "clickhouse.tcpPort=0", "kafka.port=0", "controlRoom.port=0",
                    "controlRoom.searchDir=" + dir.resolve("search"), "flink.checkpointDir=" + dir.resolve("checkpoints"),
                    "eventFeeds.checkpointDir=" + dir.resolve("event-feeds"), "crawler.stateDir=" + dir.resolve("crawler"),
                    "alerts.journalDir=" + dir.resolve("alerts"), "alerts.file=" + alertsFile));
            Path configFile = dir.resolve("bench.yaml");
            new ObjectMapper(new YAMLFactory()).writeValue(configFile.toFile(), Map.of("watchlists", watchlists));
            IocConfig base = ConfigLoader.load(configFile, concat(settings, o.overrides()));
            try (PipelineFlink flink = o.standalone()
                    ? PipelineFlink.standalone(Path.of("").toAbsolutePath(), dir.resolve("flink"), configFile, o.overrides(), base.flink().parallelism())
                    : PipelineFlink.miniCluster(base)) {
                progress.printf(Locale.ROOT, "analyze() on %d threads, the same posts … %n", cores);
                double analyze = analyzePerSecond(texts, watchlists, cores, Duration.ofSeconds(30));
                settings.addAll(flink.runtimeSettings());
                IocConfig config = ConfigLoader.load(configFile, concat(settings, o.overrides()));
                AlertLatency latency = new AlertLatency(webhook);
                PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
                try (IocRuntime runtime = IocRuntime.start(config, quiet)) {
                    progress.printf(Locale.ROOT, "%s on the %s … %n", PipelineFlink.JOBS, flink.name());
                    flink.startJobs(runtime);
                    return measure(o, runtime, flink, latency, config, texts, chars, watchlists.size(), cores, analyze, progress);
                }
            }
        }
    }

    private static Result measure(Options o, IocRuntime runtime, PipelineFlink flink, AlertLatency latency, IocConfig config,
                                  List<AnalyzeBench.Post> texts, double chars, int watchlists, int cores, double analyze,
                                  PrintStream progress) throws Exception {
        ClickHouseClient ch = runtime.clickHouse();
        progress.printf(Locale.ROOT, "%d posts into ioc.raw.posts, until all are in ClickHouse … %n", o.posts());
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        produce(runtime.kafka(), texts, o.posts(), start.minus(Duration.ofHours(2)), start);
        long warmedUp = awaitRows(ch, "posts", "uniqExact(id)", o.posts() / 4, progress);
        double pipeline;
        double cold;
        Map<String, Double> cpu;
        Map<String, Double> threads;
        try (CpuProfile profile = new CpuProfile()) {
            long tWarm = System.nanoTime();
            awaitRows(ch, "posts", "uniqExact(id)", o.posts(), progress);
            long tEnd = System.nanoTime();
            pipeline = (o.posts() - warmedUp) / ((tEnd - tWarm) / 1e9);
            cold = o.posts() / ((tEnd - t0) / 1e9);
            cpu = profile.stop();
            threads = profile.byThread();
        }
        long parts = ch.queryLong("SELECT count() FROM system.parts WHERE database = '" + ch.database() + "' AND active");
        long bytes = ch.queryLong("SELECT sum(bytes_on_disk) FROM system.parts WHERE database = '" + ch.database() + "' AND active");
        progress.println("a live burst, then silence, until its minute is written …");
        double windowClose = windowCloseSeconds(runtime, ch);

        progress.printf(Locale.ROOT, "%d security log lines into ioc.raw.security, until all are in ClickHouse … %n", o.events());
        Throughput security = security(runtime, ch, o.events(), o.seed(), progress);
        awaitQuietAlerts(ch);

        progress.printf(Locale.ROOT, "alert latency: %d events/s for %d s, %d of them a second alert-raising IDS probes … %n",
                o.alertRate(), o.alertSeconds(), PROBES_PER_SECOND);
        AlertLatency.Result alerts = latency.run(runtime.kafka(), o.alertRate(), o.alertSeconds(), PROBES_PER_SECOND,
                Duration.ofSeconds(config.security().outOfOrdernessSeconds() + 60L), o.seed(), progress);

        progress.println("baselines: Kafka → parse only, each topic as it now stands, on the same Flink …");
        double baselinePosts = KafkaTopics.records(runtime.kafka(), Topics.RAW_POSTS) / flink.parseOnlySeconds(runtime, Topics.RAW_POSTS);
        double baselineSecurity = KafkaTopics.records(runtime.kafka(), Topics.RAW_SECURITY) / flink.parseOnlySeconds(runtime, Topics.RAW_SECURITY);
        return new Result(flink.name(), o.posts(), chars, watchlists, cores, analyze, pipeline, cold, cpu, threads,
                parts * 10_000.0 / o.posts(), bytes * 10_000.0 / o.posts(), windowClose, security, alerts, baselinePosts, baselineSecurity);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** {@code events} lines of the province's mix over the last hour of event time, timed until all are stored. */
    private static Throughput security(IocRuntime runtime, ClickHouseClient ch, int events, long seed, PrintStream progress)
            throws InterruptedException {
        long before = ch.queryLong("SELECT count() FROM security_events");
        long t0 = System.nanoTime();
        SecurityTraffic.sendMixedHour(runtime.kafka().properties(), events, seed);
        long warmedUp = awaitRows(ch, "security_events", "count()", before + events / 4, progress) - before;
        long tWarm = System.nanoTime();
        awaitRows(ch, "security_events", "count()", before + events, progress);
        long tEnd = System.nanoTime();
        return new Throughput(events, (events - warmedUp) / ((tEnd - tWarm) / 1e9), events / ((tEnd - t0) / 1e9));
    }

    /** Waits until the alerts the security mix raised are handled (none stored for 5 s), so they do not load the latency run. */
    private static void awaitQuietAlerts(ClickHouseClient ch) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = ch.queryLong("SELECT count() FROM alert_events");
            if (now == last) return;
            last = now;
            Thread.sleep(5_000);
        }
    }

    private static double analyzePerSecond(List<AnalyzeBench.Post> texts, List<IocConfig.Watchlist> watchlists, int threads,
                                           Duration measure) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> done = new ArrayList<>();
            long end = System.nanoTime() + measure.toNanos();
            long warm = System.nanoTime() + measure.toNanos() / 3;
            for (int t = 0; t < threads; t++) {
                int offset = t * 37;
                Callable<Long> task = () -> {
                    VietnameseAnalyzer analyzer = new VietnameseAnalyzer(watchlists);
                    long n = 0;
                    for (int i = offset; System.nanoTime() < end; i++) {
                        AnalyzeBench.Post p = texts.get(i % texts.size());
                        analyzer.analyze(p.text(), p.kind(), "bench");
                        if (System.nanoTime() > warm) n++;
                    }
                    return n;
                };
                done.add(pool.submit(task));
            }
            long n = 0;
            for (Future<Long> f : done) n += f.get();
            return n / ((measure.toNanos() - measure.toNanos() / 3) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Posts in published order over {@code from … to}, each with its own id (the texts repeat). */
    private static void produce(KafkaConnection kafka, List<AnalyzeBench.Post> texts, int posts, Instant from, Instant to) {
        Properties p = kafka.properties();
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long spanMs = Duration.between(from, to).toMillis();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < posts; i++) {
                AnalyzeBench.Post t = texts.get(i % texts.size());
                Instant at = from.plusMillis(spanMs * i / posts);
                boolean press = t.kind().equals("press");
                String id = "bench-" + i;
                RawPost post = new RawPost(id, "https://bao.example.vn/bai-" + i + ".html", t.kind(), press ? "Báo Bench" : "Facebook",
                        "Đồng Nai", press ? headline(t.text()) : null, t.text(), null, at, at.plusSeconds(30));
                producer.send(new ProducerRecord<>(Topics.RAW_POSTS, id, Json.bytes(post)));
            }
        }
    }

    private static String headline(String text) {
        int end = text.indexOf('.');
        return end > 20 && end < 160 ? text.substring(0, end) : text.substring(0, Math.min(80, text.length()));
    }

    /** Waits until {@code table} holds {@code rows} by {@code count} (e.g. {@code uniqExact(id)}); returns how many it holds. */
    private static long awaitRows(ClickHouseClient ch, String table, String count, long rows, PrintStream progress) throws InterruptedException {
        long lastReport = System.nanoTime();
        while (true) {
            long stored = ch.queryLong("SELECT count() FROM " + table);
            // count() first: the exact count reads every id, so it runs only once the plain one is there.
            if (stored >= rows) {
                long exact = count.equals("count()") ? stored : ch.queryLong("SELECT " + count + " FROM " + table);
                if (exact >= rows) return exact;
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                progress.printf(Locale.ROOT, "  %s: %d of %d stored%n", table, stored, rows);
                lastReport = System.nanoTime();
            }
            Thread.sleep(250);
        }
    }

    /** Seconds from the end of a live burst's minute to that minute's row in watchlist_stats, with no post after it. */
    private static double windowCloseSeconds(IocRuntime runtime, ClickHouseClient ch) throws Exception {
        Instant now = Instant.now();
        List<AnalyzeBench.Post> burst = List.of(new AnalyzeBench.Post(
                "Sóng biển dâng cao tràn qua kè, nhiều hộ dân ven biển phải sơ tán trong đêm.", "press"));
        produce(runtime.kafka(), burst, 1, now, now);
        Instant minuteEnd = now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            // The burst's own minute: the real articles may mention the live watchlist's words in earlier minutes.
            if (ch.queryLong("SELECT count() FROM watchlist_stats WHERE watchlist = '" + LIVE_WATCHLIST + "' AND minute = toDateTime("
                    + minuteEnd.minusSeconds(60).getEpochSecond() + ")") > 0) {
                return Duration.between(minuteEnd, Instant.now()).toMillis() / 1e3;
            }
            Thread.sleep(250);
        }
        return Double.NaN;
    }

    /** Real articles, title and body, as ~3 KB press posts. */
    private static List<AnalyzeBench.Post> dantri(Path file) throws IOException {
        List<AnalyzeBench.Post> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                var node = Json.MAPPER.readTree(line);
                StringBuilder text = new StringBuilder(node.path("title").asText()).append(".");
                node.path("sentences").forEach(s -> text.append(' ').append(s.asText()));
                if (text.length() > 200) out.add(new AnalyzeBench.Post(text.toString(), "press"));
            }
        }
        if (out.isEmpty()) throw new IOException(file + " holds no article with a title and sentences");
        return out;
    }

    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "pipeline on the %s: %d posts of %.0f characters on average, %d watchlists, %d cores%n",
                r.flink(), r.posts(), r.averageChars(), r.watchlists(), r.cores());
        out.printf(Locale.ROOT, "  analyze() alone, %d threads, same posts: %8.0f posts/s%n", r.cores(), r.analyzePerSecond());
        out.printf(Locale.ROOT, "  end to end into ClickHouse, warm:        %8.0f posts/s  (%.3f of analyze()): the last three quarters%n",
                r.pipelinePerSecond(), r.ratio());
        out.printf(Locale.ROOT, "  end to end into ClickHouse, cold:        %8.0f posts/s  (%.3f of analyze()): from the first post sent%n",
                r.pipelineColdPerSecond(), r.coldRatio());
        out.printf(Locale.ROOT, "  Kafka → parse only, same Flink:          %8.0f posts/s  (job start included)%n", r.baselinePostsPerSecond());
        out.println("  CPU while the last three quarters flowed (share of one core; Java split by JFR samples):");
        r.cpu().forEach((component, share) -> out.printf(Locale.ROOT, "    %-50s %5.2f%n", component, share));
        out.println("  Java threads' own CPU time in this process, the same interval (share of one core, largest ten):");
        r.threads().entrySet().stream().limit(10).forEach(t -> out.printf(Locale.ROOT, "    %-70.70s %5.2f%n", t.getKey(), t.getValue()));
        out.printf(Locale.ROOT, "  ClickHouse after the posts: %.1f active parts and %.1f MB on disk per 10,000 posts (all tables)%n",
                r.partsPer10k(), r.bytesPer10k() / 1e6);
        out.printf(Locale.ROOT, "  a minute with no further input was written %.1f s after its end%n", r.windowCloseSeconds());
        Throughput s = r.security();
        out.printf(Locale.ROOT, "security: %d log lines of a province's mix into security_events: warm %.0f events/s, cold %.0f events/s"
                + " (target 30,000); Kafka → parse only, same Flink: %.0f events/s (job start included)%n",
                s.records(), s.warmPerSecond(), s.coldPerSecond(), r.baselineSecurityPerSecond());
        AlertLatency.Result a = r.alerts();
        out.printf(Locale.ROOT, "alerts: %d security events/s for %d s, %d IDS probes among them: event into Kafka → alert at the webhook"
                + " p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 ≤ 2,000); %d of %d alerts received%n",
                a.rate(), a.seconds(), a.probes(), a.p50Ms(), a.p99Ms(), a.maxMs(), a.received(), a.probes());
        out.printf(Locale.ROOT, "pipeline postsPerSecond=%.0f analyzePostsPerSecond=%.0f ratio=%.3f coldRatio=%.3f windowCloseSeconds=%.1f%n",
                r.pipelinePerSecond(), r.analyzePerSecond(), r.ratio(), r.coldRatio(), r.windowCloseSeconds());
        out.printf(Locale.ROOT, "pipeline posts=%.0f/s security=%.0f/s alertP99=%.0f baselinePosts=%.0f/s baselineSecurity=%.0f/s%n",
                r.pipelinePerSecond(), s.warmPerSecond(), a.p99Ms(), r.baselinePostsPerSecond(), r.baselineSecurityPerSecond());
    }
}
