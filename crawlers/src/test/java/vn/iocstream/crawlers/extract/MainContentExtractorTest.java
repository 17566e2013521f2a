package vn.iocstream.crawlers.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MainContentExtractorTest {
    private static final String P1 = "<p>Sáng 12/3, UBND tỉnh Tây Ninh tổ chức hội nghị triển khai kế hoạch phòng, chống hạn mặn, "
            + "bảo đảm nước sinh hoạt cho người dân các huyện biên giới trong mùa khô năm nay.</p>";
    private static final String P2 = "<p>Theo Sở Nông nghiệp và Phát triển nông thôn, mực nước hồ Dầu Tiếng đang thấp hơn cùng kỳ, "
            + "nhiều diện tích lúa vụ đông xuân có nguy cơ thiếu nước tưới, ngành chức năng đã lên phương án điều tiết.</p>";
    private static final String P3 = "<p>Chủ tịch UBND tỉnh yêu cầu các địa phương rà soát giếng khoan, bồn chứa nước, "
            + "ưu tiên hỗ trợ hộ nghèo, hộ neo đơn và báo cáo tình hình hằng tuần về Văn phòng UBND tỉnh.</p>";

    private final MainContentExtractor extractor = new MainContentExtractor();

    private String extract(String body) {
        return extractor.text(Jsoup.parse("<html><body>" + body + "</body></html>"));
    }

    @Test
    void photoGalleryAndCredits_areLeftOut() {
        String text = extract("<div class=\"article-body\">"
                + "<div class=\"photo-gallery\"><div class=\"caption\">Hồ Dầu Tiếng mùa khô. Xem ảnh</div></div>"
                + P1 + "<p>Ảnh: Hoàng Phương</p>" + P2 + P3 + "</div>");

        assertThat(text).contains("UBND tỉnh Tây Ninh", "hồ Dầu Tiếng đang thấp", "báo cáo tình hình")
                .doesNotContain("Xem ảnh", "Hoàng Phương");
    }

    @Test
    void widgetLabelsPromptsAndDatelines_areDroppedAsLines() {
        String text = extract("<div class=\"content\"><p>Cập nhật 09:49, 12/3/2024</p>" + P1 + "<p>Quảng cáo</p>" + P2
                + P3 + "<p>Đăng ký nhận bản tin mỗi sáng qua email.</p><p>Xem thêm</p></div>");

        assertThat(text.lines()).hasSize(3);
        assertThat(text).doesNotContain("Cập nhật", "Quảng cáo", "Đăng ký", "Xem thêm");
    }

    @Test
    void articleNestedInTheStory_isATeaserAndIsLeftOut() {
        String text = extract("<article class=\"post\">" + P1 + P2 + P3
                + "<h3>Bài liên quan</h3><article class=\"post\"><p>Đồng Nai: nông dân chủ động trữ nước ngọt, "
                + "chuyển đổi cây trồng để ứng phó xâm nhập mặn kéo dài.</p></article></article>");

        assertThat(text).contains("UBND tỉnh Tây Ninh").doesNotContain("Đồng Nai");
    }

    @Test
    void postEmbeddedInASocialBox_isKeptAsPartOfTheStory() {
        String text = extract("<div class=\"article-content\">" + P1 + P2
                + "<div class=\"social-embed\"><blockquote class=\"twitter-tweet\"><p>Nước sạch về tới xã biên giới "
                + "Hòa Hiệp <a href=\"https://t.co/x1\">https://t.co/x1</a></p>— Báo Tây Ninh (@baotayninh) "
                + "<a href=\"https://twitter.com/baotayninh/status/1\">12 tháng 3, 2024</a></blockquote></div>" + P3 + "</div>");

        assertThat(text).contains("Nước sạch về tới xã biên giới Hòa Hiệp", "(@baotayninh)");
    }

    @Test
    void storySplitByAFullWidthAd_isKeptWhole() {
        String text = extract("<div class=\"grid\"><div class=\"story-body\">" + P1 + P2 + "</div>"
                + "<div class=\"rail\">Đọc nhiều</div></div><div class=\"ad-row\">Quảng cáo</div>"
                + "<div class=\"grid\"><div class=\"story-body\">" + P3 + "</div></div>");

        assertThat(text).contains("UBND tỉnh Tây Ninh", "hồ Dầu Tiếng", "báo cáo tình hình hằng tuần");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", ",", ",,,", "a", "a,b", "a,b,", "a,,b,,", ",a", "Hà Nội，Huế、Đà Nẵng, Tây Ninh",
            "Theo Sở Y tế, số ca sốt xuất huyết tăng, nhất là ở Trảng Bàng, Gò Dầu,,"})
    void commaSeparatedParts_equalsRegexSplitCount(String text) {
        assertThat(MainContentExtractor.commaSeparatedParts(text)).isEqualTo(text.split("[,，、]").length);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "  ", "\u00a0Giá xăng\t\tgiảm\u00a0\u00a0 mạnh \n", "\u0001 Tây Ninh \u000b",
            "a\r\nb", "không đổi"})
    void collapseWhitespace_equalsRegexReplaceAndTrim(String line) {
        assertThat(MainContentExtractor.collapseWhitespace(line)).isEqualTo(line.replaceAll("[\\s\\u00a0]+", " ").trim());
    }
}
