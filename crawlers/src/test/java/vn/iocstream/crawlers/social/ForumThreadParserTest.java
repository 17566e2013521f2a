package vn.iocstream.crawlers.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.Ids;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.crawlers.social.ForumThreadParser.ForumPost;
import vn.iocstream.crawlers.social.ForumThreadParser.ForumThread;
import vn.iocstream.crawlers.social.ForumThreadParser.Quote;

/** A two-page Otofun-style (XenForo 2) thread about flooding on QL1A through Tam Hiệp, Biên Hòa. */
class ForumThreadParserTest {
    static final String THREAD = "https://www.otofun.net/threads/ngap-sau-ql1a-doan-qua-tam-hiep-bien-hoa-ket-xe-hon-3km.1812345/";
    static final Instant FETCHED = Instant.parse("2025-10-14T03:30:00Z");

    private final ForumThreadParser parser = new ForumThreadParser();

    static String fixture(String name) throws IOException {
        try (InputStream in = ForumThreadParserTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ForumThread page1() throws IOException {
        // Reached through a tracking link: the canonical link of the page decides the thread URL.
        return parser.parse(fixture("dien-dan/otofun-ngap-ql1a-tam-hiep.html"), THREAD + "?utm_source=facebook");
    }

    @Test
    void firstPage_givesTitleThreadUrlNextPageAndLivePostsOnly() throws IOException {
        ForumThread t = page1();

        assertThat(t.title()).isEqualTo("Ngập sâu QL1A đoạn qua Tam Hiệp - Biên Hòa, kẹt xe hơn 3km");
        assertThat(t.url()).isEqualTo(THREAD);
        assertThat(t.opensThread()).isTrue();
        assertThat(t.nextPageUrl()).isEqualTo(THREAD + "page-2");
        // The deleted spam post and the reply that is only a quote and a photo are not posts of their own.
        assertThat(t.posts()).extracting(ForumPost::postId).containsExactly("48100001", "48100017", "48100023", "48100031");
        assertThat(t.posts()).extracting(ForumPost::author).containsExactly("bacsi_otofun", "Lx_Dong Nai", "tuan.camry", "minhkhoa89");
    }

    @Test
    void openingPost_keepsItsLinesAndTime_withoutSignatureOrScripts() throws IOException {
        ForumPost first = page1().posts().get(0);

        assertThat(first.postedAt()).isEqualTo(Instant.parse("2025-10-13T23:52:10Z")); // 06:52 in Vietnam
        assertThat(first.url()).isEqualTo(THREAD + "post-48100001");
        assertThat(first.text()).isEqualTo("""
                Sáng nay mưa từ 4h, 6h30 em đi qua nút giao Tam Hiệp nước đã ngập quá bánh xe máy.
                Đoạn QL1A từ cầu vượt Tam Hiệp về ngã tư Vũng Tàu kẹt cứng hơn 3km, xe container đứng im, xe máy leo lên dải phân cách để quay đầu.
                Các bác đi hướng Biên Hòa - Sài Gòn nên né qua đường Đồng Khởi hoặc cao tốc, đừng cố đi QL1A lúc này.""");
        assertThat(first.text()).doesNotContain("Hotline cứu hộ", "lightbox_close", "Thích", "#1");
        assertThat(first.quotes()).isEmpty();
    }

    @Test
    void reply_countsOnlyItsOwnWords_andKeepsWhomItQuoted() throws IOException {
        ForumPost reply = page1().posts().get(2);

        assertThat(reply.text()).isEqualTo("""
                đoạn này năm nào mưa to cũng ngập, ko hiểu sao ko làm cống to hơn. Dự án chống ngập nghe nói từ 2019 mà giờ vẫn thế.
                Các bác né qua đường Đồng Khởi nhé, vừa đi qua thấy thông thoáng.""");
        assertThat(reply.quotes()).containsExactly(new Quote("Lx_Dong Nai", "48100017",
                "Sáng nay e đi làm qua đó mất gần 1 tiếng, nước lên tới nửa bánh xe 4 bánh. Xe máy chết máy la liệt"));
    }

    @Test
    void replyQuotingAQuote_keepsTheOuterQuoteWithItsOwnWords_andDropsTheLinkPreview() throws IOException {
        ForumPost reply = page1().posts().get(3);

        assertThat(reply.quotes()).extracting(Quote::author, Quote::postId).containsExactly(org.assertj.core.groups.Tuple.tuple("tuan.camry", "48100023"));
        assertThat(reply.quotes().get(0).text()).isEqualTo("đoạn này năm nào mưa to cũng ngập, ko hiểu sao ko làm cống to hơn.");
        assertThat(reply.text()).isEqualTo("""
                Báo đăng rồi các bác ơi, cống thoát nước đang thi công dở nên nước k thoát dc.
                Mong là xong trước Tết chứ mùa mưa năm sau lại khổ :))""");
    }

    @Test
    void smilie_countsAsItsText() throws IOException {
        assertThat(page1().posts().get(1).text()).startsWith("Sáng nay e đi làm qua đó mất gần 1 tiếng")
                .contains("Xe máy chết máy la liệt :((\nChỗ trước cây xăng Tam Hiệp");
    }

    @Test
    void secondPage_sharesTheThreadUrl_endsPagination_andReadsOffsetWithoutColon() throws IOException {
        ForumThread p2 = parser.parse(fixture("dien-dan/otofun-ngap-ql1a-tam-hiep-page-2.html"), THREAD + "page-2");

        assertThat(p2.url()).isEqualTo(THREAD);
        assertThat(p2.opensThread()).isFalse();
        assertThat(p2.nextPageUrl()).isNull();
        // Post 48100112 has no data-time: its datetime "2025-10-14T09:12:47+0700" is read instead.
        assertThat(p2.posts()).extracting(ForumPost::postedAt)
                .containsExactly(Instant.parse("2025-10-14T02:12:47Z"), Instant.parse("2025-10-14T02:20:05Z"));
        assertThat(p2.posts().get(0).text()).isEqualTo("h này nc rút chưa các bác? e đang ở Trảng Bom định xuống SG mà sợ kẹt giữa đường :-s");
        assertThat(p2.posts().get(1).quotes()).extracting(Quote::author).containsExactly("thanhbinh_trangbom");
        assertThat(p2.posts().get(1).text()).startsWith("Nước rút rồi bác").doesNotContain("h này nc rút");
    }

    @Test
    void rawPosts_areForumPostsWithStableIds_andOnlyTheOpeningPostCarriesTheTitle() throws IOException {
        List<RawPost> posts = page1().toRawPosts("Otofun", "Đồng Nai", FETCHED);
        List<RawPost> again = page1().toRawPosts("Otofun", "Đồng Nai", FETCHED.plusSeconds(600));
        ForumThread p2 = parser.parse(fixture("dien-dan/otofun-ngap-ql1a-tam-hiep-page-2.html"), THREAD + "page-2");

        assertThat(posts).extracting(RawPost::kind).containsOnly("forum");
        assertThat(posts).extracting(RawPost::missingField).containsOnlyNulls();
        assertThat(posts.get(0).id()).isEqualTo(Ids.of(THREAD, "post", "48100001"));
        assertThat(posts).extracting(RawPost::id).doesNotHaveDuplicates().isEqualTo(again.stream().map(RawPost::id).toList());
        assertThat(posts).extracting(RawPost::title)
                .containsExactly("Ngập sâu QL1A đoạn qua Tam Hiệp - Biên Hòa, kẹt xe hơn 3km", null, null, null);
        assertThat(p2.toRawPosts("Otofun", "Đồng Nai", FETCHED)).extracting(RawPost::title).containsOnlyNulls();
        assertThat(posts.get(2)).extracting(RawPost::source, RawPost::locality, RawPost::author, RawPost::url, RawPost::fetchedAt)
                .containsExactly("Otofun", "Đồng Nai", "tuan.camry", THREAD + "post-48100023", FETCHED);
    }

    @Test
    void pageWithoutXenForoMessages_givesNoPosts() {
        ForumThread t = parser.parse("<html><head><title>Bảo trì</title></head><body><p>Diễn đàn đang bảo trì, vui lòng quay lại sau.</p></body></html>",
                THREAD);

        assertThat(t.posts()).isEmpty();
        assertThat(t.nextPageUrl()).isNull();
        assertThat(t.title()).isEqualTo("Bảo trì");
    }
}
