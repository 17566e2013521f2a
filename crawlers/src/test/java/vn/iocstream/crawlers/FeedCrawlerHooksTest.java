package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.crawlers.extract.ExtractionRules;

/** The two hooks the runtime uses: per-source results for source health, and the extractor with outlet rules. */
class FeedCrawlerHooksTest extends CrawlerTestBase {
    @Test
    void sourceListener_hearsEverySourceOfEveryPoll_withItsOwnStats() {
        FeedCrawlerTest.CollectingSink sink = new FeedCrawlerTest.CollectingSink();
        IocConfig.Source tayNinh = new IocConfig.Source("Báo Tây Ninh", "rss", site.url(RSS_TAY_NINH), "press", "Tây Ninh");
        IocConfig.Source broken = new IocConfig.Source("Bảo trì", "rss", site.url(MAINTENANCE_PAGE_AS_FEED), "press", "Tây Ninh");
        List<String> heard = new ArrayList<>();
        try (FeedCrawler crawler = new FeedCrawler(List.of(tayNinh, broken), FixtureSite.settings(0, 1_000_000), sink,
                Clock.fixed(POLL_TIME, ZoneOffset.UTC))) {
            crawler.addSourceListener((source, stats) -> heard.add(source.name() + " errors=" + stats.feedErrors()
                    + " new=" + (stats.newPosts() > 0)));

            crawler.crawlOnce();
        }

        assertThat(heard).containsExactly("Báo Tây Ninh errors=0 new=true", "Bảo trì errors=1 new=false");
    }

    @Test
    void extractWith_appliesTheOutletRuleToCrawledArticles() {
        FeedCrawlerTest.CollectingSink sink = new FeedCrawlerTest.CollectingSink();
        IocConfig.Source tayNinh = new IocConfig.Source("Báo Tây Ninh", "rss", site.url(RSS_TAY_NINH), "press", "Tây Ninh");
        try (FeedCrawler crawler = new FeedCrawler(List.of(tayNinh), FixtureSite.settings(0, 1_000_000), sink,
                Clock.fixed(POLL_TIME, ZoneOffset.UTC))) {
            // The fixture site is 127.0.0.1; the rule takes the title from the fuel-price page's lead, which only it has.
            crawler.extractWith(new ArticleExtractor(new ExtractionRules(List.of(new ExtractionRules.Rule(
                    "127.0.0.1", "h2.sapo", null, null, null, null, null)))));
            crawler.crawlOnce();
        }

        assertThat(sink.ofKind("press")).filteredOn(p -> p.url().equals(site.url(PAGE_GIA_XANG))).singleElement()
                .extracting(RawPost::title).asString().startsWith("(BTN) - Liên Bộ Công Thương - Tài chính vừa điều chỉnh");
        assertThat(sink.ofKind("press")).filteredOn(p -> p.url().equals(site.url(PAGE_TRIEU_CUONG_1258))).singleElement()
                .extracting(RawPost::title).asString().startsWith("Long An cũ: Triều cường");
    }
}
