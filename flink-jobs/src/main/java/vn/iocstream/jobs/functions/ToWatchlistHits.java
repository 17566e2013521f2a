package vn.iocstream.jobs.functions;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import vn.iocstream.core.model.EnrichedPost;

/** Fans a post out to one hit per watchlist it matches. */
public final class ToWatchlistHits implements FlatMapFunction<EnrichedPost, WatchlistHit> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(EnrichedPost post, Collector<WatchlistHit> out) {
        for (String watchlist : post.watchlists()) {
            out.collect(new WatchlistHit(watchlist, post.id(), post.publishedAt().toEpochMilli(),
                    "negative".equals(post.sentiment()), post.score()));
        }
    }
}
