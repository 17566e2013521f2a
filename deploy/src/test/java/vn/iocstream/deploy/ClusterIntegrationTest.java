package vn.iocstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.cluster.StandaloneFlink;
import vn.iocstream.app.demo.DemoArticle;
import vn.iocstream.app.demo.DemoSite;
import vn.iocstream.app.web.WebhookReceiver;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.model.TrafficReading;
import vn.iocstream.core.testing.ClickHouseTestServer;
import vn.iocstream.jobs.functions.VolumeJumpAlerts;

/**
 * Cluster mode end to end, as "Running on a cluster" in the README: a standalone Flink cluster (JobManager and
 * TaskManager as separate processes on 127.0.0.1, Flink 2.2.1 from Maven jars via {@code deploy/flink/bin/flink.sh}); the
 * jobs jar submitted through Flink's command line ({@code flink run -c … jar config.yaml}); a Kafka broker that only
 * accepts SASL_SSL; a ClickHouse server; and {@code ioc run} as a separate process with no embedded part (crawler,
 * alerts service, control room) pointed at the same Kafka and ClickHouse. Results are checked in ClickHouse. Then
 * MediaJob is stopped with a savepoint and resumed from it by a new submission (another jar file, a configuration with
 * one more watchlist): a trend's counts and baseline and a story id made before the savepoint are still there after it.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIntegrationTest {
    private static final String SECRET = "whsec_Zr4T1yC8pQ2mV9xKa7LbN0sD6fGhJ3wE";
    private static final String WATCHLIST = "ngap-lut";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir static Path dir;
    private static SaslSslBroker kafka;
    private static ClickHouseClient clickHouse;
    private static DemoSite site;
    private static WebhookReceiver webhook;
    private static StandaloneFlink flink;
    private static IocProcess ioc;
    private static Path config;
    private static String mediaJob;
    private static List<DemoArticle> articles;

    @BeforeAll
    static void startCluster() throws Exception {
        kafka = SaslSslBroker.start(dir.resolve("kafka"));
        clickHouse = ClickHouseTestServer.freshDatabase("cluster");
        webhook = WebhookReceiver.start(SECRET);
        articles = floodNews(NOW.minus(Duration.ofMinutes(70)));
        site = DemoSite.start(articles, Clock.fixed(NOW, ZoneOffset.UTC));
        Path alerts = dir.resolve("alerts.yaml");
        Files.writeString(alerts, "channels: [{name: hook, type: webhook, url: \"" + webhook.url() + "\", secret: \"" + SECRET + "\"}]\n"
                + "receivers: [{name: desk, to: [{channel: hook}]}]\nroute: {receivers: [desk], groupWait: 0s}\n");
        config = dir.resolve("ioc.yaml");
        Files.writeString(config, kafka.configYaml()
                + "clickhouse: {embedded: false, url: \"" + ClickHouseTestServer.server().httpUrl() + "\", database: " + clickHouse.database()
                + ", user: default, password: \"\"}\n"
                + "flink: {embedded: false, checkpointIntervalMs: 2000}\n"
                + "crawler: {allowPrivateAddresses: true, perHostDelayMs: 0, pollIntervalSeconds: 2, stateDir: \"" + dir.resolve("crawler") + "\"}\n"
                + "sources: [{name: 'Báo Đồng Nai', type: rss, url: '" + site.feedUrl() + "', kind: press, locality: 'Đồng Nai'}]\n"
                + "watchlists: [{name: " + WATCHLIST + ", title: 'Ngập lụt', query: 'ngập OR \"triều cường\"'}]\n"
                // One-minute trend buckets, and every window with two posts a row, so the savepoint test is quick and exact.
                + "trends: {bucketMinutes: 1, minSupport: 2, minRatio: 1.0, alertRatio: 1000000000.0, pickupMinSocial: 1000000,"
                + " negativeMinCount: 1000000}\n"
                + "alerts: {file: \"" + alerts + "\", journalDir: \"" + dir.resolve("alerts-journal") + "\"}\n"
                + "controlRoom: {port: 0, searchDir: \"" + dir.resolve("search") + "\"}\n");

        // The README's order: ioc run first (it creates the schema and the topics), then the jobs.
        ioc = IocProcess.start(dir.resolve("ioc-run"), List.of("-Xmx768m"), env(), "run", "--config", config.toString());
        ioc.awaitOutput("ready:", Duration.ofMinutes(3));
        flink = StandaloneFlink.start(Artifacts.ROOT, dir.resolve("flink"), StandaloneFlink.Settings.DEFAULT);
        mediaJob = submit("vn.iocstream.jobs.MediaJob", Artifacts.jobsJar(), config, null);
        submit("vn.iocstream.jobs.TrafficJob", Artifacts.jobsJar(), config, null);
        submit("vn.iocstream.jobs.SecurityJob", Artifacts.jobsJar(), config, null);
    }

    private static Map<String, String> env() {
        return Map.of("IOC_TEST_KAFKA_PASSWORD", SaslSslBroker.PASSWORD);
    }

    /** {@code flink run} with the Kafka password in its environment, as an operator's shell would have it. */
    private static String submit(String jobClass, Path jar, Path configFile, String savepoint) throws Exception {
        String job = flink.submit(jobClass, jar, List.of(configFile.toString()), savepoint, env());
        flink.awaitRunning(job, Duration.ofMinutes(3));
        return job;
    }

    @AfterAll
    static void stop() throws Exception {
        if (ioc != null) ioc.close();
        if (flink != null) flink.close();
        if (site != null) site.close();
        if (webhook != null) webhook.close();
        if (kafka != null) kafka.close();
    }

    /** An hour with a flood report every ten minutes, then eight articles about one flood within a minute. */
    private static List<DemoArticle> floodNews(Instant start) {
        List<DemoArticle> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            out.add(new DemoArticle("ngap-" + i, "thoi-su", "Mưa lớn gây ngập cục bộ tại phường " + new String[] {"Tam Hiệp", "Tân Phong",
                    "Hố Nai", "Long Bình", "Trảng Dài", "Bửu Long"}[i], "Phóng viên", start.plus(Duration.ofMinutes(10L * i)),
                    List.of("Nhiều tuyến đường ngập sâu 30 cm sau cơn mưa kéo dài " + (40 + i) + " phút, người dân dắt bộ xe máy."),
                    List.of(), "Đồng Nai"));
        }
        Instant burst = start.plus(Duration.ofMinutes(62));
        String[] titles = {"Triều cường vượt báo động 3, nước tràn vào khu dân cư ven sông Đồng Nai",
                "Hàng trăm hộ dân phường Tam Hiệp bì bõm trong nước do triều cường",
                "Quốc lộ 1A đoạn qua Biên Hòa ngập sâu, xe cộ chết máy hàng loạt",
                "Đồng Nai sơ tán 120 hộ dân khỏi vùng ngập ven sông",
                "Triều cường kết hợp mưa lớn, Biên Hòa ngập nặng nhất năm",
                "Học sinh nghỉ học vì trường ngập nước ở phường Long Bình",
                "Lực lượng cứu hộ hỗ trợ người già, trẻ em ra khỏi khu vực ngập",
                "Chủ tịch tỉnh chỉ đạo khẩn cấp khắc phục hậu quả triều cường"};
        for (int i = 0; i < titles.length; i++) {
            out.add(new DemoArticle("trieu-cuong-" + i, "thoi-su", titles[i], "Nhóm phóng viên", burst.plusSeconds(6L * i),
                    List.of("Sáng nay, mực nước sông Đồng Nai tại trạm Biên Hòa lên mức " + (2 + i / 10.0) + " m, vượt báo động 3.",
                            "Theo ghi nhận, tình trạng ngập kéo dài khiến giao thông khu vực " + (i + 1) + " tê liệt nhiều giờ."),
                    List.of(), "Đồng Nai"));
        }
        return out;
    }

    @Test
    @Order(1)
    void crawledByIocRun_analysedOnTheCluster_storedOnce_andTheVolumeJumpReachesTheWebhook() throws Exception {
        Rows.await(clickHouse, "SELECT count() FROM posts FINAL", articles.size(), Duration.ofMinutes(4));
        assertThat(clickHouse.queryLong("SELECT uniqExact(id) FROM posts")).isEqualTo(articles.size());
        assertThat(clickHouse.queryLong("SELECT count() FROM posts FINAL WHERE has(watchlists, '" + WATCHLIST + "')")).isEqualTo(articles.size());

        // MediaJob (on the cluster) raised it on ioc.alerts; ioc run's alerts service stored it and called the webhook.
        Rows.await(clickHouse, "SELECT count() FROM alerts FINAL WHERE rule = '" + VolumeJumpAlerts.RULE + "'", 1, Duration.ofMinutes(3));
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (webhook.distinctAlerts() == 0 && System.nanoTime() < deadline) Thread.sleep(200);
        assertThat(webhook.receipts()).anySatisfy(r -> assertThat(r.alert().rule()).isEqualTo(VolumeJumpAlerts.RULE));
        assertThat(webhook.rejected()).isZero();
    }

    @Test
    @Order(2)
    void securityAndTrafficFeeds_throughSaslSsl_reachTheirTablesExactly() throws Exception {
        KafkaConnection k = kafka.connection();
        Instant start = NOW.minus(Duration.ofMinutes(20));
        Feeds.sendAuthLines(k, "dvc-dongnai/auth.log", Feeds.authLines(60, start), start.atZone(ZoneOffset.UTC).getYear());
        List<TrafficReading> readings = new ArrayList<>();
        Instant hour = NOW.minus(Duration.ofMinutes(45)).truncatedTo(ChronoUnit.HOURS);
        // In time order, as sensors report: a partition's readings must not go back in time by more than the
        // out-of-orderness, or they are late for buckets already closed.
        for (int r = 0; r < 10; r++) for (int s = 0; s < 4; s++) readings.add(Feeds.reading(s, r, hour));
        Feeds.sendReadings(k, readings);

        Rows.await(clickHouse, "SELECT count() FROM security_events FINAL", 60, Duration.ofMinutes(3));
        Rows.await(clickHouse, "SELECT count() FROM alerts FINAL WHERE rule = 'ssh-brute-force'", 1, Duration.ofMinutes(2));
        // One-minute buckets, one reading each: 40 rows, each with its own reading's speed.
        Rows.await(clickHouse, "SELECT count() FROM traffic_stats FINAL", 40, Duration.ofMinutes(3));
        assertThat(clickHouse.queryLong("SELECT sum(readings) FROM traffic_stats FINAL")).isEqualTo(40);
        assertThat(clickHouse.query("SELECT avg_speed FROM traffic_stats FINAL WHERE segment_id = 'ql1a-doan-2' ORDER BY bucket_start",
                rs -> rs.getDouble(1))).containsExactly(32.0, 33.0, 34.0, 35.0, 36.0, 32.0, 33.0, 34.0, 35.0, 36.0);
    }

    @Test
    @Order(3)
    void stopWithSavepoint_resumeANewSubmission_trendHistoryAndStoryIdsCarriedOver() throws Exception {
        KafkaConnection k = kafka.connection();
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // History for the watchlist three hours back, three posts in the current window, and one article to be copied.
        List<RawPost> before = new ArrayList<>();
        for (int i = 0; i < 4; i++) before.add(flood("lich-su-" + i, minute.minus(Duration.ofMinutes(180 - i)), i));
        for (int i = 0; i < 3; i++) before.add(flood("truoc-" + i, minute.minus(Duration.ofMinutes(6 - i)), 10 + i));
        RawPost original = flood("ban-goc", minute.minus(Duration.ofMinutes(3)), 20);
        before.add(original);
        Feeds.sendPosts(k, before);
        Rows.await(clickHouse, "SELECT count() FROM posts FINAL WHERE url LIKE '%/luu-tru/%'", before.size(), Duration.ofMinutes(3));
        String story = clickHouse.query("SELECT story_id FROM posts FINAL WHERE id = '" + original.id() + "'", rs -> rs.getString(1)).get(0);

        String savepoint = flink.stopWithSavepoint(mediaJob);
        assertThat(flink.state(mediaJob)).isEqualTo("FINISHED");

        // The upgrade: another jar file and a configuration with one more watchlist; operator uids unchanged.
        Path nextJar = Files.copy(Artifacts.jobsJar(), dir.resolve("ioc-flink-jobs-next-flink.jar"));
        Path nextConfig = dir.resolve("ioc-next.yaml");
        Files.writeString(nextConfig, Files.readString(config).replace("watchlists: [", "watchlists: [{name: sat-lo, title: 'Sạt lở', query: '\"sạt lở\"'}, "));
        String resumed = submit("vn.iocstream.jobs.MediaJob", nextJar, nextConfig, savepoint);

        Instant now = Instant.now();
        RawPost copy = new RawPost(vn.iocstream.core.Ids.forUrl("https://baomoi.example.vn/luu-tru/ban-sao.html"),
                "https://baomoi.example.vn/luu-tru/ban-sao.html", "press", "Báo Mới", "Đồng Nai",
                "Triều cường dâng cao, nhiều khu dân cư ở Biên Hòa chìm trong nước", original.text(), null, now, now.plusSeconds(5), List.of());
        List<RawPost> after = List.of(copy, flood("sau-0", now, 30), flood("sau-1", now, 31));
        Feeds.sendPosts(k, after);
        Rows.await(clickHouse, "SELECT count() FROM posts FINAL WHERE url LIKE '%/luu-tru/%'", before.size() + after.size(), Duration.ofMinutes(3));

        assertThat(clickHouse.query("SELECT story_id FROM posts FINAL WHERE id = '" + copy.id() + "'", rs -> rs.getString(1)))
                .as("the copy joins the story begun before the savepoint").containsExactly(story);
        // The window (12 one-minute buckets) ending with the new posts' minute counts every post of the watchlist in it:
        // those analysed before the savepoint (the crawled burst, the three posts and the original) and the three new
        // ones; its baseline comes from the history three hours back, also before the savepoint. Without the restored
        // state it would count the three new posts only, against a baseline of 0.
        Instant windowEnd = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        String row = "FROM trends FINAL WHERE key_type = 'watchlist' AND key = '" + WATCHLIST + "' AND window_end = toDateTime('"
                + ClickHouseClient.dateTime(windowEnd) + "', 'UTC')";
        Rows.await(clickHouse, "SELECT count() " + row, 1, Duration.ofMinutes(3));
        long inWindow = clickHouse.queryLong("SELECT count() FROM posts FINAL WHERE has(watchlists, '" + WATCHLIST + "') AND published_at >= "
                + "toDateTime('" + ClickHouseClient.dateTime(windowEnd.minus(Duration.ofMinutes(12))) + "', 'UTC') AND published_at < toDateTime('"
                + ClickHouseClient.dateTime(windowEnd) + "', 'UTC')");
        assertThat(inWindow).as("posts of the window, most of them analysed before the savepoint").isGreaterThan(after.size());
        assertThat(clickHouse.queryLong("SELECT count " + row)).isEqualTo(inWindow);
        assertThat(clickHouse.query("SELECT baseline " + row, rs -> rs.getDouble(1)).get(0)).isPositive();
        assertThat(flink.restarts(resumed)).isZero();
    }

    /** A flood post of the watchlist, its own story, in the archive section of a regional paper. */
    private static RawPost flood(String slug, Instant at, int n) {
        String url = "https://baodongnai.example.vn/luu-tru/" + slug + ".html";
        String text = "Mưa lớn kéo dài khiến khu phố " + n + " phường Tân Hiệp ngập sâu " + (20 + n) + " cm. Đội xung kích số " + (n % 4 + 1)
                + " đã hỗ trợ " + (15 + 3 * n) + " hộ dân kê cao tài sản, khơi thông " + (n + 2) + " hố ga trên đường số " + (100 + n) + ".";
        return new RawPost(vn.iocstream.core.Ids.forUrl(url), url, "press", "Báo Đồng Nai", "Đồng Nai", "Ngập sâu tại khu phố " + n,
                text, null, at, at.plusSeconds(10), List.of());
    }
}
