package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest extends CrawlerTestBase {
    private final FeedParser parser = new FeedParser();

    private String get(String path) throws Exception {
        return new Fetcher(FixtureSite.settings(0, 1_000_000)).fetch(site.url(path), false).body();
    }

    @Test
    void rss_givesLinkTitleRfc1123DateAndPlainDescription() throws Exception {
        List<FeedParser.FeedItem> items = parser.parse(get(RSS_TAY_NINH), site.url(RSS_TAY_NINH));

        assertThat(items).hasSize(4);
        assertThat(items.get(0)).isEqualTo(new FeedParser.FeedItem(site.url(PAGE_GIA_XANG),
                "Giá xăng giảm hơn 500 đồng/lít từ 15 giờ chiều nay", GIA_XANG_PUBLISHED,
                "(BTN) - Liên Bộ Công Thương - Tài chính vừa điều chỉnh giá bán lẻ xăng dầu, xăng E5 RON 92 giảm 512 đồng/lít."));
        assertThat(items.get(1).title()).isEqualTo("Long An cũ: Triều cường vượt báo động 3, nhiều tuyến đường ở Tân An ngập sâu");
        assertThat(items.get(1).description()).contains("phường Long An & phường Tân An");
        assertThat(items.get(2).publishedAt()).isEqualTo(TRANG_BANG_PUBLISHED);
        assertThat(items.get(3).link()).endsWith("?utm_source=rss&utm_medium=tinmoi");
    }

    @Test
    void atom_resolvesRelativeLinks_andPrefersPublishedOverUpdated() throws Exception {
        List<FeedParser.FeedItem> items = parser.parse(get(ATOM_DA_NANG), site.url(ATOM_DA_NANG));

        assertThat(items).extracting(FeedParser.FeedItem::link).containsExactly(
                site.url("/bai-viet/sat-lo-bo-bien-hoi-an-di-doi-12-ho-dan-3301245.html"),
                site.url("/bai-viet/khoi-cong-nut-giao-hoa-cam-3301230.html"));
        assertThat(items.get(0).title()).isEqualTo("Quảng Nam cũ: Sạt lở bờ biển Hội An, chính quyền phường khẩn cấp di dời 12 hộ dân");
        assertThat(items.get(0).publishedAt()).isEqualTo(Instant.parse("2025-10-14T07:30:00Z"));
        assertThat(items.get(0).description()).isEqualTo("Sóng lớn kèm triều cường làm sạt lở hơn 200 m bờ biển Cửa Đại.");
        assertThat(items.get(1).publishedAt()).isEqualTo(Instant.parse("2025-10-14T09:00:00Z"));
    }

    @Test
    void htmlMaintenancePage_isNotAFeed() throws Exception {
        String html = get(MAINTENANCE_PAGE_AS_FEED);

        assertThatThrownBy(() -> parser.parse(html, site.url(MAINTENANCE_PAGE_AS_FEED)))
                .isInstanceOf(FeedParser.NotAFeedException.class)
                .hasMessageContaining("neither RSS nor Atom");
    }
}
