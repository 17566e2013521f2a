package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;

/**
 * Per-host queues: two fixture sites on 127.0.0.1 with different ports are two hosts (queues are keyed by
 * host:port), so a slow one must not hold up the other.
 */
class ConcurrentCrawlTest extends CrawlerTestBase {
    private static final long SLOW_MS = 1500;
    private final FeedCrawlerTest.CollectingSink sink = new FeedCrawlerTest.CollectingSink();
    private FixtureSite other;

    @BeforeEach
    void startOtherSite() throws Exception {
        other = new FixtureSite();
    }

    @AfterEach
    void stopOtherSite() {
        other.close();
    }

    private static IocConfig.Source rss(String name, FixtureSite on) {
        return new IocConfig.Source(name, "rss", on.url(RSS_TAY_NINH), "press", "Tây Ninh");
    }

    /** Polled every second, adaptive bounds 1 s to 2 s. */
    private static IocConfig.Crawler fastSchedule() {
        return new IocConfig.Crawler(1, 0, 5, 1_000_000, "IOCStreamBot/test", true, "", 4, 1, 2, 48, 5, List.of(), "");
    }

    @Test
    void hostKey_isHostAndPort_defaultPortFromScheme() {
        assertThat(HostQueues.key("http://127.0.0.1:8080/rss/tin-moi.xml")).isEqualTo("127.0.0.1:8080");
        assertThat(HostQueues.key("https://VnExpress.net/rss/tin-moi-nhat.rss")).isEqualTo("vnexpress.net:443");
        assertThat(HostQueues.key("http://baotayninh.vn/sitemap.xml")).isEqualTo("baotayninh.vn:80");
    }

    @Test
    void crawlOnce_slowHostDoesNotDelayTheOther() {
        site.slow(RSS_TAY_NINH, SLOW_MS);
        Map<String, Long> doneAfterMs = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        try (FeedCrawler crawler = new FeedCrawler(List.of(rss("Báo chậm", site), rss("Báo nhanh", other)),
                FixtureSite.settings(0, 1_000_000), sink, Clock.fixed(POLL_TIME, ZoneOffset.UTC))) {
            CrawlStats round = crawler.crawlOnce((source, stats) ->
                    doneAfterMs.put(source.name(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));

            assertThat(round.newPosts()).as("each site's articles are its own").isEqualTo(12);
        }
        assertThat(doneAfterMs.get("Báo chậm")).isGreaterThanOrEqualTo(SLOW_MS);
        assertThat(doneAfterMs.get("Báo nhanh")).isLessThan(doneAfterMs.get("Báo chậm"));
    }

    @Test
    void started_fastHostPolledRepeatedly_whileSlowHostsPollRuns() throws Exception {
        site.slow(RSS_TAY_NINH, 3000);
        other.etags(false);
        try (FeedCrawler crawler = new FeedCrawler(List.of(rss("Báo chậm", site), rss("Báo nhanh", other)),
                fastSchedule(), sink, Clock.fixed(POLL_TIME, ZoneOffset.UTC))) {
            crawler.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (other.hits(RSS_TAY_NINH) < 2 && System.nanoTime() < deadline) Thread.sleep(20);

            assertThat(other.hits(RSS_TAY_NINH)).isGreaterThanOrEqualTo(2);
            assertThat(site.hits(PAGE_GIA_XANG)).as("the slow feed has not even answered").isZero();
        }
    }

    @Test
    void hostQueues_oneHostSerial_differentHostsTogether() throws Exception {
        HostQueues queues = new HostQueues(4, "test");
        try {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger maxInFlight = new AtomicInteger();
            CountDownLatch sameHostDone = new CountDownLatch(5);
            for (int i = 0; i < 5; i++) {
                queues.submit("baotayninh.vn:443", () -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    sleep(30);
                    inFlight.decrementAndGet();
                    sameHostDone.countDown();
                });
            }
            assertThat(sameHostDone.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(maxInFlight.get()).isEqualTo(1);

            // Each task waits for the other: they only finish if the two hosts run at the same time.
            CountDownLatch bothStarted = new CountDownLatch(2);
            CountDownLatch bothDone = new CountDownLatch(2);
            for (String host : List.of("baotayninh.vn:443", "baodongnai.com.vn:443")) {
                queues.submit(host, () -> {
                    bothStarted.countDown();
                    try {
                        if (bothStarted.await(5, TimeUnit.SECONDS)) bothDone.countDown();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertThat(bothDone.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            queues.close(5);
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
