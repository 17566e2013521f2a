package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;

class CrawlProgressTest {
    private static final IocConfig.Source TAY_NINH = new IocConfig.Source("Báo Tây Ninh", "rss", "https://baotayninh.vn/rss/home.rss", "press", "Tây Ninh");
    private static final IocConfig.Source DONG_NAI = new IocConfig.Source("Báo Đồng Nai", "sitemap", "https://baodongnai.com.vn/sitemap.xml", "press", "Đồng Nai");

    @Test
    void minuteLine_sumsPolls_namesFailingSources_thenStartsOver() {
        CrawlProgress progress = new CrawlProgress();
        progress.record(TAY_NINH, new CrawlStats(1, 0, 4, 6, 1, 0, 4));
        progress.record(TAY_NINH, new CrawlStats(1, 0, 0, 0, 0, 1, 0));
        progress.record(DONG_NAI, new CrawlStats(1, 1, 0, 0, 0, 0, 0));
        progress.record(DONG_NAI, new CrawlStats(1, 1, 0, 0, 0, 0, 0));

        assertThat(progress.drain(60)).isEqualTo(
                "crawl, last 60 s: 2 sources polled (4 polls), 4 pages, 6 new items, 3 errors, 0 blocked by robots.txt; failing: Báo Đồng Nai (2x)");

        progress.record(DONG_NAI, new CrawlStats(1, 0, 2, 2, 0, 0, 3, 1));
        assertThat(progress.drain(60)).isEqualTo(
                "crawl, last 60 s: 1 sources polled (1 polls), 3 pages, 2 new items, 0 errors, 1 blocked by robots.txt; failing: none");
    }
}
