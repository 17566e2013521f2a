package vn.iocstream.jobs.detectors.trend;

import vn.iocstream.jobs.detectors.PostFacets;

/**
 * One post counted under one trend key: the unit {@link TrendDetector} counts.
 *
 * @param keyType one of the {@code TrendKeys} type constants
 * @param key     stable key within its type (watchlist name, canonical id, lower-case phrase, province, story id)
 * @param label   how the key reads for people (watchlist title, phrase or entity as written, headline)
 * @param social  the post is a social post or comment, not press
 * @param facets  what the post says, for the drivers of an alert (null in tests that do not look at them)
 */
public record TrendHit(String keyType, String key, String label, String postId, long timeMs, boolean social,
                       boolean negative, PostFacets facets) {
    /** The Flink key: type and key together, so "Hà Nội" as a phrase and as a locality are counted apart. */
    public String groupKey() {
        return keyType + ":" + key;
    }
}
