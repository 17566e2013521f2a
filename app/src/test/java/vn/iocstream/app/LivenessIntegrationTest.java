package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.runtime.EmbeddedFlink;
import vn.iocstream.app.runtime.EmbeddedKafka;
import vn.iocstream.core.Topics;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.testing.ClickHouseTestServer;
import vn.iocstream.jobs.functions.VolumeJumpAlerts;
import vn.iocstream.jobs.io.ClickHouseSink;

/**
 * Issue 17's liveness: a burst of posts about flooding, then silence, through a real broker into MediaJob (running,
 * not bounded) and a real ClickHouse. With watermarks that only move on new records, the burst's minute and its
 * volume-jump alert would wait for the next post forever; here both must come with no further input, within
 * out-of-orderness + idleness + the sinks' batch delay + slack after the minute's end, with the shipped 30 s
 * checkpoint interval.
 */
class LivenessIntegrationTest {
    @TempDir static Path dir;

    @Test
    void burstThenSilence_minuteIsWrittenAndItsAlertRaised_withoutAnotherPost() throws Exception {
        ClickHouseClient clickHouse = ClickHouseTestServer.freshDatabase("liveness");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 2, -1)) {
            kafka.createTopics(Topics.ALL, 2);
            // The shipped checkpoint interval (30 s): rows must not wait for a checkpoint either.
            IocConfig config = ConfigLoader.load(null, List.of("flink.checkpointDir=" + dir.resolve("checkpoints"),
                    "watchlists=[{name: ngap-lut, title: 'Ngập lụt', query: 'ngập OR \"triều cường\"'}]"));
            JobClient job = EmbeddedFlink.startMediaJob(config, kafka.connection(), clickHouse, false);
            try {
                // Let the job start reading before the burst, as a running installation would.
                Thread.sleep(5_000);
                Instant burst = Instant.now();
                Properties p = new Properties();
                p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
                    // The watchlist's history: one post 8 minutes ago, so the detector has a baseline to jump from.
                    RawPost earlier = new RawPost("lv-truoc", "https://baodongnai.com.vn/trieu-cuong.html", "press", "Báo Đồng Nai",
                            "Đồng Nai", "Triều cường dâng cao ở Biên Hòa", "Nước sông Đồng Nai lên cao.", null,
                            burst.minus(Duration.ofMinutes(8)), burst);
                    producer.send(new ProducerRecord<>(Topics.RAW_POSTS, earlier.id(), Json.bytes(earlier)));
                    for (int i = 0; i < 12; i++) {
                        RawPost post = new RawPost("lv-" + i, "https://baodongnai.com.vn/ngap-" + i + ".html", "press", "Báo Đồng Nai",
                                "Đồng Nai", "Mưa lớn, nhiều tuyến đường ở Biên Hòa ngập sâu (tin " + i + ")",
                                "Nước ngập tới yên xe trên đường Đồng Khởi, phường Tam Hiệp.", null, burst.plusMillis(300L * i), burst);
                        producer.send(new ProducerRecord<>(Topics.RAW_POSTS, post.id(), Json.bytes(post)));
                    }
                }
                Instant minuteEnd = burst.plusMillis(300L * 11).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60);
                IocConfig.Flink f = config.flink();
                Duration allowed = Duration.ofSeconds(f.outOfOrdernessSeconds() + f.idlenessSeconds())
                        .plusMillis(ClickHouseSink.MAX_DELAY_MS).plusSeconds(15); // slack for a shared 2-core machine
                Instant deadline = minuteEnd.plus(allowed);

                Instant written = null;
                while (written == null && Instant.now().isBefore(deadline.plusSeconds(30))) {
                    if (clickHouse.queryLong("SELECT sum(posts) FROM watchlist_stats FINAL WHERE watchlist = 'ngap-lut'") == 13) {
                        written = Instant.now();
                    }
                    Thread.sleep(250);
                }
                // The alert fires at its 10 s bucket's end, before the minute's; it is looked for once the minute is in.
                Instant alerted = null;
                while (alerted == null && Instant.now().isBefore(deadline.plusSeconds(30))) {
                    if (TopicReader.read(kafka.bootstrap(), Topics.ALERTS, Alert.class).stream()
                            .anyMatch(a -> a.rule().equals(VolumeJumpAlerts.RULE))) {
                        alerted = Instant.now();
                    }
                }
                assertThat(written).as("the burst's minute(s) in watchlist_stats").isNotNull().isBefore(deadline);
                assertThat(alerted).as("the volume-jump alert on ioc.alerts").isNotNull().isBefore(deadline);
                System.out.printf("liveness: minute written %.1f s and alert raised %.1f s after the minute's end (allowed %d s)%n",
                        Duration.between(minuteEnd, written).toMillis() / 1e3, Duration.between(minuteEnd, alerted).toMillis() / 1e3,
                        allowed.toSeconds());
            } finally {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
