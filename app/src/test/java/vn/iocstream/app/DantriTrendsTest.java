package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.runtime.EmbeddedFlink;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.core.Ids;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.testing.ClickHouseTestServer;
import vn.iocstream.core.testing.SharedData;

/**
 * Trends on a real article stream: the April 2021 articles of the Dân Trí corpus (../shared/data/news/unc-dantri,
 * GPL-3.0; or -Dioc.shared.data=DIR) are replayed at speed through a real Kafka topic into MediaJob on a
 * MiniCluster, with the shipped trend defaults, and the trends it writes to a real ClickHouse are checked against
 * stories counted by hand from the articles. Skipped when the data is absent.
 */
class DantriTrendsTest {
    private static final Path CORPUS = SharedData.path("news", "unc-dantri", "unc_dantri_2020_2021.jsonl.gz");

    @TempDir static Path dir;
    private static EmbeddedKafka kafka;
    private static ClickHouseClient clickHouse;
    private static int articles;

    @BeforeAll
    static void replayApril2021() throws Exception {
        SharedData.require(CORPUS);
        List<RawPost> posts = april2021();
        articles = posts.size();
        clickHouse = ClickHouseTestServer.freshDatabase("dantri");
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2, -1);
        kafka.createTopics(Topics.ALL, 2);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (RawPost post : posts) producer.send(new ProducerRecord<>(Topics.RAW_POSTS, post.id(), Json.bytes(post)));
            producer.flush();
        }
        IocConfig config = ConfigLoader.load(null, List.of("flink.checkpointDir=" + dir.resolve("checkpoints")));
        EmbeddedFlink.startMediaJob(config, kafka.connection(), clickHouse, true).getJobExecutionResult().get(3, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) kafka.close();
    }

    /*
     * How the expected counts were made, without the code under test: for every April 2021 article, its
     * lower-cased title was searched for the phrase as whole words (python3, re.search(r'(?<!\w)' + phrase +
     * r'(?!\w)')); the matching publication times were put on the detector's grid (30-minute buckets, 6-hour
     * windows = the shipped defaults) and the window with the most matches found. The titles were then read: they
     * are one story each, not a common word.
     *   "hà nam":       39 titles; the first Covid-19 community case of the Hà Nam cluster (BN2899, Lý Nhân) was
     *                   announced on 29 April; 10 titles in the window from 16:30 on 29 April (Vietnam time).
     *   "super league": 43 titles; the European Super League was announced on 18 April and collapsed on
     *                   20–21 April; 6 titles in the window from 07:00 on 21 April.
     *   "tàu ngầm":     32 titles; the Indonesian submarine KRI Nanggala 402 went missing on 21 April; 5 titles in
     *                   the window from 12:00 on 22 April.
     */

    @Test
    void haNamCovidCluster_trendsOn29April_withTheCountOfItsHeadlines() {
        assertPeak("phrase", "hà nam", 10, "2021-04-29 09:30:00");
        // The same story seen as a locality: Hà Nam has been part of Ninh Bình since 1 July 2025.
        assertThat(clickHouse.queryLong("SELECT count() FROM trends FINAL WHERE key_type = 'locality' AND key = 'Ninh Bình'"
                + " AND toDate(window_start) BETWEEN '2021-04-29' AND '2021-04-30'")).isPositive();
    }

    @Test
    void europeanSuperLeagueCollapse_trendsOn21April() {
        // The segmenter keeps the name whole, so the key is the whole name.
        assertPeak("phrase", "european super league", 6, "2021-04-21 00:00:00");
    }

    @Test
    void missingIndonesianSubmarine_trendsOn22April() {
        assertPeak("phrase", "tàu ngầm", 5, "2021-04-22 05:00:00");
    }

    @Test
    void everyTrendRow_isBackedByItsStoredPosts() {
        assertThat(clickHouse.queryLong("SELECT count() FROM posts FINAL")).isEqualTo(articles);
        assertThat(clickHouse.queryLong("SELECT count() FROM trends FINAL")).isPositive();
        // Every cited post exists and falls inside its window; every row meets the minimum support.
        // A post missing from the table joins as 1970 and fails too.
        assertThat(clickHouse.queryLong("SELECT count() FROM (SELECT window_start, window_end, arrayJoin(post_ids) AS id"
                + " FROM trends FINAL) ANY LEFT JOIN (SELECT id, published_at FROM posts FINAL) USING id"
                + " WHERE published_at < window_start OR published_at >= window_end")).isZero();
        assertThat(clickHouse.queryLong("SELECT min(count) FROM trends FINAL")).isGreaterThanOrEqualTo(5);
    }

    /** The key's largest window count, and the window (UTC) where it first reached it. */
    private static void assertPeak(String keyType, String key, long count, String windowStartUtc) {
        List<String> peak = clickHouse.query("SELECT count, toString(window_start) FROM trends FINAL WHERE key_type = '" + keyType
                + "' AND key = '" + key + "' ORDER BY count DESC, window_start LIMIT 1", rs -> rs.getLong(1) + " @ " + rs.getString(2));
        assertThat(peak).containsExactly(count + " @ " + windowStartUtc);
    }

    /** The corpus's April 2021 articles as the crawler would post them, oldest first. */
    private static List<RawPost> april2021() throws IOException {
        List<RawPost> posts = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(CORPUS)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode a = Json.MAPPER.readTree(line);
                String published = a.path("published_from_url").asText("");
                if (!published.startsWith("2021-04")) continue;
                List<String> sentences = new ArrayList<>();
                a.path("sentences").forEach(s -> sentences.add(s.asText()));
                String url = a.path("url").asText();
                var at = OffsetDateTime.parse(published).toInstant();
                posts.add(new RawPost(Ids.forUrl(url), url, "press", "Dân trí", null, a.path("title").asText(),
                        String.join(" ", sentences), null, at, at));
            }
        }
        posts.sort(Comparator.comparing(RawPost::publishedAt).thenComparing(RawPost::id));
        return posts;
    }
}
