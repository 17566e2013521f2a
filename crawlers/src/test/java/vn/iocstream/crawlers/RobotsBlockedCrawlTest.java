package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.RawPost;

/** URLs the outlet's robots.txt disallows are counted as blocked, never requested and never errors. */
class RobotsBlockedCrawlTest extends CrawlerTestBase {
    private final FeedCrawlerTest.CollectingSink sink = new FeedCrawlerTest.CollectingSink();

    @BeforeEach
    void robots() {
        // Disallows /bai-viet/trang-bang- and /sitemap/ for IOCStreamBot.
        site.serve("/robots.txt", "/robots/chan-bai-trang-bang.txt");
    }

    private FeedCrawler crawler(IocConfig.Source source) {
        return new FeedCrawler(List.of(source), FixtureSite.settings(0, 1_000_000), sink, Clock.fixed(POLL_TIME, ZoneOffset.UTC));
    }

    @Test
    void disallowedArticle_countedAsBlockedNotError_onEveryPoll() {
        site.etags(false); // the feed is read in full on both polls
        FeedCrawler crawler = crawler(new IocConfig.Source("Báo Tây Ninh", "rss", site.url(RSS_TAY_NINH), "press", "Tây Ninh"));

        CrawlStats first = crawler.crawlOnce();
        CrawlStats second = crawler.crawlOnce();

        assertThat(site.hits(PAGE_TRANG_BANG_BROKEN)).isZero();
        assertThat(sink.ofKind("press")).extracting(RawPost::url).containsExactly(site.url(PAGE_TRIEU_CUONG_1258), site.url(PAGE_GIA_XANG));
        assertThat(first.blocked()).isEqualTo(1);
        assertThat(first.errors()).isZero();
        assertThat(second.blocked()).as("robots.txt may allow it later: asked again, counted again").isEqualTo(1);
        assertThat(crawler.totals().blocked()).isEqualTo(2);
    }

    @Test
    void disallowedSource_blockedNotFailed() {
        CrawlStats stats = crawler(new IocConfig.Source("Báo Tây Ninh - tin mới", "news-sitemap", site.url(NEWS_SITEMAP), "press", "Tây Ninh"))
                .crawlOnce();

        assertThat(stats).isEqualTo(new CrawlStats(1, 0, 0, 0, 0, 0, 0, 1));
        assertThat(site.hits(NEWS_SITEMAP)).isZero();
        assertThat(CrawlSchedule.outcome(stats)).isEqualTo(CrawlSchedule.Outcome.NOTHING_NEW);
    }

    @Test
    void robotsTxtFailing_sourceCountedAsFailedNotBlocked() {
        site.fail("/robots.txt", 503); // RFC 9309: nothing may be fetched, but the site said nothing

        CrawlStats stats = crawler(new IocConfig.Source("Báo Tây Ninh", "rss", site.url(RSS_TAY_NINH), "press", "Tây Ninh")).crawlOnce();

        assertThat(stats.feedErrors()).isEqualTo(1);
        assertThat(stats.blocked()).isZero();
        assertThat(site.hits(RSS_TAY_NINH)).isZero();
    }
}
