package vn.iocstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.demo.DemoArticle;
import vn.iocstream.app.demo.DemoSite;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.testing.ClickHouseTestServer;

/**
 * {@code ioc run} (a separate process, crawler only: the jobs are on a cluster) crawls a news site's RSS feed, and is
 * killed ({@code kill -9}) once it has sent the feed's twelve articles and written them to its state folder
 * ({@code crawler.stateDir}). The site then publishes eight more; a new {@code ioc run} on the same state folder sends
 * those eight and none of the twelve again: {@code ioc.raw.posts} holds exactly twenty records, twenty distinct posts.
 * (A kill between Kafka's acknowledgement of a poll and the state write would send that poll again; post ids are
 * deterministic, so the tables would still hold each once. This test kills after the write.)
 */
@Tag("slow")
class CrawlerKillTest {
    @TempDir Path dir;

    @Test
    void crawlerKilledAndRestarted_resumes_reEmitsNothingAlreadySent() throws Exception {
        ClickHouseClient ch = ClickHouseTestServer.freshDatabase("crawlerkill");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AtomicReference<Instant> siteTime = new AtomicReference<>(t0);
        List<DemoArticle> articles = new ArrayList<>();
        for (int i = 0; i < 20; i++) articles.add(Feeds.article(i, i < 12 ? t0.minus(Duration.ofMinutes(40 - i)) : t0.plusSeconds(i)));
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2, -1);
             DemoSite site = DemoSite.start(articles, new SiteClock(siteTime))) {
            broker.createTopics(Topics.ALL, 2);
            KafkaConnection kafka = broker.connection();
            Path config = dir.resolve("ioc.yaml");
            Path state = dir.resolve("crawler-state");
            Files.writeString(config, "kafka: {embedded: false, bootstrap: \"" + broker.bootstrap() + "\"}\n"
                    + "clickhouse: {embedded: false, url: \"" + ClickHouseTestServer.server().httpUrl() + "\", database: " + ch.database() + "}\n"
                    + "flink: {embedded: false}\n"
                    + "crawler: {allowPrivateAddresses: true, perHostDelayMs: 0, pollIntervalSeconds: 2, minRefetchSeconds: 1,"
                    + " maxRefetchSeconds: 2, stateDir: \"" + state + "\"}\n"
                    + "sources: [{name: '" + DemoSite.SITE_NAME + "', type: rss, url: '" + site.feedUrl() + "', kind: press, locality: 'Đồng Nai'}]\n");
            List<String> args = new ArrayList<>(List.of("run", "--config", config.toString()));
            for (String setting : LocalDirs.under(dir)) {
                if (!setting.startsWith("crawler.") && !setting.startsWith("kafka.") && !setting.startsWith("clickhouse.")) {
                    args.addAll(List.of("--set", setting));
                }
            }

            IocProcess first = IocProcess.start(dir.resolve("run-1"), List.of("-Xmx512m"), Map.of(), args.toArray(String[]::new));
            first.awaitOutput("ready:", Duration.ofMinutes(3));
            awaitRecords(kafka, 12);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (emittedKeys(state) < 12 && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(emittedKeys(state)).as("the twelve articles written to the crawler's state").isEqualTo(12);
            first.kill();

            siteTime.set(t0.plusSeconds(60)); // eight more articles
            try (IocProcess second = IocProcess.start(dir.resolve("run-2"), List.of("-Xmx512m"), Map.of(), args.toArray(String[]::new))) {
                second.awaitOutput("ready:", Duration.ofMinutes(3));
                awaitRecords(kafka, 20);
                Thread.sleep(8_000); // several more polls of the feed, which still lists all twenty
                List<String> records = TopicRecords.values(kafka, Topics.RAW_POSTS);
                assertThat(records).hasSize(20);
                HashSet<String> urls = new HashSet<>();
                for (String r : records) urls.add(Json.MAPPER.readValue(r, RawPost.class).url());
                assertThat(urls).hasSize(20);
                for (DemoArticle a : articles) assertThat(urls).contains(site.articleUrl(a));
            }
        }
    }

    private static void awaitRecords(KafkaConnection kafka, long n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (TopicRecords.count(kafka, Topics.RAW_POSTS) < n && System.nanoTime() < deadline) Thread.sleep(200);
        assertThat(TopicRecords.count(kafka, Topics.RAW_POSTS)).isEqualTo(n);
    }

    private static long emittedKeys(Path state) throws Exception {
        Path log = state.resolve("emitted.log");
        return Files.isRegularFile(log) ? Files.readAllLines(log).stream().filter(l -> !l.isBlank()).count() : 0;
    }
}
