package vn.iocstream.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A post after NLP, on {@code ioc.enriched.posts} and in ClickHouse {@code posts}.
 *
 * @param province    current (post-1 July 2025) provincial unit, resolved by the gazetteer, or ""
 * @param places      place names as written in the text (old names kept)
 * @param entities    entities found in the text, with canonical ids
 * @param sentiment   {@code negative}, {@code neutral} or {@code positive}
 * @param score       sentiment score in [-1, 1]
 * @param watchlists  names of the watchlists the post matches
 * @param fingerprint near-duplicate fingerprint (SimHash)
 * @param storyId     id of the story the post belongs to (syndicated copies share it)
 * @param flags       the raw post's flags ({@link RawPost#flags()})
 */
public record EnrichedPost(String id, String url, String kind, String source, String title, String text,
                           String author, Instant publishedAt, Instant fetchedAt, String province,
                           List<String> places, List<EntityMention> entities, int words, String sentiment,
                           double score, List<String> watchlists, long fingerprint, String storyId, List<String> flags) {
    public EnrichedPost {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** A post without flags. */
    public EnrichedPost(String id, String url, String kind, String source, String title, String text,
                        String author, Instant publishedAt, Instant fetchedAt, String province,
                        List<String> places, List<EntityMention> entities, int words, String sentiment,
                        double score, List<String> watchlists, long fingerprint, String storyId) {
        this(id, url, kind, source, title, text, author, publishedAt, fetchedAt, province, places, entities, words,
                sentiment, score, watchlists, fingerprint, storyId, List.of());
    }

    public EnrichedPost withStoryId(String story) {
        return new EnrichedPost(id, url, kind, source, title, text, author, publishedAt, fetchedAt, province, places,
                entities, words, sentiment, score, watchlists, fingerprint, story, flags);
    }
}
