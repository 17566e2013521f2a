package vn.iocstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.demo.DemoArticle;
import vn.iocstream.app.demo.DemoSite;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.app.runtime.IocRuntime;
import vn.iocstream.core.Ports;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;

/**
 * The Kafka broker stops for 20 s and starts again (same port, same log directory) under a running {@code ioc run}
 * (in this JVM: crawler, event-feed tailer, ingest API, the three jobs on the MiniCluster). While it is away the news
 * site publishes ten more articles, ten more sshd lines a second are appended to the tailed log, and a connector posts a
 * batch to the ingest API. Afterwards every post (crawled and ingested) and every log line is in ClickHouse exactly
 * once, and the jobs run.
 */
@Tag("slow")
class KafkaRestartTest {
    private static final String TOKEN = "zalo-connector-kafka-restart-5e1f";
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @TempDir Path dir;

    @Test
    void brokerRestarts_producersAndJobsResume_nothingLost() throws Exception {
        int port = Ports.free();
        Path kafkaDir = dir.resolve("broker");
        EmbeddedKafka broker = EmbeddedKafka.start(kafkaDir, port, 2, -1);
        broker.createTopics(Topics.ALL, 2);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // The site shows what was published up to its clock; moving the clock publishes the second ten articles.
        AtomicReference<Instant> siteTime = new AtomicReference<>(t0);
        List<DemoArticle> articles = new ArrayList<>();
        for (int i = 0; i < 20; i++) articles.add(Feeds.article(i, i < 10 ? t0.minus(Duration.ofMinutes(30 - i)) : t0.plusSeconds(i - 9)));
        Path authLog = dir.resolve("auth.log");
        int lines = 0;
        lines += appendAuthLines(authLog, lines, 40);
        try (DemoSite site = DemoSite.start(articles, new SiteClock(siteTime))) {
            List<String> settings = new ArrayList<>(LocalDirs.under(dir));
            settings.addAll(List.of("kafka.embedded=false", "kafka.bootstrap=127.0.0.1:" + port, "flink.parallelism=1",
                    "flink.checkpointIntervalMs=2000", "crawler.allowPrivateAddresses=true", "crawler.perHostDelayMs=0",
                    "crawler.pollIntervalSeconds=2", "crawler.minRefetchSeconds=1", "crawler.maxRefetchSeconds=3",
                    "sources=[{name: '" + DemoSite.SITE_NAME + "', type: rss, url: '" + site.feedUrl() + "', kind: press, locality: 'Đồng Nai'}]",
                    "eventFeeds.files=[{kind: auth, path: '" + authLog + "'}]", "eventFeeds.pollMillis=200",
                    "ingest.tokens=[" + TOKEN + "]"));
            try (IocRuntime runtime = IocRuntime.start(ConfigLoader.load(null, settings), new PrintStream(OutputStream.nullOutputStream()))) {
                ClickHouseClient ch = runtime.clickHouse();
                assertThat(post(runtime.ingestUrl(), ingestLines(0, 5)).statusCode()).isEqualTo(202);
                Rows.await(ch, "SELECT count() FROM posts FINAL", 15, Duration.ofMinutes(3));
                Rows.await(ch, "SELECT count() FROM security_events FINAL", lines, Duration.ofMinutes(2));

                broker.close();
                long down = System.nanoTime();
                siteTime.set(t0.plusSeconds(30)); // ten more articles
                // A connector's batch while the broker is away: 202 once Kafka took it, or 503 and it sends it again.
                CompletableFuture<Integer> ingest = CompletableFuture.supplyAsync(() -> postUntilAccepted(runtime.ingestUrl(), ingestLines(5, 5)));
                while (System.nanoTime() - down < OUTAGE.toNanos()) {
                    lines += appendAuthLines(authLog, lines, 10);
                    Thread.sleep(1_000);
                }
                broker = EmbeddedKafka.start(kafkaDir, port, 2, -1);

                assertThat(ingest.get(3, TimeUnit.MINUTES)).isEqualTo(202);
                Rows.await(ch, "SELECT count() FROM posts FINAL", 30, Duration.ofMinutes(4));
                assertThat(ch.queryLong("SELECT uniqExact(id) FROM posts")).isEqualTo(30);
                assertThat(ch.queryLong("SELECT count() FROM posts FINAL WHERE kind = 'press'")).isEqualTo(20);
                Rows.await(ch, "SELECT count() FROM security_events FINAL", lines, Duration.ofMinutes(3));
                assertThat(runtime.crawled()).as("each article sent once").isEqualTo(20);
                assertThat(runtime.jobStatus()).isEqualTo("RUNNING");
            }
        } finally {
            broker.close();
        }
    }

    /** Appends {@code n} sshd lines of the present second; the number appended. */
    private static int appendAuthLines(Path log, int from, int n) throws Exception {
        StringBuilder text = new StringBuilder();
        Instant now = Instant.now();
        for (int i = from; i < from + n; i++) text.append(Feeds.authLine(i, now)).append('\n');
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return n;
    }

    private static String ingestLines(int from, int n) {
        StringBuilder body = new StringBuilder();
        Instant at = Instant.now().minusSeconds(5);
        for (int i = from; i < from + n; i++) {
            body.append("{\"id\":\"zl-").append(i).append("\",\"url\":\"https://zalo.me/baodongnai/").append(i)
                    .append("\",\"kind\":\"social\",\"source\":\"Zalo OA: Báo Đồng Nai\",\"locality\":\"Đồng Nai\",\"text\":\"")
                    .append("Bà con khu phố ").append(i + 3).append(" phường Tân Hiệp phản ánh đèn đường hỏng ").append(i + 2)
                    .append(" tuần nay, tối đi lại rất nguy hiểm\",\"author\":\"Người dân\",\"publishedAt\":\"").append(at).append("\"}\n");
        }
        return body.toString();
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int postUntilAccepted(String url, String body) {
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                HttpResponse<String> r = post(url, body);
                if (r.statusCode() != 503) return r.statusCode();
                Thread.sleep(5_000);
            }
            return 503;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
