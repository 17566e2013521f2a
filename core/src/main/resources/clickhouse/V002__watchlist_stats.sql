-- Posts per watchlist per event-time minute. A replayed window rewrites the same (watchlist, minute) key.
CREATE TABLE IF NOT EXISTS watchlist_stats (
    watchlist  String,
    minute     DateTime('UTC'),
    posts      UInt64,
    negative   UInt64,
    avg_score  Float64
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(minute)
ORDER BY (watchlist, minute)
