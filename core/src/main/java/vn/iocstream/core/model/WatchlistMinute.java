package vn.iocstream.core.model;

import java.time.Instant;

/** Posts matching one watchlist in one event-time minute; ClickHouse {@code watchlist_stats}. */
public record WatchlistMinute(String watchlist, Instant minute, long posts, long negative, double avgScore) {}
