package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;

class FetcherRobotsTest extends CrawlerTestBase {
    /** The shipped default: its product token IOCStreamBot is what robots.txt groups must name. */
    private static final String DEFAULT_AGENT = "IOCStreamBot/0.1 (+https://github.com/iocstream/ioc-stream; contact: ops@iocstream.invalid)";

    private static Fetcher fetcher(long perHostDelayMs) {
        return new Fetcher(new IocConfig.Crawler(1, perHostDelayMs, 5, 1_000_000, DEFAULT_AGENT, true));
    }

    @Test
    void disallowedPath_isNotRequested_andThrowsItsOwnException() throws Exception {
        site.serve("/robots.txt", "/robots/baotayninh.txt");
        Fetcher fetcher = fetcher(0);

        assertThatThrownBy(() -> fetcher.fetch(site.url("/tim-kiem/?q=ngập+lụt"), false))
                .isInstanceOf(RobotsDisallowedException.class)
                .hasMessageContaining("disallowed for iocstreambot");
        assertThat(site.hits("/tim-kiem/")).isZero();
    }

    @Test
    void groupNamingTheProductToken_appliesInsteadOfTheWildcardGroup() throws Exception {
        // The * group disallows everything: the page is fetched only if "IOCStreamBot/0.1 (+…)" matched its own group.
        site.serve("/robots.txt", "/robots/baotayninh.txt");

        Fetcher.Page page = fetcher(0).fetch(site.url(PAGE_GIA_XANG), false);

        assertThat(page.body()).contains("Giá xăng giảm hơn 500 đồng/lít");
        assertThat(site.lastUserAgent).isEqualTo(DEFAULT_AGENT);
    }

    @Test
    void unknownBot_fallsUnderTheWildcardGroup() {
        site.serve("/robots.txt", "/robots/baotayninh.txt");
        Fetcher other = new Fetcher(new IocConfig.Crawler(1, 0, 5, 1_000_000, "TinTucCrawler/2.0", true));

        assertThatThrownBy(() -> other.fetch(site.url(PAGE_GIA_XANG), false)).isInstanceOf(RobotsDisallowedException.class);
        assertThat(site.hits(PAGE_GIA_XANG)).isZero();
    }

    @Test
    void redirectToADisallowedPath_isStoppedAtThatHop() {
        site.serve("/robots.txt", "/robots/baotayninh.txt");
        site.redirect("/r/tim", "/tim-kiem/?q=bão");

        assertThatThrownBy(() -> fetcher(0).fetch(site.url("/r/tim"), false)).isInstanceOf(RobotsDisallowedException.class);
        assertThat(site.hits("/r/tim")).isEqualTo(1);
        assertThat(site.hits("/tim-kiem/")).isZero();
    }

    @Test
    void robotsTxt_isFetchedOncePerSite_forManyPages() throws Exception {
        site.serve("/robots.txt", "/robots/baotayninh.txt");
        Fetcher fetcher = fetcher(0);

        for (String path : new String[] {PAGE_GIA_XANG, PAGE_TRANG_BANG_BROKEN, PAGE_TRIEU_CUONG_1258, RSS_TAY_NINH, PAGE_GIA_XANG}) {
            fetcher.fetch(site.url(path), false);
        }

        assertThat(site.hits("/robots.txt")).isEqualTo(1);
        assertThat(site.hits(PAGE_GIA_XANG)).isEqualTo(2);
    }

    @Test
    void sitemapLines_areExposed() throws Exception {
        site.serve("/robots.txt", "/robots/baotayninh.txt");

        assertThat(fetcher(0).sitemaps(site.base() + "/"))
                .containsExactly(site.url("/sitemap.xml"), site.url("/sitemap-tin-moi.xml"));
    }

    @Test
    void missingRobotsTxt_allowsEverything() throws Exception {
        Fetcher fetcher = fetcher(0);

        assertThat(fetcher.fetch(site.url(PAGE_GIA_XANG), false).status()).isEqualTo(200);
        assertThat(fetcher.sitemaps(site.url(PAGE_GIA_XANG))).isEmpty();
        assertThat(site.hits("/robots.txt")).isEqualTo(1);
    }

    @Test
    void robotsTxtAnswering500_disallowsEverything_andIsNotAskedAgainAtOnce() {
        site.fail("/robots.txt", 500);
        Fetcher fetcher = fetcher(0);

        assertThatThrownBy(() -> fetcher.fetch(site.url(PAGE_GIA_XANG), false)).isInstanceOf(RobotsDisallowedException.class);
        assertThatThrownBy(() -> fetcher.fetch(site.url(RSS_TAY_NINH), true)).isInstanceOf(RobotsDisallowedException.class);
        assertThat(site.hits(PAGE_GIA_XANG)).isZero();
        assertThat(site.hits(RSS_TAY_NINH)).isZero();
        assertThat(site.hits("/robots.txt")).isEqualTo(3); // the retries of the first fetch, no second fetch
    }

    @Test
    void crawlDelay_spacesRequestsWhenLongerThanTheConfiguredDelay() throws Exception {
        site.serve("/robots.txt", "/robots/crawl-delay-1.txt");
        Fetcher fetcher = fetcher(50);
        fetcher.fetch(site.url(PAGE_GIA_XANG), false); // learns the Crawl-delay

        long t0 = System.nanoTime();
        fetcher.fetch(site.url(PAGE_TRANG_BANG_BROKEN), false);
        fetcher.fetch(site.url(PAGE_TRIEU_CUONG_1258), false);
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(elapsedMs).isGreaterThanOrEqualTo(1_900);
    }
}
