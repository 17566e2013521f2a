package vn.iocstream.jobs.functions;

import vn.iocstream.jobs.detectors.PostFacets;

/**
 * One post matching one watchlist: the unit the per-watchlist windows and detectors count.
 *
 * @param facets what the post says, for the drivers of a volume-jump alert; null on hits that are only counted
 */
public record WatchlistHit(String watchlist, String postId, long eventTimeMs, boolean negative, double score,
                           PostFacets facets) {}
