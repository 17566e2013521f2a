package vn.iocstream.jobs.functions;

/** One post matching one watchlist: the unit the per-watchlist windows and detectors count. */
public record WatchlistHit(String watchlist, String postId, long eventTimeMs, boolean negative, double score) {}
