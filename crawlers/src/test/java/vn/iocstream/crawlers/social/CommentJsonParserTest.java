package vn.iocstream.crawlers.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.Ids;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.crawlers.social.CommentJsonParser.JsonComment;

/** Reader comments of a VnExpress-style comment API, and a custom mapping for another layout. */
class CommentJsonParserTest {
    static final String ARTICLE = "https://vnexpress.net/ql1a-qua-bien-hoa-ngap-sau-sau-mua-lon-4951234.html";

    private static List<JsonComment> vnexpress() throws IOException {
        return new CommentJsonParser(CommentJsonMapping.named("vnexpress"))
                .parse(ForumThreadParserTest.fixture("binh-luan/vnexpress-4951234.json"));
    }

    @Test
    void vnexpressResponse_givesCommentsWithRepliesAfterTheirParent_andSkipsBlankOnes() throws IOException {
        List<JsonComment> comments = vnexpress();

        assertThat(comments).extracting(JsonComment::id)
                .containsExactly("53012345", "53012401", "53012466", "53012388", "53012499"); // 53012420 is blank
        assertThat(comments).extracting(JsonComment::parentId).containsExactly(null, "53012345", "53012345", null, null);
        assertThat(comments.get(0).author()).isEqualTo("Nguyễn Minh Tuấn");
        assertThat(comments.get(0).postedAt()).isEqualTo(Instant.ofEpochSecond(1760403900));
    }

    @Test
    void htmlInContent_becomesPlainLines() throws IOException {
        List<JsonComment> comments = vnexpress();

        assertThat(comments.get(1).text()).isEqualTo("Chuẩn bác, sáng nay e mất 1 tiếng từ Tam Hiệp ra ngã tư Vũng Tàu.\n"
                + "Xe máy chết máy dắt bộ cả đoàn.");
        assertThat(comments.get(3).text()).contains("người dân \"bơi\" mỗi lần mưa lớn");
    }

    @Test
    void comments_becomeCommentPostsKeyedToTheArticle() throws IOException {
        Instant fetched = Instant.parse("2025-10-14T02:00:00Z");
        List<RawPost> posts = vnexpress().stream().map(c -> c.toRawPost(ARTICLE + "?utm_source=zalo", "VnExpress", "Đồng Nai", fetched)).toList();

        RawPost first = posts.get(0);
        assertThat(first.id()).isEqualTo(Ids.of(ARTICLE, "comment", "53012345")).isNotEqualTo(Ids.forUrl(ARTICLE));
        assertThat(first.url()).isEqualTo(ARTICLE + "#comment-53012345");
        assertThat(first.kind()).isEqualTo("comment");
        assertThat(first.title()).isNull();
        assertThat(posts).extracting(RawPost::missingField).containsOnlyNulls();
        assertThat(posts).extracting(RawPost::id).doesNotHaveDuplicates();
    }

    @Test
    void customMapping_readsAListAtTheRoot_withNestedAuthorAndIsoTimes() {
        String body = """
                [{"id":"c-91","user":{"name":"Thu Trang"},"body":"Kẹt xe từ cầu Đồng Nai tới Tam Hiệp luôn","created":"2025-10-14T07:31:00+07:00"},
                 {"id":"c-92","user":{"name":"Quang"},"body":"đi làm trễ 45p","created":"2025-10-14 07:40:00","reply_to":"c-91"}]""";
        CommentJsonMapping mapping = new CommentJsonMapping("", "id", "user.name", "body", "created", "reply_to", null);

        List<JsonComment> comments = new CommentJsonParser(mapping).parse(body);

        assertThat(comments).containsExactly(
                new JsonComment("c-91", null, "Thu Trang", Instant.parse("2025-10-14T00:31:00Z"), "Kẹt xe từ cầu Đồng Nai tới Tam Hiệp luôn"),
                // no offset: Vietnamese local time
                new JsonComment("c-92", "c-91", "Quang", Instant.parse("2025-10-14T00:40:00Z"), "đi làm trễ 45p"));
    }

    @Test
    void emptyOrNullList_isNoComments_butAMissingPathOrNonJsonIsAnError() {
        CommentJsonParser parser = new CommentJsonParser(CommentJsonMapping.VNEXPRESS);

        assertThat(parser.parse("{\"error\":0,\"data\":{\"total\":0,\"items\":[]}}")).isEmpty();
        assertThat(parser.parse("{\"error\":0,\"data\":{\"items\":null}}")).isEmpty();
        assertThatThrownBy(() -> parser.parse("{\"error\":1,\"errorDescription\":\"Object not found\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'data.items'");
        assertThatThrownBy(() -> parser.parse("<html>502 Bad Gateway</html>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> CommentJsonMapping.named("tuoitre")).hasMessageContaining("known: vnexpress");
    }
}
