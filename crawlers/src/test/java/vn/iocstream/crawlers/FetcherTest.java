package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;

class FetcherTest extends CrawlerTestBase {

    @Test
    void unchangedFeed_isFetchedConditionally_andAnswers304() throws Exception {
        Fetcher fetcher = new Fetcher(FixtureSite.settings(0, 1_000_000));

        Fetcher.Page first = fetcher.fetch(site.url(RSS_TAY_NINH), true);
        Fetcher.Page second = fetcher.fetch(site.url(RSS_TAY_NINH), true);

        assertThat(first.notModified()).isFalse();
        assertThat(first.body()).contains("Báo Tây Ninh Online - Tin mới nhất");
        assertThat(second.notModified()).isTrue();
        assertThat(second.status()).isEqualTo(304);
        assertThat(site.lastUserAgent).isEqualTo("IOCStreamBot/test");
    }

    @Test
    void loopbackAddress_isRefused_whenPrivateAddressesAreNotAllowed() {
        IocConfig.Crawler strict = new IocConfig.Crawler(1, 0, 5, 1_000_000, "IOCStreamBot/test", false);

        assertThatThrownBy(() -> new Fetcher(strict).fetch(site.url(PAGE_GIA_XANG), false))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("127.0.0.1 resolves to 127.0.0.1, a loopback address")
                .hasMessageContaining("crawler.allowedSites");
        assertThat(site.hits(PAGE_GIA_XANG)).isZero();
    }

    @Test
    void redirectToCloudMetadataAddress_isRefusedAtThatHop() throws Exception {
        site.redirect("/tin-nhanh", "http://169.254.169.254/latest/meta-data/");
        // The guard of a production crawler, except that it lets this test reach the fixture site itself.
        AddressGuard guard = new AddressGuard(false, Set.of(URI.create(site.base()).getAuthority()));
        Fetcher fetcher = new Fetcher(FixtureSite.settings(0, 1_000_000), guard);

        assertThatThrownBy(() -> fetcher.fetch(site.url("/tin-nhanh"), false))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("169.254.169.254")
                .hasMessageContaining("link-local");
        assertThat(site.hits("/tin-nhanh")).isEqualTo(1);
    }

    @Test
    void allowedSite_isExemptOnItsOwnPort_only() throws Exception {
        AddressGuard guard = new AddressGuard(false, Set.of(URI.create(site.base()).getAuthority()));
        guard.check(URI.create(site.url(PAGE_GIA_XANG)));
        // ClickHouse's HTTP port on the same machine stays out of reach.
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.1:8123/?query=SELECT%201")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("loopback");
    }

    @Test
    void redirect_isFollowedToThePage() throws Exception {
        site.redirect("/r/190201", PAGE_GIA_XANG);

        Fetcher.Page page = new Fetcher(FixtureSite.settings(0, 1_000_000)).fetch(site.url("/r/190201"), false);

        assertThat(page.url().getPath()).isEqualTo(PAGE_GIA_XANG);
        assertThat(page.body()).contains("Giá xăng giảm hơn 500 đồng/lít");
    }

    @Test
    void serverError_isRetriedBriefly_thenThrownWithItsStatus() {
        site.fail("/loi.html", 500);

        assertThatThrownBy(() -> new Fetcher(FixtureSite.settings(0, 1_000_000)).fetch(site.url("/loi.html"), false))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(site.hits("/loi.html")).isEqualTo(3);
    }

    @Test
    void notFound_isNotRetried() {
        assertThatThrownBy(() -> new Fetcher(FixtureSite.settings(0, 1_000_000)).fetch(site.url("/khong-co.html"), false))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(404));
        assertThat(site.hits("/khong-co.html")).isEqualTo(1);
    }

    @Test
    void largeBody_isCutAtMaxBodyBytes() throws Exception {
        Fetcher.Page page = new Fetcher(FixtureSite.settings(0, 1000)).fetch(site.url(PAGE_GIA_XANG), false);

        assertThat(page.truncated()).isTrue();
        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
    }

    @Test
    void requestsToOneHost_areSpacedByPerHostDelay() throws Exception {
        Fetcher fetcher = new Fetcher(FixtureSite.settings(300, 1_000_000));

        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) fetcher.fetch(site.url(PAGE_GIA_XANG), false);
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(elapsedMs).isGreaterThanOrEqualTo(600);
    }

    @Test
    void undeclaredWindows1258Page_isDecodedByDetection() throws Exception {
        Fetcher.Page page = new Fetcher(FixtureSite.settings(0, 1_000_000)).fetch(site.url(PAGE_CUP_DIEN_1258_UNDECLARED), false);

        assertThat(page.body()).contains("<h1>Cúp điện diện rộng tại thị xã Trảng Bàng do sự cố đường dây 110 kV</h1>",
                "Công ty Điện lực Tây Ninh");
    }

    @Test
    void utf8ByteOrderMark_winsOverAWrongHeader() throws Exception {
        site.contentType(PAGE_MOC_BAI_BOM, "text/html; charset=iso-8859-1");

        Fetcher.Page page = new Fetcher(FixtureSite.settings(0, 1_000_000)).fetch(site.url(PAGE_MOC_BAI_BOM), false);

        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("Khu kinh tế cửa khẩu Mộc Bài");
    }

    @Test
    void utf8Header_winsOverALeftoverWindows1258Meta() throws Exception {
        Fetcher.Page page = new Fetcher(FixtureSite.settings(0, 1_000_000)).fetch(site.url(PAGE_NUI_BA_DEN_STALE_META), false);

        assertThat(page.body()).contains("Lễ hội Xuân Núi Bà Đen 2026 đón hơn 2 triệu lượt khách");
    }

    @Test
    void sameSiteCanonical_isExposed_soTrackingCopiesDedupToIt() throws Exception {
        Fetcher.Page page = new Fetcher(FixtureSite.settings(0, 1_000_000))
                .fetch(site.url(PAGE_GIA_XANG + "?utm_source=zalo&utm_medium=share"), false);

        assertThat(page.url().getQuery()).isEqualTo("utm_source=zalo&utm_medium=share");
        assertThat(page.canonical().toString()).isEqualTo(site.url(PAGE_GIA_XANG));
    }

    @Test
    void canonicalOnAnotherSite_isIgnored_andThePageIsItsOwnCanonical() throws Exception {
        Fetcher.Page page = new Fetcher(FixtureSite.settings(0, 1_000_000)).fetch(site.url(PAGE_MOC_BAI_BOM), false);

        assertThat(page.body()).contains("https://vnexpress.net/dau-tu-ha-tang");
        assertThat(page.canonical()).isEqualTo(page.url());
    }

    @Test
    void feed_hasNoCanonicalOfItsOwn() throws Exception {
        Fetcher.Page feed = new Fetcher(FixtureSite.settings(0, 1_000_000)).fetch(site.url(RSS_TAY_NINH), false);

        assertThat(feed.canonical()).isEqualTo(feed.url());
    }
}
