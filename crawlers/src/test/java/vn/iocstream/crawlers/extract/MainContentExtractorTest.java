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
        String text = extract("<div class=\"content\"><p>Cập nhật 09:49, 12/3/2024</p><div class=\"bread-crumb__time\">Thứ Ba,"
                + " 12/03/2024 - 09:49</div><p>08:01 | 12/03/2024</p>" + P1 + "<p>Quảng cáo</p>" + P2
                + P3 + "<p>Đăng ký nhận bản tin mỗi sáng qua email.</p><p>Xem thêm</p></div>");

        assertThat(text.lines()).hasSize(3);
        assertThat(text).doesNotContain("Cập nhật", "Thứ Ba", "08:01", "Quảng cáo", "Đăng ký", "Xem thêm");
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

    @Test
    void keywordLinkInsideASentence_keepsItsWords_evenWithABoilerplateClass() {
        String text = extract("<div class=\"detail-content\">" + P1
                + "<p>Sáng 27/7, lãnh đạo tỉnh dâng hương tưởng niệm <a class=\"related-tag\" href=\"/chu-de/liet-si.htm\">anh hùng"
                + " liệt sĩ</a> tại Nghĩa trang liệt sĩ tỉnh, <span class=\"meta-keyword\">tri ân</span> các gia đình chính sách.</p>"
                + P2 + P3 + "</div>");

        assertThat(text).contains("dâng hương tưởng niệm anh hùng liệt sĩ tại Nghĩa trang liệt sĩ tỉnh, tri ân các gia đình");
    }

    @Test
    void subHeadingsAndShortParagraphsBetweenScoredBlocks_areKept() {
        // The story is split into "story-text" blocks; the heading and the short line between them score nothing.
        String text = extract("<div class=\"wrap\"><div class=\"story-text\">" + P1 + P2 + P3 + "</div>"
                + "<h3>Ưu tiên hộ neo đơn</h3><p>Ảnh hưởng đến 3.000 hộ dân</p>"
                + "<div class=\"story-text\">" + P1.replace("Sáng 12/3", "Chiều 12/3") + "</div></div>");

        assertThat(text.lines()).hasSize(6).containsSubsequence("Ưu tiên hộ neo đơn", "Ảnh hưởng đến 3.000 hộ dân")
                .last().asString().startsWith("Chiều 12/3");
    }

    @Test
    void linesOfOnlyZeroWidthCharacters_areDropped_andSentencesAboutRegistering_areKept() {
        String text = extract("<div class=\"content\">" + P1 + "<p>\ufeff</p><p>\u200b\ufeff </p>" + P2
                + "<p>Người dân đăng ký tiêm vắc xin tại trạm y tế xã.</p><p>Cập nhật thông tin về dịch bệnh hằng ngày.</p>" + P3 + "</div>");

        assertThat(text.lines()).hasSize(5).noneMatch(String::isBlank)
                .contains("Người dân đăng ký tiêm vắc xin tại trạm y tế xã.", "Cập nhật thông tin về dịch bệnh hằng ngày.");
    }

    @Test
    void vietnameseLeadOutsideTheScoredContainer_isTheFirstParagraph_butAnEnglishDekIsNot() {
        String vi = extractPage("<html lang=\"vi\"><body><h1>Tây Ninh triển khai kế hoạch phòng, chống hạn mặn</h1>"
                + "<div class=\"meta\">Thứ Ba, 12/3/2024 - 09:49</div>"
                + "<h2 class=\"detail-sapo\">UBND tỉnh yêu cầu bảo đảm nước sinh hoạt cho người dân các xã biên giới trong mùa khô.</h2>"
                + "<div class=\"detail-content\">" + P1 + P2 + P3 + "</div></body></html>");
        String en = extractPage("<html lang=\"en\"><body><h1>Drought plan for the border communes</h1>"
                + "<h2 class=\"subtitle\">The province orders drinking water for residents of the border communes in the dry season.</h2>"
                + "<div class=\"article-body\"><p>" + "The provincial committee met on Tuesday, and the plan was adopted. ".repeat(3)
                + "</p><p>" + "Wells, tanks and pumps will be checked, and the poorest households come first. ".repeat(3) + "</p></div></body></html>");

        assertThat(vi.lines().findFirst()).contains("UBND tỉnh yêu cầu bảo đảm nước sinh hoạt cho người dân các xã biên giới trong mùa khô.");
        assertThat(vi.lines()).hasSize(4);
        assertThat(en).doesNotContain("drinking water");
    }

    private String extractPage(String html) {
        return extractor.text(Jsoup.parse(html));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", ",", ",,,", "a", "a,b", "a,b,", "a,,b,,", ",a", "Hà Nội，Huế、Đà Nẵng, Tây Ninh",
            "Theo Sở Y tế, số ca sốt xuất huyết tăng, nhất là ở Trảng Bàng, Gò Dầu,,"})
    void commaSeparatedParts_equalsRegexSplitCount(String text) {
        assertThat(MainContentExtractor.commaSeparatedParts(text)).isEqualTo(text.split("[,，、]").length);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "  ", "\u00a0Giá xăng\t\tgiảm\u00a0\u00a0 mạnh \n", "\u0001 Tây Ninh \u000b",
            "a\r\nb", "không đổi", "\ufeff", " \ufeff\u200b ", "Gò\u200b Dầu\ufeff"})
    void collapseWhitespace_equalsRegexReplaceAndTrim(String line) {
        assertThat(MainContentExtractor.collapseWhitespace(line))
                .isEqualTo(line.replaceAll("[\\ufeff\\u200b]", "").replaceAll("[\\s\\u00a0]+", " ").trim());
    }
}
