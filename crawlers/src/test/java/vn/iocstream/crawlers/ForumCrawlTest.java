package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.crawlers.social.ForumThreadParser;
import vn.iocstream.crawlers.state.CrawlMemory;

/** Forum sources: a XenForo section of the fixture Otofun, its Tam Hiệp flooding thread (two pages), polled again. */
class ForumCrawlTest extends CrawlerTestBase {
    private static final String SECTION = "/forums/giao-thong-duong-sa.112/";
    private static final String THREAD = "/threads/ngap-sau-ql1a-doan-qua-tam-hiep-bien-hoa-ket-xe-hon-3km.1812345/";
    private static final String THREAD_PAGE_2 = THREAD + "page-2";
    /** The ids come from the pages' canonical links, whatever host served them. */
    private static final String CANONICAL_THREAD = "https://www.otofun.net" + THREAD;
    private static final List<String> FIRST_POLL_POSTS = List.of("48100001", "48100017", "48100023", "48100031", "48100112", "48100120");

    private final FeedCrawlerTest.CollectingSink sink = new FeedCrawlerTest.CollectingSink();

    @BeforeEach
    void serveForum() {
        site.serve(SECTION, "/dien-dan/otofun-giao-thong-duong-sa.html");
        site.serve(THREAD, "/dien-dan/otofun-ngap-ql1a-tam-hiep.html");
        site.serve(THREAD_PAGE_2, "/dien-dan/otofun-ngap-ql1a-tam-hiep-page-2.html");
    }

    /** A new reply on page 2: the section shows the thread's new last-post time. */
    private void replyArrives() {
        site.serve(SECTION, "/dien-dan/otofun-giao-thong-duong-sa-sau.html");
        site.serve(THREAD_PAGE_2, "/dien-dan/otofun-ngap-ql1a-tam-hiep-page-2-sau.html");
    }

    private FeedCrawler crawler(String path, int forumMaxPages) {
        IocConfig.Source forum = new IocConfig.Source("Otofun - Giao thông", "forum", site.url(path), "social", "Đồng Nai");
        // 48 h window before the poll time, as shipped.
        IocConfig.Crawler settings = new IocConfig.Crawler(1, 0, 5, 1_000_000, "IOCStreamBot/test", true, "", 4, 60, 1800, 48, forumMaxPages, List.of(), "");
        return new FeedCrawler(List.of(forum), settings, sink, Clock.fixed(POLL_TIME, ZoneOffset.UTC));
    }

    private static List<String> ids(String... xenForoIds) {
        return java.util.Arrays.stream(xenForoIds).map(id -> ForumThreadParser.postId(CANONICAL_THREAD, id)).toList();
    }

    @Test
    void section_emitsEachPostOnce_secondPollOnlyTheNewReply() {
        FeedCrawler crawler = crawler(SECTION, 5);

        CrawlStats first = crawler.crawlOnce();

        assertThat(sink.posts).extracting(RawPost::id).containsExactlyElementsOf(ids(FIRST_POLL_POSTS.toArray(String[]::new)));
        assertThat(sink.posts).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo("forum");
            assertThat(p.source()).isEqualTo("Otofun - Giao thông");
            assertThat(p.locality()).isEqualTo("Đồng Nai");
        });
        assertThat(sink.posts.get(0).title()).isEqualTo("Ngập sâu QL1A đoạn qua Tam Hiệp - Biên Hòa, kẹt xe hơn 3km");
        assertThat(site.hits("/threads/noi-quy-box-giao-thong-duong-sa-doc-truoc-khi-dang-bai.1500021/")).as("sticky, quiet since June").isZero();
        assertThat(site.hits("/threads/xin-kinh-nghiem-di-cao-toc-dau-giay-phan-thiet-dip-le.1809876/")).as("last post 12 days ago").isZero();
        assertThat(first).isEqualTo(new CrawlStats(1, 0, 1, 6, 0, 0, 1 + 2, 0));

        replyArrives();
        CrawlStats second = crawler.crawlOnce();

        assertThat(sink.posts).extracting(RawPost::id).hasSize(7).doesNotHaveDuplicates().endsWith(ids("48100133").get(0));
        assertThat(sink.posts.get(6).text()).startsWith("Mới đi qua Tam Hiệp lúc 9h35");
        assertThat(site.hits(THREAD)).as("the reply is on page 2, where the first read stopped").isEqualTo(1);
        assertThat(site.hits(THREAD_PAGE_2)).isEqualTo(2);
        assertThat(second).isEqualTo(new CrawlStats(1, 0, 1, 1, 0, 0, 1 + 1, 0));
    }

    @Test
    void crawlerRestartedOnItsState_sendsOnlyTheNewReply_fromWhereTheThreadWasLeft(@TempDir Path state) throws Exception {
        try (CrawlMemory memory = CrawlMemory.open(state)) {
            FeedCrawler before = crawler(SECTION, 5);
            before.rememberIn(memory);
            before.crawlOnce();
        }
        replyArrives();

        // A new process: a new crawler on the same folder.
        try (CrawlMemory memory = CrawlMemory.open(state)) {
            FeedCrawler after = crawler(SECTION, 5);
            after.rememberIn(memory);
            CrawlStats second = after.crawlOnce();

            assertThat(second.newPosts()).isEqualTo(1);
        }
        assertThat(sink.posts).extracting(RawPost::id).hasSize(7).doesNotHaveDuplicates().endsWith(ids("48100133").get(0));
        assertThat(site.hits(THREAD)).as("resumed on page 2, where the first process stopped").isEqualTo(1);
    }

    @Test
    void sectionUnchanged_threadNotReadAgain() {
        FeedCrawler crawler = crawler(SECTION, 5);
        site.etags(false); // the forum answers every poll in full

        crawler.crawlOnce();
        CrawlStats second = crawler.crawlOnce();

        assertThat(second.newPosts()).isZero();
        assertThat(second.pages()).as("only the section").isEqualTo(1);
        assertThat(site.hits(THREAD_PAGE_2)).isEqualTo(1);
    }

    @Test
    void threadAsSource_readsItsPages_thenOnlyItsNewReplies() {
        FeedCrawler crawler = crawler(THREAD, 5);

        CrawlStats first = crawler.crawlOnce();
        replyArrives();
        CrawlStats second = crawler.crawlOnce();

        assertThat(sink.posts).extracting(RawPost::id).containsExactlyElementsOf(ids("48100001", "48100017", "48100023",
                "48100031", "48100112", "48100120", "48100133"));
        assertThat(first.pages()).as("the source page is the thread's first page, read once").isEqualTo(2);
        assertThat(second.newPosts()).isEqualTo(1);
        assertThat(site.hits(THREAD)).isEqualTo(2);
    }

    @Test
    void pageCapOfOne_longThreadStartsAtItsLastPage() {
        CrawlStats stats = crawler(SECTION, 1).crawlOnce();

        assertThat(sink.posts).extracting(RawPost::id).containsExactlyElementsOf(ids("48100112", "48100120"));
        assertThat(site.hits(THREAD)).isZero();
        assertThat(stats.pages()).isEqualTo(2);
    }

    @Test
    void threadPageFailing_countedAsPageError_postsOfItsOtherPagesSent() {
        site.fail(THREAD_PAGE_2, 503);

        CrawlStats stats = crawler(SECTION, 5).crawlOnce();

        assertThat(sink.posts).hasSize(4);
        assertThat(stats.pageErrors()).isEqualTo(1);
        assertThat(stats.feedErrors()).isZero();
    }

    @Test
    void errorPageInsteadOfSection_countedAsFailedSource() {
        CrawlStats stats = crawler(MAINTENANCE_PAGE_AS_FEED, 5).crawlOnce();

        assertThat(stats.feedErrors()).isEqualTo(1);
        assertThat(sink.posts).isEmpty();
    }
}
