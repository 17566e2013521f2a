package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.HostileRecords.Produced;
import vn.iocstream.app.runtime.EmbeddedFlink;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.testing.ClickHouseTestServer;

/**
 * Issue 10's property test, on real components: seeded hostile records on all four raw topics, through a real Kafka
 * broker into MediaJob, TrafficJob and SecurityJob on one MiniCluster, into a real ClickHouse. Restarts are switched
 * off, so a single record that made a task fail would fail the job (and this test) instead of being retried quietly.
 * Every record must end up stored or dead-lettered with its original bytes; every well-formed one stored; no
 * operator may fail on any of them (the parsers refuse what the operators could not handle); what is stored stays
 * within the configured limits; and the heap stays bounded.
 */
class HostileInputIntegrationTest {
    private static final long SEED = 20_261_204L;
    /** Reads what a lenient producer meant, to find a stored record by its id: NaN tokens and all. */
    private static final ObjectMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @TempDir static Path dir;
    private static EmbeddedKafka kafka;

    @AfterAll
    static void stop() {
        if (kafka != null) kafka.close();
    }

    @Test
    void everyHostileRecord_isStoredOrDeadLettered_noJobFails_andWhatIsStoredStaysInBounds() throws Exception {
        ClickHouseClient clickHouse = ClickHouseTestServer.freshDatabase("hostile");
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2, -1);
        kafka.createTopics(Topics.ALL, 2);
        IocConfig config = ConfigLoader.load(null, List.of("flink.checkpointDir=" + dir.resolve("checkpoints"),
                "flink.restartStrategy=none"));
        HostileRecords hostile = new HostileRecords(SEED, Instant.now());
        Map<String, List<Produced>> sent = Map.of(
                Topics.RAW_POSTS, hostile.posts(600),
                Topics.RAW_REPORTS, hostile.reports(300),
                Topics.RAW_TRAFFIC, hostile.readings(600),
                Topics.RAW_SECURITY, hostile.security(600));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            sent.forEach((topic, records) -> records.forEach(r -> producer.send(new ProducerRecord<>(topic, r.bytes()))));
        }

        // Throws if any task failed: with restarts off, one poison pill would end the job here.
        EmbeddedFlink.startAll(config, kafka.connection(), clickHouse, true).getJobExecutionResult().get(5, TimeUnit.MINUTES);

        List<DeadLetter> dead = TopicReader.read(kafka.bootstrap(), Topics.DEADLETTER, DeadLetter.class);
        assertThat(dead).as("no operator failed on a record the parsers let through")
                .noneMatch(d -> d.reason().matches("^\\w+ failed: .*") || d.reason().startsWith("timer of "));
        Map<String, Set<ByteBuffer>> deadPayloads = dead.stream().collect(Collectors.groupingBy(DeadLetter::sourceTopic,
                Collectors.mapping(d -> ByteBuffer.wrap(d.payload()), Collectors.toSet())));

        assertStoredOrDeadLettered(sent.get(Topics.RAW_POSTS), deadPayloads.get(Topics.RAW_POSTS),
                clickHouse.query("SELECT id FROM posts FINAL", rs -> rs.getString(1)));
        assertStoredOrDeadLettered(sent.get(Topics.RAW_REPORTS), deadPayloads.get(Topics.RAW_REPORTS),
                clickHouse.query("SELECT id FROM citizen_reports FINAL", rs -> rs.getString(1)));
        // Readings and log lines have no id of their own: counted. A reading behind the watermark (a hostile but
        // plausible time pushed it ahead) is dead-lettered as late, with the reading re-serialised.
        long lateReadings = dead.stream().filter(d -> d.reason().startsWith("late reading")).count();
        long refusedReadings = countDeadLettered(sent.get(Topics.RAW_TRAFFIC), deadPayloads.get(Topics.RAW_TRAFFIC));
        // A reading equal to one sent before (the same id: every field the same) counts once, as a tailer's repeated
        // batch must (DropRepeatedReadings).
        long repeatedReadings = repeats(sent.get(Topics.RAW_TRAFFIC), deadPayloads.get(Topics.RAW_TRAFFIC));
        assertThat(clickHouse.queryLong("SELECT sum(readings) FROM traffic_stats FINAL") + lateReadings + refusedReadings + repeatedReadings)
                .isEqualTo(sent.get(Topics.RAW_TRAFFIC).size());
        long refusedLines = countDeadLettered(sent.get(Topics.RAW_SECURITY), deadPayloads.get(Topics.RAW_SECURITY));
        assertThat(clickHouse.queryLong("SELECT count() FROM security_events FINAL") + refusedLines)
                .isEqualTo(sent.get(Topics.RAW_SECURITY).size());
        sent.forEach((topic, records) -> assertThat(records.stream().filter(r -> !r.valid())
                .filter(r -> deadPayloads.getOrDefault(topic, Set.of()).contains(ByteBuffer.wrap(r.bytes()))).count())
                .as("hostile records of %s dead-lettered", topic).isPositive());

        IocConfig.Validation v = config.validation();
        assertThat(clickHouse.queryLong("SELECT max(length(text)) FROM posts")).isLessThanOrEqualTo(v.maxTextChars());
        assertThat(clickHouse.queryLong("SELECT max(length(title)) FROM posts")).isLessThanOrEqualTo(v.maxTitleChars());
        assertThat(clickHouse.queryLong("SELECT toUInt32(min(published_at)) FROM posts"))
                .isGreaterThanOrEqualTo(Instant.parse(v.minTime()).getEpochSecond());
        assertThat(clickHouse.queryLong("SELECT toUInt32(max(published_at)) FROM posts"))
                .isLessThanOrEqualTo(Instant.now().getEpochSecond() + v.maxAheadSeconds());
        assertThat(clickHouse.queryLong("SELECT toUInt32(min(reported_at)) FROM citizen_reports"))
                .isGreaterThanOrEqualTo(Instant.parse(v.minTime()).getEpochSecond());

        System.gc();
        Runtime rt = Runtime.getRuntime();
        assertThat(rt.totalMemory() - rt.freeMemory()).as("heap in use after the run").isLessThan(rt.maxMemory() / 2);
    }

    /** Each record is dead-lettered with its exact bytes, or stored under the id it carries; each valid one stored. */
    private static void assertStoredOrDeadLettered(List<Produced> records, Set<ByteBuffer> deadPayloads, List<String> storedIds) {
        Set<ByteBuffer> dead = deadPayloads == null ? Set.of() : deadPayloads;
        Set<String> stored = new HashSet<>(storedIds);
        assertThat(stored).isNotEmpty();
        for (Produced r : records) {
            boolean deadLettered = dead.contains(ByteBuffer.wrap(r.bytes()));
            String id = lenientId(r.bytes());
            if (r.valid()) {
                assertThat(stored).as("a well-formed record is stored").contains(id);
            } else {
                assertThat(deadLettered || (id != null && stored.contains(id)))
                        .as("stored or dead-lettered: %s", preview(r.bytes())).isTrue();
            }
        }
    }

    /** Readings that were not refused and repeat an earlier reading's id. */
    private static long repeats(List<Produced> records, Set<ByteBuffer> deadPayloads) {
        Set<ByteBuffer> dead = deadPayloads == null ? Set.of() : deadPayloads;
        Set<String> seen = new HashSet<>();
        long repeats = 0;
        for (Produced r : records) {
            if (dead.contains(ByteBuffer.wrap(r.bytes()))) continue;
            try {
                if (!seen.add(vn.iocstream.core.json.Json.MAPPER.readValue(r.bytes(), vn.iocstream.core.model.TrafficReading.class).id())) repeats++;
            } catch (Exception notAReading) {
                // not parsed by the job either: dead-lettered, counted above
            }
        }
        return repeats;
    }

    private static long countDeadLettered(List<Produced> records, Set<ByteBuffer> deadPayloads) {
        Set<ByteBuffer> dead = deadPayloads == null ? Set.of() : deadPayloads;
        return records.stream().filter(r -> dead.contains(ByteBuffer.wrap(r.bytes()))).count();
    }

    private static String lenientId(byte[] bytes) {
        try {
            JsonNode node = LENIENT.readTree(bytes);
            return node != null && node.path("id").isTextual() ? node.get("id").asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String preview(byte[] bytes) {
        String s = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
