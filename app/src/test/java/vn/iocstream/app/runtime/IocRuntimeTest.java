package vn.iocstream.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.app.demo.DemoArticle;
import vn.iocstream.app.demo.DemoNewsroom;
import vn.iocstream.app.demo.DemoSite;
import vn.iocstream.core.config.ConfigLoader;
import vn.iocstream.core.config.IocConfig;

/**
 * The unbounded runtime as `ioc run` and `ioc demo` start it: embedded ClickHouse and Kafka, MediaJob running
 * without end, the crawler, search. After the feed goes quiet the watermark stalls; the job must keep running
 * without a single restart (a restart replays records, which the search feeder would count twice).
 */
class IocRuntimeTest {
    @TempDir Path dir;

    @Test
    void quietFeedAfterABurstOfPosts_isStoredOnceAndTheJobNeverRestarts() throws Exception {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<DemoArticle> archive = new ArrayList<>();
        for (DemoArticle a : new DemoNewsroom(start, 11, 8, 20, Duration.ofSeconds(1)).scenario()) {
            if (a.publishedAt().isBefore(start)) archive.add(a); // the archive only: then the feed goes quiet
        }
        try (DemoSite site = DemoSite.start(archive, Clock.fixed(start, ZoneOffset.UTC))) {
            IocConfig config = ConfigLoader.load(null, List.of(
                    "kafka.dataDir=" + dir.resolve("kafka"), "clickhouse.dataDir=" + dir.resolve("clickhouse"),
                    "flink.checkpointDir=" + dir.resolve("checkpoints"), "flink.checkpointIntervalMs=1000",
                    "controlRoom.port=0", "controlRoom.searchDir=" + dir.resolve("search"),
                    "crawler.stateDir=" + dir.resolve("crawler"), "alerts.journalDir=" + dir.resolve("alerts"),
                    "crawler.allowPrivateAddresses=true", "crawler.perHostDelayMs=0", "crawler.pollIntervalSeconds=1",
                    "sourceHealth.writeIntervalSeconds=1",
                    "sources=[{name: 'Tin Tỉnh Nhà', type: rss, url: '" + site.feedUrl() + "', kind: press, locality: 'Tây Ninh'}]",
                    // A broad watchlist too, so that the last posts (flushed by the wall clock) are counted as well.
                    "watchlists=[{name: tai-nan-giao-thong, title: 'Tai nạn giao thông', query: '\"tai nạn giao thông\"'},"
                            + " {name: tin-chung, title: 'Tin chung', query: 'của OR và OR các OR người OR được'}]"));
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            try (IocRuntime runtime = IocRuntime.start(config, new PrintStream(console, true, StandardCharsets.UTF_8))) {
                assertThat(console.toString(StandardCharsets.UTF_8)).contains("ready: control room http://127.0.0.1:");
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (System.nanoTime() < deadline && (runtime.crawled() == 0 || runtime.stored() < runtime.crawled())) {
                    Thread.sleep(500);
                }
                long crawled = runtime.crawled();
                assertThat(crawled).isGreaterThanOrEqualTo(archive.size());
                assertThat(runtime.stored()).isEqualTo(crawled);
                Thread.sleep(12_000); // the watermark stalls; wall-clock flushes and checkpoints go on

                Map<String, Object> status = runtime.status();
                assertThat(status.get("stored")).isEqualTo(crawled);
                assertThat(status.get("searchable")).as("posts indexed once each: no replay by a restart").isEqualTo(crawled);
                assertThat(runtime.clickHouse().queryLong("SELECT count() FROM source_health FINAL WHERE source = 'Tin Tỉnh Nhà'"
                        + " AND status = 'ok' AND new_items > 0 AND last_success > last_new_item AND total_errors = 0"))
                        .as("the quiet feed's health row: polled since its last new item, no error").isEqualTo(1);
            }
        }
    }
}
