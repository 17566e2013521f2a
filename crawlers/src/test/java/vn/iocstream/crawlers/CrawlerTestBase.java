package vn.iocstream.crawlers;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh fixture outlet per test, and the fixtures' paths and times by name. */
abstract class CrawlerTestBase {
    static final String RSS_TAY_NINH = "/rss/baotayninh-tin-moi.xml";
    static final String ATOM_DA_NANG = "/rss/baodanang-thoi-su.atom";
    static final String MAINTENANCE_PAGE_AS_FEED = "/rss/bao-tri.xml";
    static final String NEWS_SITEMAP = "/sitemap/tin-moi-news.xml";
    static final String SITEMAP_INDEX = "/sitemap/sitemap-index.xml";
    static final String SITEMAP_OCTOBER = "/sitemap/bai-viet-2025-10.xml";
    static final String SITEMAP_SEPTEMBER = "/sitemap/bai-viet-2025-09.xml";
    static final String LISTING_THOI_SU = "/chuyen-muc/thoi-su.html";
    static final String PAGE_GIA_XANG = "/bai-viet/gia-xang-giam-hon-500-dong-lit-tu-15-gio-chieu-nay-a190201.html";
    static final String PAGE_TRIEU_CUONG_1258 = "/bai-viet/trieu-cuong-vuot-bao-dong-3-tan-an-ngap-sau-a190188.1258.html";
    static final String PAGE_CUP_DIEN_1258_UNDECLARED = "/bai-viet/cup-dien-dien-rong-tai-trang-bang-a190166.1258.html";
    /** UTF-8 with a byte-order mark; a syndicated copy whose canonical names the original on vnexpress.net. */
    static final String PAGE_MOC_BAI_BOM = "/bai-viet/ha-tang-khu-kinh-te-cua-khau-moc-bai-a190160.html";
    /** UTF-8 bytes, sent as UTF-8, with the windows-1258 meta of the template the site migrated from. */
    static final String PAGE_NUI_BA_DEN_STALE_META = "/bai-viet/le-hoi-nui-ba-den-xuan-2026-a190158.html";
    static final String PAGE_MUA_LON_VISIBLE_DATE = "/bai-viet/mua-lon-nhieu-tuyen-duong-ngap-sau-a190342.html";
    static final String PAGE_DONG_NAI_RULED = "/bai-viet/dong-nai-khoi-cong-cau-a88123.html";
    static final String PAGE_TRANG_BANG_BROKEN = "/bai-viet/trang-bang-phat-hien-nhom-thanh-nien-mang-hung-khi-a190175.html";

    /** JSON-LD datePublished of the fuel-price page (its article:published_time meta says 15:20, the edit time). */
    static final Instant GIA_XANG_PUBLISHED = Instant.parse("2025-10-14T08:05:00Z");
    static final Instant TRIEU_CUONG_PUBLISHED = Instant.parse("2025-10-14T03:42:00Z");
    static final Instant TRANG_BANG_PUBLISHED = Instant.parse("2025-10-14T01:15:00Z");
    static final Instant POLL_TIME = Instant.parse("2025-10-14T09:30:00Z");

    FixtureSite site;

    @BeforeEach
    void startSite() throws Exception {
        site = new FixtureSite();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }
}
