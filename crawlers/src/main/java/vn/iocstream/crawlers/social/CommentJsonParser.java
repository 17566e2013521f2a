package vn.iocstream.crawlers.social;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.RawPost;

/**
 * Reader comments from an outlet's comment API (JSON), laid out as a {@link CommentJsonMapping} says.
 *
 * <p>Usage: {@code new CommentJsonParser(CommentJsonMapping.VNEXPRESS).parse(body)}, then
 * {@code comment.toRawPost(articleUrl, source, locality, now)} for each.
 *
 * <p>Replies are flattened into the list after their parent, each with its parent's id. Text may be plain or HTML
 * ({@code <br>}, entities) and comes out as plain lines. A comment without an id or text is skipped: without its own id
 * it could not keep one post id across re-crawls (positions shift as comments are added or re-sorted by likes).
 */
public final class CommentJsonParser {
    private final CommentJsonMapping mapping;

    /**
     * @param parentId the id of the comment it answers, or null for a top-level comment
     * @param postedAt null when the API gave no readable time (dead-lettered downstream, never guessed)
     */
    public record JsonComment(String id, String parentId, String author, Instant postedAt, String text) {
        public RawPost toRawPost(String articleUrl, String source, String locality, Instant fetchedAt) {
            return CommentPosts.of(articleUrl, id, author, postedAt, text, source, locality, fetchedAt);
        }
    }

    public CommentJsonParser(CommentJsonMapping mapping) {
        this.mapping = mapping;
    }

    /**
     * @throws IllegalArgumentException when the body is not JSON, or has no {@code items} path at all (a wrong mapping
     *                                  or an error page); an explicit null or empty list is simply no comments
     */
    public List<JsonComment> parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("comment response is not JSON: " + e.getOriginalMessage());
        }
        JsonNode items = root == null ? null : root.at(pointer(mapping.items()));
        if (items == null || items.isMissingNode()) {
            throw new IllegalArgumentException("comment response has no '" + mapping.items() + "'");
        }
        if (!items.isNull() && !items.isArray()) {
            throw new IllegalArgumentException("comment response: '" + mapping.items() + "' is not a list");
        }
        List<JsonComment> out = new ArrayList<>();
        addAll(items, null, out);
        return out;
    }

    private void addAll(JsonNode list, String enclosingId, List<JsonComment> out) {
        if (list == null || !list.isArray()) return;
        for (JsonNode item : list) {
            String id = value(item, mapping.id());
            String text = SocialText.fromHtml(value(item, mapping.text()));
            if (id == null || text.isEmpty()) continue;
            String parent = mapping.parent() == null ? null : value(item, mapping.parent());
            // VnExpress marks a top-level comment by naming itself as parent; some APIs use 0.
            if (parent == null || parent.equals(id) || parent.equals("0")) parent = enclosingId;
            out.add(new JsonComment(id, parent, value(item, mapping.author()), SocialText.time(value(item, mapping.time())), text));
            if (mapping.replies() != null) addAll(item.at(pointer(mapping.replies())), id, out);
        }
    }

    /** The scalar at a dotted path as text, or null when absent, null, blank or not a scalar. */
    private static String value(JsonNode item, String path) {
        if (path == null) return null;
        JsonNode v = item.at(pointer(path));
        if (!v.isValueNode() || v.isNull()) return null;
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static JsonPointer pointer(String dotted) {
        if (dotted.isEmpty()) return JsonPointer.empty();
        return JsonPointer.compile("/" + dotted.replace("~", "~0").replace("/", "~1").replace('.', '/'));
    }
}
