-- Managed alerts: one row per alert id, the newest version wins (ReplacingMergeTree(version): read with FINAL).
-- The id is the first occurrence's deterministic id (rule + key + window start); window_start (the partition key)
-- is that occurrence's and never changes, so every version of an alert lands in one partition. V020 adds the
-- lifecycle columns; `version` is here so that a new database gets the versioned engine (a database created before
-- it keeps ReplacingMergeTree() and the last inserted row wins, which the alerts service, the only writer, writes
-- in version order).
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
    created_at    DateTime('UTC'),
    version       UInt64 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(window_start)
ORDER BY id
