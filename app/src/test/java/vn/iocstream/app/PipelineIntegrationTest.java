package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.iocstream.app.PipelineFixture.BURST_MINUTE;
import static vn.iocstream.app.PipelineFixture.WATCHLIST;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.alerts.AlertsService;
import vn.iocstream.alerts.KafkaAlertListener;
import vn.iocstream.app.demo.DemoSite;
import vn.iocstream.app.runtime.EmbeddedFlink;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.app.runtime.SearchFeeder;
import vn.iocstream.app.web.WebhookReceiver;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.testing.ClickHouseTestServer;
import vn.iocstream.crawlers.FeedCrawler;
import vn.iocstream.crawlers.KafkaPostSink;
import vn.iocstream.nlp.search.PostSearchIndex;
import vn.iocstream.nlp.search.SearchFilters;
import vn.iocstream.nlp.search.SearchPage;

/**
 * The whole path on real components: a local news site → the Jsoup crawler → a real Kafka broker (KRaft,
 * in-process) → MediaJob on a Flink MiniCluster → a real ClickHouse server → ioc.alerts → the alerts
 * service → a webhook. The job runs bounded (to the end of the topic), so every count is exact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIntegrationTest {
    private static final int ARTICLES = PipelineFixture.articles().size();
    private static final long POSTS = ARTICLES + PipelineFixture.commentCount();
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir static Path dir;
    private static EmbeddedKafka kafka;
    private static ClickHouseClient clickHouse;
    private static DemoSite site;
    private static WebhookReceiver webhook;
    private static AlertsService alertService;
    private static KafkaAlertListener alertListener;
    private static IocConfig config;
    private static long crawledPosts;

    @BeforeAll
    static void runPipeline() throws Exception {
        clickHouse = ClickHouseTestServer.freshDatabase("pipeline");
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2, -1);
        kafka.createTopics(Topics.ALL, 2);
        // The site's clock stands after the last fixture article, so the feed lists all of them.
        site = DemoSite.start(PipelineFixture.articles(), Clock.fixed(PipelineFixture.T0.plus(Duration.ofMinutes(30)), ZoneOffset.UTC));
        webhook = WebhookReceiver.start(SECRET);
        Path alertsFile = dir.resolve("alerts.yaml");
        Files.writeString(alertsFile, "channels: [{name: hook, type: webhook, url: \"" + webhook.url() + "\", secret: \""
                + SECRET + "\"}]\nreceivers: [{name: desk, to: [{channel: hook}]}]\nroute: {receivers: [desk], groupWait: 0s}\n");
        config = ConfigLoader.load(null, List.of(
                "sources=[{name: 'Báo Tin Tức', type: rss, url: '" + site.feedUrl() + "', kind: press, locality: 'Tây Ninh'}]",
                "watchlists=[{name: " + WATCHLIST + ", title: 'Tai nạn giao thông', query: '\"tai nạn giao thông\"'},"
                        + " {name: ngap-lut, title: 'Ngập lụt', query: 'ngập OR \"triều cường\"'}]",
                "crawler.allowPrivateAddresses=true", "crawler.perHostDelayMs=0",
                "alerts.file=" + alertsFile, "alerts.journalDir=" + dir.resolve("alerts-journal"),
                // This test follows the volume-jump alert end to end; trend alerts have their own tests.
                "trends.alertRatio=1000000000.0", "trends.pickupMinSocial=1000000", "trends.negativeMinCount=1000000",
                "flink.checkpointDir=" + dir.resolve("checkpoints")));

        try (KafkaPostSink sink = new KafkaPostSink(kafka.connection());
             FeedCrawler crawler = new FeedCrawler(config.sources(), config.crawler(), sink, Clock.systemUTC())) {
            for (int poll = 0; poll < 3; poll++) crawledPosts += crawler.crawlOnce().newPosts();
        }
        produceMalformedRecords();

        alertService = AlertsService.start(AlertsService.Settings.of(config), clickHouse, Clock.systemUTC());
        alertListener = new KafkaAlertListener(kafka.connection(), alertService);
        Thread listener = new Thread(alertListener, "alerts-listener-test");
        listener.setDaemon(true);
        listener.start();

        runMediaJobToTheEndOfTheTopic();
        awaitValue(alertListener::handled, 1, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (alertListener != null) alertListener.close();
        if (alertService != null) alertService.close();
        if (webhook != null) webhook.close();
        if (site != null) site.close();
        if (kafka != null) kafka.close();
    }

    @Test
    @Order(1)
    void feedCrawledThreeTimes_storesEachPostOnce() {
        assertThat(crawledPosts).isEqualTo(POSTS);
        assertThat(clickHouse.queryLong("SELECT count() FROM posts FINAL")).isEqualTo(POSTS);
        assertThat(clickHouse.queryLong("SELECT count() FROM posts FINAL WHERE kind = 'press'")).isEqualTo(ARTICLES);
        assertThat(clickHouse.queryLong("SELECT uniqExact(id) FROM posts")).isEqualTo(POSTS);
    }

    @Test
    @Order(2)
    void burstMinute_isCountedExactly_andAgreesWithTheStoredPosts() {
        String minute = "toDateTime('" + ClickHouseClient.dateTime(BURST_MINUTE) + "', 'UTC')";
        List<long[]> stats = clickHouse.query("SELECT posts, negative FROM watchlist_stats FINAL WHERE watchlist = '"
                + WATCHLIST + "' AND minute = " + minute, rs -> new long[] {rs.getLong(1), rs.getLong(2)});
        assertThat(stats).hasSize(1);
        assertThat(stats.get(0)[0]).isEqualTo(PipelineFixture.BURST_MINUTE_POSTS);
        long negativeStored = clickHouse.queryLong("SELECT countIf(sentiment = 'negative') FROM posts FINAL WHERE has(watchlists, '"
                + WATCHLIST + "') AND toStartOfMinute(published_at) = " + minute);
        assertThat(stats.get(0)[1]).isEqualTo(negativeStored).isPositive();
        // The comment typed without diacritics matched the accented watchlist query.
        assertThat(clickHouse.queryLong("SELECT count() FROM posts FINAL WHERE kind = 'comment' AND has(watchlists, '"
                + WATCHLIST + "')")).isEqualTo(1);
        // An old province name in the text resolves to the current unit, and keeps the old spelling.
        assertThat(clickHouse.queryLong("SELECT count() FROM posts FINAL WHERE url LIKE '%qua-14-1.html'"
                + " AND has(entity_ids, 'province:dong-nai') AND has(entity_texts, 'Bình Phước') AND province = 'Đồng Nai'")).isEqualTo(1);
        // Quiet minutes of the baseline hold one post each.
        assertThat(clickHouse.queryLong("SELECT max(posts) FROM watchlist_stats FINAL WHERE watchlist = '" + WATCHLIST
                + "' AND minute < " + minute)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void rewritesOfTheBurstStory_shareAStoryId() {
        long stories = clickHouse.queryLong("SELECT uniqExact(story_id) FROM posts FINAL WHERE kind = 'press' AND url LIKE '%qua-14-%'");
        assertThat(stories).isBetween(1L, 3L); // eight outlets, one incident: a handful of stories, not eight
        assertThat(clickHouse.queryLong("SELECT uniqExact(story_id) FROM posts FINAL WHERE kind = 'press' AND url LIKE '%/tin-%'"))
                .isEqualTo(8); // eight unrelated background articles stay apart
    }

    @Test
    @Order(3)
    void burst_raisesExactlyOneAlert_deliveredOnce_withItsPosts() throws Exception {
        Thread.sleep(2000); // a second alert, if the job wrongly raised one, would arrive by now
        List<Alert> alerts = TopicReader.read(kafka.bootstrap(), Topics.ALERTS, Alert.class);
        assertThat(alerts).hasSize(1);
        Alert alert = alerts.get(0);
        assertThat(alert.key()).isEqualTo(WATCHLIST);
        assertThat(alert.windowEnd()).isAfter(BURST_MINUTE).isBeforeOrEqualTo(BURST_MINUTE.plusSeconds(60));
        assertThat(clickHouse.queryLong("SELECT count() FROM alerts FINAL")).isEqualTo(1);
        assertThat(webhook.receipts()).extracting(r -> r.alert().id()).containsExactly(alert.id());
        // Where and why: the burst's posts concern Tây Ninh's province, and the drivers name the outlet and first post.
        assertThat(alert.kind()).isEqualTo("media.volume_jump");
        assertThat(alert.drivers().outlets()).isNotEmpty();
        assertThat(alert.drivers().first()).isNotNull();
        // Every post the alert cites is stored and belongs to the burst.
        String ids = String.join("','", alert.postIds());
        assertThat(clickHouse.queryLong("SELECT count() FROM posts FINAL WHERE id IN ('" + ids + "') AND published_at >= toDateTime('"
                + ClickHouseClient.dateTime(BURST_MINUTE) + "', 'UTC')")).isEqualTo(alert.postIds().size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    @Order(4)
    void malformedRawRecords_goToTheDeadLetterTopicWithAReason() {
        List<DeadLetter> dead = TopicReader.read(kafka.bootstrap(), Topics.DEADLETTER, DeadLetter.class);
        assertThat(dead).hasSize(2);
        assertThat(dead).extracting(DeadLetter::reason)
                .anyMatch(r -> r.startsWith("invalid JSON"))
                .anyMatch(r -> r.equals("missing field: publishedAt"));
        assertThat(dead).extracting(d -> new String(d.payload(), StandardCharsets.UTF_8))
                .anyMatch(p -> p.startsWith("{\"id\":\"hong"));
    }

    @Test
    @Order(5)
    void replayingTheWholeTopic_changesNoCount_andDeliversNothingAgain() throws Exception {
        String counts = "SELECT (SELECT count() FROM posts FINAL), (SELECT count() FROM watchlist_stats FINAL),"
                + " (SELECT sum(posts) FROM watchlist_stats FINAL), (SELECT count() FROM alerts FINAL),"
                + " (SELECT arrayStringConcat(groupArray(row), ';') FROM (SELECT concat(key_type, ':', key, '@', toString(window_start), '=',"
                + " toString(count), '/', toString(score), '/', arrayStringConcat(post_ids, ',')) AS row FROM trends FINAL ORDER BY row)),"
                + " (SELECT arrayStringConcat(groupArray(story_id), ',') FROM (SELECT story_id FROM posts FINAL ORDER BY id))";
        List<String> before = clickHouse.query(counts, rs -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4) + "/" + rs.getString(5) + "/" + rs.getString(6));
        assertThat(before.get(0)).contains("watchlist:" + WATCHLIST + "@"); // the burst trended: the trend rows compared are not none

        runMediaJobToTheEndOfTheTopic();
        awaitValue(alertListener::handled, 2, Duration.ofSeconds(60));
        alertService.store().flushNow();

        List<String> after = clickHouse.query(counts, rs -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4) + "/" + rs.getString(5) + "/" + rs.getString(6));
        assertThat(after).isEqualTo(before);
        assertThat(TopicReader.read(kafka.bootstrap(), Topics.ALERTS, Alert.class)).hasSize(2).extracting(Alert::id)
                .containsOnly(webhook.receipts().get(0).alert().id());
        // The replayed occurrence has the same id: counted once, nobody paged again.
        assertThat(clickHouse.queryLong("SELECT occurrences FROM alerts FINAL")).isEqualTo(1);
        assertThat(webhook.receipts()).hasSize(1);
        assertThat(webhook.duplicates()).isZero();
    }

    private static void runMediaJobToTheEndOfTheTopic() throws Exception {
        // Bounded: a job that cannot finish (a sink failing and restarting forever) fails the test, not CI's clock.
        EmbeddedFlink.startMediaJob(config, kafka.connection(), clickHouse, true).getJobExecutionResult().get(3, TimeUnit.MINUTES);
    }

    /** Broken JSON and a post without its published time, as a misbehaving connector would send. */
    private static void produceMalformedRecords() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW_POSTS, "hong-1",
                    "{\"id\":\"hong-1\",\"title\":\"Tai nạn giao thông".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topics.RAW_POSTS, "hong-2", ("{\"id\":\"hong-2\",\"url\":\"https://baotayninh.vn/x\","
                    + "\"kind\":\"press\",\"title\":\"Tai nạn giao thông ở Gò Dầu\",\"text\":\"...\"}").getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
    }

    @Test
    @Order(6)
    void searchFedFromTheEnrichedTopic_findsWhatTheWatchlistMatched() throws Exception {
        try (PostSearchIndex index = new PostSearchIndex(); SearchFeeder feeder = new SearchFeeder(kafka.connection(), index, Duration.ofSeconds(1)).start()) {
            // The topic may hold a post twice (an earlier test replays the pipeline): wait for every distinct post.
            awaitValue(() -> {
                index.refresh();
                return index.search("", SearchFilters.none(), 1).total();
            }, POSTS, Duration.ofSeconds(60));
            long matched = clickHouse.queryLong("SELECT count() FROM posts FINAL WHERE has(watchlists, '" + WATCHLIST + "')");
            SearchPage page = index.search("\"tai nan giao thong\"", SearchFilters.none(), 1);
            assertThat(page.total()).isEqualTo(matched).isGreaterThan(9);
            // Typed without diacritics, highlighted in the accented articles and in the unaccented comment alike.
            assertThat(page.hits()).extracting(h -> h.highlight().toLowerCase())
                    .anyMatch(h -> h.contains("<mark>tai nạn giao thông</mark>"))
                    .anyMatch(h -> h.contains("<mark>tai nan giao thong</mark>"));
        }
    }

    private static void awaitValue(LongSupplier value, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (value.getAsLong() < expected && System.nanoTime() < deadline) Thread.sleep(200);
        assertThat(value.getAsLong()).as("value reached within " + timeout).isGreaterThanOrEqualTo(expected);
    }
}
