-- Trending keys per sliding window (MediaJob). The window key (key type, key, window start) follows from the data
-- alone, so a replay rewrites the same rows and ReplacingMergeTree keeps one; read with FINAL.
CREATE TABLE IF NOT EXISTS trends (
    key_type      String,
    key           String,
    label         String,
    window_start  DateTime('UTC'),
    window_end    DateTime('UTC'),
    score         Float64,
    count         UInt64,
    negative      UInt64,
    baseline      Float64,
    first_seen    DateTime('UTC'),
    post_ids      Array(String)
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(window_start)
ORDER BY (key_type, key, window_start)
