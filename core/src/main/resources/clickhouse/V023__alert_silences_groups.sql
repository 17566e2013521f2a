-- Silences created from the API or the CLI: the newest version of each wins. matcher is the JSON of AlertMatcher;
-- province / commune_key copy its locality for scope filters. expired_at 0 = not ended early.
CREATE TABLE IF NOT EXISTS alert_silences (
    id            String,
    matcher       String,
    province      String,
    commune_key   String,
    starts_at     DateTime('UTC'),
    ends_at       DateTime('UTC'),
    created_by    String,
    created_at    DateTime('UTC'),
    comment       String,
    expired_by    String,
    expired_at    DateTime('UTC'),
    version       UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- Notification groups (one route's alerts with the same groupBy values): what is still to announce and when the
-- group was last notified, so that a notification waiting out groupWait, groupInterval or quiet hours survives a
-- restart. The newest version of a group wins.
CREATE TABLE IF NOT EXISTS alert_groups (
    id                 String,
    route              String,
    group_key          String,
    members            Array(String),
    pending            Array(String),
    notified           Array(String),
    first_pending_at   DateTime('UTC'),
    last_notified_at   DateTime('UTC'),
    version            UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id
