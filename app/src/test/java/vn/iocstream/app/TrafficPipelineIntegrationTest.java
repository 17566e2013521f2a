package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
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
import vn.iocstream.app.demo.ReportGenerator;
import vn.iocstream.app.demo.TrafficGenerator;
import vn.iocstream.app.runtime.EmbeddedFlink;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.CitizenReport;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.model.TrafficReading;
import vn.iocstream.core.testing.ClickHouseTestServer;
import vn.iocstream.jobs.functions.ScoreSegment;
import vn.iocstream.jobs.traffic.ReportClusterer;

/**
 * TrafficJob on real components: generated readings and citizen reports → a real Kafka broker → TrafficJob
 * on a Flink MiniCluster → a real ClickHouse server and ioc.alerts. A day of readings with one crash, six
 * hours of reports with one flooding cluster; the job runs bounded, so every count is exact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrafficPipelineIntegrationTest {
    /** 12:00 in Vietnam. */
    private static final Instant T0 = Instant.parse("2026-11-20T05:00:00Z");
    private static final Instant CRASH = T0.plus(Duration.ofMinutes(10));
    private static final String CRASH_SEGMENT = "ql1a-bien-hoa";
    private static final ReportGenerator.Cluster FLOOD = new ReportGenerator.Cluster(ReportGenerator.TAM_HIEP, "ngap-nuoc",
            T0.plus(Duration.ofMinutes(5)), 5, Duration.ofMinutes(3));

    @TempDir static Path dir;
    private static EmbeddedKafka kafka;
    private static ClickHouseClient clickHouse;
    private static IocConfig config;
    private static List<TrafficReading> readings;
    private static List<CitizenReport> reports;

    @BeforeAll
    static void runTrafficJob() throws Exception {
        clickHouse = ClickHouseTestServer.freshDatabase("traffic");
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2, -1);
        kafka.createTopics(Topics.ALL, 2);
        config = ConfigLoader.load(null, List.of("flink.checkpointDir=" + dir.resolve("checkpoints")));

        readings = new TrafficGenerator(11, Duration.ofMinutes(1)).readings(T0.minus(Duration.ofHours(25)), T0.plus(Duration.ofMinutes(40)),
                List.of(new TrafficGenerator.Incident(CRASH_SEGMENT, CRASH, Duration.ofMinutes(20), 0.1)));
        reports = new ReportGenerator(11).reports(T0.minus(Duration.ofHours(6)), T0.plus(Duration.ofMinutes(40)),
                Duration.ofMinutes(3), List.of(FLOOD));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (TrafficReading r : readings) producer.send(new ProducerRecord<>(Topics.RAW_TRAFFIC, r.segmentId(), Json.bytes(r)));
            for (CitizenReport r : reports) producer.send(new ProducerRecord<>(Topics.RAW_REPORTS, r.id(), Json.bytes(r)));
            // A sensor gateway that cut a message short, and an app message without any place.
            producer.send(new ProducerRecord<>(Topics.RAW_TRAFFIC, "ql51-long-thanh",
                    "{\"segmentId\":\"ql51-long-thanh\",\"time\":\"2026-11-20T05:".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topics.RAW_REPORTS, "app-x", ("{\"id\":\"app-x\",\"time\":\"2026-11-20T05:01:00Z\","
                    + "\"channel\":\"app\",\"text\":\"ket xe qua\",\"location\":{}}").getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
        runToTheEndOfTheTopics();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) kafka.close();
    }

    @Test
    @Order(1)
    void crashAndFlood_raiseExactlyOneAlertEach_withEvidence() {
        List<Alert> alerts = TopicReader.read(kafka.bootstrap(), Topics.ALERTS, Alert.class);
        assertThat(alerts).extracting(Alert::rule).containsExactlyInAnyOrder(ScoreSegment.RULE, ReportClusterer.RULE);

        Alert congestion = alerts.stream().filter(a -> a.rule().equals(ScoreSegment.RULE)).findFirst().orElseThrow();
        assertThat(congestion.key()).isEqualTo(CRASH_SEGMENT);
        assertThat(congestion.windowStart()).isBetween(CRASH, CRASH.plus(Duration.ofMinutes(2)));
        assertThat(congestion.count()).isEqualTo(5);
        assertThat(congestion.baseline()).isGreaterThan(40); // QL1A's usual noon speed, not the crash's
        assertThat(congestion.severity()).isEqualTo("critical");
        // Evidence ids name traffic_stats rows of the crash segment, slow ones.
        for (String id : congestion.postIds()) {
            String[] parts = id.split("@");
            assertThat(clickHouse.queryLong("SELECT count() FROM traffic_stats FINAL WHERE segment_id = '" + parts[0]
                    + "' AND bucket_start = toDateTime('" + ClickHouseClient.dateTime(Instant.parse(parts[1])) + "', 'UTC')"
                    + " AND avg_speed < 0.5 * usual_speed")).isEqualTo(1);
        }

        Alert cluster = alerts.stream().filter(a -> a.rule().equals(ReportClusterer.RULE)).findFirst().orElseThrow();
        assertThat(cluster.key()).isEqualTo("tam-hiep|dong-nai|ngap-nuoc");
        assertThat(cluster.count()).isEqualTo(4);
        assertThat(cluster.windowStart()).isBeforeOrEqualTo(FLOOD.start().plus(FLOOD.spacing().multipliedBy(2)));
        assertThat(cluster.title()).contains("ngập nước").contains("Đồng Nai");
    }

    @Test
    @Order(2)
    void everyReadingAndReport_isStoredOnce_andTheClusterMembersCarryItsId() {
        // One reading per segment and minute, so one row per reading.
        assertThat(clickHouse.queryLong("SELECT count() FROM traffic_stats FINAL")).isEqualTo(readings.size());
        assertThat(clickHouse.queryLong("SELECT uniqExact(segment_id) FROM traffic_stats")).isEqualTo(TrafficGenerator.SEGMENTS.size());
        assertThat(clickHouse.queryLong("SELECT uniqExact(segment_id) FROM traffic_stats FINAL WHERE congested = 1")).isEqualTo(1);
        assertThat(clickHouse.queryLong("SELECT count() FROM traffic_stats FINAL WHERE congested = 1 AND segment_id = '"
                + CRASH_SEGMENT + "'")).isBetween(10L, 20L);
        // The detector alarms (the default's alarm level is 0.5) where the speed collapsed: at the crash's start.
        String crashStart = "SELECT max(anomaly_score) FROM traffic_stats FINAL WHERE segment_id = '" + CRASH_SEGMENT
                + "' AND bucket_start BETWEEN toDateTime('" + ClickHouseClient.dateTime(CRASH) + "', 'UTC') AND toDateTime('"
                + ClickHouseClient.dateTime(CRASH.plus(Duration.ofMinutes(3))) + "', 'UTC')";
        assertThat(clickHouse.query(crashStart, rs -> rs.getDouble(1))).singleElement().satisfies(max -> assertThat(max).isGreaterThanOrEqualTo(0.5));

        assertThat(clickHouse.queryLong("SELECT count() FROM citizen_reports FINAL")).isEqualTo(reports.size());
        String clusterId = TopicReader.read(kafka.bootstrap(), Topics.ALERTS, Alert.class).stream().filter(a -> a.rule().equals(ReportClusterer.RULE))
                .findFirst().orElseThrow().id();
        long members = clickHouse.queryLong("SELECT count() FROM citizen_reports FINAL WHERE cluster_id = '" + clusterId + "'");
        assertThat(members).isGreaterThanOrEqualTo(FLOOD.reports());
        assertThat(clickHouse.queryLong("SELECT count() FROM citizen_reports FINAL WHERE cluster_id != ''")).isEqualTo(members);
        // Old province names resolve to the current unit and stay as written.
        assertThat(clickHouse.queryLong("SELECT count() FROM citizen_reports FINAL WHERE province_written = 'Bình Phước'"
                + " AND province = 'Đồng Nai'")).isPositive();
        assertThat(clickHouse.queryLong("SELECT count() FROM citizen_reports FINAL WHERE province_written = 'Bình Phước'"
                + " AND province != 'Đồng Nai'")).isZero();
    }

    @Test
    @Order(3)
    void malformedRecords_goToTheDeadLetterTopicWithTheirReasons() {
        List<DeadLetter> dead = TopicReader.read(kafka.bootstrap(), Topics.DEADLETTER, DeadLetter.class);
        assertThat(dead).extracting(DeadLetter::sourceTopic, DeadLetter::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Topics.RAW_TRAFFIC, dead.stream().filter(d -> d.sourceTopic().equals(Topics.RAW_TRAFFIC))
                        .findFirst().orElseThrow().reason()),
                org.assertj.core.groups.Tuple.tuple(Topics.RAW_REPORTS, "location has neither commune nor lat/lon"));
        assertThat(dead).filteredOn(d -> d.sourceTopic().equals(Topics.RAW_TRAFFIC)).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("invalid JSON for TrafficReading"));
    }

    @Test
    @Order(4)
    void replayingBothTopics_leavesRowsAndAlertIdsUnchanged() throws Exception {
        String state = "SELECT (SELECT count() FROM traffic_stats FINAL), (SELECT sum(congested) FROM traffic_stats FINAL),"
                + " (SELECT round(sum(anomaly_score), 6) FROM traffic_stats FINAL), (SELECT count() FROM citizen_reports FINAL),"
                + " (SELECT arrayStringConcat(groupArray(cluster_id), ',') FROM (SELECT cluster_id FROM citizen_reports FINAL ORDER BY id))";
        List<String> before = clickHouse.query(state, rs -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3)
                + "/" + rs.getString(4) + "/" + rs.getString(5));
        List<String> idsBefore = TopicReader.read(kafka.bootstrap(), Topics.ALERTS, Alert.class).stream().map(Alert::id).sorted().toList();

        runToTheEndOfTheTopics();

        assertThat(clickHouse.query(state, rs -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3)
                + "/" + rs.getString(4) + "/" + rs.getString(5))).isEqualTo(before);
        List<Alert> after = TopicReader.read(kafka.bootstrap(), Topics.ALERTS, Alert.class);
        assertThat(after).hasSize(4);
        assertThat(after.stream().map(Alert::id).distinct().sorted().toList()).isEqualTo(idsBefore);
    }

    private static void runToTheEndOfTheTopics() throws Exception {
        EmbeddedFlink.startTrafficJob(config, kafka.connection(), clickHouse, true).getJobExecutionResult().get(3, TimeUnit.MINUTES);
    }

}
