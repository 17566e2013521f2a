package vn.iocstream.app.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.alerts.AlertsService;
import vn.iocstream.alerts.KafkaAlertListener;
import vn.iocstream.app.access.AccountStore;
import vn.iocstream.app.access.PostPlaces;
import vn.iocstream.app.access.Role;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.app.web.ControlRoom;
import vn.iocstream.core.Ids;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.ClickHouseServer;
import vn.iocstream.core.clickhouse.Tables;
import vn.iocstream.core.model.Locality;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.nlp.search.PostSearchIndex;
import vn.iocstream.nlp.search.SearchLimits;
import vn.iocstream.nlp.search.SearchablePost;

/**
 * {@code ioc bench web}: the control room under load as a commune's duty officer uses it. Stores N generated
 * posts (default 100,000) over the last 7 days in 40 wards of 4 provinces and M alerts (default 10,000: report
 * clusters by ward, media alerts citing posts), indexes the posts for search with their places, starts the
 * control room on its own ClickHouse, and measures requests/s and latency percentiles of {@code /api/alerts}
 * and {@code /api/search} for a one-ward user (scope applied inside each query) with C concurrent clients; then
 * the time from an alert sent to {@code ioc.alerts} (real broker, the alerts service) to its event on an open
 * {@code /api/alerts/stream} connection (the protocol the page's EventSource speaks; no browser runs here).
 */
public final class WebBench {
    private static final String PASSWORD = "mat-khau-do-tai-2026";
    private static final String[] PROVINCES = {"Đồng Nai", "Tây Ninh", "TP Hồ Chí Minh", "Đà Nẵng"};
    private static final String[] WARDS = {"Tam Hiệp", "Tân Phong", "Long Bình", "Trảng Dài", "Hố Nai", "Tân Hiệp", "Bửu Long",
            "Quyết Thắng", "Thống Nhất", "An Bình"};
    private static final String[] WORDS = {"ngập", "kẹt xe", "tai nạn", "cháy", "mất điện", "học phí", "giá xăng", "đất đai", "dịch bệnh", "trộm cắp"};

    /** One endpoint's figures. */
    public record Row(String what, long requests, double seconds, double p50Ms, double p99Ms) {
        double perSecond() {
            return requests / seconds;
        }
    }

    public record Result(List<Row> rows, long scopedAlerts, long scopedPosts, List<Double> pushMs) {}

    public static Result run(int posts, int alerts, int clients, long seconds, long seed, PrintStream progress) throws Exception {
        IocConfig defaults = ConfigLoader.defaults();
        Path dir = Files.createTempDirectory("ioc-web-bench");
        try (ClickHouseServer server = ClickHouseServer.start(Path.of(defaults.clickhouse().binary()), dir.resolve("clickhouse"), 0, 0);
             EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, defaults.kafka().partitions(), -1);
             PostSearchIndex search = new PostSearchIndex(SearchLimits.DEFAULT)) {
            ClickHouseClient ch = new ClickHouseClient(server.httpUrl(), "ioc", "default", "");
            ch.migrate();
            kafka.createTopics(Topics.ALL, defaults.kafka().partitions());
            Instant now = Instant.now();
            progress.printf(Locale.ROOT, "storing %,d posts and %,d alerts, indexing the posts …%n", posts, alerts);
            List<String> postIds = store(ch, search, posts, alerts, seed, now);
            AccountStore accounts = new AccountStore(dir.resolve("users.json"), Clock.systemUTC());
            accounts.add("quantri", Role.ADMIN, "all", PASSWORD);
            accounts.add("trucban", Role.OPERATOR, "phường Tam Hiệp, tỉnh Đồng Nai", PASSWORD);
            IocConfig cfg = ConfigLoader.load(null, List.of("controlRoom.port=0", "controlRoom.usersFile=" + dir.resolve("users.json"),
                    "controlRoom.loginAttemptsPerMinute=100000", "alerts.journalDir=" + dir.resolve("alerts")));
            try (AlertsService alertsService = AlertsService.start(AlertsService.Settings.of(cfg), ch, Clock.systemUTC());
                 ControlRoom room = ControlRoom.start(cfg, ch, Map::of, search, alertsService.desk(), Clock.systemUTC());
                 KafkaAlertListener listener = new KafkaAlertListener(kafka.connection(), alertsService)) {
                progress.printf(Locale.ROOT, "handing %,d alerts to the alerts service …%n", alerts);
                for (Alert a : alertsOf(alerts, postIds, seed, now)) alertsService.accept(a);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (ch.queryLong("SELECT uniqExact(id) FROM alerts") < alerts) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("the alerts service stored fewer than " + alerts + " alerts in 5 minutes");
                    Thread.sleep(500);
                }
                Thread t = new Thread(listener, "bench-alerts-listener");
                t.setDaemon(true);
                t.start();
                Session s = Session.login(room.url(), "trucban");
                long scopedAlerts = count(s.body("api/alerts?limit=500"), "\"id\"");
                long scopedPosts = ch.queryLong("SELECT count() FROM posts FINAL WHERE has(entity_texts, 'Tam Hiệp') AND province = 'Đồng Nai'");
                List<Row> rows = new ArrayList<>();
                Random random = new Random(seed);
                progress.printf(Locale.ROOT, "measuring /api/alerts and /api/search with %d clients, %d s each (after %d s of warm-up) …%n",
                        clients, seconds, Math.max(2, seconds / 3));
                rows.add(load("/api/alerts (200 newest in scope)", s, clients, seconds, () -> "api/alerts"));
                rows.add(load("/api/alerts?severity=critical", s, clients, seconds, () -> "api/alerts?severity=critical"));
                rows.add(load("/api/search (one word, scoped)", s, clients, seconds,
                        () -> "api/search?q=" + URLEncoder.encode(WORDS[random.nextInt(WORDS.length)], StandardCharsets.UTF_8)));
                rows.add(load("/api/search (phrase OR word, newest)", s, clients, seconds,
                        () -> "api/search?order=newest&q=" + URLEncoder.encode("\"tai nạn\" OR ngập", StandardCharsets.UTF_8)));
                progress.println("measuring alert push (ioc.alerts → alerts service → control room → SSE event) …");
                List<Double> push = push(kafka.bootstrap(), s, 20, postIds);
                return new Result(rows, scopedAlerts, scopedPosts, push);
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Posts spread over 40 wards; every 50th names two wards; alerts: a cluster per ward and media alerts. */
    private static List<String> store(ClickHouseClient ch, PostSearchIndex search, int posts, int alerts, long seed, Instant now) {
        Random random = new Random(seed);
        List<EnrichedPost> batch = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            String province = PROVINCES[random.nextInt(PROVINCES.length)];
            String ward = WARDS[random.nextInt(WARDS.length)];
            String word = WORDS[random.nextInt(WORDS.length)];
            Instant at = now.minusSeconds(random.nextInt(7 * 24 * 3600));
            List<EntityMention> places = new ArrayList<>(List.of(new EntityMention("LOCATION", "place:" + ward, ward)));
            if (i % 50 == 0) places.add(new EntityMention("LOCATION", "place:x", WARDS[random.nextInt(WARDS.length)]));
            String id = Ids.of("bench-post", Integer.toString(i));
            String title = "Người dân phường " + ward + " phản ánh " + word + " kéo dài";
            String text = "Theo phản ánh, tình trạng " + word + " ở phường " + ward + ", " + province + " diễn ra từ sáng, chính quyền đang xử lý.";
            EnrichedPost p = new EnrichedPost(id, "https://bao.example.vn/" + id, "press", "Báo " + province, title, text, "", at, at, province,
                    List.of(ward), places, 30, random.nextInt(3) == 0 ? "negative" : "neutral", 0, List.of(), 1L, id);
            batch.add(p);
            ids.add(id);
            search.add(new SearchablePost(id, title, text, p.source(), "press", province, at, p.sentiment(), List.of(), p.url()), PostPlaces.keys(p));
            if (batch.size() == 10_000) {
                ch.insert(Tables.POSTS, batch);
                batch.clear();
            }
        }
        ch.insert(Tables.POSTS, batch);
        search.refresh();
        return ids;
    }

    /** Half report clusters by ward, half media alerts citing five posts; localities from the generated places. */
    private static List<Alert> alertsOf(int alerts, List<String> ids, long seed, Instant now) {
        Random random = new Random(seed + 1);
        List<Alert> list = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
            Instant at = now.minusSeconds(random.nextInt(7 * 24 * 3600));
            String province = PROVINCES[random.nextInt(PROVINCES.length)];
            String ward = WARDS[random.nextInt(WARDS.length)];
            Locality where = new Locality(province, "phường " + ward);
            String id = Ids.of("bench-alert", Integer.toString(i));
            if (i % 2 == 0) {
                String key = vn.iocstream.core.geo.VietnameseKeys.slug(ward) + "|" + vn.iocstream.core.geo.VietnameseKeys.slug(province) + "|ngap-nuoc|" + i; // one managed alert each (same key = same alert, counted up)
                list.add(new Alert(id, "order.report_cluster", "citizen-report-cluster", "warning", key,
                        "5 phản ánh về ngập nước tại phường " + ward + " (" + province + ")", "", where, null, null, at, at.plusSeconds(600),
                        5, 0, List.of(), null, null, at.plusSeconds(600)));
            } else {
                List<String> evidence = new ArrayList<>();
                for (int k = 0; k < 5; k++) evidence.add(ids.get(random.nextInt(ids.size())));
                list.add(new Alert(id, "media.volume_jump", "watchlist-volume-jump", i % 10 == 1 ? "critical" : "warning", "ngap-lut-" + i,
                        "Tăng đột biến bài viết: Ngập lụt", "", where, null, null, at, at.plusSeconds(60), 5, 0.5, evidence, null, null, at.plusSeconds(60)));
            }
        }
        return list;
    }

    private static Row load(String what, Session s, int clients, long seconds, java.util.function.Supplier<String> path) throws Exception {
        drive(s, clients, Math.max(2, seconds / 3), path, null); // warm-up: JIT, ClickHouse caches
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        long n = drive(s, clients, seconds, path, latencies);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Row(what, n, elapsed, Latencies.percentileMs(sorted, 0.50), Latencies.percentileMs(sorted, 0.99));
    }

    private static long drive(Session s, int clients, long seconds, java.util.function.Supplier<String> path, List<Long> latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<Long>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                long count = 0;
                while (System.nanoTime() < end) {
                    String p;
                    synchronized (path) {
                        p = path.get();
                    }
                    long t = System.nanoTime();
                    HttpResponse<String> r = s.get(p);
                    if (r.statusCode() != 200) throw new IllegalStateException(p + " answered " + r.statusCode() + ": " + r.body());
                    if (latencies != null) latencies.add(System.nanoTime() - t);
                    count++;
                }
                return count;
            }));
        }
        long total = 0;
        for (Future<Long> f : done) total += f.get();
        pool.shutdown();
        return total;
    }

    /** Sends alerts in the user's ward one at a time and times each until its SSE event arrives. */
    private static List<Double> push(String bootstrap, Session s, int alerts, List<String> postIds) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        HttpRequest req = s.request("api/alerts/stream").header("Accept", "text/event-stream").timeout(Duration.ofMinutes(5)).GET().build();
        var stream = Session.HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(r -> {
            try (InputStream in = r.body(); BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String read; (read = reader.readLine()) != null; ) {
                    if (!read.startsWith("data:")) continue;
                    String line = read;
                    long arrived = System.nanoTime();
                    sentAt.forEach((id, t) -> {
                        if (line.contains(id) && sentAt.remove(id) != null) ms.add((arrived - t) / 1e6);
                    });
                }
            } catch (java.io.IOException e) {
                // closed at the end of the run
            }
        });
        Thread.sleep(1000);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < alerts; i++) {
                Instant at = Instant.now();
                Alert a = new Alert(Ids.of("bench-push", Integer.toString(i), at.toString()), "order.report_cluster", "citizen-report-cluster",
                        "warning", "tam-hiep|dong-nai|ngap-nuoc-" + i, "4 phản ánh về ngập nước tại phường Tam Hiệp (đo độ trễ " + i + ")", "",
                        new Locality("Đồng Nai", "phường Tam Hiệp"), null, null, at, at, 4, 0, List.of(), null, null, at);
                sentAt.put(a.id(), System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.ALERTS, a.id(), Json.bytes(a))).get();
                long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (sentAt.containsKey(a.id()) && System.nanoTime() < wait) Thread.sleep(5);
                Thread.sleep(200);
            }
        }
        stream.cancel(true);
        if (!sentAt.isEmpty()) throw new IllegalStateException(sentAt.size() + " pushed alerts never arrived within 10 s");
        return new ArrayList<>(ms);
    }

    private static long count(String body, String needle) {
        long n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) n++;
        return n;
    }

    public static void print(Result r, int posts, int alerts, PrintStream out) {
        out.printf(Locale.ROOT, "store: %,d posts, %,d alerts; user trucban (phường Tam Hiệp, tỉnh Đồng Nai) sees %,d alerts and %,d posts naming the ward%n",
                posts, alerts, r.scopedAlerts(), r.scopedPosts());
        out.printf(Locale.ROOT, "%-40s %10s %10s %10s %10s%n", "endpoint", "requests", "req/s", "p50 ms", "p99 ms");
        for (Row row : r.rows()) {
            out.printf(Locale.ROOT, "%-40s %10d %10.1f %10.1f %10.1f%n", row.what(), row.requests(), row.perSecond(), row.p50Ms(), row.p99Ms());
        }
        List<Double> push = new ArrayList<>(r.pushMs());
        Collections.sort(push);
        double p50 = push.isEmpty() ? 0 : push.get(push.size() / 2);
        double max = push.isEmpty() ? 0 : push.get(push.size() - 1);
        out.printf(Locale.ROOT, "alert push, ioc.alerts → SSE event: %d alerts, p50 %.0f ms, max %.0f ms%n", push.size(), p50, max);
        Row alertsRow = r.rows().get(0), searchRow = r.rows().get(2);
        out.printf(Locale.ROOT, "web alerts rps=%.1f p99=%.0fms search rps=%.1f p99=%.0fms push p50=%.0fms max=%.0fms%n",
                alertsRow.perSecond(), alertsRow.p99Ms(), searchRow.perSecond(), searchRow.p99Ms(), p50, max);
    }

    /** A logged-in client: the session cookie and nothing else (reads need no CSRF token). */
    private record Session(String base, String cookie) {
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        static Session login(String base, String user) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("login failed: " + r.body());
            String c = r.headers().firstValue("Set-Cookie").orElseThrow();
            return new Session(base, c.substring(0, c.indexOf(';')));
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).timeout(Duration.ofSeconds(30));
        }

        HttpResponse<String> get(String path) throws Exception {
            return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        String body(String path) throws Exception {
            return get(path).body();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder: the OS cleans it eventually
        }
    }
}
