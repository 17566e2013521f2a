package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.Ids;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.RawPost;

class FeedCrawlerTest extends CrawlerTestBase {
    /** Collects what the crawler emits; the Kafka sink is exercised against a real broker in the app module. */
    static final class CollectingSink implements PostSink {
        final List<RawPost> posts = new CopyOnWriteArrayList<>();
        int flushes;

        @Override
        public void accept(RawPost post) {
            posts.add(post);
        }

        @Override
        public void flush() {
            flushes++;
        }

        List<RawPost> ofKind(String kind) {
            return posts.stream().filter(p -> p.kind().equals(kind)).toList();
        }
    }

    private final CollectingSink sink = new CollectingSink();
    private final Clock clock = Clock.fixed(POLL_TIME, ZoneOffset.UTC);

    private IocConfig.Source source(String name, String path) {
        return new IocConfig.Source(name, path.endsWith(".atom") ? "atom" : "rss", site.url(path), "press", "Tây Ninh");
    }

    private FeedCrawler crawler(IocConfig.Source... sources) {
        return new FeedCrawler(List.of(sources), FixtureSite.settings(0, 1_000_000), sink, clock);
    }

    /** A CMS printing year 300000000 (or year 1) must neither lose the article nor push event time out of reach. */
    @Test
    void datesOutsideThePlausibleWindow_becomeTheFetchTime_andAreFlagged() {
        FeedCrawler crawler = crawler(source("Báo Tây Ninh - Kinh tế", "/rss/baotayninh-ngay-hong.xml"));

        crawler.crawlOnce();

        assertThat(sink.ofKind("press")).hasSize(2).allSatisfy(p -> {
            assertThat(p.publishedAt()).isEqualTo(POLL_TIME);
            assertThat(p.flags()).containsExactly(RawPost.IMPLAUSIBLE_TIME);
            assertThat(p.problem(vn.iocstream.core.validation.RecordLimits.DEFAULT, POLL_TIME)).isNull();
        });
        assertThat(sink.ofKind("press")).extracting(RawPost::title).contains("Tây Ninh thu hút thêm 3 dự án đầu tư vào khu công nghiệp Phước Đông");
    }

    @Test
    void feedPolledThreeTimes_emitsEachArticleOnce() {
        site.etags(false); // the outlet ignores conditional requests: every poll reads the whole feed again
        FeedCrawler crawler = crawler(source("Báo Tây Ninh", RSS_TAY_NINH));

        CrawlStats first = crawler.crawlOnce();
        CrawlStats second = crawler.crawlOnce();
        CrawlStats third = crawler.crawlOnce();

        // Oldest first: the feed lists newest first, the crawler emits in published order.
        assertThat(sink.ofKind("press")).extracting(RawPost::url).containsExactly(
                site.url(PAGE_TRANG_BANG_BROKEN), site.url(PAGE_TRIEU_CUONG_1258), site.url(PAGE_GIA_XANG));
        assertThat(sink.ofKind("press")).isSortedAccordingTo((a, b) -> a.publishedAt().compareTo(b.publishedAt()));
        assertThat(sink.ofKind("comment")).hasSize(3);
        assertThat(first).isEqualTo(new CrawlStats(1, 0, 4, 6, 0, 0, 4));
        assertThat(second).isEqualTo(new CrawlStats(1, 0, 4, 0, 0, 0, 1));
        assertThat(third).isEqualTo(second);
        assertThat(crawler.totals().newPosts()).isEqualTo(6);
        assertThat(site.hits(PAGE_GIA_XANG)).as("the utm_ copy of the same link is not fetched").isEqualTo(1);
        assertThat(site.hits(RSS_TAY_NINH)).isEqualTo(3);
    }

    /** The AMP copy names the article page as its canonical address: one story, emitted once, whichever comes first. */
    @Test
    void ampCopyListedBySecondFeed_isFetchedButNotEmittedAgain() {
        String amp = "/amp/gia-xang-giam-hon-500-dong-lit-tu-15-gio-chieu-nay-a190201.html";
        site.serve(amp, PAGE_GIA_XANG);
        FeedCrawler crawler = crawler(source("Báo Tây Ninh", RSS_TAY_NINH), source("Báo Tây Ninh - AMP", "/rss/baotayninh-amp.xml"));

        crawler.crawlOnce();

        assertThat(site.hits(amp)).isEqualTo(1);
        assertThat(sink.ofKind("press")).extracting(RawPost::title)
                .filteredOn(title -> title.startsWith("Giá xăng giảm")).hasSize(1);
        assertThat(sink.ofKind("comment")).as("the copy's comments are the article's").hasSize(3);
    }

    @Test
    void emittedArticle_carriesSourceLocalityDeterministicIdAndBothTimes() {
        crawler(source("Báo Tây Ninh", RSS_TAY_NINH)).crawlOnce();

        RawPost post = sink.ofKind("press").stream()
                .filter(p -> p.url().equals(site.url(PAGE_GIA_XANG))).findFirst().orElseThrow();
        assertThat(post.id()).isEqualTo(Ids.forUrl(site.url(PAGE_GIA_XANG)));
        assertThat(post.source()).isEqualTo("Báo Tây Ninh");
        assertThat(post.locality()).isEqualTo("Tây Ninh");
        assertThat(post.title()).isEqualTo("Giá xăng giảm hơn 500 đồng/lít từ 15 giờ chiều nay");
        assertThat(post.author()).isEqualTo("Minh Tâm");
        assertThat(post.authors()).containsExactly("Minh Tâm");
        assertThat(post.outlet()).isEqualTo("Báo Tây Ninh Online");
        assertThat(post.metadataSource()).startsWith("title=og author=json-ld time=json-ld outlet=json-ld")
                .contains("time: meta said 2025-10-14T08:20:00Z");
        assertThat(post.publishedAt()).isEqualTo(GIA_XANG_PUBLISHED);
        assertThat(post.fetchedAt()).isEqualTo(POLL_TIME);
        assertThat(post.missingField()).isNull();
    }

    @Test
    void readerComments_becomePostsOfKindComment_withIdsDistinctFromTheArticle() {
        crawler(source("Báo Tây Ninh", RSS_TAY_NINH)).crawlOnce();

        List<RawPost> comments = sink.ofKind("comment");
        assertThat(comments).extracting(RawPost::url).containsExactly(
                site.url(PAGE_GIA_XANG) + "#comment-88121", site.url(PAGE_GIA_XANG) + "#comment-88130",
                site.url(PAGE_GIA_XANG) + "#comment-3");
        assertThat(comments).extracting(RawPost::id).doesNotHaveDuplicates()
                .doesNotContain(Ids.forUrl(site.url(PAGE_GIA_XANG)));
        assertThat(comments.get(0).text()).isEqualTo("giam co 500d ma luc tang thi 1000d, ko bt bao gio moi ve lai muc cu");
        assertThat(comments).allSatisfy(c -> assertThat(c.missingField()).isNull());
    }

    @Test
    void unchangedFeed_isCountedNotModified_andNotReparsed() {
        FeedCrawler crawler = crawler(source("Báo Tây Ninh", RSS_TAY_NINH));

        crawler.crawlOnce();
        CrawlStats second = crawler.crawlOnce();

        assertThat(second).isEqualTo(new CrawlStats(1, 0, 0, 0, 0, 1, 0));
    }

    @Test
    void serverErrorPage_isCountedAsPageError_andTriedAgainNextPoll() {
        site.etags(false);
        site.fail(PAGE_TRIEU_CUONG_1258, 500);
        FeedCrawler crawler = crawler(source("Báo Tây Ninh", RSS_TAY_NINH));

        CrawlStats first = crawler.crawlOnce();
        CrawlStats second = crawler.crawlOnce();

        assertThat(first.pageErrors()).isEqualTo(1);
        assertThat(first.newPosts()).isEqualTo(5);
        assertThat(second.pageErrors()).isEqualTo(1);
        assertThat(sink.ofKind("press")).extracting(RawPost::url).doesNotContain(site.url(PAGE_TRIEU_CUONG_1258));
    }

    @Test
    void brokenFeedAndMissingFeed_areCounted_andOtherFeedsStillCrawled() {
        FeedCrawler crawler = crawler(source("Báo đang bảo trì", MAINTENANCE_PAGE_AS_FEED),
                source("Báo đã đổi địa chỉ", "/rss/khong-con.xml"), source("Báo Đà Nẵng", ATOM_DA_NANG));

        CrawlStats stats = crawler.crawlOnce();

        assertThat(stats.feeds()).isEqualTo(3);
        assertThat(stats.feedErrors()).isEqualTo(2);
        assertThat(stats.itemsSeen()).isEqualTo(2);
        assertThat(stats.pageErrors()).as("the Atom entries' pages are not among the fixtures").isEqualTo(2);
    }

    @Test
    void failingSink_makesTheArticlesComeAgainNextPoll() {
        site.etags(false);
        PostSink flaky = new PostSink() {
            int flushes;

            @Override
            public void accept(RawPost post) {
                sink.accept(post);
            }

            @Override
            public void flush() {
                if (++flushes == 1) throw new IllegalStateException("broker unavailable");
            }
        };
        FeedCrawler crawler = new FeedCrawler(List.of(source("Báo Tây Ninh", RSS_TAY_NINH)),
                FixtureSite.settings(0, 1_000_000), flaky, clock);

        CrawlStats first = crawler.crawlOnce();
        CrawlStats second = crawler.crawlOnce();

        assertThat(first.feedErrors()).isEqualTo(1);
        assertThat(second.newPosts()).isEqualTo(6);
    }

    @Test
    void started_pollsOnItsOwnThread_untilClosed() throws Exception {
        site.etags(false);
        try (FeedCrawler crawler = crawler(source("Báo Tây Ninh", RSS_TAY_NINH))) {
            crawler.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (site.hits(RSS_TAY_NINH) < 2 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(crawler.postsEmitted()).isEqualTo(6);
        }
        int polls = site.hits(RSS_TAY_NINH);
        Thread.sleep(1500);
        assertThat(site.hits(RSS_TAY_NINH)).isEqualTo(polls).isGreaterThanOrEqualTo(2);
    }
}
