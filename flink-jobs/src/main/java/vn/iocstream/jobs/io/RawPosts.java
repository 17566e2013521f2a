package vn.iocstream.jobs.io;

import java.io.Serializable;
import java.time.Instant;
import vn.iocstream.core.json.Json;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.validation.RecordLimits;

/**
 * {@code ioc.raw.posts} records: strict JSON posts with every required field, a known kind and every value within
 * {@link RecordLimits} (a post dated outside the plausible window is refused here, before the event-time
 * watermarks could overflow on it).
 */
public final class RawPosts implements Serializable {
    private static final long serialVersionUID = 1L;
    private final RecordLimits limits;

    public RawPosts(RecordLimits limits) {
        this.limits = limits;
    }

    public Parsed<RawPost> parse(byte[] value) {
        try {
            RawPost post = Json.parse(value, RawPost.class);
            String problem = post == null ? "empty record" : post.problem(limits, Instant.now());
            return problem == null ? Parsed.ok(post) : Parsed.refused(problem);
        } catch (Json.JsonException e) {
            return Parsed.refused(e.getMessage());
        }
    }
}
