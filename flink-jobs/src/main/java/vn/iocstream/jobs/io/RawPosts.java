package vn.iocstream.jobs.io;

import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.RawPost;

/** {@code ioc.raw.posts} records: JSON posts with every required field. */
public final class RawPosts {
    private RawPosts() {}

    public static Parsed<RawPost> parse(byte[] value) {
        try {
            RawPost post = Json.parse(value, RawPost.class);
            String missing = post == null ? "record" : post.missingField();
            return missing == null ? Parsed.ok(post) : Parsed.refused("missing field: " + missing);
        } catch (Json.JsonException e) {
            return Parsed.refused(e.getMessage());
        }
    }
}
