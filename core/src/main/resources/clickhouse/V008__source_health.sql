-- Freshness of each crawled source, written by the runtime every sourceHealth.writeIntervalSeconds (not per fetch).
-- The newest row per source survives merges (read with FINAL). Counters count since the crawler process started.
-- A time of 0 (the epoch; 18.16 shows it as 0000-00-00 00:00:00) means "never": no Nullable, so panels and alert
-- rules compare times directly.
-- status: ok | failing (errors, not yet stale) | stale (no success for failedIntervals poll intervals)
--         | silent (answers, but no new item for silentHours)
CREATE TABLE IF NOT EXISTS source_health (
    source              String,
    outlet              String,
    url                 String,
    interval_seconds    UInt32,
    last_attempt        DateTime('UTC'),
    last_success        DateTime('UTC'),
    last_new_item       DateTime('UTC'),
    consecutive_errors  UInt32,
    total_errors        UInt64,
    attempts            UInt64,
    new_items           UInt64,
    status              String,
    updated_at          DateTime('UTC')
) ENGINE = ReplacingMergeTree(updated_at)
ORDER BY source
