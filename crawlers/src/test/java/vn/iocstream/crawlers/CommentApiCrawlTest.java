package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.Ids;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.config.SourcesFile;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.crawlers.social.CommentJsonMapping;

/** A feed whose outlet serves reader comments from a JSON API (VnExpress's layout) beside those in the page. */
class CommentApiCrawlTest extends CrawlerTestBase {
    /** The fixture API answers by path; a real one takes the id as a query parameter, as VnExpress's objectid. */
    private static final String COMMENTS_PATH = "/binh-luan/baotayninh-{articleId}.json";
    private static final String GIA_XANG_COMMENTS = "/binh-luan/baotayninh-190201.json";

    private final FeedCrawlerTest.CollectingSink sink = new FeedCrawlerTest.CollectingSink();

    private IocConfig.Source source(String articleIdPattern) {
        return new IocConfig.Source("Báo Tây Ninh", "rss", site.url(RSS_TAY_NINH), "press", "Tây Ninh", "Báo Tây Ninh", null,
                null, false, null, "vnexpress", site.url(COMMENTS_PATH), articleIdPattern);
    }

    private CrawlStats crawl(IocConfig.Source source) {
        try (FeedCrawler crawler = new FeedCrawler(List.of(source), FixtureSite.settings(0, 1_000_000), sink,
                Clock.fixed(POLL_TIME, ZoneOffset.UTC))) {
            return crawler.crawlOnce();
        }
    }

    private static String commentId(String articlePath, String commentId) {
        return Ids.of(Ids.canonicalUrl("http://127.0.0.1" + articlePath), "comment", commentId);
    }

    @Test
    void jsonComments_arriveWithTheIdsHtmlCommentsGet_onlyOnceWhenInBoth() {
        String article = site.url(PAGE_GIA_XANG);
        // Only the fuel-price article has comments in the API; the others' requests are 404s (errors, articles kept).
        CrawlStats stats = crawl(source("-a(\\d+)\\."));

        List<RawPost> comments = sink.ofKind("comment").stream().filter(c -> c.url().startsWith(article)).toList();
        assertThat(comments).extracting(RawPost::url).containsExactlyInAnyOrder(
                article + "#comment-88121", article + "#comment-88130", // in the page and in the API: sent once
                article + "#comment-3", // the page's third comment has no data-id: its position stands in
                article + "#comment-88147", article + "#comment-88152", article + "#comment-88160");
        RawPost reply = comments.stream().filter(c -> c.url().endsWith("#comment-88160")).findFirst().orElseThrow();
        assertThat(reply.id()).isEqualTo(Ids.of(Ids.canonicalUrl(article), "comment", "88160"));
        assertThat(reply.author()).isEqualTo("Ngọc Hân");
        assertThat(reply.publishedAt()).isEqualTo(Instant.parse("2025-10-14T09:20:00Z"));
        assertThat(reply.text()).startsWith("Giá mới áp dụng từ 15h00");
        assertThat(sink.posts).extracting(RawPost::id).doesNotHaveDuplicates();
        assertThat(site.hits(GIA_XANG_COMMENTS)).isEqualTo(1);
        assertThat(sink.ofKind("press")).hasSize(3);
        assertThat(stats.pageErrors()).as("two articles without comments in the fixture API").isEqualTo(2);
        assertThat(stats.pages()).isEqualTo(1 + 3 + 1);
    }

    @Test
    void defaultArticleId_lastNumberOfThePath() {
        CommentApi api = new CommentApi(null);
        IocConfig.Source vnexpress = new IocConfig.Source("VnExpress", "rss", "https://vnexpress.net/rss/thoi-su.rss", "press", "",
                null, null, null, false, null, "vnexpress", "https://usi-saas.vnexpress.net/index/get?objectid={articleId}&objecttype=1", null);

        assertThat(api.articleId(vnexpress, "https://vnexpress.net/ql1a-qua-bien-hoa-ngap-sau-sau-mua-lon-4951234.html?utm_source=zalo"))
                .isEqualTo("4951234");
        assertThatThrownBy(() -> api.articleId(vnexpress, "https://vnexpress.net/thoi-su/")).hasMessageContaining("no article id");
    }

    @Test
    void articleWithoutIdInUrl_articleSentWithoutApiComments() {
        CrawlStats stats = crawl(source("/bai-viet/khong-co-(\\d+)"));

        assertThat(sink.ofKind("press")).hasSize(3);
        assertThat(site.hits(GIA_XANG_COMMENTS)).isZero();
        assertThat(stats.pageErrors()).isEqualTo(3);
        assertThat(stats.feedErrors()).isZero();
    }

    @Test
    void everyCommentLayoutSourcesFileAccepts_isShipped() {
        assertThat(SourcesFile.COMMENT_MAPPINGS).allSatisfy(name -> assertThat(CommentJsonMapping.named(name)).isNotNull());
    }
}
