package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.crawlers.extract.ExtractionRules;

class ArticleExtractorTest extends CrawlerTestBase {
    private final ArticleExtractor extractor = new ArticleExtractor();

    private ArticleExtractor.Article fetchAndExtract(String path) throws Exception {
        Fetcher.Page page = new Fetcher(FixtureSite.settings(0, 1_000_000)).fetch(site.url(path), false);
        return extractor.extract(page.body(), site.url(path));
    }

    @Test
    void outletPage_givesExactTitleAuthorTimeAndBody_withoutNavAdsRelatedOrFooter() throws Exception {
        ArticleExtractor.Article a = fetchAndExtract(PAGE_GIA_XANG);

        assertThat(a.title()).isEqualTo("Giá xăng giảm hơn 500 đồng/lít từ 15 giờ chiều nay");
        assertThat(a.author()).isEqualTo("Minh Tâm");
        assertThat(a.outlet()).isEqualTo("Báo Tây Ninh Online");
        assertThat(a.publishedAt()).isEqualTo(GIA_XANG_PUBLISHED);
        assertThat(a.modifiedAt()).isEqualTo(Instant.parse("2025-10-14T08:20:00Z"));
        // The lead (an h2 between the headline and the body container) is the story's first paragraph.
        assertThat(a.text()).isEqualTo(String.join("\n",
                "(BTN) - Liên Bộ Công Thương - Tài chính vừa điều chỉnh giá bán lẻ xăng dầu, xăng E5 RON 92 giảm 512 đồng/lít.",
                "Theo thông báo của liên Bộ Công Thương - Tài chính, kể từ 15 giờ ngày 14/10, giá xăng E5 RON 92 không cao hơn"
                        + " 19.650 đồng/lít, giảm 512 đồng/lít so với kỳ điều hành trước; xăng RON 95-III không cao hơn 20.380"
                        + " đồng/lít, giảm 536 đồng/lít.",
                "Giá dầu diesel 0,05S giảm 312 đồng/lít, xuống còn 18.450 đồng/lít; dầu hỏa giảm 290 đồng/lít. Riêng dầu mazut"
                        + " tăng nhẹ 105 đồng/kg.",
                "Trong kỳ điều hành này, liên Bộ tiếp tục không trích lập và không chi sử dụng Quỹ bình ổn giá xăng dầu.",
                "Ghi nhận tại Tây Ninh chiều 14/10, các cửa hàng xăng dầu trên địa bàn đều niêm yết giá mới đúng thời điểm, hoạt"
                        + " động bình thường, không xảy ra tình trạng găm hàng."));
    }

    @Test
    void commentThreadWithoutDiacritics_givesOneCommentEach_repliesIncluded() throws Exception {
        ArticleExtractor.Article a = fetchAndExtract(PAGE_GIA_XANG);

        assertThat(a.comments()).containsExactly(
                new ArticleExtractor.Comment("88121", "tuan nguyen", Instant.parse("2025-10-14T08:31:00Z"),
                        "giam co 500d ma luc tang thi 1000d, ko bt bao gio moi ve lai muc cu"),
                new ArticleExtractor.Comment("88130", "Hoa Lê", Instant.parse("2025-10-14T08:40:00Z"),
                        "dc dong nao hay dong do a, chay xe om nhu e thi mung lam r"),
                new ArticleExtractor.Comment("3", "ngoc anh 93", Instant.parse("2025-10-14T09:02:00Z"),
                        "xang giam ma do an ngoai cho ko giam dong nao, ai cung bt roi"));
    }

    @Test
    void windows1258PageWithMetaCharsetOnly_isDecodedToComposedUnicode() throws Exception {
        ArticleExtractor.Article a = fetchAndExtract(PAGE_TRIEU_CUONG_1258);

        assertThat(a.title()).isEqualTo("Long An cũ: Triều cường vượt báo động 3, nhiều tuyến đường ở Tân An ngập sâu");
        assertThat(a.author()).isEqualTo("Thanh Hương");
        assertThat(a.publishedAt()).isEqualTo(TRIEU_CUONG_PUBLISHED);
        assertThat(a.text().split("\n")).hasSize(4)
                .startsWith("Sáng 14/10, mực nước trên sông Vàm Cỏ Tây tại trạm Tân An đạt 2,05 m, vượt mức báo động 3"
                        + " khoảng 5 cm, cao nhất từ đầu mùa mưa đến nay.")
                .endsWith("Theo Đài Khí tượng thủy văn tỉnh, đợt triều cường này còn kéo dài đến ngày 18/10; người dân cần"
                        + " chủ động kê cao tài sản, gia cố bờ bao.");
        assertThat(a.text()).doesNotContain("Đọc nhiều", "Giá lúa", "Thanh Hương");
        assertThat(a.comments()).isEmpty();
    }

    @Test
    void brokenMarkup_unclosedParagraphsAndTags_stillGivesTheStory() throws Exception {
        ArticleExtractor.Article a = fetchAndExtract(PAGE_TRANG_BANG_BROKEN);

        assertThat(a.title()).isEqualTo("Trảng Bàng: Phát hiện nhóm thanh niên tụ tập, mang hung khí trong đêm");
        assertThat(a.author()).isEqualTo("Quốc Huy");
        assertThat(a.publishedAt()).isEqualTo(TRANG_BANG_PUBLISHED);
        assertThat(a.text().split("\n")).hasSize(3);
        assertThat(a.text()).startsWith("Khoảng 1 giờ sáng 14/10, tổ tuần tra Công an phường Trảng Bàng")
                .endsWith("tiếp tục xác minh, xử lý theo quy định.")
                .doesNotContain("quái xế", "Tải ứng dụng", "© 2025");
    }

    @Test
    void pageWithoutAnyDate_hasNullPublishedAt_andTitleFromTitleTag() {
        ArticleExtractor.Article a = extractor.extract(
                "<html><head><title>Thông báo lịch cắt điện</title></head><body><div><p>Điện lực Gò Dầu tạm ngừng cấp điện.</p></div></body></html>",
                "https://dienluc.example/tb.html");

        assertThat(a.title()).isEqualTo("Thông báo lịch cắt điện");
        assertThat(a.publishedAt()).isNull();
        assertThat(a.text()).isEqualTo("Điện lực Gò Dầu tạm ngừng cấp điện.");
    }

    @Test
    void pageWithVisibleDateOnly_givesTimeFromDatelineAndImagesWithCaptionsAndTags() throws Exception {
        ArticleExtractor.Article a = extractor.extract(fixture(PAGE_MUA_LON_VISIBLE_DATE),
                "https://baotayninh.example" + PAGE_MUA_LON_VISIBLE_DATE);

        assertThat(a.title()).isEqualTo("Mưa lớn, nhiều tuyến đường ở phường Tân Ninh ngập sâu");
        // The header's "Thứ năm, 25/1/2024" has no time and is passed over for the dateline.
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-01-25T02:49:00Z"));
        assertThat(a.author()).isEqualTo("Hoàng Nam");
        // The lead (sapo) is part of the story; the signature line became the author.
        assertThat(a.text().split("\n")).hasSize(4);
        assertThat(a.text()).startsWith("Cơn mưa kéo dài hơn hai giờ");
        assertThat(a.text()).doesNotContain("Ảnh: Hoàng Nam", "Từ khóa");
        // og:image and the lazy-loaded figure are one picture; logos, the pixel, the banner and the related story's
        // picture are not the story's.
        assertThat(a.images()).containsExactly(
                new ArticleExtractor.Image("https://i.baotayninh.example/2024/01/25/mua-lon-1.jpg?w=1200",
                        "Người dân dắt xe qua đoạn ngập trên đường Cách Mạng Tháng Tám chiều 24/1. Ảnh: Hoàng Nam"),
                new ArticleExtractor.Image("https://baotayninh.example/uploads/2024/01/25/mua-lon-2.jpg",
                        "Công nhân Công ty Công trình đô thị khơi thông miệng cống trên đường 30/4."));
        assertThat(a.tags()).containsExactly("mưa lớn", "ngập úng", "Tân Ninh");
    }

    @Test
    void pageWithoutTagLinks_takesTagsFromMetaKeywords() throws Exception {
        ArticleExtractor.Article a = fetchAndExtract(PAGE_GIA_XANG);

        assertThat(a.tags()).containsExactly("giá xăng", "xăng dầu");
        assertThat(a.images()).extracting(ArticleExtractor.Image::url).containsExactly(site.url("/uploads/2025/10/xang-dau.jpg"));
        assertThat(a.images().get(0).caption()).isEqualTo("Người dân đổ xăng tại một cửa hàng trên đường 30/4, phường Tân Ninh. Ảnh: M.T");
    }

    @Test
    void outletRule_overridesGenericTitleAuthorDateBodyAndTags() throws Exception {
        String url = "https://www.baodongnai.example" + PAGE_DONG_NAI_RULED;
        ArticleExtractor ruled = new ArticleExtractor(ExtractionRules.load(
                Path.of(getClass().getResource("/extraction-rules-test.yaml").toURI())));

        ArticleExtractor.Article a = ruled.extract(fixture(PAGE_DONG_NAI_RULED), url);
        ArticleExtractor.Article generic = extractor.extract(fixture(PAGE_DONG_NAI_RULED), url);

        assertThat(a.title()).isEqualTo("Khởi công cầu nối Đồng Nai với TP.HCM qua sông Đồng Nai");
        assertThat(a.author()).isEqualTo("Hạnh Dung");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-01-25T00:30:00Z"));
        assertThat(a.text().split("\n")).hasSize(3).noneMatch(line -> line.contains("Tin cùng chuyên mục"));
        assertThat(a.tags()).containsExactly("cầu", "giao thông");
        // The generic path passes over the site's name as author and the update time printed above the headline.
        assertThat(generic.author()).isEqualTo("Hạnh Dung");
        assertThat(generic.publishedAt()).isEqualTo(Instant.parse("2024-01-25T00:30:00Z"));
        // What only the rule fixes: the inline "same section" box inside the body.
        assertThat(generic.text()).contains("Tin cùng chuyên mục");
    }

    @Test
    void outletRuleMatchingNothing_fallsBackToGenericExtraction() {
        ArticleExtractor ruled = new ArticleExtractor(new ExtractionRules(List.of(new ExtractionRules.Rule(
                "baodongnai.example", "h1.old-title", "div.old-body", null, null, null, null))));

        ArticleExtractor.Article a = ruled.extract(fixture(PAGE_DONG_NAI_RULED), "https://baodongnai.example" + PAGE_DONG_NAI_RULED);

        assertThat(a.title()).isEqualTo("Khởi công cầu nối Đồng Nai với TP.HCM qua sông Đồng Nai");
        assertThat(a.text()).contains("tổng mức đầu tư hơn 2.000 tỷ đồng");
    }

    private static String fixture(String path) {
        try (var in = ArticleExtractorTest.class.getResourceAsStream("/fixtures" + path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
