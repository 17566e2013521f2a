package vn.iocstream.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A post as a crawler saw it, on {@code ioc.raw.posts}.
 *
 * @param id          deterministic: hash of the canonical URL ({@link vn.iocstream.core.Ids#forUrl})
 * @param kind        one of {@link #KINDS}; all but {@code press} are social text and get teencode expansion
 * @param source      outlet or site name, e.g. "Báo Tây Ninh"
 * @param locality    locality the source covers, as configured (may be a pre-2025 province name), or null
 * @param publishedAt event time: when the outlet says it published
 * @param fetchedAt   when the crawler fetched it
 */
public record RawPost(String id, String url, String kind, String source, String locality,
                      String title, String text, String author, Instant publishedAt, Instant fetchedAt) {
    /** The kinds of post: press articles, social posts, reader comments and forum posts. */
    public static final List<String> KINDS = List.of("press", "social", "comment", "forum");

    /** Whether text of this kind is written the way people type (teencode, no diacritics) rather than edited. */
    public static boolean socialText(String kind) {
        return "social".equals(kind) || "comment".equals(kind) || "forum".equals(kind);
    }

    /** Fields a raw post cannot do without; a record missing one goes to the dead-letter topic. */
    public String missingField() {
        if (id == null || id.isBlank()) return "id";
        if (url == null || url.isBlank()) return "url";
        if (kind == null || kind.isBlank()) return "kind";
        if (text == null && title == null) return "text";
        if (publishedAt == null) return "publishedAt";
        return null;
    }
}
