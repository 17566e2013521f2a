-- Every notification attempt: one row per (delivery, attempt); attempts = 0 is the row written when a delivery is
-- scheduled (status pending), then one row per attempt (sent | failed | gave_up | cancelled). Rewriting the same
-- attempt (after a restart) collapses onto its row. V022 adds the delivery's columns. A database created before
-- V022 keeps the old key (alert_id, channel), which collapses attempts: the alerts service warns and says how to
-- move it aside.
CREATE TABLE IF NOT EXISTS alert_deliveries (
    alert_id      String,
    channel       String,
    delivery_id   String,
    status        String,
    attempts      UInt32,
    detail        String,
    updated_at    DateTime('UTC')
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(updated_at)
ORDER BY (alert_id, channel, delivery_id, attempts)
