-- One row per (alert, channel): the latest attempt wins (version = attempts). The alerts service reads it
-- before delivering, so an alert seen twice (replay, restart) is delivered once per channel.
CREATE TABLE IF NOT EXISTS alert_deliveries (
    alert_id      String,
    channel       String,
    status        String,
    attempts      UInt32,
    detail        String,
    updated_at    DateTime('UTC')
) ENGINE = ReplacingMergeTree(attempts)
ORDER BY (alert_id, channel)
