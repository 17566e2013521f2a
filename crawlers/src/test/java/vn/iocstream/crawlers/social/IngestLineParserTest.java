package vn.iocstream.crawlers.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.Ids;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.crawlers.social.IngestLineParser.LineError;
import vn.iocstream.crawlers.social.IngestLineParser.Result;

/** JSON lines from platform connectors: strict, every problem named by line and field. */
class IngestLineParserTest {
    static final Instant NOW = Instant.parse("2025-10-14T02:00:00Z");
    static final String NS = "a1b2c3d4";
    private final IngestLineParser parser = new IngestLineParser(RecordLimits.DEFAULT);

    @Test
    void validLines_becomeRawPosts_withNativeOrUrlIds() {
        String body = """
                {"id":"1029384756_5566778899","url":"https://www.facebook.com/CongAnDongNai/posts/5566778899","kind":"social","source":"Facebook: Công an tỉnh Đồng Nai","locality":"Đồng Nai","text":"Cảnh báo ngập sâu trên QL1A đoạn qua phường Tam Hiệp, người dân hạn chế lưu thông.","author":"Công an tỉnh Đồng Nai","publishedAt":"2025-10-14T07:10:00+07:00"}

                {"url":"https://www.youtube.com/watch?v=a1B2c3D4e5F","kind":"comment","source":"YouTube: THDT Đồng Nai","text":"kẹt xe từ sáng tới h, ko ai phân luồng hết","publishedAt":"2025-10-14T00:45:10Z","title":null}
                """;

        Result r = parser.parse(body, NOW, NS);

        assertThat(r.errors()).isEmpty();
        assertThat(r.lines()).isEqualTo(2);
        RawPost fb = r.posts().get(0);
        assertThat(fb.id()).isEqualTo(Ids.of("ingest", NS, "Facebook: Công an tỉnh Đồng Nai", "1029384756_5566778899"));
        assertThat(fb.publishedAt()).isEqualTo(Instant.parse("2025-10-14T00:10:00Z"));
        assertThat(fb.fetchedAt()).isEqualTo(NOW);
        assertThat(fb.kind()).isEqualTo("social");
        RawPost yt = r.posts().get(1);
        assertThat(yt.id()).isEqualTo(Ids.of("ingest", NS, "https://www.youtube.com/watch?v=a1B2c3D4e5F"));
        assertThat(yt.title()).isNull();
        assertThat(r.posts()).extracting(RawPost::missingField).containsOnlyNulls();
    }

    @Test
    void postWithNativeIdOnly_getsAnAddressThatNamesItsSource() {
        Result r = parser.parse("{\"id\":\"zl-8812\",\"kind\":\"social\",\"source\":\"Zalo OA Tây Ninh\",\"text\":\"Đường 781 ngập\","
                + "\"publishedAt\":\"2025-10-14T08:00:00+07:00\"}", NOW, NS);

        assertThat(r.posts()).singleElement().extracting(RawPost::url).isEqualTo("urn:ioc-ingest:Zalo+OA+T%C3%A2y+Ninh:zl-8812");
    }

    @Test
    void invalidLines_areNamedByLineAndField_andNoPostIsReturned() {
        String body = """
                {"id":"tt-1","kind":"social","source":"TikTok","text":"ngập quá trời","publishedAt":"2025-10-14T07:00:00+07:00"}
                {"id":"tt-2","kind":"tiktok","source":"TikTok","text":"kẹt xe","publishedAt":"2025-10-14 07:00"}
                {"kind":"social","source":"TikTok","text":"  ","published_at":"2025-10-14T07:00:00+07:00"}
                [1,2]
                {"id":7,"kind":"social","source":"TikTok","text":"x","publishedAt":"2099-01-01T00:00:00Z","url":"ftp://x"}
                {"id":"tt-3",
                """;

        Result r = parser.parse(body, NOW, NS);

        assertThat(r.valid()).isFalse();
        assertThat(r.posts()).isEmpty();
        assertThat(r.lines()).isEqualTo(6);
        assertThat(r.errors()).extracting(LineError::line, LineError::field).containsExactly(
                tuple(2, "kind"), tuple(2, "publishedAt"),
                tuple(3, "published_at"), tuple(3, "text"), tuple(3, "publishedAt"), tuple(3, "id"),
                tuple(4, null),
                tuple(5, "id"), tuple(5, "url"), tuple(5, "publishedAt"),
                tuple(6, null));
        assertThat(r.errors().get(0).error()).contains("social, forum, comment, press");
        assertThat(r.errors().get(1).error()).contains("ISO-8601 with an offset");
        assertThat(r.errors().get(2).error()).startsWith("unknown field");
        assertThat(r.errors().get(7).error()).isEqualTo("must be a string");
        assertThat(r.errors().get(9).error()).contains("in the future");
        assertThat(r.errors().get(10).error()).startsWith("not JSON");
    }

    /** Issue 10's probe: one token posting the URL of a crawled article must not overwrite that article's row. */
    @Test
    void ingestedUrl_neverTakesACrawledArticlesId_norAnotherCallersId() {
        String line = "{\"url\":\"https://baodongnai.com.vn/xa-hoi/ngap-sau-tam-hiep-a123.html?utm_source=zalo\",\"kind\":\"social\","
                + "\"source\":\"Zalo OA\",\"text\":\"Ngập sâu ở Tam Hiệp\",\"publishedAt\":\"2025-10-14T08:00:00+07:00\"}";
        RawPost mine = parser.parse(line, NOW, NS).posts().get(0);
        RawPost theirs = parser.parse(line, NOW, "ffee0011").posts().get(0);
        assertThat(mine.id()).isNotEqualTo(Ids.forUrl("https://baodongnai.com.vn/xa-hoi/ngap-sau-tam-hiep-a123.html"))
                .isNotEqualTo(theirs.id())
                .isEqualTo(parser.parse(line.replace("?utm_source=zalo", ""), NOW, NS).posts().get(0).id());
    }

    @Test
    void trailingDataDuplicateKeysAndYearOne_areRefused() {
        String ok = "{\"id\":\"tt-9\",\"kind\":\"social\",\"source\":\"TikTok\",\"text\":\"kẹt xe\",\"publishedAt\":\"2025-10-14T07:00:00+07:00\"}";
        String body = ok + " rác\n"
                + ok.replace("{\"id\":\"tt-9\",", "{\"id\":\"tt-9\",\"id\":\"tt-10\",") + "\n"
                + ok.replace("2025-10-14T07:00:00+07:00", "0001-01-01T00:00:00Z") + "\n"
                + ok.replace("kẹt xe", "x".repeat(200_001)) + "\n";
        Result r = parser.parse(body, NOW, NS);
        assertThat(r.errors()).extracting(LineError::line, LineError::field)
                .containsExactly(tuple(1, null), tuple(2, null), tuple(3, "publishedAt"), tuple(4, "text"));
        assertThat(r.errors().get(2).error()).contains("validation.minTime");
    }
}
