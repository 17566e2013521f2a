package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.RawPost;

/** Sitemaps, news sitemaps and listing pages of the fixture outlet, crawled end to end. */
class SourceTypesCrawlTest extends CrawlerTestBase {
    private final FeedCrawlerTest.CollectingSink sink = new FeedCrawlerTest.CollectingSink();

    private IocConfig.Source source(String name, String type, String path, String linkSelector) {
        return new IocConfig.Source(name, type, site.url(path), "press", "Tây Ninh", "Báo Tây Ninh", "thoi-su", null, false, linkSelector, null, null, null);
    }

    private FeedCrawler crawler(IocConfig.Source... sources) {
        // 48 h window before the poll time, as shipped.
        return new FeedCrawler(List.of(sources), FixtureSite.settings(0, 1_000_000), sink, Clock.fixed(POLL_TIME, ZoneOffset.UTC));
    }

    @Test
    void newsSitemap_recentEntriesFetched_olderOnesNever() {
        CrawlStats stats = crawler(source("Báo Tây Ninh - tin mới", "news-sitemap", NEWS_SITEMAP, null)).crawlOnce();

        assertThat(sink.ofKind("press")).extracting(RawPost::url)
                .containsExactly(site.url(PAGE_TRIEU_CUONG_1258), site.url(PAGE_GIA_XANG));
        assertThat(sink.ofKind("press")).extracting(RawPost::title).containsExactly(
                "Long An cũ: Triều cường vượt báo động 3, nhiều tuyến đường ở Tân An ngập sâu",
                "Giá xăng giảm hơn 500 đồng/lít từ 15 giờ chiều nay");
        assertThat(site.hits("/bai-viet/khanh-thanh-cau-ben-soi-bac-qua-song-vam-co-dong-a150012.html")).isZero();
        assertThat(site.hits("/bai-viet/tay-ninh-don-bang-khen-thi-dua-nam-2023-a141877.html")).isZero();
        assertThat(stats).isEqualTo(new CrawlStats(1, 0, 2, 2 + 3, 0, 0, 1 + 2));
    }

    @Test
    void sitemapIndex_followsRecentChildOnly_andKeepsItsRecentEntries() {
        CrawlStats stats = crawler(source("Báo Tây Ninh - sitemap", "sitemap", SITEMAP_INDEX, null)).crawlOnce();

        assertThat(site.hits(SITEMAP_OCTOBER)).isEqualTo(1);
        assertThat(site.hits(SITEMAP_SEPTEMBER)).as("modified before the window").isZero();
        assertThat(site.hits("/sitemap/bai-viet-2023-12.xml")).isZero();
        assertThat(sink.ofKind("press")).extracting(RawPost::url)
                .containsExactly(site.url(PAGE_TRANG_BANG_BROKEN), site.url(PAGE_GIA_XANG));
        assertThat(site.hits("/bai-viet/ra-quan-thang-cao-diem-an-toan-giao-thong-a189410.html")).isZero();
        assertThat(site.hits("/gioi-thieu/lich-su-bao-tay-ninh.html")).as("undated entry").isZero();
        assertThat(stats.pages()).isEqualTo(2 + 2); // index + October, two articles
        assertThat(stats.itemsSeen()).isEqualTo(2);
        assertThat(stats.errors()).isZero();
    }

    @Test
    void listingWithGenericSelector_takesArticleHeadlinesOfItsSite_notMenusOrOtherSites() {
        CrawlStats stats = crawler(source("Báo Tây Ninh - Thời sự", "listing", LISTING_THOI_SU, null)).crawlOnce();

        assertThat(sink.ofKind("press")).extracting(RawPost::url).containsExactlyInAnyOrder(
                site.url(PAGE_GIA_XANG), site.url(PAGE_TRIEU_CUONG_1258), site.url(PAGE_TRANG_BANG_BROKEN));
        assertThat(site.hits(PAGE_GIA_XANG)).as("thumbnail and headline link the same article").isEqualTo(1);
        assertThat(sink.ofKind("press")).allSatisfy(p -> assertThat(p.publishedAt()).isNotNull());
        assertThat(stats).isEqualTo(new CrawlStats(1, 0, 3, 3 + 3, 0, 0, 1 + 3));
    }

    @Test
    void listingWithLinkSelector_takesOnlyTheSelectedLinks() {
        crawler(source("Báo Tây Ninh - nổi bật", "listing", LISTING_THOI_SU, ".tin-noi-bat a.tieu-de")).crawlOnce();

        assertThat(sink.ofKind("press")).extracting(RawPost::title).containsExactly("Giá xăng giảm hơn 500 đồng/lít từ 15 giờ chiều nay");
    }

    @Test
    void listingWithInvalidSelector_countedAsFailedSource() {
        CrawlStats stats = crawler(source("Báo Tây Ninh - lỗi", "listing", LISTING_THOI_SU, "a[href")).crawlOnce();

        assertThat(stats.feedErrors()).isEqualTo(1);
        assertThat(sink.posts).isEmpty();
    }

    @Test
    void articleListedByFeedSitemapAndListing_fetchedOnce() {
        CrawlStats stats = crawler(new IocConfig.Source("Báo Tây Ninh - RSS", "rss", site.url(RSS_TAY_NINH), "press", "Tây Ninh"),
                source("Báo Tây Ninh - tin mới", "news-sitemap", NEWS_SITEMAP, null),
                source("Báo Tây Ninh - Thời sự", "listing", LISTING_THOI_SU, "h3 a")).crawlOnce();

        assertThat(site.hits(PAGE_GIA_XANG)).isEqualTo(1);
        assertThat(site.hits(PAGE_TRIEU_CUONG_1258)).isEqualTo(1);
        assertThat(site.hits(PAGE_TRANG_BANG_BROKEN)).isEqualTo(1);
        assertThat(sink.ofKind("press")).extracting(RawPost::id).doesNotHaveDuplicates().hasSize(3);
        assertThat(stats.feeds()).isEqualTo(3);
    }

    @Test
    void unsupportedTypes_skippedOthersCrawled_eventAndIngestTypesNeitherCrawledNorSkipped() {
        FeedCrawler crawler = crawler(new IocConfig.Source("Nhật ký Suricata", "file", "https://ioc.invalid/eve.json", "security", ""),
                new IocConfig.Source("Kênh Zalo OA Tây Ninh", "zalo", "https://ioc.invalid/zalo", "social", ""),
                new IocConfig.Source("Syslog tường lửa", "syslog", "https://ioc.invalid/syslog", "security", ""),
                source("Báo Tây Ninh - tin mới", "news-sitemap", NEWS_SITEMAP, null));

        assertThat(crawler.skipped()).extracting(IocConfig.Source::name).containsExactly("Kênh Zalo OA Tây Ninh");
        assertThat(crawler.sources()).extracting(IocConfig.Source::name).containsExactly("Báo Tây Ninh - tin mới");
        assertThat(crawler.crawlOnce().feeds()).isEqualTo(1);
    }

    @Test
    void htmlErrorPageInsteadOfSitemap_countedAsFailedSource() {
        CrawlStats stats = crawler(source("Báo đang bảo trì", "sitemap", MAINTENANCE_PAGE_AS_FEED, null)).crawlOnce();

        assertThat(stats.feedErrors()).isEqualTo(1);
        assertThat(stats.pages()).isZero();
    }
}
