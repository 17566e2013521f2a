package vn.iocstream.jobs.detectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.core.model.RawPost;

/**
 * What an alert's drivers need to know about one post, kept with the detectors' evidence samples: a few short
 * strings, bounded, so the keyed state stays small. A Flink POJO (public fields, no-arg constructor).
 */
public class PostFacets {
    private static final int MAX_EACH = 3;
    private static final int MAX_TITLE = 200;
    private static final Set<String> NAMED = Set.of("PERSON", "ORGANIZATION");

    public String postId;
    public long timeMs;
    public String title;
    public String url;
    public String outlet;
    /** Current province of the post ("" when unknown). */
    public String province;
    /** People and organisations named, as written. */
    public List<String> entities = new ArrayList<>();
    /** Key phrases of the headline, as written (empty when the producer has no segmenter at hand). */
    public List<String> phrases = new ArrayList<>();
    public boolean social;

    public PostFacets() {}

    /** The facets of a post; {@code phrases} as {@link vn.iocstream.jobs.detectors.trend.TrendKeys#phrases} gives them. */
    public static PostFacets of(EnrichedPost post, List<String[]> phrases) {
        PostFacets f = new PostFacets();
        f.postId = post.id();
        f.timeMs = post.publishedAt().toEpochMilli();
        String headline = post.title() == null || post.title().isBlank() ? post.text() : post.title();
        f.title = cut(headline == null ? "" : headline.strip(), MAX_TITLE);
        f.url = post.url() == null ? "" : cut(post.url(), 500);
        f.outlet = post.source() == null ? "" : cut(post.source(), 100);
        f.province = post.province() == null ? "" : post.province();
        for (EntityMention e : post.entities()) {
            if (f.entities.size() < MAX_EACH && NAMED.contains(e.type()) && !f.entities.contains(e.text())) f.entities.add(cut(e.text(), 100));
        }
        for (String[] p : phrases) if (f.phrases.size() < MAX_EACH) f.phrases.add(cut(p[1], 100));
        f.social = RawPost.socialText(post.kind());
        return f;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
