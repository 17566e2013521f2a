-- The control room's audit trail: every login, failed login, logout and action (alert acknowledged, resolved,
-- assigned, commented, silenced), with who, from where and on what. Written once per event by the web server,
-- never by a stream, so a plain MergeTree: nothing replays into it. Ordered by target so that an alert's
-- history is a range read.
CREATE TABLE IF NOT EXISTS audit_log (
    time      DateTime('UTC'),
    nanos     UInt64,
    actor     String,
    role      String,
    action    String,
    target    String,
    outcome   String,
    detail    String,
    address   String
) ENGINE = MergeTree()
PARTITION BY toYYYYMM(time)
ORDER BY (target, time, nanos)
