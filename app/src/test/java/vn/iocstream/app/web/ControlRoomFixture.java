package vn.iocstream.app.web;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.iocstream.app.access.AccountStore;
import vn.iocstream.app.access.Role;
import vn.iocstream.app.runtime.IocRuntime;
import vn.iocstream.core.Ids;
import vn.iocstream.core.Topics;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.CitizenReport;
import vn.iocstream.core.model.Locality;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.model.TrafficReading;

/**
 * One running platform shared by the control room's API and browser tests (started once per test JVM, stopped
 * at its exit): embedded Kafka and ClickHouse, the three Flink jobs on a MiniCluster, the alerts service, the
 * search feeder and the control room, as {@code ioc run} starts them. The scenario, in Đồng Nai and around:
 *
 * <ul>
 *   <li>posts through MediaJob: flooding in phường Tam Hiệp; one post naming Tam Hiệp and Tân Phong; a traffic
 *   jam in Tân Phong; one in TP Hồ Chí Minh; a post whose title and outlet are an XSS payload, about Tam Hiệp,
 *   published twice (a syndicated copy);</li>
 *   <li>citizen reports of both wards (TrafficJob), traffic readings of two segments, sshd lines of a Tây Ninh
 *   portal (SecurityJob);</li>
 *   <li>alerts on {@code ioc.alerts}, as the jobs raise them: a report cluster in each ward, congestion on QL1A
 *   (Tam Hiệp) and on Phạm Văn Đồng (TP HCM), a media alert citing Tam Hiệp posts, an SSH brute force in Tây Ninh.</li>
 * </ul>
 * Accounts: {@link #ADMIN}, a Đồng Nai leader, a Tam Hiệp operator, a Tân Phong operator, a Tây Ninh security
 * officer, a TP HCM media monitor; every password is {@link #PASSWORD}.
 */
final class ControlRoomFixture {
    static final String PASSWORD = "mat-khau-thu-nghiem-2026";
    static final String ADMIN = "quantri", LEADER = "lanhdao.dongnai", TAM_HIEP = "trucban.tamhiep", TAN_PHONG = "trucban.tanphong",
            SECURITY = "attt.tayninh", MEDIA_HCM = "baochi.hcm", LOCKED = "thu.khoa";
    static final String XSS = "<img src=x onerror=alert(1)>";

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final Path dir;
    final IocRuntime runtime;
    final String url;
    final String postTamHiep, postBoth, postTanPhong, postHcm, postXss, postXssCopy;
    final Alert clusterTamHiep, clusterTanPhong, congestionTamHiep, congestionHcm, mediaTamHiep;
    Alert bruteForceTayNinh;

    private static ControlRoomFixture shared;

    /** The shared platform, started on first use. */
    static synchronized ControlRoomFixture get() throws Exception {
        if (shared == null) {
            shared = new ControlRoomFixture();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.runtime::close, "control-room-fixture-stop"));
        }
        return shared;
    }

    private ControlRoomFixture() throws Exception {
        dir = Files.createTempDirectory("ioc-control-room");
        IocConfig config = ConfigLoader.load(null, List.of(
                "kafka.dataDir=" + dir.resolve("kafka"), "clickhouse.dataDir=" + dir.resolve("clickhouse"),
                "flink.checkpointDir=" + dir.resolve("checkpoints"), "flink.checkpointIntervalMs=1000",
                "controlRoom.port=0", "controlRoom.searchDir=" + dir.resolve("search"), "controlRoom.usersFile=" + dir.resolve("users.json"),
                // Every test logs in from 127.0.0.1: the per-address limit is tested on LoginGuard itself.
                "controlRoom.loginAttemptsPerMinute=10000",
                "traffic.segments={ql1a-bien-hoa: {province: 'Đồng Nai', commune: 'phường Tam Hiệp'}, pham-van-dong: {province: 'TP Hồ Chí Minh', commune: ''}}",
                "security.site={province: 'Tây Ninh', commune: ''}", "alerts.journalDir=" + dir.resolve("alerts"),
                "crawler.stateDir=" + dir.resolve("crawler"), "eventFeeds.checkpointDir=" + dir.resolve("event-feeds"),
                "security.syslogZone=Asia/Ho_Chi_Minh", "sources=[]",
                "watchlists=[{name: ngap-lut, title: 'Ngập lụt', query: 'ngập OR \"triều cường\"'},"
                        + " {name: giao-thong, title: 'Giao thông', query: '\"ùn tắc\" OR \"kẹt xe\"'}]"));
        AccountStore accounts = new AccountStore(Path.of(config.controlRoom().usersFile()), Clock.systemUTC());
        accounts.add(ADMIN, Role.ADMIN, "all", PASSWORD);
        accounts.add(LEADER, Role.LEADER, "tỉnh Đồng Nai", PASSWORD);
        accounts.add(TAM_HIEP, Role.OPERATOR, "phường Tam Hiệp, tỉnh Đồng Nai", PASSWORD);
        accounts.add(TAN_PHONG, Role.OPERATOR, "phường Tân Phong, tỉnh Đồng Nai", PASSWORD);
        accounts.add(SECURITY, Role.SECURITY, "tỉnh Tây Ninh", PASSWORD);
        accounts.add(MEDIA_HCM, Role.MEDIA, "TP Hồ Chí Minh", PASSWORD);
        accounts.add(LOCKED, Role.OPERATOR, "tỉnh Đồng Nai", PASSWORD);
        runtime = IocRuntime.start(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        url = runtime.controlRoom().url();

        Instant t = now.minus(Duration.ofMinutes(50));
        List<RawPost> posts = List.of(
                post("ngap-tam-hiep", "Mưa lớn gây ngập sâu ở phường Tam Hiệp, tỉnh Đồng Nai",
                        "Chiều nay mưa lớn khiến nhiều tuyến đường ở phường Tam Hiệp ngập sâu 40 cm, người dân dắt bộ xe máy.", "Báo Đồng Nai", t),
                post("trieu-cuong-hai-phuong", "Triều cường dâng cao ở phường Tam Hiệp và phường Tân Phong",
                        "Triều cường làm ngập nhiều hẻm ở phường Tam Hiệp và phường Tân Phong, tỉnh Đồng Nai trong sáng nay.", "Báo Đồng Nai", t.plusSeconds(60)),
                post("un-tac-tan-phong", "Ùn tắc kéo dài trên đường qua phường Tân Phong, tỉnh Đồng Nai",
                        "Xe cộ ùn tắc hơn 2 km qua phường Tân Phong do sửa chữa mặt đường.", "Báo Đồng Nai", t.plusSeconds(120)),
                post("ket-xe-hcm", "Kẹt xe trên đường Phạm Văn Đồng, TP Hồ Chí Minh",
                        "Sáng nay đường Phạm Văn Đồng ở TP Hồ Chí Minh kẹt xe nhiều giờ.", "Báo Sài Gòn", t.plusSeconds(180)),
                post("xss", XSS, "Ngập nước ở phường Tam Hiệp, tỉnh Đồng Nai khiến xe chết máy " + XSS, XSS, t.plusSeconds(240)),
                post("xss-copy", XSS, "Ngập nước ở phường Tam Hiệp, tỉnh Đồng Nai khiến xe chết máy " + XSS, "Báo Đăng Lại", t.plusSeconds(250)));
        postTamHiep = posts.get(0).id();
        postBoth = posts.get(1).id();
        postTanPhong = posts.get(2).id();
        postHcm = posts.get(3).id();
        postXss = posts.get(4).id();
        postXssCopy = posts.get(5).id();

        List<CitizenReport> reports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reports.add(new CitizenReport("1022-th-" + i, t.plusSeconds(60L * i), "hotline-1022", "ngập nước",
                    "Ngập nước ngang gối ở phường Tam Hiệp, nước tràn vào nhà dân", new CitizenReport.Location("phường Tam Hiệp", "Đồng Nai", null, null)));
            reports.add(new CitizenReport("app-tp-" + i, t.plusSeconds(60L * i + 30), "app", "ùn tắc",
                    "ket xe cung o P. Tan Phong, TP Bien Hoa", new CitizenReport.Location("P. Tân Phong, TP Biên Hòa", null, null, null)));
        }
        // A later report elsewhere moves TrafficJob's watermark past the six, which it stores in event-time order.
        reports.add(new CitizenReport("1022-lb-0", now, "hotline-1022", "khác", "Đèn đường hỏng ở phường Long Bình",
                new CitizenReport.Location("phường Long Bình", "Đồng Nai", null, null)));
        List<TrafficReading> readings = new ArrayList<>();
        for (int m = 40; m >= 1; m--) {
            readings.add(new TrafficReading("ql1a-bien-hoa", now.minus(Duration.ofMinutes(m)), 41.0 + m % 3, 60L, 0.2));
            readings.add(new TrafficReading("pham-van-dong", now.minus(Duration.ofMinutes(m)), 33.0 + m % 4, 80L, 0.3));
        }
        DateTimeFormatter syslog = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH).withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
        List<String> auth = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            auth.add(syslog.format(t.plusSeconds(5L * i)) + " dvc-tayninh sshd[41" + i + "]: Failed password for root from 45.76.12.9 port 5123" + i + " ssh2");
        }

        clusterTamHiep = alert("order.report_cluster", "tam-hiep|dong-nai|ngap-nuoc", "warning", TAM_HIEP_PLACE,
                "3 phản ánh về ngập nước tại phường Tam Hiệp (Đồng Nai) trong 2 phút", t, List.of("1022-th-0", "1022-th-1", "1022-th-2"));
        clusterTanPhong = alert("order.report_cluster", "tan-phong|dong-nai|un-tac", "warning", new Locality("Đồng Nai", "phường Tân Phong"),
                "3 phản ánh về ùn tắc tại phường Tân Phong (Đồng Nai) trong 2 phút", t, List.of("app-tp-0", "app-tp-1", "app-tp-2"));
        congestionTamHiep = alert("traffic.congestion", "ql1a-bien-hoa", "critical", TAM_HIEP_PLACE, "Ùn tắc bất thường trên đoạn ql1a-bien-hoa", t, List.of());
        congestionHcm = alert("traffic.congestion", "pham-van-dong", "warning", Locality.province("TP Hồ Chí Minh"),
                "Ùn tắc bất thường trên đoạn pham-van-dong", t, List.of());
        // A media alert of the ward whose sampled posts include one from TP HCM: that one stays hidden from the ward.
        mediaTamHiep = alert("media.volume_jump", "ngap-lut", "critical", TAM_HIEP_PLACE, "Tăng đột biến bài viết: Ngập lụt", t,
                List.of(postTamHiep, postXss, postHcm));

        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (RawPost p : posts) producer.send(new ProducerRecord<>(Topics.RAW_POSTS, p.id(), Json.bytes(p)));
            for (CitizenReport r : reports) producer.send(new ProducerRecord<>(Topics.RAW_REPORTS, r.id(), Json.bytes(r)));
            for (TrafficReading r : readings) producer.send(new ProducerRecord<>(Topics.RAW_TRAFFIC, r.segmentId(), Json.bytes(r)));
            for (int i = 0; i < auth.size(); i++) {
                String envelope = Json.string(java.util.Map.of("format", "auth", "source", "dvc-tayninh/auth.log", "line", auth.get(i),
                        "offset", i, "year", java.time.LocalDate.ofInstant(t, ZoneId.of("Asia/Ho_Chi_Minh")).getYear()));
                producer.send(new ProducerRecord<>(Topics.RAW_SECURITY, "auth-" + i, envelope.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        await("posts stored and searchable", () -> runtime.clickHouse().queryLong("SELECT count() FROM posts FINAL") == posts.size()
                && Long.valueOf(posts.size()).equals(runtime.status().get("searchable")));
        await("reports stored", () -> runtime.clickHouse().queryLong("SELECT count() FROM citizen_reports FINAL WHERE id LIKE '1022-th-%' OR id LIKE 'app-tp-%'") == 6);
        await("security events stored", () -> runtime.clickHouse().queryLong("SELECT count() FROM security_events FINAL") == auth.size());
        await("traffic buckets stored", () -> runtime.clickHouse().queryLong("SELECT uniqExact(segment_id) FROM traffic_stats FINAL") == 2);
        List<String> events = runtime.clickHouse().query("SELECT id FROM security_events FINAL ORDER BY time", rs -> rs.getString(1));
        bruteForceTayNinh = alert("security.bruteforce", "45.76.12.9", "warning", Locality.province("Tây Ninh"), "Dò mật khẩu SSH từ 45.76.12.9", t, events);
        publish(clusterTamHiep, clusterTanPhong, congestionTamHiep, congestionHcm, mediaTamHiep, bruteForceTayNinh);
        await("alerts taken by the alerts service", () -> runtime.alertDesk().list(vn.iocstream.alerts.AlertQuery.all(),
                vn.iocstream.alerts.AlertScope.ALL).total() >= 6);
    }

    private static RawPost post(String slug, String title, String text, String source, Instant at) {
        String url = "https://baodongnai.example.vn/" + slug + ".html";
        return new RawPost(Ids.forUrl(url), url, "press", source, "Đồng Nai", title, text, "", at, at.plusSeconds(30));
    }

    static final Locality TAM_HIEP_PLACE = new Locality("Đồng Nai", "phường Tam Hiệp");

    /** An alert as a job raises it; the rule is named after the kind. */
    Alert alert(String kind, String key, String severity, Locality where, String title, Instant at, List<String> evidence) {
        String rule = kind.replace('.', '-');
        return new Alert(Ids.of(rule, key, Long.toString(at.toEpochMilli())), kind, rule, severity, key, title, "", where, null, null,
                at, at.plusSeconds(300), Math.max(evidence.size(), 1), 0.5, evidence, null, null, at.plusSeconds(300));
    }

    /** Sends alerts onto {@code ioc.alerts}, the way the jobs raise them. */
    void publish(Alert... alerts) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (Alert a : alerts) producer.send(new ProducerRecord<>(Topics.ALERTS, a.id(), Json.bytes(a)));
            producer.flush();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = runtime.kafka().properties();
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            Thread.sleep(250);
        }
    }
}
