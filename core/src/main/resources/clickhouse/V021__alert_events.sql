-- The history of every managed alert: one row per change (fired, refired, reopened, acknowledged, resolved,
-- assigned, commented, suppressed, unsuppressed, escalated, expired). seq is service-wide, strictly increasing and
-- never reused (clock microseconds): the control room's push feed resumes from it. A rewritten event (same alert,
-- same seq) collapses. province / commune_key copy the alert's, so that a feed resumed from storage is filtered by
-- the subscriber's scope in the query.
CREATE TABLE IF NOT EXISTS alert_events (
    seq           UInt64,
    alert_id      String,
    at            DateTime('UTC'),
    actor         String,
    action        String,
    from_state    String,
    to_state      String,
    comment       String,
    province      String,
    commune_key   String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(at)
ORDER BY (alert_id, seq)
