-- Alerts with their evidence. The id is deterministic (rule + key + window start), so a replay that
-- raises the same alert again collapses onto the same row.
CREATE TABLE IF NOT EXISTS alerts (
    id            String,
    rule          String,
    severity      String,
    key           String,
    title         String,
    window_start  DateTime('UTC'),
    window_end    DateTime('UTC'),
    count         UInt64,
    baseline      Float64,
    post_ids      Array(String),
    created_at    DateTime('UTC')
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(window_start)
ORDER BY id
