package vn.iocstream.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.iocstream.alerts.AlertState;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.clickhouse.Tables;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.Locality;
import vn.iocstream.core.testing.ClickHouseTestServer;
import vn.iocstream.nlp.search.PostSearchIndex;
import vn.iocstream.nlp.search.SearchablePost;

/** The control room lists delivered alerts, and each alert page shows the posts behind it from ClickHouse. */
class ControlRoomTest {
    private static final Instant BURST = Instant.parse("2026-11-20T02:02:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ControlRoom room;
    private static PostSearchIndex search;

    @BeforeAll
    static void start() throws Exception {
        ClickHouseClient clickHouse = ClickHouseTestServer.freshDatabase("control_room");
        clickHouse.insert(Tables.POSTS, List.of(
                post("00000000000000a1", "Tai nạn giao thông nghiêm trọng trên QL14 đoạn qua Đồng Xoài", BURST),
                post("00000000000000a2", "QL14 ùn tắc nhiều km sau vụ <tai nạn>", BURST.plusSeconds(20)),
                post("00000000000000b9", "Giá xăng giảm nhẹ", BURST.plusSeconds(30)),
                new EnrichedPost("00000000000000c3", "https://baobinhphuoc.com.vn/00000000000000a1#comment-7", "comment",
                        "Báo Bình Phước", "", "tai nan giao thong kinh khung qua, ko bt ai chiu trach nhiem", "Minh Tuấn",
                        BURST.plusSeconds(50), BURST.plusSeconds(55), "", List.of(), List.of(), 10, "negative", -0.6,
                        List.of("tai-nan-giao-thong"), 2L, "00000000000000c3")));
        search = new PostSearchIndex();
        search.add(new SearchablePost("00000000000000a1", "Tai nạn giao thông nghiêm trọng trên QL14 đoạn qua Đồng Xoài",
                "Xe tải mất lái tông nhiều xe máy.", "Báo Bình Phước", "press", "Đồng Nai", BURST, "negative",
                List.of("tai-nan-giao-thong"), "https://baobinhphuoc.com.vn/00000000000000a1"));
        search.add(new SearchablePost("00000000000000b9", "Giá xăng giảm nhẹ", "Giá xăng RON 95 giảm 500 đồng.",
                "Báo Tây Ninh", "press", "Tây Ninh", BURST, "positive", List.of(), "https://baotayninh.vn/b9"));
        search.refresh();
        room = ControlRoom.start(0, clickHouse, () -> Map.of("crawled", 3), search);
    }

    @AfterAll
    static void stop() {
        room.close();
        search.close();
    }

    @Test
    void deliveredAlert_isListed_andItsPageShowsItsPostsOnly() throws Exception {
        AlertView alert = new AlertView("0123456789abcdef", "media.volume_jump", "watchlist-volume-jump", "critical",
                AlertState.OPEN, "Tăng đột biến bài viết: Tai nạn giao thông", "", Locality.province("Đồng Nai"), Map.of(),
                "watchlist-volume-jump|tai-nan-giao-thong", "tai-nan-giao-thong", 6, 0.1, 1, BURST.plusSeconds(30),
                BURST.plusSeconds(30), BURST.minusSeconds(30), BURST.plusSeconds(30), BURST.plusSeconds(30), "", "", null, "",
                null, "", 0, AlertDrivers.NONE, List.of("00000000000000a1", "00000000000000a2", "00000000000000c3"), 1);
        room.show(alert);
        room.show(alert); // a second change does not list it twice

        assertThat(get("api/alerts")).contains("Tăng đột biến bài viết: Tai nạn giao thông").containsOnlyOnce("0123456789abcdef");
        String page = get("alerts/0123456789abcdef");
        assertThat(page).contains("Tai nạn giao thông nghiêm trọng trên QL14 đoạn qua Đồng Xoài",
                "QL14 ùn tắc nhiều km sau vụ &lt;tai nạn&gt;", "https://baobinhphuoc.com.vn/00000000000000a1",
                "09:02:00", // shown in Vietnam time
                "tai nan giao thong kinh khung qua", "bình luận") // a comment shows its text
                .doesNotContain("Giá xăng");
    }

    @Test
    void searchTypedWithoutDiacritics_findsAndHighlightsTheAccentedPost_withFilters() throws Exception {
        String json = get("api/search?q=" + java.net.URLEncoder.encode("\"tai nan\"", java.nio.charset.StandardCharsets.UTF_8)
                + "&province=" + java.net.URLEncoder.encode("Bình Phước", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(json).contains("\"total\":1", "<mark>Tai nạn</mark>", "https://baobinhphuoc.com.vn/00000000000000a1")
                .doesNotContain("Giá xăng");
        assertThat(get("api/search?q=xang")).contains("\"total\":1", "Giá xăng");
    }

    @Test
    void malformedSearch_is400WithThePosition() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(room.url() + "api/search?q=%28tai+nan")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("position");
    }

    @Test
    void unknownAlert_is404InVietnamese() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(room.url() + "alerts/ffff")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Không tìm thấy cảnh báo");
    }

    @Test
    void pageAndStatus_areServed() throws Exception {
        assertThat(get("")).contains("Phòng điều hành");
        assertThat(get("api/status")).contains("\"crawled\":3");
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(room.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static EnrichedPost post(String id, String title, Instant at) {
        return new EnrichedPost(id, "https://baobinhphuoc.com.vn/" + id, "press", "Báo Bình Phước", title, title, "",
                at, at, "Đồng Nai", List.of("Đồng Xoài"), List.of(), 10, "negative", -0.7, List.of("tai-nan-giao-thong"), 1L, id);
    }
}
