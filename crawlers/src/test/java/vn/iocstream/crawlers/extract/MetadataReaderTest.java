package vn.iocstream.crawlers.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.validation.RecordLimits;

class MetadataReaderTest {
    private static final Instant NOW = Instant.parse("2026-03-09T00:00:00Z");
    private static final String URL = "https://baotayninh.example/bai-viet/mua-lon-a190500.html";
    private static final String TITLE = "<h1>Mưa lớn, nhiều tuyến đường ở phường Tân Ninh ngập sâu</h1>";
    private static final String BODY = "<div class=\"detail-content\"><p>Cơn mưa kéo dài hơn hai giờ chiều 6/3 khiến nhiều tuyến"
            + " đường trung tâm ngập sâu, giao thông ùn tắc.</p></div>";
    /** A box of other stories below the article, each with its own time. */
    private static final String RELATED = "<div class=\"box-items\"><div class=\"item\"><a href=\"/bai-viet/trieu-cuong-a190400.html\">"
            + "Triều cường vượt báo động 3, nhiều khu dân cư ven sông ngập sâu</a><span class=\"time\">06/03/2026 21:10</span></div></div>";

    private static ArticleMetadata read(String head, String body) {
        Document doc = Jsoup.parse("<html lang=\"vi\"><head>" + head + "</head><body>" + body + "</body></html>", URL);
        return new MetadataReader(doc, PageIndex.of(doc), null, RecordLimits.DEFAULT, NOW).read(List.of());
    }

    private static String jsonLd(String fields) {
        return "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"," + fields + "}</script>";
    }

    @Test
    void pageWithoutATimeOfItsOwn_hasNone_evenWithRelatedStoriesTimed() {
        ArticleMetadata m = read("", TITLE + BODY + RELATED);

        assertThat(m.publishedAt()).isNull();
        assertThat(m.sources()).contains("time=none");
    }

    @Test
    void relatedStoryListedAboveTheHeadline_isNotTheStorysTime() {
        ArticleMetadata m = read("", RELATED + TITLE + "<div class=\"meta\"><span class=\"post-time\">08:01 | 07/03/2026</span></div>" + BODY);

        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2026-03-07T01:01:00Z"));
    }

    @Test
    void implausibleStructuredTime_isPassedOverForTheNextSource_andNoted() {
        ArticleMetadata m = read(jsonLd("\"datePublished\":\"0001-01-01T00:00:00Z\"")
                + "<meta property=\"article:published_time\" content=\"2026-03-07T08:01:00+0700\">", TITLE + BODY);

        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2026-03-07T01:01:00Z"));
        assertThat(m.sources()).contains("time=meta", "json-ld 0001-01-01T00:00:00Z implausible");
    }

    @Test
    void onlyImplausibleTimes_giveTheMostTrusted_forTheCrawlerToFlag() {
        ArticleMetadata m = read(jsonLd("\"datePublished\":\"2099-01-01T00:00:00+07:00\""), TITLE + BODY);

        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2098-12-31T17:00:00Z"));
        assertThat(m.sources()).contains("implausible");
    }

    @Test
    void structuredTimeSevenHoursOffThePrintedOne_isLocalTimeWithAWrongOffset() {
        ArticleMetadata m = read(jsonLd("\"datePublished\":\"2026-03-07T08:01:00Z\""),
                TITLE + "<div class=\"detail-time\">07/03/2026 08:01 (GMT+7)</div>" + BODY);

        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2026-03-07T01:01:00Z"));
        assertThat(m.sources()).contains("time=visible", "off by the UTC+7 offset");
    }

    @Test
    void sourcesThatDisagree_areNamedInTheDebugField_theMostTrustedWinning() {
        ArticleMetadata m = read(jsonLd("\"datePublished\":\"2026-03-07T08:01:00+07:00\"")
                + "<meta property=\"article:published_time\" content=\"2026-03-07T09:30:00+07:00\">", TITLE + BODY);

        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2026-03-07T01:01:00Z"));
        assertThat(m.sources()).startsWith("title=h1 author=none time=json-ld").contains("time: meta said 2026-03-07T02:30:00Z");
    }

    @Test
    void theArticleObjectOfThePage_isRead_notAnItemListOfOtherStories() {
        String list = "<script type=\"application/ld+json\">{\"@type\":\"ItemList\",\"itemListElement\":[{\"@type\":\"ListItem\","
                + "\"item\":{\"@type\":\"NewsArticle\",\"datePublished\":\"2026-03-05T10:00:00+07:00\",\"author\":\"Quốc Huy\"}}]}</script>";
        String other = jsonLd("\"url\":\"https://baotayninh.example/bai-viet/khac-a1.html\",\"datePublished\":\"2026-03-01T10:00:00+07:00\"");
        String own = jsonLd("\"url\":\"" + URL + "\",\"datePublished\":\"2026-03-07T08:01:00+07:00\",\"author\":[{\"@type\":\"Person\","
                + "\"name\":\"Hà Thu\"},{\"@type\":\"Person\",\"name\":\"Minh Tâm\"}]");

        ArticleMetadata m = read(list + other + own, TITLE + BODY);

        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2026-03-07T01:01:00Z"));
        assertThat(m.authors()).containsExactly("Hà Thu", "Minh Tâm");
    }

    @Test
    void jsonLdBrokenBeyondLeniency_stillGivesItsDate() {
        ArticleMetadata m = read("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Ông \"Ba\" trúng số\","
                + "\"datePublished\":\"2026-03-07T08:01:00+0700\",\"author\":{\"@type\":\"Person\",\"name\":\"Hà Thu\"}}</script>", TITLE + BODY);

        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2026-03-07T01:01:00Z"));
        assertThat(m.authors()).containsExactly("Hà Thu");
    }

    @Test
    void metaNamingTheFirstReporter_yieldsToTheBylineNamingBoth() {
        ArticleMetadata m = read("<meta property=\"dable:author\" content=\"Hà Thu\">",
                TITLE + "<div class=\"author-info\"><a class=\"name\">Hà Thu</a> - <a class=\"name\">Minh Tâm</a></div>" + BODY);

        assertThat(m.authors()).containsExactly("Hà Thu", "Minh Tâm");
        assertThat(m.sources()).contains("author=byline", "byline extends meta");
    }

    @Test
    void outletAndAuthors_fromTheSiteNamesPassedOver() {
        ArticleMetadata m = read("<meta property=\"og:site_name\" content=\"Báo Tây Ninh Online\"><meta name=\"author\" content=\"Báo Tây Ninh\">",
                TITLE + "<p class=\"author_mail\"><strong>Hoàng Nam</strong></p>" + BODY);

        assertThat(m.outlet()).isEqualTo("Báo Tây Ninh Online");
        assertThat(m.authors()).containsExactly("Hoàng Nam");
    }

    @Test
    void relativeDateline_countsBackFromNow() {
        ArticleMetadata m = read("", TITLE + "<span class=\"article-time\">8 giờ trước</span>" + BODY);

        assertThat(m.publishedAt()).isEqualTo(Instant.parse("2026-03-08T16:00:00Z"));
    }
}
