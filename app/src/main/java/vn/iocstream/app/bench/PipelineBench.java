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
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.nlp.AnalyzeBench;
import vn.iocstream.nlp.VietnameseAnalyzer;

/**
 * The whole pipeline on this machine, as {@code ./ioc run} runs it (embedded Kafka and ClickHouse, the three jobs on
 * one MiniCluster, search indexing, alerts, control room), measured against its own NLP in the same process: N posts
 * of ~3 KB are first analysed with {@code analyze()} on as many threads as cores (the ceiling), then produced into
 * {@code ioc.raw.posts}, and timed until every one is in ClickHouse {@code posts}: from the first post sent (cold) and
 * over the last three quarters (warm, as analyze() is timed after its warm-up). While those flow, the CPU is
 * accounted per component and per thread ({@link CpuProfile}). After the last post, a burst of live posts and then silence measure how
 * long after its end a minute is written with no further input.
 */
public final class PipelineBench {
    /** Posts/s end to end and of analyze() alone; CPU shares; ClickHouse parts and bytes per 10,000 posts; window delay. */
    /**
     * @param pipelinePerSecond     after the first quarter of the posts is stored, as analyze() is measured after its
     *                              warm-up
     * @param pipelineColdPerSecond from the first post sent, JVM warm-up and job start included
     * @param cpu                   components' shares of one core while the last three quarters flowed
     * @param threads               Java threads' own CPU over the same time, by name
     */
    public record Result(int posts, double averageChars, int watchlists, int cores, double analyzePerSecond,
                         double pipelinePerSecond, double pipelineColdPerSecond, Map<String, Double> cpu,
                         Map<String, Double> threads, double partsPer10k, double bytesPer10k, double windowCloseSeconds) {
        public double ratio() {
            return pipelinePerSecond / analyzePerSecond;
        }

        public double coldRatio() {
            return pipelineColdPerSecond / analyzePerSecond;
        }
    }

    private static final int WATCHLISTS = 200;
    private static final String LIVE_WATCHLIST = "bench-song-bien";

    private PipelineBench() {}

    /**
     * @param posts     posts to push through
     * @param dantri    a JSONL(.gz) of real articles (title, sentences) to use instead of generated posts, or null
     * @param overrides {@code key=value} settings for the runtime (e.g. {@code search.enabled=false})
     */
    public static Result run(int posts, Path dantri, long seed, List<String> overrides, PrintStream progress) throws Exception {
        Random random = new Random(seed);
        List<AnalyzeBench.Post> texts = dantri != null ? dantri(dantri) : AnalyzeBench.posts(2_000, 3_000, random);
        List<IocConfig.Watchlist> watchlists = new ArrayList<>(AnalyzeBench.watchlists(WATCHLISTS, random));
        watchlists.add(new IocConfig.Watchlist(LIVE_WATCHLIST, "Sóng biển (đo độ trễ)", "\"sóng biển\""));
        double chars = texts.stream().mapToInt(p -> p.text().length()).average().orElse(0);
        int cores = Runtime.getRuntime().availableProcessors();

        progress.printf(Locale.ROOT, "analyze() on %d threads, the same posts … %n", cores);
        double analyze = analyzePerSecond(texts, watchlists, cores, Duration.ofSeconds(30));

        Path dir = Files.createTempDirectory("ioc-pipeline-bench");
        List<String> settings = new ArrayList<>(List.of("kafka.dataDir=" + dir.resolve("kafka"), "clickhouse.dataDir=" + dir.resolve("clickhouse"),
                "clickhouse.httpPort=0", "clickhouse.tcpPort=0", "kafka.port=0", "controlRoom.port=0",
                "controlRoom.searchDir=" + dir.resolve("search"), "flink.checkpointDir=" + dir.resolve("checkpoints"),
                "eventFeeds.checkpointDir=" + dir.resolve("event-feeds"), "crawler.stateDir=" + dir.resolve("crawler"),
                "alerts.journalDir=" + dir.resolve("alerts")));
        settings.addAll(overrides);
        Path configFile = dir.resolve("bench.yaml");
        new ObjectMapper(new YAMLFactory()).writeValue(configFile.toFile(), Map.of("watchlists", watchlists));
        IocConfig config = ConfigLoader.load(configFile, settings);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (IocRuntime runtime = IocRuntime.start(config, quiet)) {
            ClickHouseClient ch = runtime.clickHouse();
            progress.printf(Locale.ROOT, "%d posts into ioc.raw.posts, until all are in ClickHouse … %n", posts);
            Instant start = Instant.now();
            long t0 = System.nanoTime();
            produce(runtime.kafka(), texts, posts, start.minus(Duration.ofHours(2)), start);
            long warmedUp = awaitPosts(ch, posts / 4, progress);
            double pipeline;
            double cold;
            Map<String, Double> cpu;
            Map<String, Double> threads;
            try (CpuProfile profile = new CpuProfile()) {
                long tWarm = System.nanoTime();
                awaitPosts(ch, posts, progress);
                long tEnd = System.nanoTime();
                pipeline = (posts - warmedUp) / ((tEnd - tWarm) / 1e9);
                cold = posts / ((tEnd - t0) / 1e9);
                cpu = profile.stop();
                threads = profile.byThread();
            }
            long parts = ch.queryLong("SELECT count() FROM system.parts WHERE database = '" + ch.database() + "' AND active");
            long bytes = ch.queryLong("SELECT sum(bytes_on_disk) FROM system.parts WHERE database = '" + ch.database() + "' AND active");
            progress.println("a live burst, then silence, until its minute is written …");
            double windowClose = windowCloseSeconds(runtime, ch);
            return new Result(posts, chars, watchlists.size(), cores, analyze, pipeline, cold, cpu, threads, parts * 10_000.0 / posts,
                    bytes * 10_000.0 / posts, windowClose);
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

    /** Waits until {@code posts} distinct posts are stored; returns how many are. */
    private static long awaitPosts(ClickHouseClient ch, int posts, PrintStream progress) throws InterruptedException {
        long lastReport = System.nanoTime();
        while (true) {
            long stored = ch.queryLong("SELECT count() FROM posts");
            if (stored >= posts) {
                long distinct = ch.queryLong("SELECT uniqExact(id) FROM posts");
                if (distinct >= posts) return distinct;
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                progress.printf(Locale.ROOT, "  %d of %d stored%n", stored, posts);
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
        out.printf(Locale.ROOT, "pipeline: %d posts of %.0f characters on average, %d watchlists, %d cores%n",
                r.posts(), r.averageChars(), r.watchlists(), r.cores());
        out.printf(Locale.ROOT, "  analyze() alone, %d threads, same posts: %8.0f posts/s%n", r.cores(), r.analyzePerSecond());
        out.printf(Locale.ROOT, "  end to end into ClickHouse, warm:        %8.0f posts/s  (%.3f of analyze()): the last three quarters%n",
                r.pipelinePerSecond(), r.ratio());
        out.printf(Locale.ROOT, "  end to end into ClickHouse, cold:        %8.0f posts/s  (%.3f of analyze()): from the first post sent%n",
                r.pipelineColdPerSecond(), r.coldRatio());
        out.println("  CPU while the last three quarters flowed (share of one core; Java split by JFR samples):");
        r.cpu().forEach((component, share) -> out.printf(Locale.ROOT, "    %-38s %5.2f%n", component, share));
        out.println("  Java threads' own CPU time, the same interval (share of one core, largest ten):");
        r.threads().entrySet().stream().limit(10).forEach(t -> out.printf(Locale.ROOT, "    %-70.70s %5.2f%n", t.getKey(), t.getValue()));
        out.printf(Locale.ROOT, "  ClickHouse after the run: %.1f active parts and %.1f MB on disk per 10,000 posts (all tables)%n",
                r.partsPer10k(), r.bytesPer10k() / 1e6);
        out.printf(Locale.ROOT, "  a minute with no further input was written %.1f s after its end%n", r.windowCloseSeconds());
        out.printf(Locale.ROOT, "pipeline postsPerSecond=%.0f analyzePostsPerSecond=%.0f ratio=%.3f coldRatio=%.3f windowCloseSeconds=%.1f%n",
                r.pipelinePerSecond(), r.analyzePerSecond(), r.ratio(), r.coldRatio(), r.windowCloseSeconds());
    }
}
