package vn.iocstream.jobs.functions;

import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.jobs.detectors.PostFacets;

/** Fans a post out to one hit per watchlist it matches. */
public final class ToWatchlistHits implements FlatMapFunction<EnrichedPost, WatchlistHit> {
    private static final long serialVersionUID = 1L;
    private final boolean withFacets;

    /** @param withFacets whether the hits carry the post's facets (for alert drivers); counts do without */
    public ToWatchlistHits(boolean withFacets) {
        this.withFacets = withFacets;
    }

    @Override
    public void flatMap(EnrichedPost post, Collector<WatchlistHit> out) {
        if (post.watchlists().isEmpty()) return;
        // No segmenter here: a volume jump's drivers show entities, outlets, places and the first post, not phrases.
        PostFacets facets = withFacets ? PostFacets.of(post, List.of()) : null;
        for (String watchlist : post.watchlists()) {
            out.collect(new WatchlistHit(watchlist, post.id(), post.publishedAt().toEpochMilli(),
                    "negative".equals(post.sentiment()), post.score(), facets));
        }
    }
}
