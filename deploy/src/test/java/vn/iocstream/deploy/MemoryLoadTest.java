package vn.iocstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.core.KafkaConnection;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.DeadLetter;
import vn.iocstream.core.model.RawPost;

/**
 * {@code ioc run} as a process with a 1 GiB heap ({@code -Xmx1g -XX:+ExitOnOutOfMemoryError}: the configured bound,
 * and crossing it ends the process) under 60 s of load in the suite (which must stay within its time on two cores;
 * {@code -Dioc.memoryLoadSeconds=300} gives the five minutes): 50 MB bodies posted to the ingest API one after another, 1 MB
 * records on each of the four raw topics as fast as the broker takes them, and twenty valid posts a second. The 50 MB
 * bodies are refused (413) after reading at most {@code ingest.maxBodyBytes}; every 1 MB record is dead-lettered once,
 * with its reason; every valid post is stored; the jobs keep running and the process is alive. The heap's peak
 * (sampled with {@code jcmd GC.heap_info}) is printed.
 */
@Tag("slow")
class MemoryLoadTest {
    private static final int SECONDS = Integer.getInteger("ioc.memoryLoadSeconds", 60);
    private static final String TOKEN = "facebook-connector-memory-9c2d41";
    private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    @TempDir Path dir;

    @Test
    void fiftyMegabyteBodiesAndOneMegabyteRecords_heapBounded_nothingLost_jobsUp() throws Exception {
        List<String> args = new ArrayList<>(List.of("run"));
        for (String s : LocalDirs.under(dir)) args.addAll(List.of("--set", s));
        args.addAll(List.of("--set", "ingest.tokens=[" + TOKEN + "]", "--set", "flink.parallelism=1"));
        try (IocProcess ioc = IocProcess.start(dir.resolve("run"), List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError"), Map.of(),
                args.toArray(String[]::new))) {
            ioc.awaitOutput("ready:", Duration.ofMinutes(3));
            Matcher url = Pattern.compile("ingest API: POST (\\S+)").matcher(ioc.output());
            assertThat(url.find()).isTrue();
            String ingestUrl = url.group(1);
            KafkaConnection kafka = KafkaConnection.plain(Files.readString(dir.resolve("kafka/bootstrap.txt")).strip());
            ClickHouseClient ch = new ClickHouseClient(Files.readString(dir.resolve("clickhouse/http-url.txt")).strip(), "ioc", "default", "");

            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            AtomicLong peakUsedKb = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            AtomicLong bodies = new AtomicLong();
            CompletableFuture<Void> heap = CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < end) {
                    Matcher m = USED.matcher(jcmd(ioc.pid()));
                    if (m.find()) peakUsedKb.accumulateAndGet(Long.parseLong(m.group(2)), Math::max);
                    sleep(1_000);
                }
            });
            CompletableFuture<Void> hugeBodies = CompletableFuture.runAsync(() -> {
                byte[] body = hugeBody();
                HttpClient http = HttpClient.newHttpClient();
                while (System.nanoTime() < end) {
                    bodies.incrementAndGet();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ingestUrl)).timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 413) refused.incrementAndGet();
                    } catch (java.io.IOException closedWhileSending) {
                        // The server answered 413 and closed before the client had sent 50 MB: refused as well.
                        refused.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            AtomicLong big = new AtomicLong();
            CompletableFuture<Void> bigRecords = CompletableFuture.runAsync(() -> {
                try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        for (String topic : List.of(Topics.RAW_POSTS, Topics.RAW_REPORTS, Topics.RAW_TRAFFIC, Topics.RAW_SECURITY)) {
                            producer.send(new ProducerRecord<>(topic, "lon-" + i, megabyteRecord(topic, i)));
                            big.incrementAndGet();
                        }
                        producer.flush();
                    }
                }
            });
            List<RawPost> valid = new ArrayList<>();
            for (int second = 0; System.nanoTime() < end; second++) {
                List<RawPost> posts = new ArrayList<>();
                for (int i = 0; i < 20; i++) posts.add(Feeds.post("tai", second * 20 + i, Instant.now()));
                Feeds.sendPosts(kafka, posts);
                valid.addAll(posts);
                Thread.sleep(1_000);
            }
            CompletableFuture.allOf(heap, hugeBodies, bigRecords).get(3, TimeUnit.MINUTES);

            System.out.printf("memory load, %d s: %d valid posts, %d records of 1 MB, %d bodies of 50 MB (%d refused), heap peak %d MB of 1024%n",
                    SECONDS, valid.size(), big.get(), bodies.get(), refused.get(), peakUsedKb.get() / 1024);
            assertThat(refused.get()).isEqualTo(bodies.get()).isPositive();
            Rows.await(ch, "SELECT count() FROM posts FINAL", valid.size(), Duration.ofMinutes(4));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (TopicRecords.count(kafka, Topics.DEADLETTER) < big.get() && System.nanoTime() < deadline) Thread.sleep(1_000);
            long distinct = distinctDeadLetters(kafka);
            while (distinct < big.get() && System.nanoTime() < deadline) {
                Thread.sleep(5_000);
                distinct = distinctDeadLetters(kafka);
            }
            assertThat(distinct).as("each 1 MB record dead-lettered").isEqualTo(big.get());
            assertThat(ioc.alive()).as("the process is up, no OutOfMemoryError").isTrue();
            // ioc run prints its status line once a minute; the last one must show the jobs running.
            ioc.awaitOutput("jobs=", Duration.ofSeconds(90));
            String out = ioc.output();
            assertThat(out.substring(out.lastIndexOf("jobs="))).startsWith("jobs=RUNNING");
            assertThat(peakUsedKb.get()).isPositive().isLessThan(1024L * 1024);
            assertThat(ioc.output()).doesNotContain("OutOfMemoryError");
        }
    }

    private static KafkaProducer<String, byte[]> producer(KafkaConnection kafka) {
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A record of about 1,000,000 bytes for a raw topic: a field far over its limit (validation.*). */
    private static byte[] megabyteRecord(String topic, int i) {
        String filler = "bai viet rat dai khong dau so " + i + " ";
        String big = filler.repeat(990_000 / filler.length());
        Instant now = Instant.now();
        Object record = switch (topic) {
            case Topics.RAW_POSTS -> new RawPost("lon-" + i, "https://baodongnai.example.vn/lon-" + i + ".html", "press", "Báo Đồng Nai",
                    "Đồng Nai", "Bài rất dài " + i, big, null, now, now, List.of());
            case Topics.RAW_TRAFFIC -> Map.of("segmentId", big, "time", now.toString(), "speedKmh", 40, "volume", 10, "occupancy", 0.2);
            case Topics.RAW_REPORTS -> Map.of("id", "lon-" + i, "channel", "app", "text", big, "time", now.toString());
            default -> Map.of("format", "auth", "source", "lon/auth.log", "offset", i + 1, "line", big, "year", 2026);
        };
        return Json.bytes(record);
    }

    /** 50 MB of JSON lines (each a valid post's shape), as a connector gone wrong would send. */
    private static byte[] hugeBody() {
        String line = "{\"id\":\"x\",\"url\":\"https://www.facebook.com/x\",\"kind\":\"social\",\"source\":\"Facebook\",\"text\":\""
                + "Người dân phản ánh ".repeat(40) + "\",\"publishedAt\":\"2026-12-04T08:00:00Z\"}\n";
        return line.repeat(50_000_000 / line.getBytes(StandardCharsets.UTF_8).length + 1).getBytes(StandardCharsets.UTF_8);
    }

    /** Distinct payloads on the dead-letter topic, by hash: the records are large and the test JVM's heap is not. */
    private static long distinctDeadLetters(KafkaConnection kafka) {
        HashSet<Integer> payloads = new HashSet<>();
        TopicRecords.forEach(kafka, Topics.DEADLETTER, v -> {
            try {
                payloads.add(Json.MAPPER.readValue(v, DeadLetter.class).payloadBase64().hashCode());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return payloads.size();
    }

    private static String jcmd(long pid) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (Exception e) {
            return "";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
